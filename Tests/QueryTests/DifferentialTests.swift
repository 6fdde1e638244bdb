import Foundation
import Testing
import Store
@testable import Query

/// Generated queries run on BudgetQL and on SQLite (the `sqlite3` CLI) over the same tables,
/// with equal results. SQLite holds money as integer units (cents of 万元) so that neither side
/// touches floating point: a BudgetQL decimal 12.34 is compared with SQLite's 1234, and decimal
/// literals are written as units in the SQLite text.
@Suite struct DifferentialTests {
    /// A deterministic generator (SplitMix64), so a failure reproduces.
    struct Random {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func int(_ range: ClosedRange<Int>) -> Int { range.lowerBound + Int(next() % UInt64(range.count)) }
        mutating func pick<T>(_ xs: [T]) -> T { xs[int(0...(xs.count - 1))] }
        mutating func chance(_ percent: Int) -> Bool { int(0...99) < percent }
    }

    static let units = ["万里学校", "喀什市委", "教育局", "卫健委", "财政局"]
    static let names = ["行政运行", "一般行政管理事务", "就业补助", "其他就业补助支出", "事业运行", "住房公积金", "医疗保障"]
    static let classes: [Int64] = [201, 205, 208, 210, 221]

    /// Rows of `facts` (unit, year, class, name, amount, basic, n) and `refs` (class, label, weight).
    struct Dataset {
        var facts: [(String, Int64, Int64, String?, Int64, Int64?, Int64?)] = []
        var refs: [(Int64, String, Int64?)] = []
    }

    static func data() -> Dataset {
        var r = Random(state: 20_241_126)
        var d = Dataset()
        for _ in 0..<400 {
            let amount = Int64(r.int(-5_000...2_000_000))
            d.facts.append((r.pick(units), Int64(r.int(2022...2025)), r.pick(classes), r.chance(10) ? nil : r.pick(names),
                            amount, r.chance(20) ? nil : Int64(r.int(0...500_000)), r.chance(15) ? nil : Int64(r.int(-20...100))))
        }
        d.refs = [(201, "一般公共服务", 1), (208, "社会保障和就业", 3), (210, "卫生健康", nil), (221, "住房保障", 2), (999, "不存在", 5)]
        return d
    }

    static func money(_ units: Int64) -> Value { .decimal(ExactDecimal(units: Int128(units), scale: 2)) }

    static func catalog(_ d: Dataset) throws -> Catalog {
        var f = TableBuilder(name: "facts", schema: [("unit", .text), ("year", .integer), ("class", .integer), ("name", .text),
                                                      ("amount", .decimal), ("basic", .decimal), ("n", .integer)])
        for x in d.facts {
            try f.append([.text(x.0), .integer(x.1), .integer(x.2), x.3.map { .text($0) } ?? .null, money(x.4),
                          x.5.map(money) ?? .null, x.6.map { .integer($0) } ?? .null])
        }
        var g = TableBuilder(name: "refs", schema: [("class", .integer), ("label", .text), ("weight", .integer)])
        for x in d.refs { try g.append([.integer(x.0), .text(x.1), x.2.map { .integer($0) } ?? .null]) }
        return Catalog(tables: [try f.build(), try g.build()])
    }

    static func sqliteScript(_ d: Dataset) -> String {
        func q(_ s: String?) -> String { s.map { "'" + $0.replacing("'", with: "''") + "'" } ?? "NULL" }
        func n(_ i: Int64?) -> String { i.map(String.init) ?? "NULL" }
        var s = ".nullvalue NULL\n.separator |\nBEGIN;\n"
        s += "CREATE TABLE facts(unit TEXT, year INTEGER, class INTEGER, name TEXT, amount INTEGER, basic INTEGER, n INTEGER);\n"
        s += "CREATE TABLE refs(class INTEGER, label TEXT, weight INTEGER);\n"
        for x in d.facts { s += "INSERT INTO facts VALUES(\(q(x.0)),\(x.1),\(x.2),\(q(x.3)),\(x.4),\(n(x.5)),\(n(x.6)));\n" }
        for x in d.refs { s += "INSERT INTO refs VALUES(\(x.0),\(q(x.1)),\(n(x.2)));\n" }
        return s + "COMMIT;\n"
    }

    /// One query in both dialects. `ordered` when ORDER BY fixes the row order completely.
    struct Generated { var budgetql: String; var sqlite: String; var ordered: Bool }

    /// Text that differs between the dialects only in how money literals are written.
    struct Both {
        var b: String, s: String
        init(_ text: String) { b = text; s = text }
        init(b: String, s: String) { self.b = b; self.s = s }
        static func + (l: Both, r: Both) -> Both { Both(b: l.b + r.b, s: l.s + r.s) }
        static func money(_ units: Int64) -> Both {
            let d = ExactDecimal(units: Int128(units), scale: 2)
            return Both(b: d.description, s: String(units))
        }
    }

