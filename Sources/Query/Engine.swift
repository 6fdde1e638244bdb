import Store
import Synchronization

/// A position range in the query text: 1-based line and column of its start, and the
/// UTF-8 offsets it covers.
public struct SourceSpan: Sendable, Hashable {
    public let line: Int
    public let column: Int
    public let range: Range<Int>

    public init(line: Int, column: Int, range: Range<Int>) {
        self.line = line
        self.column = column
        self.range = range
    }
}

/// An error as data: what kind, what went wrong, where, and what might help.
public struct Diagnostic: Error, Sendable {
    public enum Kind: String, Sendable { case syntax, name, type, execution, limit }
    public let kind: Kind
    public let message: String
    public let span: SourceSpan?
    public let hints: [String]

    public init(kind: Kind, message: String, span: SourceSpan?, hints: [String] = []) {
        self.kind = kind
        self.message = message
        self.span = span
        self.hints = hints
    }
}

/// The rows a statement produced.
public struct QueryResult: Sendable {
    public let columns: [String]
    public let types: [ColumnType]
    public let rows: [[Value]]
    /// `COPY (…) TO 'file'`: the file the rows go to (the shell writes it, in the format its
    /// extension names: .csv, .tsv or .json) instead of printing them.
    public var copyTarget: String?

    public init(columns: [String], types: [ColumnType], rows: [[Value]]) {
        self.columns = columns
        self.types = types
        self.rows = rows
    }
}

/// Runs BudgetQL text against a catalog: the driver that wires Lexer -> Parser -> Binder ->
/// Executor together and does nothing else.
///
/// Semantics where LANGUAGE.md leaves a choice (DuckDB's where it is silent):
/// - `/` gives an exact decimal rounded half away from zero at 18 places, printed without
///   trailing zeros down to the operands' places (7 / 2 = 3.5); division or `%` by zero gives NULL.
/// - Arithmetic runs in 64 bits and widens to 128 (about 38 digits) when a value needs it,
///   integers too; beyond 128 bits an overflow is an error that points at the expression.
/// - substr follows PostgreSQL (positions before 1 count but hold nothing).
/// - NULLs sort last in both directions unless NULLS FIRST is written; text sorts by code point.
/// - share(x) = 100 · x / (total of x over the result, after WHERE and HAVING, before LIMIT),
///   rounded to 2 places; NULL when the total is 0.
/// - avg() gives max(6, scale) places; round(x, n) takes n from -18 to 18; CAST to INTEGER rounds.
/// - With FROM left out the query reads `spending`, unless it names no column at all
///   (`SELECT 1 + 1` is one row).
public final class Engine: Sendable {
    public let catalog: Catalog
    /// Reference names of function and economic codes, from the catalog's `classes` table.
    let classNames: [String: String]
    /// Tables and views made with CREATE in this session.
    let session: SessionObjects
    /// `.threads N`: how many workers a query uses (the processors BudgetQL may run on unless set).
    private let parallelismSetting: Mutex<Parallelism>

    public init(catalog: Catalog, threads: Int = Processors.available) {
        self.catalog = catalog
        self.classNames = Engine.classNames(from: catalog)
        self.session = SessionObjects()
        self.parallelismSetting = Mutex(Parallelism(threads: threads))
    }

    /// An engine over newly loaded tables that keeps the session's CREATEd tables and views,
    /// and its thread count.
    public init(catalog: Catalog, keepingSessionOf other: Engine) {
        self.catalog = catalog
        self.classNames = Engine.classNames(from: catalog)
        self.session = other.session
        self.parallelismSetting = Mutex(other.parallelism)
    }

    /// Worker threads per query; at least 1. Results do not depend on it.
    public var threads: Int {
        get { parallelism.threads }
        set { parallelismSetting.withLock { $0.threads = max(1, newValue) } }
    }

    /// Threads and morsel size (tests shrink the morsel to split small tables).
    var parallelism: Parallelism {
        get { parallelismSetting.withLock { $0 } }
        set { parallelismSetting.withLock { $0 = newValue } }
    }

    func executor(_ cancellation: Cancellation?) -> Executor {
        var executor = Executor(classNames: classNames, cancellation: cancellation)
        executor.parallelism = parallelism
        return executor
    }

    /// The names of the tables and views made with CREATE, for listings and completion.
    public var sessionObjectNames: [String] {
        let s = session.snapshot
        return (s.tables.values.map(\.name) + s.views.keys).sorted()
    }

    /// Runs every statement in `source`, returning one result per statement.
    public func execute(_ source: String, parameters: [String: Value] = [:]) throws(Diagnostic) -> [QueryResult] {
        try execute(source, parameters: parameters, cancellation: nil)
    }

    /// Runs every statement in `source`; `cancellation` is checked between batches.
    public func execute(_ source: String, parameters: [String: Value] = [:], cancellation: Cancellation?) throws(Diagnostic) -> [QueryResult] {
        let statements = try Parser.parse(source)
        var results: [QueryResult] = []
        for statement in statements {
            results.append(try run(statement, parameters: parameters, cancellation: cancellation))
        }
        return results
    }

