// Builds random VALID BudgetQL queries from the grammar (LANGUAGE.md) over a catalog's tables,
// steered by a stream of bytes: the libFuzzer executor target (fuzz/targets/ExecuteFuzz.swift, built by
// fuzz/build, which compiles this file too) feeds it the fuzzer's input so coverage guides the
// generation; the property tests feed it seeded pseudo-random bytes. Expressions are generated
// by type so most queries bind and reach the executor; edge values (huge, negative, zero
// divisors, NULLs, Chinese text) are over-represented because that is where exact arithmetic
// and indexing break.
import Store

/// Reads choices from the fuzzer's bytes; when they run out every choice is 0, so any input
/// yields a finite, valid query.
struct ByteChooser {
    private let bytes: [UInt8]
    private var position = 0
    init(_ bytes: [UInt8]) { self.bytes = bytes }

    var exhausted: Bool { position >= bytes.count }

    mutating func byte() -> UInt8 {
        guard position < bytes.count else { return 0 }
        defer { position += 1 }
        return bytes[position]
    }

    /// A number in 0..<n (n > 0).
    mutating func below(_ n: Int) -> Int { n <= 1 ? 0 : Int(byte()) % n }

    mutating func pick<T>(_ options: [T]) -> T { options[below(options.count)] }

    /// True for the top `outOf256` byte values, so an all-zero (or exhausted) input takes the
    /// plain path everywhere and gives the simplest query.
    mutating func chance(_ outOf256: UInt8) -> Bool { Int(byte()) >= 256 - Int(outOf256) }
}

struct QueryGenerator {
    struct TableShape {
        let name: String
        let numeric: [String]    // integer or decimal columns
        let integers: [String]
        let text: [String]
        let booleans: [String]
    }

    let tables: [TableShape]

