import Foundation
import LineEditor
import Query
import Store

/// How a dot-command ended.
public enum DotCommandOutcome: Equatable {
    case done
    /// Failed; the message says why (nil when the failure was already reported, as by `.read`).
    case failed(String?)
    case quit
}

extension Session {
    /// Parses and runs one dot-command line.
    public func runDotCommand(_ line: String) -> DotCommandOutcome {
        let command: DotCommand
        do {
            command = try DotCommand.parse(line)
        } catch {
            return .failed(error.description)
        }
        return run(command)
    }

    public func run(_ command: DotCommand) -> DotCommandOutcome {
        let outcome = perform(command)
        switch command {
        case .output, .once, .run, .read, .quit:
            // These manage the output themselves: .once must outlive itself, .run and .read
            // finish each statement they run.
            return outcome
        default:
            // What a command printed is checked like a result: a write that failed is its failure.
            if let failure = output.statementFinished(succeeded: outcome == .done) { return .failed(failure) }
            return outcome
        }
    }

    private func perform(_ command: DotCommand) -> DotCommandOutcome {
        switch command {
        case .help(let name): return help(name)
        case .tables:
            let rows = catalog.tables.map { t in [Value.text(t.name), engine.rowCount(of: t.name).map { .integer(Int64($0)) } ?? .null] }
            show(QueryResult(columns: ["table", "rows"], types: [.text, .integer], rows: rows))
        case .schema(let name): return schema(name)
        case .load(let path):
            if isRemoteEngine { return .failed(".load: queries run on Spark here; ingest files into the warehouse with spark/ingest.py") }
            var info = stat()
            // The system's own words: "No such file or directory", "Too many levels of symbolic links".
            guard stat(path, &info) == 0 else { return .failed(".load: cannot read \(path): \(String(cString: strerror(errno)))") }
            // Loading a path twice would count its documents twice in every total.
            func resolved(_ p: String) -> String { URL(fileURLWithPath: p).standardizedFileURL.resolvingSymlinksInPath().path }
            let key = resolved(path)
            if dataPaths.contains(where: { resolved($0) == key }) {
                Console.error("\(path) is already loaded (.docs lists the documents)")
                return .done
            }
            let before = catalog
            let earlier = Set(loadProblems.map(\.description))
            let report = add(path: path)
            if report.cancelled { return .failed(".load cancelled; the tables loaded before are kept") }
            let fresh = report.problems.filter { !earlier.contains($0.description) }
            Console.error(StartupSummary.added(before: before, after: catalog, newProblems: fresh, path: path))
        case .problems:
            if loadProblems.isEmpty {
                print("no problems while loading \(dataPaths.joined(separator: ", "))")
            } else {
                let rows = loadProblems.map { problem in
                    // The file has its own column; a message that repeats it is shown without.
                    let message = problem.message.hasPrefix(problem.file + ": ") ? String(problem.message.dropFirst(problem.file.count + 2)) : problem.message
                    return [Value.text(problem.file), problem.line.map { Value.integer(Int64($0)) } ?? .null, .text(message)]
                }
                show(QueryResult(columns: ["file", "line", "problem"], types: [.text, .integer, .text], rows: rows))
            }
        case .docs:
            if let docs = catalog.table(named: "docs") {
                show(QueryResult(table: docs, where: { _ in true }))
            } else {
                let rows = dataPaths.map { [Value.text($0)] }
                show(QueryResult(columns: ["path"], types: [.text], rows: rows))
            }
        case .checks(let doc): return checks(doc)
        case .mode(let mode):
            if let mode { self.mode = mode } else { print("mode: \(self.mode.rawValue)") }
        case .output(let path):
            if let failure = output.redirect(to: path, once: false) { return .failed(".output: " + failure) }
        case .once(let path):
            if let failure = output.redirect(to: path, once: true) { return .failed(".once: " + failure) }
        case .timer(let on): timer = on
        case .headers(let on): headers = on
        case .pager(let on): pager = on
        case .nullValue(let text): nullText = text
        case let .paramSet(name, value): parameters[name] = ParameterBinding.value(of: value)
        case .paramList:
            let rows = parameters.keys.sorted().map { [Value.text(":" + $0), .text(ParameterBinding.literal(parameters[$0] ?? .null))] }
            show(QueryResult(columns: ["parameter", "value"], types: [.text, .text], rows: rows))
        case .paramClear(let name):
            if let name {
                let key = name.hasPrefix(":") ? String(name.dropFirst()) : name
                guard parameters.removeValue(forKey: key) != nil else { return .failed(".param clear: no parameter :\(key)") }
            } else {
                parameters.removeAll()
            }
        case let .run(name, arguments):
            var bindings: [String: Value] = [:]
            for argument in arguments {
                if let binding = ParameterBinding.parse(argument) { bindings[binding.name] = binding.value }
            }
            return Shell.savedQueries.run(name: name, arguments: bindings, in: self) ? .done : .failed(nil)
        case .queries:
            let entries = Shell.savedQueries.list(in: self)
            if entries.isEmpty {
                print("no saved queries (put NAME.bql files in Queries/)")
            } else {
                // Name and parameters first: what is typed after .run; the description last, the
                // column a narrow terminal cuts.
                let rows = entries.map { [Value.text($0.name), .text($0.parameters), .text($0.source), .text($0.summary)] }
                show(QueryResult(columns: ["query", "parameters", "from", "what it answers"], types: [.text, .text, .text, .text], rows: rows))
            }
        case .read(let path):
            return read(path)
        case .maxRows(let n):
            if let n { maxRows = n == 0 ? nil : n } else { print("maxrows: \(maxRows.map(String.init) ?? "0 (all)")") }
        case .threads(let n):
            if let n { threads = n } else { print("threads: \(threads)") }
        case .history:
            for (i, entry) in LineEditor.historyEntries().enumerated() {
                print("\(String(i + 1).leftPadded(to: 5))  \(entry.replacingOccurrences(of: "\n", with: "\n       "))")
            }
        case .quit: return .quit
        }
        return .done
    }