    static func predicate(_ r: inout Random, depth: Int = 0) -> Both {
        if depth < 2, r.chance(35) {
            let l = predicate(&r, depth: depth + 1), rr = predicate(&r, depth: depth + 1)
            let op = r.pick([" AND ", " OR "])
            let both = Both("(") + l + Both(op) + rr + Both(")")
            return r.chance(20) ? Both("NOT ") + both : both
        }
        switch r.int(0...10) {
        case 0: return Both("f.class = \(r.pick(classes))")
        case 1: return Both("f.class IN (\(r.pick(classes)), \(r.pick(classes)))")
        case 2: return Both("f.year \(r.pick([">=", "<", "=", "<>"])) \(r.int(2022...2025))")
        case 3: return Both("f.amount \(r.pick([">", "<=", "="])) ") + Both.money(Int64(r.int(-1000...1_500_000)))
        case 4: return Both("f.basic IS \(r.chance(50) ? "NOT " : "")NULL")
        case 5: return Both("f.name LIKE '%\(r.pick(["就业", "行政", "运行", "医疗"]))%'")
        case 6: return Both("f.n BETWEEN \(r.int(-20...40)) AND \(r.int(30...100))")
        case 7: return Both("f.unit = '\(r.pick(units))'")
        case 8: return Both("f.basic > ") + Both.money(Int64(r.int(0...400_000)))
        case 9: return Both("f.name IS NULL")
        default: return Both("f.n % 3 = \(r.int(0...2))")
        }
    }

    static func aggregate(_ r: inout Random) -> Both {
        var a: Both
        switch r.int(0...8) {
        case 0: a = Both("count(*)")
        case 1: a = Both("sum(f.amount)")
        case 2: a = Both("min(f.amount)")
        case 3: a = Both("max(f.basic)")
        case 4: a = Both("count(f.basic)")
        case 5: a = Both("count(DISTINCT f.name)")
        case 6: a = Both("sum(f.n)")
        case 7: a = Both("min(f.name)")
        default: a = Both("sum(f.amount - coalesce(f.basic, 0))")
        }
        if r.chance(25) { a = a + Both(" FILTER (WHERE ") + predicate(&r, depth: 2) + Both(")") }
        return a
    }

    static func scalar(_ r: inout Random) -> Both {
        switch r.int(0...8) {
        case 0: return Both("f.unit")
        case 1: return Both("f.name")
        case 2: return Both("f.amount")
        case 3: return Both("f.amount + f.basic")
        case 4: return Both("f.n * 2 - f.year")
        case 5: return Both("abs(f.amount)")
        case 6: return Both("length(f.name)")
        case 7: return Both(r.chance(50) ? "f.name || '/' || f.unit" : "replace(coalesce(f.name, '?'), '行政', 'X')")
        default: return Both("CASE WHEN f.amount > ") + Both.money(500_000) + Both(" THEN 'big' WHEN f.n < 0 THEN 'neg' ELSE f.unit END")
        }
    }

