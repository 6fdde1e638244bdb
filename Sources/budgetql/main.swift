import ArgumentParser
import Shell

/// Options every form of the command shares.
struct CommonOptions: ParsableArguments {
    @Option(name: .customLong("data"), help: ArgumentHelp("A snapshot file or directory to load instead of Data/ (repeatable).", valueName: "path"))
    var dataPaths: [String] = []

    @Option(help: ArgumentHelp("Output: table, csv, tsv, json, markdown, line or html (default: table on a terminal, csv otherwise).", valueName: "format"))
    var format: OutputMode?

    @Option(name: .customLong("param"), help: ArgumentHelp("A value for :name in queries (repeatable).", valueName: "name=value"))
    var parameters: [String] = []

    @Flag(help: "After an error, report it and go on with the next statement.")
    var keepGoing = false

    @Option(help: ArgumentHelp("Worker threads per query and files read at once (default: the processors BudgetQL may run on); results do not change.", valueName: "n"))
    var threads: Int?

    @Option(help: ArgumentHelp("Where queries run: embedded (default) or spark.", valueName: "engine"))
    var engine: EngineName = .embedded

    @Option(help: ArgumentHelp("With --engine spark: the Spark master URL (spark://host:port, local[N]).", valueName: "url"))
    var master: String?

    @Option(help: ArgumentHelp("With --engine spark: the warehouse directory (budgetql export or spark/ingest.py output).", valueName: "dir"))
    var warehouse: String?

    func validate() throws {
        if let threads, threads < 1 { throw ValidationError("--threads needs 1 or more, not \(threads)") }
        switch engine {
        case .embedded:
            if master != nil || warehouse != nil { throw ValidationError("--master and --warehouse go with --engine spark") }
        case .spark:
            guard master != nil, warehouse != nil else { throw ValidationError("--engine spark needs --master URL and --warehouse DIR") }
            if !dataPaths.isEmpty { throw ValidationError("--data loads files into the embedded engine; with --engine spark the data is the --warehouse") }
        }
    }

    func shellOptions() -> ShellOptions {
        var options = ShellOptions()
        options.dataPaths = dataPaths
        options.format = format
        options.parameters = parameters
        options.keepGoing = keepGoing
        options.threads = threads
        if engine == .spark, let master, let warehouse { options.engine = .spark(master: master, warehouse: warehouse) }
        return options
    }
}

extension OutputMode: ExpressibleByArgument {}
extension ReportLanguage: ExpressibleByArgument {}

enum EngineName: String, ExpressibleByArgument, CaseIterable {
    case embedded, spark
}

/// The shell: the REPL, or -c / -f / statements on stdin; `run` and `queries` for saved queries.
struct BudgetQL: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "budgetql",
        abstract: "Query Chinese government budget disclosures with a small SQL.",
        discussion: """
        With no -c or -f, statements are read from stdin when it is not a terminal, and
        otherwise the interactive shell starts on Data/ (type .help there).
        Exit status: 0 success, 1 a statement failed, 2 an input could not be read, 64 bad usage.
        """,
        version: Shell.version(),
        subcommands: [RunSavedQuery.self, ListSavedQueries.self, ExportTables.self, Audit.self, ListRules.self])

    @Option(name: .customShort("c"), help: ArgumentHelp("Run these statements, print the results, exit (repeatable: each runs in order).", valueName: "query"))
    var commands: [String] = []

    @Option(name: .customShort("f"), help: ArgumentHelp("Run the statements in this file (- for stdin), exit.", valueName: "file"))
    var file: String?

    @OptionGroup var common: CommonOptions

    func validate() throws {
        try common.validate()
        if !commands.isEmpty && file != nil { throw ValidationError("use -c or -f, not both") }
    }

    func run() throws {
        var options = common.shellOptions()
        options.commands = commands
        options.file = file
        let status = Shell.run(options)
        if status != 0 { throw ExitCode(status) }
    }
}

/// `budgetql run NAME [name=value ...]`: a saved query from Queries/.
struct RunSavedQuery: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "run", abstract: "Run a saved query from Queries/.")

    @Argument(help: "The saved query's name (Queries/NAME.bql).")
    var name: String

    @Argument(help: ArgumentHelp("Parameter values.", valueName: "name=value"))
    var arguments: [String] = []

    @Option(help: ArgumentHelp("Write the report to this file (its extension picks the format when --format is not given).", valueName: "file"))
    var output: String?

    @Option(help: ArgumentHelp("The language of the report's headers: zh (Chinese, English names as tooltips; the default) or en.", valueName: "lang"))
    var lang: ReportLanguage = .zh

    @OptionGroup var common: CommonOptions

    func run() throws {
        var options = common.shellOptions()
        options.output = output
        options.language = lang
        let status = Shell.runSavedQuery(options, name: name, arguments: arguments)
        if status != 0 { throw ExitCode(status) }
    }
}

/// `budgetql queries`: what saved queries there are.
struct ListSavedQueries: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "queries", abstract: "List the saved queries.")

    @OptionGroup var common: CommonOptions

    func run() throws {
        let status = Shell.listSavedQueries(common.shellOptions())
        if status != 0 { throw ExitCode(status) }
    }
}

/// `budgetql export --data PATHS --out DIR`: the loaded tables as files Spark reads.
struct ExportTables: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write every loaded table as CSV with an exact schema (schema.json), for Spark.",
        discussion: "Money is exact: DECIMAL with each column's scale. spark/ingest.py and --engine spark read the result.")

    @Option(help: ArgumentHelp("The directory to write (created when missing).", valueName: "dir"))
    var out: String

    @OptionGroup var common: CommonOptions

    func run() throws {
        let status = Shell.export(common.shellOptions(), to: out)
        if status != 0 { throw ExitCode(status) }
    }
}

/// `budgetql audit`: every loaded document's findings, grouped by document and severity.
struct Audit: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit", abstract: "Report what reviewers would flag in the loaded disclosures.",
        discussion: "Formats: table, markdown, html, json. Exit status 1 when any finding is an error, 0 otherwise.")

    @Option(help: ArgumentHelp("Write the report to this file (its extension picks the format when --format is not given).", valueName: "file"))
    var output: String?

    @OptionGroup var common: CommonOptions

    func run() throws {
        var options = common.shellOptions()
        options.output = output
        let status = Shell.audit(options)
        if status != 0 { throw ExitCode(status) }
    }
}

/// `budgetql rules`: the audit's rules, one line each.
struct ListRules: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "rules", abstract: "List the audit rules.")

    @OptionGroup var common: CommonOptions

    func run() throws {
        let status = Shell.listRules(common.shellOptions())
        if status != 0 { throw ExitCode(status) }
    }
}

BudgetQL.main()
