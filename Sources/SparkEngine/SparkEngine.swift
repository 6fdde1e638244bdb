import Foundation
import Query
import Store

/// BudgetQL on a Spark cluster: each statement is parsed and bound by BudgetQL against the
/// warehouse's schema (so errors keep their caret and suggestions), translated to Spark SQL, run
/// by the long-lived driver, and its rows typed by the bound query, so the shell's renderers and
/// reports show them exactly as the embedded engine's.
public final class SparkEngine: QueryEngine, @unchecked Sendable {
    /// The warehouse's tables with their columns and types; `docs`, `classes` and `checks` with
    /// their rows too, since reports list the documents and the failed checks, the shell's
    /// .checks and audit read them, and completion offers class names.
    public private(set) var catalog: Catalog
    let driver: SparkDriver
    let translator = SparkTranslator()
    private var binder: Engine

    /// Tables kept here whole (a few rows per document; checks are the largest, some hundred
    /// per document).
    static let localTables: Set<String> = ["docs", "classes", "checks"]

    public init(driver: SparkDriver) throws(SparkFailure) {
        self.driver = driver
        catalog = Catalog()
        binder = Engine(catalog: catalog)
        try refreshCatalog()
    }

    /// Starts a driver against `master` and `warehouse`.
    public convenience init(master: String, warehouse: String) throws(SparkFailure) {
        try self.init(driver: try SparkDriver(master: master, warehouse: warehouse))
    }

    /// Rows per table as the warehouse's schema.json records them (the catalog here holds none).
    public func rowCount(of table: String) -> Int? {
        driver.tables.first { ($0["name"] as? String) == table }.flatMap { $0["rows"] as? Int }
    }

    /// Stops the driver (it also stops when the engine is released).
    public func stop() { driver.stop() }

    /// Switches the session to another warehouse, on the same driver.
    public func load(warehouse: String) throws(SparkFailure) {
        try driver.load(warehouse: warehouse)
        try refreshCatalog()
    }

    private func refreshCatalog() throws(SparkFailure) {
        var tables: [Table] = []
        for t in driver.tables {
            guard let name = t["name"] as? String, let columns = t["columns"] as? [[String: Any]] else {
                throw SparkFailure("the warehouse's schema.json has a table without a name or columns")
            }
            var schema: [(String, SparkColumnType)] = []
            for c in columns {
                guard let cname = c["name"] as? String, let ctype = c["type"] as? String, let type = SparkColumnType(ctype) else {
                    throw SparkFailure("table \(name): a column with no name or a type BudgetQL does not read (\(c["type"] ?? "none"))")
                }
                schema.append((cname, type))
            }
            if SparkEngine.localTables.contains(name) {
                tables.append(try fetch(name, schema))
            } else {
                tables.append(Table(name: name, columns: schema.map { $0.1.emptyColumn(named: $0.0) }))
            }
        }
        catalog = Catalog(tables: tables)
        binder = Engine(catalog: catalog)
    }

    private func fetch(_ name: String, _ schema: [(String, SparkColumnType)]) throws(SparkFailure) -> Table {
        let sql = "SELECT " + schema.map { SparkTranslator.identifier($0.0) }.joined(separator: ", ") + " FROM " + SparkTranslator.identifier(name)
        let (_, rows) = try driver.query(sql)
        var columns: [[Value]] = Array(repeating: [], count: schema.count)
        for row in rows {
            for (i, (_, type)) in schema.enumerated() {
                columns[i].append(try SparkEngine.value(i < row.count ? row[i] : nil, type.planType))
            }
        }
        return Table(name: name, columns: schema.enumerated().map { i, c in c.1.column(named: c.0, values: columns[i]) })
    }

    // MARK: running statements

    public func execute(_ source: String, parameters: [String: Value], cancellation: Cancellation?) throws(Diagnostic) -> [QueryResult] {
        if cancellation?.isCancelled == true { throw Diagnostic(kind: .execution, message: "query cancelled", span: nil) }
        return try executeBatch([(source, parameters)])[0].get()
    }

