/// What the command line asked for (parsed by the `budgetql` executable, run by `Shell`).
public struct ShellOptions: Sendable {
    /// Snapshot files or directories; empty means the default `Data/`.
    public var dataPaths: [String] = []
    /// `-c`, in the order given: statements to run instead of the REPL, each `-c` after the one
    /// before (as sqlite3 and duckdb do), stopping at the first failure unless `keepGoing`.
    public var commands: [String] = []
    /// `-f`: a file of statements to run instead of the REPL.
    public var file: String?
    /// `--format`; nil means a table on a terminal and CSV when stdout is a file or a pipe.
    public var format: OutputMode?
    /// `--param name=value`, in order (a later one wins).
    public var parameters: [String] = []
    /// `--keep-going`: report an error and go on with the next statement.
    public var keepGoing = false
    /// `run --output FILE`: write the report there instead of stdout.
    public var output: String?
    /// `--engine`: where queries run.
    public var engine: EngineChoice = .embedded
    /// `--threads N`: worker threads per query and files read at once; nil means the processors
    /// BudgetQL may run on.
    public var threads: Int?
    /// `run --lang zh|en`: the language of the report's headers.
    public var language: ReportLanguage = .zh

    public init() {}
}

/// Where queries run: the embedded engine over loaded files (the default), or a Spark cluster
/// over a warehouse (`--engine spark --master URL --warehouse DIR`).
public enum EngineChoice: Sendable, Equatable {
    case embedded
    case spark(master: String, warehouse: String)
}

/// The process exit status, as documented in the README.
public enum ExitStatus: Int32, Sendable {
    /// Everything ran.
    case success = 0
    /// A statement or dot-command failed (the error is on stderr).
    case statementFailed = 1
    /// An input could not be read: a -f file, a --data path, a saved query name, a bad --param.
    case inputUnavailable = 2
    /// The reader of the results went away (`| head` had its lines) while SIGPIPE was ignored:
    /// the status SIGPIPE itself would have given (128 + 13).
    case readerGone = 141
}