    /// The plan of a query, one operator per line (what EXPLAIN prints).
    public func explain(_ source: String, parameters: [String: Value] = [:]) throws(Diagnostic) -> [String] {
        var lines: [String] = []
        for statement in try Parser.parse(source) {
            switch statement {
            case .query(let q), .explain(let q), .copy(let q, _, _), .create(_, _, let q, _, _):
                lines += try binder(parameters).bind(q).explanation
            case .describe(let name, let span):
                lines.append("Describe \(try describe(name, span: span).rows.count) columns")
            case .drop(let kind, let name, _, _):
                lines.append("Drop \(kind.rawValue.lowercased()) \(name)")
            }
        }
        return lines
    }

    /// The columns of a table and their types (what DESCRIBE prints).
    public func describe(table name: String) throws(Diagnostic) -> QueryResult {
        try describe(name, span: nil)
    }

    func run(_ statement: Statement, parameters: [String: Value], cancellation: Cancellation?) throws(Diagnostic) -> QueryResult {
        let binder = binder(parameters)
        switch statement {
        case .query(let q):
            let plan = try binder.bind(q)
            return try executor(cancellation).run(plan)
        case .explain(let q):
            let lines = try binder.bind(q).explanation
            return QueryResult(columns: ["plan"], types: [.text], rows: lines.map { [.text($0)] })
        case .describe(let name, let span):
            return try describe(name, span: span)
        case .create(let kind, let name, let q, let replace, let span):
            return try create(kind, name: name, query: q, replace: replace, span: span, parameters: parameters, cancellation: cancellation)
        case .drop(let kind, let name, let ifExists, let span):
            return try drop(kind, name: name, ifExists: ifExists, span: span)
        case .copy(let q, let path, let span):
            let lower = path.lowercased()
            guard [".csv", ".tsv", ".json"].contains(where: { lower.hasSuffix($0) }) else {
                throw Diagnostic(kind: .name, message: "COPY writes .csv, .tsv or .json files, not \(path)", span: span,
                                 hints: ["COPY (SELECT …) TO 'result.csv'"])
            }
            var result = try executor(cancellation).run(try binder.bind(q))
            result.copyTarget = path
            return result
        }
    }

    private func describe(_ name: String, span: SourceSpan?) throws(Diagnostic) -> QueryResult {
        if let view = session.snapshot.views[name.lowercased()], let part = try binder([:]).bind(view).parts.first {
            let rows: [[Value]] = (0..<part.visibleCount).map { [.text(part.names[$0]), .text(part.outputs[$0].type.description), .boolean(true)] }
            return QueryResult(columns: ["column", "type", "has_nulls"], types: [.text, .text, .boolean], rows: rows)
        }
        let catalog = visibleCatalog
        guard let table = catalog.table(named: name) else {
            var message = "no table \"\(name)\""
            if let s = Suggestions.closest(to: name, among: catalog.tableNames) { message += "; did you mean \"\(s)\"?" }
            throw Diagnostic(kind: .name, message: message, span: span,
                             hints: catalog.tableNames.isEmpty ? ["no tables are loaded"] : ["tables: " + catalog.tableNames.joined(separator: ", ")])
        }
        let rows: [[Value]] = table.columns.map { c in
            [.text(c.name), .text(SQLType(column: c).description), .boolean(c.nulls != nil)]
        }
        return QueryResult(columns: ["column", "type", "has_nulls"], types: [.text, .text, .boolean], rows: rows)
    }

    /// code -> name from a `classes` table (code, kind, level, name, name_en), when loaded.
    /// Function codes win over economic ones when both use the same digits.
    static func classNames(from catalog: Catalog) -> [String: String] {
        guard let table = catalog.table(named: "classes"), let code = table.column(named: "code"), let name = table.column(named: "name") else {
            return [:]
        }
        let kind = table.column(named: "kind")
        var names: [String: String] = [:]
        for row in 0..<table.rowCount {
            guard case .text(let n) = name.value(at: row) else { continue }
            let key: String
            switch code.value(at: row) {
            case .integer(let i): key = String(i)
            case .text(let t): key = t.filter { $0 != " " }
            default: continue
            }
            let isFunction: Bool
            if case .text(let k)? = kind?.value(at: row) { isFunction = k == "function" } else { isFunction = true }
            if names[key] == nil || isFunction { names[key] = n }
        }
        return names
    }
}

/// One statement's text inside a larger source, with where it starts (1-based line and column),
/// so a batch run can say "file.bql:12:5" for an error in its third statement.
public struct StatementText: Sendable, Hashable {
    public let text: String
    public let line: Int
    public let column: Int

    public init(text: String, line: Int, column: Int) {
        self.text = text
        self.line = line
        self.column = column
    }
}

/// Set from another thread (the shell's Ctrl-C handler) to stop a running query between batches.
/// The flag is atomic, so setting it from a signal-handling thread is not a data race. One per
/// statement, and never reset: a worker that has not yet seen its cancellation must not be
/// un-cancelled by the statement after it.
public final class Cancellation: Sendable {
    private let flag = Atomic<Bool>(false)
    public init() {}
    public func cancel() { flag.store(true, ordering: .relaxed) }
    public var isCancelled: Bool { flag.load(ordering: .relaxed) }
}