    /// Every column is written qualified and quoted (`t."amount"`): the query's own table is
    /// always `t`, a joined one `j`, so joins never make a name ambiguous.
    static func ref(_ name: String) -> String { "t.\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }

    init(catalog: Catalog) {
        var shapes: [TableShape] = []
        for name in catalog.tableNames {
            guard let table = catalog.table(named: name) else { continue }
            func names(_ ok: (ColumnType) -> Bool) -> [String] { table.columns.filter { ok($0.type) }.map(\.name) }
            shapes.append(TableShape(name: name,
                                     numeric: names { $0 == .integer || $0 == .decimal }.map(Self.ref),
                                     integers: names { $0 == .integer }.map(Self.ref),
                                     text: names { $0 == .text }.map(Self.ref),
                                     booleans: names { $0 == .boolean }.map(Self.ref)))
        }
        tables = shapes
    }

    // Everyday literals, and (about one pick in eight) extreme ones: past 64 bits, past 18 digits.
    static let integerValues = ["0", "1", "-1", "2", "208", "2080101", "1000000", "7"]
    static let integerExtremes = ["9223372036854775807", "-9223372036854775807", "4611686018427387904", "99999999999999999999999"]
    static let decimalValues = ["0.00", "1.25", "-0.5", "0.0001", "6157.25", "3.14159"]
    static let decimalExtremes = ["99999999999999999.99", "0.000000000000000001", "12345678901234567890.123456789"]
    static let textEdges = ["''", "'208'", "'%万里%'", "'一般公共服务支出'", "'a''b'", "'%'", "'_'", "'20801%'", "'\\'", "'x y'"]

    func integer(_ c: inout ByteChooser) -> String {
        c.chance(32) ? c.pick(Self.integerExtremes) : c.pick(Self.integerValues)
    }

    func decimal(_ c: inout ByteChooser) -> String {
        c.chance(32) ? c.pick(Self.decimalExtremes) : c.pick(Self.decimalValues)
    }

    func query(_ c: inout ByteChooser) -> String {
        var sql = c.chance(20) ? "EXPLAIN " : ""
        let table = c.pick(tables)
        let parts = c.chance(24) ? 2 : 1
        var selects: [String] = []
        // All parts of a UNION ALL share one shape: the same table and the same items.
        let itemCount = 1 + c.below(4)
        var items: [(String, Bool)] = []    // (expression, isAggregate)
        let grouped = c.chance(120)
        var groupKeys: [String] = []
        if grouped {
            for _ in 0..<(1 + c.below(2)) { groupKeys.append(groupKey(&c, table)) }
        }
        for i in 0..<itemCount {
            if grouped {
                if i < groupKeys.count && c.chance(160) { items.append((groupKeys[i], false)); continue }
                items.append((aggregate(&c, table), true))
            } else if c.chance(30) {
                items.append((aggregate(&c, table), true))
            } else {
                items.append((scalar(&c, table, depth: 0), false))
            }
        }
        // Mixing aggregates and plain columns without GROUP BY is an error; keep it valid.
        if !grouped && items.contains(where: \.1) { items = items.map { $0.1 ? $0 : ("count(*)", true) } }
        let distinct = c.chance(20) ? "DISTINCT " : ""
        for _ in 0..<parts {
            var s = "SELECT " + distinct + items.enumerated().map { "\($1.0) AS c\($0)" }.joined(separator: ", ")
            s += " FROM \"\(table.name)\" t"
            if c.chance(40), let join = join(&c, table) { s += join }
            if c.chance(150) { s += " WHERE " + predicate(&c, table, depth: 0) }
            if grouped {
                s += c.chance(30) ? " GROUP BY ALL" : " GROUP BY " + groupKeys.joined(separator: ", ")
                if c.chance(60) { s += " HAVING " + aggregate(&c, table) + " " + c.pick([">", "<", ">=", "<>"]) + " " + integer(&c) }
                if c.chance(20), let key = table.text.first ?? table.integers.first { s += " PIVOT BY " + key }
            }
            selects.append(s)
        }
        sql += selects.joined(separator: " UNION ALL ")
        if c.chance(120) {
            let keys = (0..<(1 + c.below(2))).map { _ in "c\(c.below(itemCount))" }
            sql += " ORDER BY " + keys.map { $0 + c.pick(["", " DESC", " ASC NULLS FIRST", " DESC NULLS LAST"]) }.joined(separator: ", ")
        }
        if c.chance(80) {
            sql += " LIMIT " + c.pick(["0", "1", "3", "100", "9223372036854775807"])
            if c.chance(80) { sql += " OFFSET " + c.pick(["0", "2", "1000000", "9223372036854775807"]) }
        }
        return sql
    }

    func join(_ c: inout ByteChooser, _ table: TableShape) -> String? {
        let other = c.pick(tables)
        let shared = Set(table.text + table.integers).intersection(other.text + other.integers).sorted()
        guard let column = shared.isEmpty ? nil : c.pick(shared) else { return nil }
        let kind = c.pick(["JOIN", "LEFT JOIN", "INNER JOIN"])
        if c.chance(128) { return " \(kind) \"\(other.name)\" j ON \(column) = j\(column.dropFirst())" }
        return " \(kind) \"\(other.name)\" j USING (\(column.dropFirst(2)))"
    }

    func groupKey(_ c: inout ByteChooser, _ t: TableShape) -> String {
        let pool = t.text + t.integers + t.booleans
        if pool.isEmpty || c.chance(30) { return "1 + 0" }
        return c.pick(pool)
    }

    func aggregate(_ c: inout ByteChooser, _ t: TableShape) -> String {
        let filter = c.chance(40) ? " FILTER (WHERE \(predicate(&c, t, depth: 1)))" : ""
        switch c.below(7) {
        case 0: return "count(*)" + filter
        case 1: return "count(" + (c.chance(60) ? "DISTINCT " : "") + anyColumn(&c, t) + ")" + filter
        case 2: return "sum(\(numeric(&c, t, depth: 1)))" + filter
        case 3: return "avg(\(numeric(&c, t, depth: 1)))" + filter
        case 4: return "min(\(scalar(&c, t, depth: 1)))" + filter
        case 5: return "max(\(scalar(&c, t, depth: 1)))" + filter
        default: return "share(sum(\(numeric(&c, t, depth: 1))))"
        }
    }

    func anyColumn(_ c: inout ByteChooser, _ t: TableShape) -> String {
        let pool = t.numeric + t.text + t.booleans
        return pool.isEmpty ? "1" : c.pick(pool)
    }

    func scalar(_ c: inout ByteChooser, _ t: TableShape, depth: Int) -> String {
        switch c.below(4) {
        case 0: return text(&c, t, depth: depth)
        case 1: return predicate(&c, t, depth: depth)
        default: return numeric(&c, t, depth: depth)
        }
    }

    func numeric(_ c: inout ByteChooser, _ t: TableShape, depth: Int) -> String {
        let leaf = depth > 4 || c.exhausted
        switch leaf ? c.below(3) : c.below(12) {
        case 0: return t.numeric.isEmpty ? integer(&c) : c.pick(t.numeric)
        case 1: return integer(&c)
        case 2: return decimal(&c)
        case 3, 4:
            let op = c.pick(["+", "-", "*", "/", "%"])
            return "(\(numeric(&c, t, depth: depth + 1)) \(op) \(numeric(&c, t, depth: depth + 1)))"
        case 5: return "- " + numeric(&c, t, depth: depth + 1)    // "- -1.5": a space, never a "--" comment
        case 6: return "round(\(numeric(&c, t, depth: depth + 1)), \(c.chance(32) ? c.pick(["-1", "18", "40", "-40"]) : c.pick(["0", "2"])))"
        case 7: return "abs(\(numeric(&c, t, depth: depth + 1)))"
        case 8: return "coalesce(\(numeric(&c, t, depth: depth + 1)), NULL, \(numeric(&c, t, depth: depth + 1)))"
        case 9: return "nullif(\(numeric(&c, t, depth: depth + 1)), \(integer(&c)))"
        case 10: return "length(\(text(&c, t, depth: depth + 1)))"
        default:
            return "CASE WHEN \(predicate(&c, t, depth: depth + 1)) THEN \(numeric(&c, t, depth: depth + 1)) ELSE \(c.chance(80) ? "NULL" : numeric(&c, t, depth: depth + 1)) END"
        }
    }

    func text(_ c: inout ByteChooser, _ t: TableShape, depth: Int) -> String {
        let leaf = depth > 4 || c.exhausted
        switch leaf ? c.below(2) : c.below(9) {
        case 0: return t.text.isEmpty ? c.pick(Self.textEdges) : c.pick(t.text)
        case 1: return c.pick(Self.textEdges)
        case 2: return "(\(text(&c, t, depth: depth + 1)) || \(text(&c, t, depth: depth + 1)))"
        case 3: return "lower(\(text(&c, t, depth: depth + 1)))"
        case 4: return "upper(\(text(&c, t, depth: depth + 1)))"
        case 5: return "substr(\(text(&c, t, depth: depth + 1)), \(c.pick(["0", "1", "-3", "5", "9223372036854775807", "-9223372036854775807"])), \(c.pick(["0", "1", "2", "-1", "9223372036854775807"])))"
        case 6: return "replace(\(text(&c, t, depth: depth + 1)), \(c.pick(Self.textEdges)), \(c.pick(Self.textEdges)))"
        case 7:
            let codes = t.integers.filter { $0.contains("code") || $0.hasSuffix("\"class\"") || $0.hasSuffix("\"item\"") || $0.hasSuffix("\"section\"") }
            return codes.isEmpty ? "class_name(208)" : "class_name(\(c.pick(codes)))"
        default: return "CAST(\(numeric(&c, t, depth: depth + 1)) AS TEXT)"
        }
    }

    func predicate(_ c: inout ByteChooser, _ t: TableShape, depth: Int) -> String {
        let leaf = depth > 4 || c.exhausted
        switch leaf ? c.below(3) : c.below(12) {
        case 0:
            return "\(numeric(&c, t, depth: depth + 1)) \(c.pick(["=", "<>", "!=", "<", "<=", ">", ">="])) \(numeric(&c, t, depth: depth + 1))"
        case 1: return "\(text(&c, t, depth: depth + 1)) \(c.pick(["=", "<>", "<"])) \(c.pick(Self.textEdges))"
        case 2: return t.booleans.isEmpty ? c.pick(["TRUE", "FALSE", "NULL"]) : c.pick(t.booleans)
        case 3: return "(\(predicate(&c, t, depth: depth + 1)) \(c.pick(["AND", "OR"])) \(predicate(&c, t, depth: depth + 1)))"
        case 4: return "NOT " + predicate(&c, t, depth: depth + 1)
        case 5: return "\(anyColumn(&c, t)) IS \(c.chance(128) ? "NOT " : "")NULL"
        case 6: return "\(numeric(&c, t, depth: depth + 1)) \(c.chance(60) ? "NOT " : "")BETWEEN \(integer(&c)) AND \(decimal(&c))"
        case 7: return "\(numeric(&c, t, depth: depth + 1)) \(c.chance(60) ? "NOT " : "")IN (\(integer(&c)), \(decimal(&c)), NULL)"
        case 8: return "\(text(&c, t, depth: depth + 1)) \(c.pick(["LIKE", "ILIKE", "NOT LIKE"])) \(c.pick(Self.textEdges))"
        case 9: return "starts_with(\(text(&c, t, depth: depth + 1)), \(c.pick(Self.textEdges)))"
        case 10:
            let codes = t.integers.filter { $0.hasSuffix("\"class\"") || $0.hasSuffix("\"code\"") }
            return codes.isEmpty ? "TRUE" : "\(c.pick(codes)) = \(c.pick(["208", "'208'", "20801", "'2080101'"]))"
        default: return "parent(\(t.integers.first ?? "2080101")) = \(c.pick(["208", "20801", "0"]))"
        }
    }
}