    /// `.read FILE`: runs a script inside this one. A script that reads itself, directly or
    /// through others, would recurse until the stack overflows: the chain of files being read is
    /// kept, and a repeat or a chain deeper than `maximumReadDepth` is an error naming the chain.
    private func read(_ path: String) -> DotCommandOutcome {
        let identity = FileIdentity.of(path)
        if let identity, let start = readChain.firstIndex(where: { $0.identity == identity }) {
            let chain = (readChain[start...].map(\.name) + [path]).joined(separator: " -> ")
            return .failed(".read: \(path) is already being read (\(chain))")
        }
        guard readChain.count < Session.maximumReadDepth else {
            let chain = (readChain.map(\.name) + [path]).joined(separator: " -> ")
            return .failed(".read: scripts nested more than \(Session.maximumReadDepth) deep (\(chain))")
        }
        let source: String
        switch ScriptFile.read(path) {
        case .success(let text): source = text
        case .failure(let problem): return .failed(".read: \(problem)")
        }
        readChain.append(ReadScript(name: path, identity: identity))
        defer { readChain.removeLast() }
        return runScript(source, origin: SourceOrigin(name: path), keepGoing: false) ? .done : .failed(nil)
    }

    static let maximumReadDepth = 32

    /// Prints a shell-made result in the current mode (so `.mode csv` + `.tables` gives CSV too).
    func show(_ result: QueryResult) {
        output.write(render(result))
    }

    private func help(_ name: String?) -> DotCommandOutcome {
        if let name {
            guard let entry = DotCommandCatalog.entry(named: name) else {
                return .failed(DotCommandError.unknown(name, suggestion: DotCommandCatalog.nearest(to: name)).description)
            }
            print("\(entry.usage)\n    \(entry.summary)")
            return .done
        }
        let width = DotCommandCatalog.entries.map { $0.usage.count }.max() ?? 0
        var text = ""
        for entry in DotCommandCatalog.entries {
            text += entry.usage.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + entry.summary + "\n"
        }
        text += "Statements end at ; or at the end of a complete line. Tab completes; Ctrl-C cancels; Ctrl-D leaves."
        print(text)
        return .done
    }

    private func schema(_ name: String?) -> DotCommandOutcome {
        let tables: [Table]
        if let name {
            guard let table = catalog.table(named: name) else {
                let nearest = Suggestions.closest(to: name, among: catalog.tableNames)
                let hint = nearest.map { "; did you mean \($0)?" } ?? ""
                return .failed(".schema: no table \"\(name)\"\(hint)")
            }
            tables = [table]
        } else {
            tables = catalog.tables
        }
        var rows: [[Value]] = []
        for table in tables {
            for column in table.columns {
                rows.append([.text(table.name), .text(column.name), .text(column.type.description)])
            }
        }
        show(QueryResult(columns: ["table", "column", "type"], types: [.text, .text, .text], rows: rows))
        return .done
    }

    private func checks(_ doc: String?) -> DotCommandOutcome {
        if isRemoteEngine { return .failed(".checks: queries run on Spark here; ask SELECT * FROM checks WHERE status <> 'ok'") }
        guard let checks = catalog.table(named: "checks") else {
            return .failed(".checks: the loaded data has no checks table")
        }
        let status = checks.column(named: "status")
        let docColumn = checks.column(named: "doc")
        if doc != nil, docColumn == nil { return .failed(".checks: the checks table has no doc column") }
        let result = QueryResult(table: checks) { row in
            if let status, !StartupSummary.isFailure(status.value(at: row)) { return false }
            if let doc, let docColumn {
                guard case .text(let d) = docColumn.value(at: row), d == doc || d.hasPrefix(doc) else { return false }
            }
            return true
        }
        if result.rows.isEmpty {
            print(doc.map { "all checks of \($0) passed" } ?? "all checks passed")
        } else {
            show(Session.readableChecks(result, documents: catalog.table(named: "docs")?.rowCount ?? 0))
        }
        return .done
    }

    /// What a reader of failed checks needs: the rule, the numbers, where (line, page) and the
    /// detail last (the column a narrow terminal cuts); not the snapshot columns (unit, year,
    /// stage, scope) every row repeats, nor the document when only one is loaded.
    static func readableChecks(_ result: QueryResult, documents: Int) -> QueryResult {
        let wanted = (documents > 1 ? ["doc"] : []) + ["rule", "status", "expected", "actual", "diff", "line", "page", "detail"]
        let indices = wanted.compactMap { name in result.columns.firstIndex(of: name) }
        guard !indices.isEmpty else { return result }
        return QueryResult(columns: indices.map { result.columns[$0] }, types: indices.map { result.types[$0] },
                           rows: result.rows.map { row in indices.map { $0 < row.count ? row[$0] : .null } })
    }
}

extension QueryResult {
    /// The rows of a stored table that pass a filter, as a result.
    init(table: Table, where keep: (Int) -> Bool) {
        var rows: [[Value]] = []
        for i in 0..<table.rowCount where keep(i) { rows.append(table.row(i)) }
        self.init(columns: table.columns.map(\.name), types: table.columns.map(\.type), rows: rows)
    }
}

extension String {
    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}
