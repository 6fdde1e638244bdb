import Foundation
import Ingest
import LineEditor
import Query
import SparkEngine
import Store

/// The interactive and batch front end: what `budgetql` runs after parsing its arguments.
public enum Shell {
    public static func version() -> String { "0.1.0" }

    /// Saved queries and reports (`.run`, `.queries`, `budgetql run`, `budgetql queries`): the
    /// reports of Sources/Shell/Reports. `QueriesDirectory` is the plain fallback (runs a .bql
    /// file as statements); tests may swap in their own.
    nonisolated(unsafe) public static var savedQueries: any SavedQueryCommands = ReportCommands()

    /// Names for Tab completion after `.run`.
    static func savedQueryNames() -> [String] {
        let session = Session(mode: .table, interactive: false)
        return savedQueries.list(in: session).map(\.name)
    }

    /// Runs what the options ask for: `-c`, `-f`, statements from a non-terminal stdin, or the REPL.
    public static func run(_ options: ShellOptions) -> Int32 {
        let batchInput = !options.commands.isEmpty || options.file != nil || !Console.stdinIsTerminal
        guard let session = prepareSession(options, interactive: !batchInput) else {
            return ExitStatus.inputUnavailable.rawValue
        }
        var ok = true
        if !options.commands.isEmpty {
            for command in options.commands {
                let succeeded = session.runScript(command, origin: .prompt, keepGoing: options.keepGoing)
                ok = ok && succeeded
                if !succeeded && !options.keepGoing { break }
            }
        } else if let file = options.file {
            guard let source = readSource(file) else { return ExitStatus.inputUnavailable.rawValue }
            if file != "-" { session.readChain = [ReadScript(name: file, identity: FileIdentity.of(file))] }
            ok = session.runScript(source, origin: SourceOrigin(name: file), keepGoing: options.keepGoing)
        } else if batchInput {
            // stdin is a file or a pipe: no prompts, no echo, no readline.
            let data = FileHandle.standardInput.readDataToEndOfFile()
            let source = String(decoding: data, as: UTF8.self)
            ok = session.runScript(source, origin: SourceOrigin(name: "<stdin>"), keepGoing: options.keepGoing)
        } else {
            REPL(session: session, historyPath: HistoryLocation.path(environment: ProcessInfo.processInfo.environment)).run()
        }
        // An `.output` file still open replaces the old file now if the run succeeded (a failed
        // batch run leaves the old file whole); one that could not be completed is a failure.
        if let failure = session.output.close(commit: ok) {
            Console.error(failure)
            ok = false
        }
        if session.output.readerGone { return ExitStatus.readerGone.rawValue }
        return ok ? ExitStatus.success.rawValue : ExitStatus.statementFailed.rawValue
    }

    /// `budgetql queries`: lists the saved queries.
    public static func listSavedQueries(_ options: ShellOptions) -> Int32 {
        guard let session = prepareSession(options, interactive: false, loadData: false) else {
            return ExitStatus.inputUnavailable.rawValue
        }
        return session.run(.queries) == .done ? ExitStatus.success.rawValue : ExitStatus.statementFailed.rawValue
    }

    /// `budgetql run NAME [name=value ...]`: runs one saved query.
    public static func runSavedQuery(_ options: ShellOptions, name: String, arguments: [String]) -> Int32 {
        var options = options
        if options.format == nil, let output = options.output { options.format = OutputMode(fileExtensionOf: output) }
        guard let session = prepareSession(options, interactive: false) else { return ExitStatus.inputUnavailable.rawValue }
        if let output = options.output, let problem = session.output.redirect(to: output, once: false) {
            Console.error("run: \(problem)")
            return ExitStatus.inputUnavailable.rawValue
        }
        var bindings: [String: Value] = [:]
        for argument in arguments {
            guard let binding = ParameterBinding.parse(argument) else {
                Console.error("run: \"\(argument)\" is not name=value")
                session.output.close(commit: false)
                return ExitStatus.inputUnavailable.rawValue
            }
            bindings[binding.name] = binding.value
        }
        var ok = savedQueries.run(name: name, arguments: bindings, in: session)
        // The --output file replaces the old one only when the report was written whole.
        if let failure = session.output.close(commit: ok) {
            Console.error(failure)
            ok = false
        }
        if session.output.readerGone { return ExitStatus.readerGone.rawValue }
        return ok ? ExitStatus.success.rawValue : ExitStatus.statementFailed.rawValue
    }

