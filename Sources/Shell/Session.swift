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
    public private(set) var engine = Engine(catalog: Catalog())
    public private(set) var dataPaths: [String] = []
    public private(set) var loadProblems: [LoadProblem] = []
    public var mode: OutputMode
    /// Rows the table mode shows before cutting; nil shows all.
    public var maxRows: Int? = 40
    public var timer = false
    public var parameters: [String: Value] = [:]
    /// The REPL: Ctrl-C cancels queries and errors need no file name.
    public let interactive: Bool
    let output = OutputSink()
    let cancellation = Cancellation()

    public init(mode: OutputMode, interactive: Bool) {
        self.mode = mode
        self.interactive = interactive
    }

    // MARK: Loading

    /// Loads snapshot files and directories, replacing what was loaded. Shows progress on a
    /// terminal when the load takes a while.
    @discardableResult
    public func load(paths: [String]) -> LoadReport {
        let started = Date()
        let showProgress = Console.stderrIsTerminal
        var progressShown = false
        let report = DataSources.load(paths: paths) { done, total, file in
            guard showProgress, total > 1, Date().timeIntervalSince(started) > 0.5 else { return }
            progressShown = true
            let name = (file as NSString).lastPathComponent
            Console.status("\r\u{1B}[Kloading \(done)/\(total) \(DisplayWidth.truncate(name, to: 50))")
        }
        if progressShown { Console.status("\r\u{1B}[K") }
        catalog = Catalog(tables: report.tables)
        engine = Engine(catalog: catalog, keepingSessionOf: engine)  // CREATEd tables and views stay
        dataPaths = paths
        loadProblems = report.problems
        return report
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
        let outcome = QueryExecution.run(statement.text, engine: engine, parameters: parameters,
                                         cancellation: cancellation, cancellable: interactive)
        defer { output.statementFinished() }
        switch outcome {
        case .results(let results):
            for result in results {
                if let target = result.copyTarget {
                    guard copy(result, to: target) else { return false }
                    continue
                }
                output.write(render(result))
            }
            if timer {
                let seconds = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9
                Console.error(String(format: "Run Time: %.3f s", seconds))
            }
            return true
        case .failed(let diagnostic):
            Console.error(ErrorReport.text(diagnostic, statement: statement, source: source, origin: origin,
                                           color: Console.colorAllowed(terminal: Console.stderrIsTerminal)))
            return false
        case .cancelled:
            Console.error("cancelled")
            return false
        }
    }

    /// COPY (…) TO 'file': the rows in the format the extension names, every row, no colour.
    private func copy(_ result: QueryResult, to path: String) -> Bool {
        guard let mode = OutputMode(fileExtensionOf: path) else {
            Console.error("error: COPY writes .csv, .tsv or .json files, not \(path)")
            return false
        }
        let text = mode.renderer.render(result, options: RenderOptions(maxRows: nil, maxCellWidth: Int.max, color: false))
        do {
            try text.write(toFile: path, atomically: true, encoding: .utf8)
        } catch {
            Console.error("error: cannot write \(path): \(error.localizedDescription)")
            return false
        }
        Console.error("wrote \(result.rows.count) row\(result.rows.count == 1 ? "" : "s") to \(path)")
        return true
    }

    /// The current mode's text for a result: colour and cutting only for the table on a terminal.
    public func render(_ result: QueryResult) -> String {
        let toTerminal = output.isStandardOutput && Console.stdoutIsTerminal
        var options = RenderOptions(maxRows: maxRows, color: Console.colorAllowed(terminal: toTerminal))
        if mode != .table { options.maxRows = nil }
        let renderer = mode.renderer
        guard mode == .table, toTerminal, let columns = LineEditor.terminalColumns() else {
            return renderer.render(result, options: options)
        }
        // A table wider than the terminal would wrap into unreadable lines: cut wide cells
        // harder until it fits (or cannot shrink further).
        var text = renderer.render(result, options: options)
        for limit in [30, 24, 18, 12] where Session.widestLine(of: text, plain: !options.color) > columns {
            options.maxCellWidth = limit
            text = renderer.render(result, options: options)
        }
        return text
    }

    /// Display width of the widest line (SGR colour codes skipped).
    static func widestLine(of text: String, plain: Bool) -> Int {
        var widest = 0
        for line in text.split(separator: "\n") {
            var width = 0
            var inEscape = false
            for c in line {
                if inEscape { if c == "m" { inEscape = false }; continue }
                if c == "\u{1B}" { inEscape = true; continue }
                width += DisplayWidth.of(c)
            }
            widest = max(widest, width)
        }
        return widest
    }

    /// Writes a shell message that is part of the output (`.tables`, `.schema`, ...).
    func print(_ text: String) {
        output.write(text.hasSuffix("\n") ? text : text + "\n")
    }
}
