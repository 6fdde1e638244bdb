#if canImport(Ingest)
import Foundation
import Testing
import Store
import Ingest
@testable import Query

/// Money sums are exact (never Double), do not depend on row order, and a GROUP BY's groups add
/// up to the ungrouped total.
@Suite struct PropertyMoneyTests {
    /// A one-table catalog with rows in the given order.
    func engine(_ table: Table, rows order: [Int]) throws -> Engine {
        var builder = TableBuilder(name: table.name, schema: table.columns.map { ($0.name, $0.type) })
        for r in order { try builder.append(table.row(r)) }
        return Engine(catalog: Catalog(tables: [try builder.build()]))
    }

    func single(_ engine: Engine, _ sql: String) throws -> Value {
        let result = try #require(try engine.execute(sql).last)
        return try #require(result.rows.first?.first)
    }

    func exactSum(_ values: [Value]) throws -> ExactDecimal {
        var total = ExactDecimal.zero
        for case .decimal(let d) in values { total = try #require(total.adding(d)) }
        return total
    }

    @Test func seedSpendingSumsAreTheSameInEveryRowOrder() throws {
        let spending = try #require(PropertySeed.engine.catalog.table(named: "spending"))
        let columns = ["amount", "basic", "project"].filter { spending.column(named: $0) != nil }
        let expected = try columns.map { name in
            try exactSum((0..<spending.rowCount).map { spending.column(named: name)!.value(at: $0) })
        }
        #expect(expected.first?.description == "7278.68", "the seed's total spending is printed as 7278.68 万元")
        var random = SystemRandomNumberGenerator()
        let sql = "SELECT " + columns.map { "sum(\($0))" }.joined(separator: ", ") + " FROM spending"
        for _ in 0..<25 {
            let order = Array(0..<spending.rowCount).shuffled(using: &random)
            let row = try #require(try engine(spending, rows: order).execute(sql).last?.rows.first)
            for (value, want) in zip(row, expected) {
                guard case .decimal(let got) = value else { Issue.record("sum is not a decimal: \(value)"); continue }
                #expect(got == want, "order \(order)")
            }
        }
    }

    /// Mixed scales and magnitudes that binary floating point gets wrong; the expected total is
    /// computed in Int128 units at scale 4.
    @Test func mixedScaleDecimalsSumExactlyInAnyOrder() throws {
        var random = SeededBytes(seed: 7)
        var builder = TableBuilder(name: "money", schema: [("k", .integer), ("amount", .decimal)])
        var expectedUnits: Int128 = 0
        for i in 0..<3_000 {
            let b = random.next(8)
            let whole = Int128(b[0]) << 40 | Int128(b[1]) << 24 | Int128(b[2]) << 8 | Int128(b[3])
            let scale = Int(b[4] % 5)
            let powers: [Int128] = [1, 10, 100, 1_000, 10_000]
            let fraction = Int128(b[5]) % powers[scale]
            let negative = b[6] < 60
            var text = "\(whole)"
            if scale > 0 {
                let digits = String(fraction)
                text += "." + String(repeating: "0", count: scale - digits.count) + digits
            }
            if negative { text = "-" + text }
            let value = try #require(ExactDecimal(text), "\(text)")
            var units = whole * 10_000 + fraction * powers[4 - scale]
            if negative { units = -units }
            expectedUnits += units
            try builder.append([.integer(Int64(i % 7)), .decimal(value)])
        }
        let table = try builder.build()
        let expected = ExactDecimal(units: expectedUnits, scale: 4)
        var shuffler = SystemRandomNumberGenerator()
        for _ in 0..<10 {
            let e = try engine(table, rows: Array(0..<table.rowCount).shuffled(using: &shuffler))
            guard case .decimal(let got) = try single(e, "SELECT sum(amount) FROM money") else { Issue.record("not a decimal"); continue }
            #expect(got == expected)
            // The groups add up to the same total.
            let groups = try #require(try e.execute("SELECT k, sum(amount) FROM money GROUP BY k").last)
            #expect(try exactSum(groups.rows.map { $0[1] }) == expected)
        }
    }

    /// For every seed table with an `amount`, and every text or integer column as the key, the
    /// sum of the group sums is the total.
    @Test func groupSumsAddUpToTheTotalOnEverySeedTable() throws {
        let engine = PropertySeed.engine
        var checked = 0
        for name in engine.catalog.tableNames {
            guard let table = engine.catalog.table(named: name), table.rowCount > 0,
                  table.column(named: "amount")?.type == .decimal else { continue }
            let quoted = Expression.quoteName(name)
            let total = try single(engine, "SELECT sum(amount) FROM \(quoted)")
            for key in table.columns where key.type == .text || key.type == .integer {
                let k = Expression.quoteName(key.name)
                let groups = try #require(try engine.execute("SELECT \(k), sum(amount) FROM \(quoted) GROUP BY \(k)").last)
                let sum = try exactSum(groups.rows.map { $0[1] })
                if case .decimal(let t) = total { #expect(sum == t, "\(name) grouped by \(key.name)") }
                else { #expect(total.isNull && groups.rows.allSatisfy { $0[1].isNull }, "\(name) grouped by \(key.name)") }
                checked += 1
            }
        }
        #expect(checked >= 10, "expected many (table, key) pairs over the seed, got \(checked)")
    }

    /// Past Int64, a sum is exact (the engine widens) or a clear error; it never traps.
    @Test func integerSumsBeyondSixtyFourBitsAreExactOrAClearError() throws {
        var builder = TableBuilder(name: "big", schema: [("v", .integer), ("d", .decimal)])
        for _ in 0..<3 {
            // Decimal columns store 64-bit units: the largest value there is, three times over.
            try builder.append([.integer(Int64.max), .decimal(ExactDecimal(units: Int128(Int64.max), scale: 2))])
        }
        try builder.append([.integer(Int64.min), .decimal(ExactDecimal(units: 1, scale: 2))])
        let e = Engine(catalog: Catalog(tables: [try builder.build()]))
        for (sql, exact) in [("SELECT sum(v) FROM big", "18446744073709551613"),
                             ("SELECT sum(v) + sum(v) FROM big", "36893488147419103226"),
                             ("SELECT sum(d) FROM big", "276701161105643274.22" as String?),
                             ("SELECT sum(v * v) FROM big", nil),
                             ("SELECT avg(v) FROM big", nil),
                             ("SELECT 9223372036854775807 + 1", "9223372036854775808"),
                             ("SELECT -9223372036854775807 - 2", "-9223372036854775809"),
                             ("SELECT 9223372036854775807 * 9223372036854775807 * 9223372036854775807", nil)] {
            do {
                let value = try single(e, sql)
                if let exact { #expect(value.description == exact, "\(sql)") }
            } catch let d as Diagnostic {
                #expect(d.kind == .execution || d.kind == .limit || d.kind == .type, "\(sql): \(d.kind)")
                #expect(d.message.localizedCaseInsensitiveContains("overflow") || d.message.contains("range") || d.message.contains("too"),
                        "\(sql): the error should say the number is out of range: \(d.message)")
            }
        }
    }
}
#endif
