import Foundation
import Ingest
import LineEditor
import Query
import Store

/// Where a statement came from, for error positions: a file (or stdin) names file:line:column.
public struct SourceOrigin: Sendable, Equatable {
    /// "queries.bql", "<stdin>"; nil for the REPL and `-c`, whose errors need no file name.
    public let name: String?

    public init(name: String?) { self.name = name }

    public static let prompt = SourceOrigin(name: nil)
}

/// One analyst's session: the loaded tables, the engine over them, and the settings that
/// dot-commands change. Used from the main thread only.
public final class Session {
    public private(set) var catalog = Catalog()
    /// The embedded engine over the loaded tables, or a remote one (`--engine spark`).
    public private(set) var engine: any QueryEngine = Engine(catalog: Catalog())
    /// True when queries run elsewhere (Spark): the catalog holds the schema, not the rows, so
    /// commands that read rows here (`.load`, `.checks`) refuse instead of answering wrongly.
    public private(set) var isRemoteEngine = false
    public private(set) var dataPaths: [String] = []
    public private(set) var loadProblems: [LoadProblem] = []
    public var mode: OutputMode
    /// Rows the table mode shows before cutting; nil shows all.
    public var maxRows: Int? = 40
    public var timer = false
    /// `.headers on|off` (sqlite3's habit): the header line of table, csv, tsv and markdown output.
    public var headers = true
    /// `.nullvalue TEXT` (sqlite3's habit): how a table shows NULL.
    public var nullText = "NULL"
    /// `.pager on|off`: long table results on a terminal go through `$PAGER`.
    public var pager = false
    /// `.threads N` / `--threads N`: worker threads per query and files read at once, kept by the
    /// embedded engine (and across loads); the processors BudgetQL may run on unless set
    /// (`taskset` and a container's CPU set count). Results are the same at any count.
    public var threads: Int {
        get { (engine as? Engine)?.threads ?? Processors.available }
        set { (engine as? Engine)?.threads = newValue }
    }
    /// `--lang`: the language of report headers.
    public var reportLanguage: ReportLanguage = .zh
    /// How many snapshot files a load reads at once: the same `.threads` / `--threads` as
    /// queries (the processors BudgetQL may run on unless set).
    public var ingestWorkers: Int { threads }
    public var parameters: [String: Value] = [:]
    /// The REPL: Ctrl-C cancels queries and errors need no file name.
    public let interactive: Bool
    let output = OutputSink()
    /// The scripts being run (`-f`, then each `.read` inside), outermost first.
    var readChain: [ReadScript] = []

    public init(mode: OutputMode, interactive: Bool) {
        self.mode = mode
        self.interactive = interactive
    }

    // MARK: Loading

    /// Loads snapshot files and directories, replacing what was loaded. Shows progress on a
    /// terminal when the load takes a while. In the REPL, Ctrl-C cancels the load (its pdftotext
    /// processes included) and keeps what was loaded before; the report then says `cancelled`.
    @discardableResult
    public func load(paths: [String]) -> LoadReport {
        let progress = LoadProgress(shown: Console.stderrIsTerminal)
        let cancellation = LoadCancellation()
        let workers = ingestWorkers
        let started = DispatchTime.now()
        let report: LoadReport
        if interactive {
            report = LoadExecution.run(cancellation: cancellation) {
                DataSources.load(paths: paths, workers: workers, progress: progress.report, cancellation: cancellation)
            }
        } else {
            report = DataSources.load(paths: paths, workers: workers, progress: progress.report)
        }
        progress.clear()
        if ProcessInfo.processInfo.environment["BUDGETQL_LOAD_STATS"] == "1" {
            Console.error(LoadProgress.statistics(report.statistics, since: started))
        }
        guard !report.cancelled else { return report }
        catalog = Catalog(tables: report.tables)
        // CREATEd tables and views stay across a load.
        engine = (engine as? Engine).map { Engine(catalog: catalog, keepingSessionOf: $0) } ?? Engine(catalog: catalog)
        dataPaths = paths
        loadProblems = report.problems
        return report
    }