    /// Runs many sources at once: every statement's Spark SQL goes to the driver in one batch
    /// (PIVOT BY's second step in a second), which runs them side by side. Each source gets its
    /// results or its first error, as `execute` would.
    public func executeBatch(_ sources: [(source: String, parameters: [String: Value])]) -> [Result<[QueryResult], Diagnostic>] {
        // Each statement becomes a step; a step that needs Spark names its SQL and what to make
        // of the reply.
        var steps: [[Step]] = []
        var failures: [Diagnostic?] = []
        for (source, parameters) in sources {
            do throws(Diagnostic) {
                var list: [Step] = []
                for statement in try binder.bindStatements(source, parameters: parameters) { list.append(try step(statement)) }
                steps.append(list)
                failures.append(nil)
            } catch {
                steps.append([])
                failures.append(error)
            }
        }
        // Up to two rounds: a step answered by its reply, or by a further step.
        for _ in 0..<2 {
            var pending: [(Int, Int, String)] = []
            for (i, list) in steps.enumerated() where failures[i] == nil {
                for (j, step) in list.enumerated() { if case .spark(let sql, _) = step { pending.append((i, j, sql)) } }
            }
            if pending.isEmpty { break }
            let replies = driver.queryBatch(pending.map(\.2))
            for ((i, j, _), reply) in zip(pending, replies) where failures[i] == nil {
                guard case .spark(_, let then) = steps[i][j] else { continue }
                do throws(Diagnostic) {
                    switch reply {
                    case .success(let rows): steps[i][j] = try then(rows)
                    case .failure(let error): throw Diagnostic(kind: .execution, message: "Spark: " + error.message, span: nil)
                    }
                } catch {
                    failures[i] = error
                }
            }
        }
        return steps.enumerated().map { i, list in
            if let failure = failures[i] { return .failure(failure) }
            var results: [QueryResult] = []
            for step in list {
                guard case .done(let result) = step else {
                    return .failure(Diagnostic(kind: .execution, message: "Spark: a statement needed more than two steps", span: nil))
                }
                results.append(result)
            }
            return .success(results)
        }
    }

    /// One statement on its way: answered, or waiting for the rows of a Spark SQL statement.
    enum Step {
        case done(QueryResult)
        case spark(String, then: ([[String?]]) throws(Diagnostic) -> Step)
    }

    func step(_ statement: PlanStatement) throws(Diagnostic) -> Step {
        switch statement {
        case .query(let q):
            switch try translator.translate(q) {
            case .select(let sql, let columns, let types):
                return .spark(sql) { rows throws(Diagnostic) in .done(try SparkEngine.result(rows, columns, types, places: q.displayPlaces)) }
            case .pivot(let pivot):
                return .spark(pivot.valuesSQL) { rows throws(Diagnostic) in
                    let found = try SparkEngine.result(rows, ["v"], [pivot.pivotType])
                    let values = found.rows.compactMap(\.first).sorted(by: SparkEngine.pivotOrder)
                    let (sql, columns, types) = try pivot.final(values: values)
                    return .spark(sql) { rows throws(Diagnostic) in .done(try SparkEngine.result(rows, columns, types)) }
                }
            }
        case .explain(let q):
            return .done(QueryResult(columns: ["plan"], types: [.text], rows: try explanation(q).map { [.text($0)] }))
        case .describe(let name):
            return try describe(name)
        @unknown default:
            throw translator.untranslatable("this kind of statement")
        }
    }

    /// DESCRIBE: the columns and types BudgetQL binds against, and (asked of Spark, since the
    /// rows are there) whether each column holds NULLs.
    func describe(_ name: String) throws(Diagnostic) -> Step {
        let local = try binder.describe(table: name)
        guard let table = catalog.table(named: name), !table.columns.isEmpty else { return .done(local) }
        let probes = table.columns.enumerated().map { i, c in
            "CAST(count(*) FILTER (WHERE \(SparkTranslator.identifier(c.name)) IS NULL) > 0 AS BOOLEAN) AS n\(i)"
        }
        let sql = "SELECT " + probes.joined(separator: ", ") + " FROM " + SparkTranslator.identifier(table.name)
        return .spark(sql) { rows throws(Diagnostic) in
            let nulls = try SparkEngine.result(rows, table.columns.indices.map { "n\($0)" }, table.columns.map { _ in .boolean })
            guard let flags = nulls.rows.first, flags.count == local.rows.count else { return .done(local) }
            let described = zip(local.rows, flags).map { row, flag in Array(row.dropLast()) + [flag] }
            return .done(QueryResult(columns: local.columns, types: local.types, rows: described))
        }
    }

    /// What EXPLAIN prints on Spark: the Spark SQL the query becomes (for PIVOT BY, both steps).
    public func explanation(_ q: PlanQuery) throws(Diagnostic) -> [String] {
        switch try translator.translate(q) {
        case .select(let sql, _, _):
            return ["Spark SQL:", sql]
        case .pivot(let pivot):
            return ["Spark SQL (PIVOT BY, two steps):", "1. pivot values: " + pivot.valuesSQL,
                    "2. one column per value v: max(CASE WHEN pivot <=> v THEN value END), from: " + pivot.grouped]
        }
    }

