#if canImport(Ingest)
import Foundation
import Testing
import Store
import Ingest
@testable import Query

/// Every operator on several threads gives exactly what it gives on one: the same rows in the
/// same order (also where no ORDER BY fixes it: the serial order is kept), the same exact sums,
/// the same errors. Morsels are made tiny (1, 7, 1,000 rows) so the corpus's few thousand rows
/// and a generated table of 9,973 (a prime: no morsel size divides it) split into many runs
/// that the workers take in whatever order the machine gives them.
@Suite struct ParallelExecutionTests {
    /// The seed and two corpus PDFs (spending, facts, checks …), the generated table `g`, and
    /// `nothing`, a table of g's columns with no rows.
    static let catalog: Catalog = {
        var tables = DuckDBDifferentialTests.corpusTables()
        guard let g = try? CSVTable.parse(generatedCSV(rows: 9_973), tableName: "g") else { return Catalog(tables: tables) }
        tables.append(g)
        // g's columns and types, no rows (a CSV with no rows would type every column TEXT).
        if let empty = try? TableBuilder(name: "nothing", schema: g.columns.map { (name: $0.name, type: $0.type) }).build() { tables.append(empty) }
        return Catalog(tables: tables)
    }()

    /// Budget-like rows with NULLs in every column, negatives, Chinese text and skewed groups.
    static func generatedCSV(rows: Int) -> String {
        var r = DifferentialTests.Random(state: 16_2026)
        let units = ["万里学校", "喀什市委", "教育局", "卫健委", "财政局", "民政局", "审计局"]
        let names = ["行政运行", "一般行政管理事务", "就业补助", "其他就业补助支出", "事业运行", "住房公积金", "医疗保障"]
        var lines = ["unit,year,class,name,amount,n,flag"]
        for _ in 0..<rows {
            let unit = r.chance(5) ? "" : r.pick(units)
            let year = r.chance(3) ? "" : String(r.int(2021...2025))
            let cls = r.chance(4) ? "" : String(r.pick([201, 204, 205, 208, 208, 208, 210, 221]))
            let name = r.chance(8) ? "" : r.pick(names)
            let amount = r.chance(6) ? "" : String(format: "%.2f", Double(r.int(-2_000...900_000)) / 100)
            let n = r.chance(10) ? "" : String(r.int(-50...1_000))
            let flag = r.chance(10) ? "" : (r.chance(50) ? "true" : "false")
            lines.append("\(unit),\(year),\(cls),\(name),\(amount),\(n),\(flag)")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// One query per operator and shape, over the corpus, the generated rows and no rows.
    static let queries: [String] = {
        var q: [String] = []
        for t in ["g", "nothing"] {
            q += [
                // scans and filters
                "SELECT * FROM \(t)",
                "SELECT unit, amount FROM \(t) WHERE class = 208",
                "SELECT name, n FROM \(t) WHERE name LIKE '%就业%' AND n > 100",
                "SELECT * FROM \(t) WHERE amount IS NULL OR flag",
                "SELECT unit, amount * 2 - n FROM \(t) WHERE year IN (2023, 2024) LIMIT 50 OFFSET 7",
                // aggregation without groups: the fused filter-and-sum and the general loop
                "SELECT sum(amount) FROM \(t) WHERE class = 208",
                "SELECT count(*), sum(amount), avg(amount) FROM \(t) WHERE year = 2024",
                "SELECT count(*) FROM \(t) WHERE name LIKE '%就业%'",
                "SELECT count(amount), min(amount), max(amount), min(unit), max(name), sum(n), avg(n), min(flag), max(flag) FROM \(t)",
                "SELECT median(amount), quantile_cont(n, 0.25), quantile_disc(amount, 0.9), stddev(amount), variance(n) FROM \(t)",
                "SELECT string_agg(name, '|'), string_agg(unit, ',' ORDER BY amount DESC, n) FROM \(t) WHERE class = 221",
                "SELECT count(DISTINCT unit), sum(DISTINCT n), avg(DISTINCT amount) FROM \(t)",
                // grouping: groups come out in the order one thread first meets them
                "SELECT class, sum(amount) FROM \(t) GROUP BY class",
                "SELECT class, sum(amount) FROM \(t) GROUP BY class ORDER BY 2 DESC",
                "SELECT unit, sum(amount) FILTER (WHERE year = 2024) - sum(amount) FILTER (WHERE year = 2023) FROM \(t) GROUP BY unit",
                "SELECT unit, class, year, count(*), min(name), max(amount), avg(n) FROM \(t) GROUP BY unit, class, year",
                "SELECT unit, class, year, name, flag, sum(amount) FROM \(t) GROUP BY unit, class, year, name, flag",
                "SELECT name, median(amount), string_agg(unit, '/'), count(DISTINCT class) FROM \(t) GROUP BY name",
                "SELECT unit, sum(amount) AS s FROM \(t) WHERE flag GROUP BY unit HAVING count(*) > 100 ORDER BY s",
                "SELECT class, year, sum(amount) FROM \(t) GROUP BY ROLLUP (class, year)",
                "SELECT DISTINCT unit, class FROM \(t)",
                // sorts, with ties left to the serial order
                "SELECT unit, name, amount FROM \(t) ORDER BY unit, amount DESC NULLS FIRST",
                "SELECT unit, amount FROM \(t) ORDER BY class LIMIT 30",
                // joins, windows, pivots, set operations
                "SELECT a.unit, a.amount, b.amount FROM \(t) a JOIN \(t) b ON a.unit = b.unit AND a.n = b.n WHERE a.class = 208",
                "SELECT a.unit, count(*) FROM \(t) a LEFT JOIN (SELECT unit, class FROM \(t) WHERE year = 2025) b ON a.unit = b.unit AND a.class = b.class GROUP BY a.unit",
                "SELECT unit, class, sum(amount) OVER (PARTITION BY unit ORDER BY n) FROM \(t) WHERE year = 2022",
                "SELECT unit, year, sum(amount) FROM \(t) GROUP BY unit, year PIVOT BY year",
                "SELECT unit FROM \(t) WHERE class = 201 UNION ALL SELECT name FROM \(t) WHERE class = 205",
                "SELECT unit, class FROM \(t) WHERE year = 2023 EXCEPT SELECT unit, class FROM \(t) WHERE year = 2024",
                "SELECT unit, (SELECT max(amount) FROM \(t)) FROM \(t) WHERE amount > (SELECT avg(amount) FROM \(t)) ",
            ]
            // Joins without ORDER BY, so the rows come out in the join's own order: the probe
            // (left) side's rows in order, each with its partners in right-side order. Keys have
            // NULLs (never matching) and many duplicates; the subqueries make one side small.
            let few = "(SELECT unit, class, name, year, n, amount FROM \(t) WHERE n < 20)"
            let keys = "a.unit = b.unit AND a.class = b.class AND a.name = b.name"
            q += [
                "SELECT a.unit, a.n, b.n, b.amount FROM \(t) a JOIN \(few) b ON \(keys)",
                "SELECT a.unit, a.n, b.n FROM \(t) a LEFT JOIN \(few) b ON \(keys)",
                "SELECT a.n, b.unit, b.n FROM \(t) a RIGHT JOIN \(few) b ON \(keys) AND a.year = b.year",
                "SELECT a.n, b.unit, b.n FROM \(few) a RIGHT JOIN \(t) b ON \(keys)",
                "SELECT a.unit, a.n, b.unit, b.n FROM (SELECT * FROM \(t) WHERE year = 2024) a FULL JOIN \(few) b ON \(keys)",
                "SELECT a.unit, a.n, b.unit, b.n FROM \(t) a FULL JOIN (SELECT * FROM \(t) WHERE n > 900) b ON \(keys) AND a.year = b.year",
                // a residual condition besides the keys, on every kind
                "SELECT a.n, b.n FROM \(t) a JOIN \(few) b ON \(keys) AND a.amount < b.amount",
                "SELECT a.n, b.n FROM \(t) a LEFT JOIN \(few) b ON \(keys) AND a.amount < b.amount",
                "SELECT a.n, b.n FROM \(t) a FULL JOIN \(few) b ON \(keys) AND a.amount < b.amount",
                // USING, one key with heavy duplicates, a join then grouped and ordered with ties
                "SELECT unit, class, name, a.amount, b.n FROM \(t) a JOIN \(few) b USING (unit, class, name)",
                "SELECT unit, year, a.n, b.n FROM \(t) a FULL JOIN (SELECT unit, year, n FROM \(t) WHERE n > 995) b USING (unit, year)",
                "SELECT a.year, b.n FROM (SELECT year FROM \(t) WHERE n < 3) a JOIN (SELECT year, n FROM \(t) WHERE n > 990) b ON a.year = b.year",
                "SELECT a.flag, b.flag, a.n FROM \(t) a LEFT JOIN (SELECT DISTINCT flag FROM \(t)) b ON a.flag = b.flag",
                "SELECT a.unit, count(*), sum(b.amount) FROM \(t) a JOIN \(few) b ON \(keys) GROUP BY a.unit ORDER BY 1",
                "SELECT a.unit, b.n FROM \(t) a JOIN \(few) b ON \(keys) ORDER BY a.unit LIMIT 100",
                // PERF Q4's shape: a full outer join of two grouped subqueries
                """
                SELECT * FROM (SELECT unit, class, sum(amount) AS s FROM \(t) GROUP BY unit, class) a
                FULL JOIN (SELECT unit, class, count(*) AS c FROM \(t) WHERE year = 2024 AND n < 500 GROUP BY unit, class) b
                ON a.unit = b.unit AND a.class = b.class
                """,
                // joins of joins
                "SELECT a.n, b.n, c.n FROM \(t) a JOIN \(few) b ON \(keys) LEFT JOIN (SELECT unit, n FROM \(t) WHERE n > 998) c ON b.unit = c.unit",
            ]
        }
        // One side empty, the other not.
        q += [
            "SELECT a.unit, b.unit FROM g a FULL JOIN nothing b ON a.unit = b.unit",
            "SELECT a.unit, b.unit FROM g a LEFT JOIN nothing b ON a.unit = b.unit AND a.n = b.n",
            "SELECT a.unit, b.n FROM nothing a FULL JOIN (SELECT unit, n FROM g WHERE n < 30) b ON a.unit = b.unit",
            "SELECT a.unit, b.n FROM nothing a RIGHT JOIN g b ON a.unit = b.unit",
            "SELECT a.unit, b.n FROM g a JOIN nothing b ON a.unit = b.unit",
        ]
        q += [
            "SELECT class, sum(amount), count(*) FROM spending GROUP BY class",
            "SELECT doc, class, section, sum(amount) FROM spending GROUP BY doc, class, section ORDER BY doc, class, section",
            "SELECT \"table\", column_label, count(*), sum(amount), min(row_label) FROM facts GROUP BY \"table\", column_label",
            "SELECT * FROM facts WHERE amount > 100 AND \"table\" LIKE '%支出%'",
            "SELECT rule, status, count(*) FROM checks GROUP BY rule, status",
            "SELECT f.doc, f.amount, s.name FROM facts f JOIN spending s ON f.doc = s.doc AND f.class = s.class AND f.amount = s.amount",
            "SELECT class, name, amount FROM spending ORDER BY amount DESC",
        ]
        return q
    }()

    static func run(_ query: String, threads: Int, morselRows: Int) -> Result<QueryResult, Diagnostic> {
        let engine = Engine(catalog: catalog)
        engine.parallelism = Parallelism(threads: threads, morselRows: morselRows)
        do throws(Diagnostic) {
            guard let result = try engine.execute(query).last else { return .failure(Diagnostic(kind: .execution, message: "no result", span: nil)) }
            return .success(result)
        } catch {
            return .failure(error)
        }
    }

    @Test func generatedAndCorpusTablesAreLoaded() {
        #expect(Self.catalog.table(named: "g")?.rowCount == 9_973)
        #expect(Self.catalog.table(named: "nothing")?.rowCount == 0)
        #expect((Self.catalog.table(named: "facts")?.rowCount ?? 0) > 1_000)
    }

    @Test(arguments: [(4, 1), (3, 7), (2, 1_000), (8, 4_096)])
    func manyThreadsGiveWhatOneGives(threads: Int, morselRows: Int) {
        for query in Self.queries {
            let serial = Self.run(query, threads: 1, morselRows: Parallelism.defaultMorselRows)
            let parallel = Self.run(query, threads: threads, morselRows: morselRows)
            switch (serial, parallel) {
            case (.success(let a), .success(let b)):
                // Compared as a Bool: a failure names the query, not thousands of rows.
                let same = a.columns == b.columns && a.rows == b.rows
                #expect(same, "\(threads) threads, morsels of \(morselRows): \(query)")
            case (.failure(let a), .failure(let b)):
                #expect(a.message == b.message, "\(query)")
            default:
                Issue.record("one thread and \(threads) disagree on success: \(query): \(serial) vs \(parallel)")
            }
        }
    }

    /// The queries do answer (an error on both sides would compare equal and prove nothing).
    @Test func theComparedQueriesRun() {
        for query in Self.queries {
            if case .failure(let d) = Self.run(query, threads: 1, morselRows: 100) { Issue.record("\(query): \(d.message)") }
        }
    }

    /// An error met by one worker stops the others and is the one one thread reports.
    @Test func anErrorIsReportedAsOnOneThread() {
        let query = "SELECT sum(CAST(amount AS INTEGER) * 9223372036854775807 * 9223372036854775807) FROM g"
        let serial = Self.run(query, threads: 1, morselRows: 64)
        let parallel = Self.run(query, threads: 4, morselRows: 64)
        guard case .failure(let a) = serial, case .failure(let b) = parallel else {
            Issue.record("expected an overflow: \(serial) / \(parallel)")
            return
        }
        #expect(a.message == b.message)
        #expect(a.span == b.span)
    }

    /// A cancelled query on several threads answers "query cancelled", not rows: a scan's and a
    /// join's probe's workers look at the flag before each batch (MorselScheduler). The flag is
    /// set before the query starts.
    @Test(arguments: ["SELECT unit, sum(amount) FROM g GROUP BY unit",
                      "SELECT a.unit, b.n FROM g a FULL JOIN g b ON a.unit = b.unit AND a.n = b.n"])
    func aCancelledQueryStopsOnEveryWorker(sql: String) {
        let engine = Engine(catalog: Self.catalog)
        engine.parallelism = Parallelism(threads: 4, morselRows: 16)
        let cancellation = Cancellation()
        cancellation.cancel()
        do throws(Diagnostic) {
            _ = try engine.execute(sql, cancellation: cancellation)
            Issue.record("a cancelled query answered: \(sql)")
        } catch {
            #expect(error.message == "query cancelled")
        }
    }

    @Test func threadsDefaultToTheMachineAndStayAtLeastOne() {
        let engine = Engine(catalog: Catalog())
        #expect(engine.threads == Processors.available)
        engine.threads = 0
        #expect(engine.threads == 1)
        engine.threads = 3
        #expect(Engine(catalog: Catalog(), keepingSessionOf: engine).threads == 3)
    }
}
#endif

/// A WHERE that is false whatever the row is decided once, before the FROM is read: a join that
/// would take seconds (48M pairs of g with itself on its flag) answers at once.
struct ConstantFalseWhereTests {
    @Test func aJoinUnderAFalseWhereIsNotBuilt() throws {
        let engine = Engine(catalog: ParallelExecutionTests.catalog)
        for sql in ["SELECT count(*) FROM g a JOIN g b ON a.flag = b.flag WHERE 1 = 0",
                    "SELECT a.unit FROM g a LEFT JOIN g b ON a.flag = b.flag WHERE starts_with('%', '208') AND a.n > 1",
                    "SELECT a.unit, count(*) FROM g a FULL JOIN g b ON a.flag = b.flag WHERE NULL GROUP BY a.unit"] {
            let started = Date()
            let result = try engine.execute(sql).last
            #expect(Date().timeIntervalSince(started) < 2, "\(sql)")
            #expect(result?.rows.count == (sql.hasPrefix("SELECT count(*)") ? 1 : 0), "\(sql)")
            if sql.hasPrefix("SELECT count(*)") { #expect(result?.rows.first?.first?.description == "0") }
        }
    }
}