    /// Runs queries on `engine` instead of the embedded one over loaded files.
    public func use(remote engine: any QueryEngine) {
        self.engine = engine
        catalog = engine.catalog
        dataPaths = []
        loadProblems = []
        isRemoteEngine = true
    }

    /// Adds more snapshots to the session (`.load`): everything is loaded again together, so the
    /// rows of the new documents land in the same tables as the old.
    public func add(path: String) -> LoadReport {
        load(paths: dataPaths + [path])
    }

    // MARK: Running statements

    /// Runs one statement and prints its results; on error prints where and what. Returns false
    /// when the statement failed or was cancelled.
    @discardableResult
    public func run(_ statement: StatementText, in source: String, origin: SourceOrigin) -> Bool {
        let started = DispatchTime.now()
        // Rows are printed as they are read (ResultPrinter), not after the whole result.
        let printer = ResultPrinter(session: self)
        let outcome = QueryExecution.run(statement.text, engine: engine, parameters: parameters, cancellable: interactive,
                                         placesFirst: effectiveMode.streamingRenderer != nil, into: printer)
        var succeeded: Bool
        switch outcome {
        case .finished:
            if timer {
                let seconds = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9
                Console.error(String(format: "Run Time: %.3f s", seconds))
            }
            succeeded = printer.succeeded
        case .failed(let diagnostic):
            Console.diagnostic(ErrorReport.text(diagnostic, statement: statement, source: source, origin: origin,
                                                color: Console.colorAllowed(terminal: Console.stderrIsTerminal)))
            succeeded = false
        case .cancelled:
            Console.error("cancelled")
            succeeded = false
        }
        // A result that did not reach its file or stdout (a full disk) is a failure; a reader
        // that went away ends the run quietly (Session.runScript, Shell.run).
        succeeded = succeeded && !output.readerGone
        if let failure = output.statementFinished(succeeded: succeeded) {
            Console.error(failure)
            return false
        }
        return succeeded && !output.readerGone
    }

    /// COPY (…) TO 'file': the rows in the format the extension names, every row, no colour.
    func copy(_ result: QueryResult, to path: String) -> Bool {
        guard let mode = OutputMode(fileExtensionOf: path) else {
            Console.error("error: COPY writes .csv, .tsv or .json files, not \(path)")
            return false
        }
        let text = mode.renderer.render(result, options: RenderOptions(maxRows: nil, color: false))
        do {
            try text.write(toFile: path, atomically: true, encoding: .utf8)
        } catch {
            Console.error("error: cannot write \(path): \(error.localizedDescription)")
            return false
        }
        Console.error("wrote \(result.rows.count) row\(result.rows.count == 1 ? "" : "s") to \(path)")
        return true
    }


    /// The mode results are written in: the output file's extension (`.once report.html`) wins
    /// over `.mode`, as `--output` does for `budgetql run`.
    public var effectiveMode: OutputMode { output.mode ?? mode }

    /// The current mode's text for a result: colour, cutting and fitting to the terminal's width
    /// only for the table on a terminal.
    public func render(_ result: QueryResult) -> String {
        effectiveMode.renderer.render(result, options: renderOptions)
    }

    /// The current mode's options (only the table is cut to `.maxrows`).
    var renderOptions: RenderOptions {
        let toTerminal = output.isStandardOutput && Console.stdoutIsTerminal
        var options = RenderOptions(maxRows: maxRows, width: terminalWidth, color: Console.colorAllowed(terminal: toTerminal),
                                    headers: headers, nullText: nullText)
        if effectiveMode != .table { options.maxRows = nil }
        return options
    }

    /// The columns a table must fit in: the terminal's, when a table goes to it; nil otherwise
    /// (a file or a pipe gets every column at its natural width).
    var terminalWidth: Int? {
        guard effectiveMode == .table, output.isStandardOutput, Console.stdoutIsTerminal else { return nil }
        return LineEditor.terminalColumns()
    }

    /// Writes a shell message that is part of the output (`.tables`, `.schema`, ...).
    func print(_ text: String) {
        let visible = VisibleText.escaped(text, keeping: ["\n", "\t"])
        output.write(visible.hasSuffix("\n") ? visible : visible + "\n")
    }
}