    /// The driver's text cells typed by the bound query; a quotient column without the trailing
    /// zeros beyond its `places` (the embedded engine's display rule).
    static func result(_ cells: [[String?]], _ columns: [String], _ types: [PlanType], places: [Int?] = []) throws(Diagnostic) -> QueryResult {
        var rows: [[Value]] = []
        rows.reserveCapacity(cells.count)
        for row in cells {
            guard row.count == types.count else {
                throw Diagnostic(kind: .execution, message: "Spark returned \(row.count) columns, expected \(types.count)", span: nil)
            }
            var values: [Value] = []
            for (c, (cell, type)) in zip(row, types).enumerated() {
                do {
                    var v = try SparkEngine.value(cell, type)
                    if c < places.count, let minimum = places[c], case .decimal(let d) = v { v = .decimal(PlanQuery.displayed(d, minimum: minimum)) }
                    values.append(v)
                } catch {
                    throw Diagnostic(kind: .execution, message: error.message, span: nil)
                }
            }
            rows.append(values)
        }
        return QueryResult(columns: columns, types: types.map(\.columnType), rows: rows)
    }

    /// A cell from the driver, typed by the bound query.
    static func value(_ cell: String?, _ type: PlanType) throws(SparkFailure) -> Value {
        guard let cell else { return .null }
        switch type {
        case .integer, .null:
            if let i = Int64(cell) { return .integer(i) }
            // Past 64 bits the embedded engine holds an integer as a 128-bit decimal of no places.
            guard let wide = ExactDecimal(cell), wide.scale == 0 else { throw SparkFailure("Spark returned \(cell) where an integer was expected") }
            return .decimal(wide)
        case .decimal(let scale):
            guard let d = ExactDecimal(cell), let exact = d.rescaled(to: scale) else {
                throw SparkFailure("Spark returned \(cell) where a decimal was expected")
            }
            return .decimal(exact)
        case .text: return .text(cell)
        case .boolean:
            guard cell == "true" || cell == "false" else { throw SparkFailure("Spark returned \(cell) where a boolean was expected") }
            return .boolean(cell == "true")
        }
    }

    /// Pivot columns in the embedded engine's order: by value, text by code point, NULL last.
    static func pivotOrder(_ a: Value, _ b: Value) -> Bool {
        switch (a, b) {
        case (.null, _): return false
        case (_, .null): return true
        case (.integer(let x), .integer(let y)): return x < y
        case (.decimal(let x), .decimal(let y)): return x < y
        case (.text(let x), .text(let y)): return x.utf8.lexicographicallyPrecedes(y.utf8)
        case (.boolean(let x), .boolean(let y)): return !x && y
        default: return a.description < b.description
        }
    }
}

/// A column type as schema.json writes it (BIGINT, STRING, BOOLEAN, DECIMAL(p,s)).
struct SparkColumnType {
    let planType: PlanType

    init?(_ text: String) {
        let t = text.uppercased().filter { $0 != " " }
        switch t {
        case "BIGINT", "INT", "INTEGER", "LONG": planType = .integer
        case "STRING": planType = .text
        case "BOOLEAN": planType = .boolean
        default:
            guard t.hasPrefix("DECIMAL("), t.hasSuffix(")"), let comma = t.firstIndex(of: ","),
                  let scale = Int(t[t.index(after: comma)..<t.index(before: t.endIndex)]), (0...18).contains(scale) else { return nil }
            planType = .decimal(scale: scale)
        }
    }

    func emptyColumn(named name: String) -> Column { column(named: name, values: []) }

    func column(named name: String, values: [Value]) -> Column {
        var mask = NullMask()
        for v in values { mask.append(v.isNull) }
        let nulls = mask.hasNulls ? mask : nil
        switch planType {
        case .integer, .null:
            return Column(name: name, type: .integer, storage: .integer(PackedIntegers(values.map { if case .integer(let i) = $0 { return i } else { return 0 } })), nulls: nulls)
        case .decimal(let scale):
            let units = values.map { v -> Int64 in
                if case .decimal(let d) = v, let r = d.rescaled(to: scale), let u = Int64(exactly: r.units) { return u }
                return 0
            }
            return Column(name: name, type: .decimal, storage: .decimal(units: units, scale: scale), nulls: nulls)
        case .text:
            var dictionary: [String] = []
            var codes: [Int64] = []
            var index: [String: Int64] = [:]
            for v in values {
                guard case .text(let s) = v else { codes.append(0); continue }
                if let c = index[s] { codes.append(c) } else {
                    index[s] = Int64(dictionary.count)
                    codes.append(Int64(dictionary.count))
                    dictionary.append(s)
                }
            }
            return Column(name: name, type: .text, storage: .text(codes: PackedIntegers(codes), dictionary: dictionary.isEmpty ? [""] : dictionary), nulls: nulls)
        case .boolean:
            return Column(name: name, type: .boolean, storage: .boolean(values.map { if case .boolean(let b) = $0 { return b } else { return false } }), nulls: nulls)
        }
    }
}
