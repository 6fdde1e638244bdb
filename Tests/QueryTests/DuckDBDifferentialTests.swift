#if canImport(Ingest)
import Foundation
import Testing
import Store
import Ingest
@testable import Query

/// BudgetQL against DuckDB (PyPI `duckdb`, in the venv `./test` makes: .build/duckdb-venv) on the
/// same tables: the seed disclosure and two corpus PDFs (real tables: spending, income, facts,
/// checks) and a generated CSV read by BudgetQL's own CSV loader. About a thousand queries over
/// every construct run in one DuckDB process; their answers must agree.
///
/// Where the rules differ by design, the comparison says so here:
/// - Numbers compare by value. DuckDB's `/`, avg, stddev and variance are binary floating point;
///   BudgetQL's are exact decimals rounded at 18 places (`/`, variance), 6 (avg) or 9 (stddev),
///   so a cell agrees within 1e-6 (absolute) or 1e-9 (relative).
/// - median and quantile_cont of decimals: BudgetQL keeps the exact interpolated value (scale + 1
///   places), DuckDB rounds it to the column's places; they agree within half a unit there.
/// - substr with a start below 1 (PostgreSQL's rule here, counting from the end in DuckDB) and
///   FROM left out (spending here) are not generated.
/// - Rows compare as sorted lists, since an ORDER BY may leave ties in either order.
/// - `LIKE … ESCAPE NULL` is NULL in DuckDB and refused here (the escape is one character in
///   quotes), so it is not generated.
@Suite struct DuckDBDifferentialTests {
    static var packageDirectory: URL {
        var url = URL(fileURLWithPath: "\(#filePath)").resolvingSymlinksInPath()
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url
    }

    static var python: String? {
        if let p = ProcessInfo.processInfo.environment["BUDGETQL_DUCKDB_PYTHON"] { return p }
        let venv = packageDirectory.appendingPathComponent(".build/duckdb-venv/bin/python").path
        return FileManager.default.isExecutableFile(atPath: venv) ? venv : nil
    }

    // MARK: tables

    /// The corpus tables, loaded by the real ingest path.
    static func corpusTables() -> [Table] {
        let corpus = packageDirectory.deletingLastPathComponent().appendingPathComponent("shared/corpus").path
        var paths = [packageDirectory.appendingPathComponent("Data").path]
        for name in ["wanli-2025-dept-budget.pdf", "commerce-2025-dept-budget.pdf"] where FileManager.default.fileExists(atPath: corpus + "/" + name) {
            paths.append(corpus + "/" + name)
        }
        let wanted: Set<String> = ["spending", "income", "facts", "checks"]
        return SnapshotLoader.load(paths: paths).tables.filter { wanted.contains($0.name) }
    }