    /// Builds the session the options describe: output mode, parameters, data loaded. Nil (after
    /// saying why) when an input is missing.
    static func prepareSession(_ options: ShellOptions, interactive: Bool, loadData: Bool = true) -> Session? {
        // pdftotext runs in process groups of its own, which a terminal's Ctrl-C does not reach.
        PdftotextProcess.killChildrenOnFatalSignals()
        let mode = options.format ?? (Console.stdoutIsTerminal ? .table : .csv)
        let session = Session(mode: mode, interactive: interactive)
        session.reportLanguage = options.language
        if let threads = options.threads { session.threads = threads }
        for text in options.parameters {
            guard let binding = ParameterBinding.parse(text) else {
                Console.error("--param \"\(text)\" is not name=value")
                return nil
            }
            session.parameters[binding.name] = binding.value
        }
        guard loadData else { return session }
        if case .spark(let master, let warehouse) = options.engine {
            guard FileManager.default.fileExists(atPath: warehouse + "/schema.json") else {
                Console.error("--warehouse: no schema.json in \(warehouse) (make one with budgetql export or spark/ingest.py)")
                return nil
            }
            do {
                session.use(remote: try SparkEngine(master: master, warehouse: warehouse))
            } catch {
                Console.error("--engine spark: \(error.message)")
                return nil
            }
            if interactive {
                Console.error("Spark at \(master), warehouse \(warehouse): \(session.catalog.tables.count) tables. (EXPLAIN shows the Spark SQL)")
            }
            return session
        }
        var paths = options.dataPaths
        if paths.isEmpty {
            guard let data = DataLocation.defaultDataDirectory() else {
                Console.error("no Data/ directory here or above the budgetql executable; use --data PATH or set BUDGETQL_DATA")
                return nil
            }
            paths = [data]
        }
        for path in paths {
            var info = stat()
            guard stat(path, &info) != 0 else { continue }
            // The system's own words: "No such file or directory", "Too many levels of symbolic links".
            Console.error("--data: cannot read \(path): \(String(cString: strerror(errno)))")
            return nil
        }
        let report = session.load(paths: paths)
        if !report.problems.isEmpty, DataSources.loadedNothing(from: paths, into: session.catalog) {
            // Queries over nothing would answer with empty results and exit 0: a silent loss.
            for problem in report.problems { Console.error("error: \(problem)") }
            Console.error("error: nothing could be loaded from \(paths.joined(separator: ", "))")
            return nil
        }
        if interactive {
            Console.error(StartupSummary.text(catalog: session.catalog, problems: report.problems, paths: paths))
        } else if !report.problems.isEmpty {
            Console.error("warning: \(StartupSummary.count(report.problems.count, "problem")) while loading; first: \(report.problems[0])")
        }
        return session
    }

    /// `budgetql export --data PATHS --out DIR`: every loaded table as CSV plus schema.json.
    public static func export(_ options: ShellOptions, to directory: String) -> Int32 {
        guard let session = prepareSession(options, interactive: false) else { return ExitStatus.inputUnavailable.rawValue }
        do {
            let tables = try CatalogExport.write(session.catalog, to: directory, problems: session.loadProblems.map(\.description))
            let rows = tables.reduce(0) { $0 + $1.rows }
            Console.error("exported \(StartupSummary.count(tables.count, "table")), \(StartupSummary.count(rows, "row")) to \(directory)")
            return ExitStatus.success.rawValue
        } catch {
            Console.error("export: \(error.description)")
            return ExitStatus.inputUnavailable.rawValue
        }
    }

    private static func readSource(_ path: String) -> String? {
        if path == "-" { return String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self) }
        switch ScriptFile.read(path) {
        case .success(let text): return text
        case .failure(let problem):
            Console.error(problem.description)
            return nil
        }
    }
}