    static func generate(_ r: inout Random) -> Generated {
        var from = Both("FROM facts f")
        if r.chance(30) {
            switch r.int(0...3) {
            case 0: from = Both("FROM facts f JOIN refs g ON f.class = g.class")
            case 1: from = Both("FROM facts f LEFT JOIN refs g ON f.class = g.class AND g.weight > \(r.int(0...3))")
            case 2: from = Both("FROM facts f FULL JOIN refs g ON f.class = g.class")
            default: from = Both("FROM facts f LEFT JOIN refs g USING (class)")
            }
        }
        let joined = from.b.contains("refs")
        let whereClause = r.chance(75) ? Both(" WHERE ") + predicate(&r) : Both("")
        switch r.int(0...5) {
        case 5:
            // Expressions over the joined side, grouped.
            let key = joined ? r.pick(["g.label", "coalesce(g.weight, -1)", "f.class"]) : r.pick(["substr(f.name, 1, 2)", "f.class * 10 + f.year % 10", "coalesce(f.name, f.unit)"])
            var q = Both("SELECT \(key), count(*), ") + aggregate(&r) + Both(" ") + from + whereClause + Both(" GROUP BY \(key)")
            if r.chance(40) { q = q + Both(" HAVING sum(f.amount) > ") + Both.money(Int64(r.int(0...3_000_000))) }
            return finish(q, ordered: false)
        case 0:
            // Aggregates without GROUP BY.
            var items = aggregate(&r)
            for _ in 0..<r.int(0...2) { items = items + Both(", ") + aggregate(&r) }
            return finish(Both("SELECT ") + items + Both(" ") + from + whereClause, ordered: false)
        case 1, 2:
            // GROUP BY one or two keys, maybe HAVING.
            var keys = [r.pick(["f.unit", "f.year", "f.class", "f.name"])]
            if r.chance(40) { keys.append(r.pick(["f.year", "f.class", joined ? "g.label" : "f.unit"])) }
            if keys.count == 2 && keys[0] == keys[1] { keys.removeLast() }
            var items = Both(keys.joined(separator: ", ")) + Both(", ") + aggregate(&r)
            if r.chance(50) { items = items + Both(", ") + aggregate(&r) }
            var q = Both("SELECT ") + items + Both(" ") + from + whereClause + Both(" GROUP BY " + keys.joined(separator: ", "))
            if r.chance(30) { q = q + Both(" HAVING count(*) > \(r.int(1...15))") }
            return finish(q, ordered: false)
        case 3:
            // Projection with a total ORDER BY and a LIMIT.
            let a = scalar(&r), b = scalar(&r)
            let order = Both(" ORDER BY 1 NULLS FIRST, 2 NULLS FIRST, 3 NULLS FIRST, 4 NULLS FIRST")
            let q = Both("SELECT ") + a + Both(", ") + b + Both(", f.amount, f.n ") + from + whereClause + order + Both(" LIMIT \(r.int(1...30))")
            return finish(q, ordered: true)
        default:
            if r.chance(50) {
                return finish(Both("SELECT DISTINCT ") + Both(r.pick(["f.unit", "f.class, f.year", "f.name"])) + Both(" ") + from + whereClause, ordered: false)
            }
            let q = Both("SELECT f.unit, f.amount ") + from + whereClause + Both(" UNION ALL SELECT f.name, f.basic FROM facts f WHERE f.class = \(r.pick(classes))")
            return finish(q, ordered: false)
        }
    }

    static func finish(_ q: Both, ordered: Bool) -> Generated { Generated(budgetql: q.b, sqlite: q.s, ordered: ordered) }

    /// BudgetQL cells in SQLite's terms: decimals as integer units at scale 2.
    static func cell(_ v: Value) -> String {
        switch v {
        case .decimal(let d): return d.rescaled(to: 2).map { String($0.units) } ?? "overflow"
        case .boolean(let b): return b ? "1" : "0"
        default: return v.description
        }
    }

    static func runSQLite(_ script: String) throws -> String {
        let candidates = ["/usr/bin/sqlite3", "/usr/local/bin/sqlite3", "/bin/sqlite3"]
        guard let path = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            throw CocoaError(.fileNoSuchFile, userInfo: [NSLocalizedDescriptionKey: "sqlite3 is not installed (apt-get install -y sqlite3; ./ensure-deps does it)"])
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = ["-batch", ":memory:"]
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let writer = Thread { input.fileHandleForWriting.write(Data(script.utf8)); try? input.fileHandleForWriting.close() }
        writer.start()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    @Test func generatedQueriesAgreeWithSQLite() throws {
        let d = DifferentialTests.data()
        let engine = Engine(catalog: try DifferentialTests.catalog(d))
        var r = Random(state: 42)
        var queries: [Generated] = []
        for _ in 0..<250 { queries.append(DifferentialTests.generate(&r)) }
        var script = DifferentialTests.sqliteScript(d)
        for q in queries { script += "SELECT '@@@@';\n\(q.sqlite);\n" }
        script += "SELECT '@@@@';\n"
        let output = try DifferentialTests.runSQLite(script)
        var blocks = output.components(separatedBy: "@@@@\n").dropFirst().map { $0.split(separator: "\n").map(String.init) }
        #expect(blocks.count == queries.count + 1, "sqlite3 said: \(output.prefix(500))")
        blocks = Array(blocks.prefix(queries.count))
        var agreed = 0
        for (q, expectedRows) in zip(queries, blocks) {
            var got: [String]
            do {
                got = try engine.execute(q.budgetql).last?.rows.map { $0.map(DifferentialTests.cell).joined(separator: "|") } ?? []
            } catch {
                got = ["ERROR: \(error.message)"]
            }
            var expected = expectedRows
            if !q.ordered { got.sort(); expected.sort() }
            if ProcessInfo.processInfo.environment["BUDGETQL_SHOW"] != nil { print("Q: \(q.budgetql)\n   \(got.count) rows: \(got.prefix(3))") }
            if got == expected { agreed += 1 } else {
                Issue.record("BudgetQL: \(q.budgetql)\nSQLite:   \(q.sqlite)\nBudgetQL rows (\(got.count)): \(got.prefix(8))\nSQLite rows (\(expected.count)): \(expected.prefix(8))")
            }
        }
        #expect(agreed >= 100, "\(agreed) of \(queries.count) generated queries agree")
    }
}