    /// A generated CSV of budget-like rows (fixed seed), with NULLs, negatives and Chinese text.
    static func generatedCSV() -> String {
        var r = DifferentialTests.Random(state: 13_2026)
        let units = ["万里学校", "喀什市委", "教育局", "卫健委", "财政局", "民政局"]
        let names = ["行政运行", "一般行政管理事务", "就业补助", "其他就业补助支出", "事业运行", "住房公积金", "医疗保障", "社区治理"]
        let classes: [Int] = [201, 204, 205, 208, 210, 221]
        var lines = ["unit,year,class,code,name,amount,basic,n,flag"]
        for _ in 0..<1500 {
            let c = r.pick(classes)
            let code = "\(c)\(String(format: "%02d", r.int(1...12)))\(String(format: "%02d", r.int(1...9)))"
            let amount = Double(r.int(-2_000...500_000)) / 100
            let basic = r.chance(25) ? "" : String(format: "%.2f", Double(r.int(0...300_000)) / 100)
            let n = r.chance(15) ? "" : String(r.int(-20...100))
            let flag = r.chance(10) ? "" : (r.chance(50) ? "true" : "false")
            lines.append("\(r.pick(units)),\(r.int(2022...2025)),\(c),\(code),\(r.chance(8) ? "" : r.pick(names)),\(String(format: "%.2f", amount)),\(basic),\(n),\(flag)")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A table as CSV for DuckDB: NULL is \N, text quoted, numbers exact; and its column types.
    static func export(_ table: Table) -> (csv: String, columns: [(String, String)]) {
        var columns: [(String, String)] = []
        for c in table.columns {
            switch c.storage {
            case .integer: columns.append((c.name, "BIGINT"))
            case .decimal(_, let scale): columns.append((c.name, "DECIMAL(38,\(scale))"))
            case .text: columns.append((c.name, "VARCHAR"))
            case .boolean: columns.append((c.name, "BOOLEAN"))
            }
        }
        var out = columns.map { "\"\($0.0)\"" }.joined(separator: ",") + "\n"
        for row in 0..<table.rowCount {
            out += table.row(row).map { v -> String in
                switch v {
                case .null: return "\\N"
                case .text(let t): return "\"" + t.replacing("\"", with: "\"\"") + "\""
                default: return v.description
                }
            }.joined(separator: ",") + "\n"
        }
        return (out, columns)
    }

    // MARK: the DuckDB side

    static let script = #"""
    import json, sys, duckdb, decimal
    job = json.load(open(sys.argv[1]))
    con = duckdb.connect()
    for t in job["tables"]:
        cols = ", ".join("'%s': '%s'" % (n.replace("'", "''"), ty) for n, ty in t["columns"])
        con.execute("CREATE TABLE \"%s\" AS SELECT * FROM read_csv('%s', header=true, nullstr='\\N', quote='\"', escape='\"', columns={%s})" % (t["name"], t["path"], cols))
    def cell(v):
        if v is None: return None
        if isinstance(v, bool): return "true" if v else "false"
        if isinstance(v, (int, decimal.Decimal)): return ["n", str(v)]
        if isinstance(v, float): return ["f", repr(v)]
        return str(v)
    out = []
    for q in job["queries"]:
        try:
            out.append({"rows": [[cell(v) for v in row] for row in con.execute(q).fetchall()]})
        except Exception as e:
            out.append({"error": str(e).splitlines()[0]})
    json.dump(out, open(sys.argv[2], "w"))
    """#

    static func runDuckDB(tables: [(name: String, csv: String, columns: [(String, String)])], queries: [String]) throws -> [Any] {
        guard let python = python else {
            throw CocoaError(.fileNoSuchFile, userInfo: [NSLocalizedDescriptionKey:
                "DuckDB is not installed: ./test makes the venv .build/duckdb-venv with PyPI duckdb (or set BUDGETQL_DUCKDB_PYTHON)"])
        }
        let dir = NSTemporaryDirectory() + "budgetql-duckdb-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        var tableSpecs: [[String: Any]] = []
        for t in tables {
            let path = dir + "/\(t.name).csv"
            try t.csv.write(toFile: path, atomically: true, encoding: .utf8)
            tableSpecs.append(["name": t.name, "path": path, "columns": t.columns.map { [$0.0, $0.1] }])
        }
        let job = dir + "/job.json", result = dir + "/result.json", scriptPath = dir + "/run.py"
        try JSONSerialization.data(withJSONObject: ["tables": tableSpecs, "queries": queries]).write(to: URL(fileURLWithPath: job))
        try script.write(toFile: scriptPath, atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = [scriptPath, job, result]
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        let stderr = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw CocoaError(.fileReadUnknown, userInfo: [NSLocalizedDescriptionKey: "duckdb failed: " + String(decoding: stderr, as: UTF8.self)])
        }
        return try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: result))) as? [Any] ?? []
    }

    // MARK: comparing

    enum Cell: Equatable, CustomStringConvertible {
        case null, text(String), number(Decimal, inexact: Bool)
        var description: String {
            switch self {
            case .null: return "NULL"
            case .text(let t): return t
            case .number(let d, _): return "\(d)"
            }
        }
        /// Equal, numbers within the tolerances the file comment explains.
        func agrees(with other: Cell) -> Bool {
            switch (self, other) {
            case (.number(let a, let i), .number(let b, let j)):
                if a == b { return true }
                let diff = abs(NSDecimalNumber(decimal: a - b).doubleValue)
                let size = max(abs(NSDecimalNumber(decimal: a).doubleValue), abs(NSDecimalNumber(decimal: b).doubleValue))
                if i || j { return diff <= 1e-6 || diff <= size * 1e-9 }
                // Exact median/quantile against DuckDB's rounded one: within half a unit of DuckDB's places.
                return diff <= 0.005 + 1e-12
            default: return self == other
            }
        }
    }

    static func cell(_ v: Value) -> Cell {
        switch v {
        case .null: return .null
        case .boolean(let b): return .text(b ? "true" : "false")
        case .text(let t): return .text(t)
        case .integer(let i): return .number(Decimal(i), inexact: false)
        case .decimal(let d): return .number(Decimal(string: d.description) ?? 0, inexact: d.scale >= 6)
        }
    }

    static func cell(_ json: Any) -> Cell {
        if json is NSNull { return .null }
        if let s = json as? String { return .text(s) }
        if let pair = json as? [String], pair.count == 2 {
            return .number(Decimal(string: pair[1]) ?? 0, inexact: pair[0] == "f")
        }
        return .text("\(json)")
    }

    static func sortKey(_ row: [Cell]) -> String { row.map(\.description).joined(separator: "\u{1F}") }

    // MARK: queries

    /// The generated queries: templates over the tables, each instantiated with several
    /// columns, constants and predicates (fixed seed).
    static func queries() -> [String] {
        var r = DifferentialTests.Random(state: 2026_1130)
        var out: [String] = []
        let years = [2022, 2023, 2024, 2025]
        let genKeys = ["unit", "year", "class", "name", "flag"]
        let genNumbers = ["amount", "basic", "n"]
        // The generated codes are digits, so the CSV loader types them INTEGER, as DuckDB would.
        let code = "CAST(code AS TEXT)"
        for _ in 0..<28 {
            let k = r.pick(genKeys), k2 = r.pick(genKeys.filter { $0 != k })
            let x = r.pick(genNumbers), y = r.pick(genNumbers.filter { $0 != x })
            let yr = r.pick(years), c = r.pick([201, 204, 205, 208, 210, 221]), t = r.int(-10...60)
            let pred = r.pick(["year = \(yr)", "class = \(c)", "\(x) > \(t)", "name LIKE '%就业%'", "flag", "NOT flag", "basic IS NULL", "unit IN ('教育局', '民政局')", "\(x) BETWEEN \(t) AND \(t + 500)"])
            out += [
                // Aggregates, FILTER, DISTINCT, exact sums
                "SELECT \(k), count(*), count(\(x)), sum(\(x)), min(\(x)), max(\(x)) FROM gen GROUP BY \(k)",
                "SELECT \(k), sum(\(x)) FILTER (WHERE \(pred)), count(*) FILTER (WHERE \(pred)) FROM gen GROUP BY \(k)",
                "SELECT \(k), \(k2), avg(\(x)), sum(DISTINCT \(y)), count(DISTINCT \(k2)) FROM gen WHERE \(pred) GROUP BY \(k), \(k2)",
                "SELECT \(k), sum(\(x)) / count(*), sum(\(x)) * 100 / sum(\(y)) FROM gen GROUP BY \(k) HAVING count(*) > \(r.int(5...60))",
                "SELECT count(*), sum(amount), sum(basic), avg(n) FROM gen WHERE \(pred)",
                // Statistics
                "SELECT \(k), median(\(x)), quantile_disc(\(x), \(r.pick(["0.1", "0.25", "0.5", "0.9"]))), variance(\(x)), stddev(\(x)) FROM gen GROUP BY \(k)",
                "SELECT \(k), string_agg(DISTINCT_name, '|' ORDER BY DISTINCT_name) FROM (SELECT DISTINCT \(k), name AS DISTINCT_name FROM gen WHERE name IS NOT NULL) GROUP BY \(k)",
                // Windows
                "SELECT \(k), \(x), row_number() OVER (PARTITION BY \(k) ORDER BY \(x) DESC, code, unit, year, amount), rank() OVER (PARTITION BY \(k) ORDER BY \(x)) FROM gen WHERE \(pred)",
                "SELECT \(k), \(x), dense_rank() OVER (ORDER BY \(x) DESC), ntile(\(r.int(2...7))) OVER (PARTITION BY \(k) ORDER BY \(x), code, unit, year, amount, n) FROM gen WHERE year = \(yr)",
                "SELECT \(k), \(x), sum(\(x)) OVER (PARTITION BY \(k)), count(\(x)) OVER (PARTITION BY \(k)), avg(\(x)) OVER (PARTITION BY \(k)) FROM gen",
                "SELECT \(k), \(x), sum(\(x)) OVER (PARTITION BY \(k) ORDER BY \(x) ROWS BETWEEN \(r.int(0...3)) PRECEDING AND \(r.int(0...3)) FOLLOWING), min(\(x)) OVER (PARTITION BY \(k) ORDER BY \(x) ROWS UNBOUNDED PRECEDING) FROM gen WHERE class = \(c)",
                "SELECT \(k), year, sum(\(x)), lag(sum(\(x))) OVER (PARTITION BY \(k) ORDER BY year), lead(sum(\(x)), 1, 0) OVER (PARTITION BY \(k) ORDER BY year), sum(sum(\(x))) OVER (PARTITION BY \(k) ORDER BY year) FROM gen GROUP BY \(k), year",
                "SELECT \(k), \(x), first_value(\(x)) OVER (PARTITION BY \(k) ORDER BY \(x) NULLS FIRST), last_value(\(x)) OVER (PARTITION BY \(k) ORDER BY \(x) ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) FROM gen WHERE \(pred)",
                "SELECT \(k), sum(\(x)), sum(\(x)) * 100 / sum(sum(\(x))) OVER () FROM gen GROUP BY \(k)",
                "SELECT \(k), \(x), count(DISTINCT \(k2)) OVER (PARTITION BY \(k)), sum(DISTINCT \(y)) OVER (PARTITION BY \(k) ORDER BY \(x), code, unit, year, amount, basic, n, name, flag ROWS BETWEEN 3 PRECEDING AND CURRENT ROW), quantile_disc(\(x), 0.5) OVER (PARTITION BY \(k)), stddev(\(x)) OVER (PARTITION BY \(k)) FROM gen WHERE \(pred)",
                "SELECT \(k), \(x), sum(\(x)) OVER (ORDER BY \(k) RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) FROM gen WHERE class = \(c)",
                "SELECT \(k), year, \(x), sum(\(x)) OVER (PARTITION BY \(k) ORDER BY year \(r.pick(["", "DESC"])) RANGE BETWEEN \(r.int(0...2)) PRECEDING AND \(r.int(0...1)) FOLLOWING), count(*) OVER (ORDER BY \(x) RANGE BETWEEN \(r.int(1...300)) PRECEDING AND CURRENT ROW) FROM gen WHERE \(pred)",
                // Roll-ups
                "SELECT \(k), \(k2), sum(\(x)), count(*), grouping(\(k), \(k2)) FROM gen GROUP BY ROLLUP (\(k), \(k2))",
                "SELECT \(k), \(k2), sum(\(x)) FROM gen WHERE \(pred) GROUP BY CUBE (\(k), \(k2))",
                "SELECT \(k), \(k2), avg(\(x)) FROM gen GROUP BY GROUPING SETS ((\(k)), (\(k2)), ())",
                // Subqueries and WITH
                "SELECT \(k), \(x) FROM gen WHERE \(x) > (SELECT avg(\(x)) FROM gen WHERE \(pred))",
                "SELECT count(*) FROM gen WHERE \(k) IN (SELECT \(k) FROM gen WHERE \(pred))",
                "SELECT count(*) FROM gen g WHERE NOT EXISTS (SELECT 1 FROM gen h WHERE h.\(k) = g.\(k) AND h.year > g.year)",
                "SELECT \(k), year, \(x) FROM gen g WHERE \(x) >= (SELECT max(\(x)) FROM gen h WHERE h.\(k) = g.\(k) AND h.year = g.year)",
                "WITH a AS (SELECT \(k), sum(\(x)) AS s FROM gen GROUP BY \(k)), b AS (SELECT * FROM a WHERE s > \(t * 100)) SELECT \(k), s, (SELECT sum(s) FROM a) FROM b",
                // Set operations, joins
                "SELECT \(k) FROM gen WHERE year = \(yr) UNION SELECT \(k) FROM gen WHERE class = \(c)",
                "SELECT \(k), class FROM gen WHERE year = \(yr) EXCEPT SELECT \(k), class FROM gen WHERE \(pred)",
                "SELECT \(k) FROM gen WHERE year = \(yr) INTERSECT ALL SELECT \(k) FROM gen WHERE \(pred)",
                "SELECT a.\(k), a.s, b.s FROM (SELECT \(k), sum(\(x)) AS s FROM gen WHERE year = \(yr) GROUP BY \(k)) a RIGHT JOIN (SELECT \(k), sum(\(x)) AS s FROM gen WHERE class = \(c) GROUP BY \(k)) b ON a.\(k) = b.\(k)",
                "SELECT a.\(k), b.\(k) FROM (SELECT DISTINCT \(k) FROM gen WHERE year = \(yr)) a FULL JOIN (SELECT DISTINCT \(k) FROM gen WHERE \(pred)) b ON a.\(k) = b.\(k)",
                // Predicates and functions
                "SELECT \(x) IS DISTINCT FROM \(t), flag IS TRUE, flag IS NOT FALSE, \(x) IS NOT DISTINCT FROM NULL FROM gen WHERE class = \(c)",
                "SELECT floor(\(x)), ceil(\(x)), trunc(\(x)), round(\(x), \(r.int(-2...1))), sign(\(x)), abs(\(x)), greatest(\(x), \(t)), least(\(x), \(y)) FROM gen WHERE \(pred)",
                "SELECT trim(name), left(\(code), \(r.int(1...5))), right(\(code), \(r.int(1...5))), split_part(\(code), '0', \(r.int(1...3))), strpos(\(code), '\(r.int(0...9))'), lpad(unit, \(r.int(2...6)), '*'), concat(unit, '-', year) FROM gen WHERE \(pred)",
                "SELECT regexp_matches(name, '就业|补助'), regexp_replace(\(code), '0+', '_', 'g'), regexp_extract(\(code), '^([0-9]{3})([0-9]{2})', 2), substr(\(code), \(r.int(1...4)), \(r.int(0...4))) FROM gen WHERE \(pred)",
                "SELECT CAST(\(x) AS DECIMAL(18, \(r.int(0...3)))), CAST(\(x) AS INTEGER), CAST(year AS TEXT) || \(code), mod(year, \(r.int(2...9))), coalesce(basic, n, 0), nullif(class, \(c)) FROM gen WHERE \(pred)",
                "SELECT CASE WHEN \(x) > \(t) THEN 'big' WHEN \(x) IS NULL THEN 'none' ELSE 'small' END, count(*) FROM gen GROUP BY 1",
                "SELECT DISTINCT \(k), \(k2) FROM gen WHERE \(pred)",
            ]
        }
        // The corpus tables: the questions analysts ask of the disclosures.
        let corpus = [
            "SELECT class, sum(amount), count(*) FROM spending GROUP BY class",
            "SELECT doc, class, sum(amount) FROM spending GROUP BY ROLLUP (doc, class)",
            "SELECT class, left(code, 5) AS section, code, sum(amount) FROM spending GROUP BY ROLLUP (class, left(code, 5), code)",
            "SELECT doc, code, amount, rank() OVER (PARTITION BY doc ORDER BY amount DESC) FROM spending",
            "SELECT doc, code, amount, amount * 100 / sum(amount) OVER (PARTITION BY doc) FROM spending",
            "SELECT doc, class, sum(amount), sum(amount) * 100 / sum(sum(amount)) OVER (PARTITION BY doc) FROM spending GROUP BY doc, class",
            "SELECT doc, status, count(*) FROM checks GROUP BY doc, status",
            "SELECT doc, rule, expected, actual FROM checks WHERE status = 'mismatch'",
            "SELECT doc, \"table\", count(*), sum(amount) FROM facts GROUP BY doc, \"table\"",
            "SELECT s.doc, s.code, s.amount, i.amount FROM spending s LEFT JOIN income i ON s.doc = i.doc AND s.code = i.code",
            "SELECT code FROM spending EXCEPT SELECT code FROM income",
            "SELECT code FROM spending INTERSECT SELECT code FROM income",
            "SELECT doc, median(amount), quantile_disc(amount, 0.9), max(amount), min(amount) FROM spending GROUP BY doc",
            "SELECT doc, code, amount FROM spending s WHERE amount > (SELECT avg(amount) FROM spending t WHERE t.doc = s.doc)",
            "SELECT doc, code, amount FROM spending s WHERE code IN (SELECT code FROM income WHERE amount > 100)",
            "WITH c AS (SELECT doc, class, sum(amount) AS total FROM spending GROUP BY doc, class) SELECT doc, class, total, rank() OVER (PARTITION BY doc ORDER BY total DESC) FROM c",
            "SELECT doc, count(DISTINCT code), sum(DISTINCT amount) FROM spending GROUP BY doc",
            "SELECT doc, string_agg(c, ',' ORDER BY c) FROM (SELECT DISTINCT doc, CAST(class AS TEXT) AS c FROM spending) GROUP BY doc",
            "SELECT doc, line, amount, lag(amount) OVER (PARTITION BY doc ORDER BY line, column_label, amount), sum(amount) OVER (PARTITION BY doc ORDER BY line ROWS BETWEEN 2 PRECEDING AND CURRENT ROW) FROM facts WHERE \"table\" = 'spending'",
            "SELECT column_label, count(*), sum(amount), avg(amount), stddev(amount) FROM facts GROUP BY column_label",
            "SELECT doc, \"table\", \"column\", grouping(doc, \"table\"), count(*) FROM facts GROUP BY CUBE (doc, \"table\"), \"column\"",
            "SELECT code, left(code, 3), left(code, 5), split_part(row_label, '支出', 1) FROM facts WHERE code IS NOT NULL",
        ]
        // LIKE … ESCAPE: the texts get their % and _ from replace/concat, since the tables have none.
        let escapes = [
            "SELECT name, replace(name, '补助', '_%') LIKE '%!_!%%' ESCAPE '!', count(*) FROM gen GROUP BY name",
            "SELECT count(*) FROM gen WHERE replace(name, '行政', '行_') LIKE '行#_%' ESCAPE '#'",
            "SELECT unit, count(*) FROM gen WHERE concat(unit, '%') NOT LIKE '%局!%' ESCAPE '!' GROUP BY unit",
            "SELECT count(*) FROM gen WHERE concat('A_', name) ILIKE 'a!_就业%' ESCAPE '!'",
            "SELECT count(*) FROM gen WHERE concat('A_', name) NOT ILIKE 'a!_%' ESCAPE '!'",
            "SELECT unit, concat(unit, 'x%') LIKE '%xx%' ESCAPE 'x', concat(unit, '%') LIKE '%xx%' ESCAPE 'x' FROM gen GROUP BY unit",
            "SELECT count(*) FROM gen WHERE name LIKE '就业_%' ESCAPE ''",
            "SELECT count(*) FROM gen WHERE concat(name, '!') LIKE '%!!' ESCAPE '!'",
            "SELECT count(*) FROM gen WHERE name LIKE '!就业%' ESCAPE '!'",
            "SELECT unit, count(*) FROM gen WHERE concat(unit, '%') LIKE concat(unit, '!%') ESCAPE '!' GROUP BY unit",
            "SELECT year, count(*) FILTER (WHERE replace(CAST(code AS TEXT), '0', '_') LIKE '208!_%' ESCAPE '!') FROM gen GROUP BY year",
            "SELECT code, concat(code, '_') LIKE '208%!_' ESCAPE '!' FROM spending",
            "SELECT doc, count(*) FROM facts WHERE replace(row_label, '支出', '%') LIKE '%!%' ESCAPE '!' GROUP BY doc",
        ]
        // ORDER BY ALL: every output column, in the direction given (both engines order fully).
        let orderByAll = [
            "SELECT unit, year, count(*) FROM gen GROUP BY ALL ORDER BY ALL",
            "SELECT doc, \"table\", count(*) FROM facts GROUP BY ALL ORDER BY ALL DESC",
        ]
        return out + corpus + escapes + orderByAll
    }

    @Test func generatedQueriesAgreeWithDuckDB() throws {
        let csv = DuckDBDifferentialTests.generatedCSV()
        let gen = try CSVTable.parse(csv, tableName: "gen", file: "gen.csv")
        let tables = DuckDBDifferentialTests.corpusTables() + [gen]
        #expect(tables.count == 5, "the corpus tables and the generated one: \(tables.map(\.name))")
        let engine = Engine(catalog: Catalog(tables: tables))
        let queries = DuckDBDifferentialTests.queries()
        let exported = tables.map { t in let e = DuckDBDifferentialTests.export(t); return (name: t.name, csv: e.csv, columns: e.columns) }
        let duckStarted = Date()
        let answers = try DuckDBDifferentialTests.runDuckDB(tables: exported, queries: queries)
        if ProcessInfo.processInfo.environment["BUDGETQL_SHOW"] != nil { print("DuckDB: \(Date().timeIntervalSince(duckStarted)) s") }
        #expect(answers.count == queries.count)
        var agreed = 0
        for (q, answer) in zip(queries, answers) {
            let theirs = answer as? [String: Any]
            let got: [[Cell]]
            let started = Date()
            defer {
                if ProcessInfo.processInfo.environment["BUDGETQL_SHOW"] != nil, Date().timeIntervalSince(started) > 0.2 {
                    print(String(format: "%.2f s: ", Date().timeIntervalSince(started)) + q)
                }
            }
            do { got = try engine.execute(q).last?.rows.map { $0.map(DuckDBDifferentialTests.cell) } ?? [] } catch {
                Issue.record("BudgetQL failed: \(q)\n\(error.message)\nDuckDB: \(theirs?["error"] ?? "rows")")
                continue
            }
            guard let rows = theirs?["rows"] as? [[Any]] else {
                Issue.record("DuckDB failed: \(q)\n\(theirs?["error"] ?? "?")")
                continue
            }
            let expected = rows.map { $0.map(DuckDBDifferentialTests.cell) }
            // Each row's key once (not per comparison: the suite runs unoptimised).
            let a = got.map { (DuckDBDifferentialTests.sortKey($0), $0) }.sorted { $0.0 < $1.0 }.map(\.1)
            let b = expected.map { (DuckDBDifferentialTests.sortKey($0), $0) }.sorted { $0.0 < $1.0 }.map(\.1)
            let same = a.count == b.count && zip(a, b).allSatisfy { x, y in x.count == y.count && zip(x, y).allSatisfy { $0.agrees(with: $1) } }
            if same { agreed += 1 } else {
                Issue.record("differs: \(q)\nBudgetQL (\(a.count)): \(a.prefix(4))\nDuckDB (\(b.count)): \(b.prefix(4))")
            }
        }
        #expect(agreed >= 1000, "\(agreed) of \(queries.count) queries agree")
    }
}
#endif
