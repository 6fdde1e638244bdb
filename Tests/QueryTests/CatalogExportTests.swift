import Foundation
import Testing
import Store
import SparkEngine
@testable import Query

/// `budgetql export`'s files: exact text for money, NULL told apart from the empty string, any
/// text quoted safely; and (with the cluster ./test starts) the round trip through Spark's own
/// CSV reader gives back exactly the values written.
@Suite struct CatalogExportTests {
    /// Values that break naive CSV or floating point: quotes, commas, newlines, backslashes,
    /// Chinese, the empty string against NULL, 0.1 + 0.2, large and negative money, scale 4.
    static func awkward() throws -> Catalog {
        var b = TableBuilder(name: "awkward", schema: [("name", .text), ("n", .integer), ("amount", .decimal), ("ok", .boolean)])
        let rows: [[Value]] = [
            [.text("行政运行"), .integer(2080101), .decimal(try #require(ExactDecimal("0.1000"))), .boolean(true)],
            [.text(""), .integer(-9_223_372_036_854_775_807), .decimal(try #require(ExactDecimal("0.2000"))), .boolean(false)],
            [.null, .null, .null, .null],
            [.text("a \"quoted\", comma\nand a new line"), .integer(0), .decimal(try #require(ExactDecimal("-12345678901234.5678"))), .boolean(true)],
            [.text("back\\slash 'single' \\n"), .integer(9_223_372_036_854_775_807), .decimal(try #require(ExactDecimal("99999999999999.9999"))), .null],
        ]
        for r in rows { try b.append(r) }
        return Catalog(tables: [try b.build()])
    }

    @Test func writesExactTextAndAnExplicitSchema() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("budgetql-export-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let written = try CatalogExport.write(try Self.awkward(), to: directory, problems: ["x.pdf: not a disclosure"])
        #expect(written.map(\.name) == ["awkward"] && written.map(\.rows) == [5] && written.map(\.file) == ["awkward.csv"])
        let csv = try String(contentsOfFile: directory + "/awkward.csv", encoding: .utf8)
        #expect(csv.split(separator: "\n", omittingEmptySubsequences: false).prefix(4) == [
            "\"name\",\"n\",\"amount\",\"ok\"",
            "\"行政运行\",2080101,0.1000,true",
            "\"\",-9223372036854775807,0.2000,false",
            "\\N,\\N,\\N,\\N",
        ])
        #expect(csv.contains("\"a \"\"quoted\"\", comma\nand a new line\",0,-12345678901234.5678,true"))
        let schema = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: directory + "/schema.json"))) as? [String: Any])
        let table = try #require((schema["tables"] as? [[String: Any]])?.first)
        let types = (table["columns"] as? [[String: String]])?.map { $0["type"] ?? "" }
        #expect(types == ["STRING", "BIGINT", "DECIMAL(19,4)", "BOOLEAN"])
        #expect(schema["null"] as? String == "\\N")
        #expect(schema["problems"] as? [String] == ["x.pdf: not a disclosure"])
    }

    @Test func refusesTextThatWouldReadBackAsNull() throws {
        var b = TableBuilder(name: "t", schema: [("name", .text)])
        try b.append([.text("\\N")])
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("budgetql-export-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        #expect(throws: CatalogExport.Failure.self) { try CatalogExport.write(Catalog(tables: [try b.build()]), to: directory) }
    }

    @Test(.enabled(if: SparkTestCluster.master != nil, "needs BUDGETQL_SPARK_MASTER (./test starts a cluster unless BUDGETQL_SPARK_TESTS=0)"))
    func roundTripsThroughSparkExactly() throws {
        let master = try #require(SparkTestCluster.master)
        let catalog = try Self.awkward()
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("budgetql-export-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try CatalogExport.write(catalog, to: directory)
        let spark = try SparkEngine(master: master, warehouse: directory)
        defer { spark.stop() }
        let back = try #require(try spark.execute("SELECT * FROM awkward", parameters: [:], cancellation: nil).last)
        let table = try #require(catalog.table(named: "awkward"))
        #expect(back.rows.count == table.rowCount)
        // Row order is Spark's; each written row comes back once, value for value (scale too).
        let written = (0..<table.rowCount).map { table.row($0).map(String.init(reflecting:)) }
        let read = back.rows.map { $0.map(String.init(reflecting:)) }
        #expect(read.sorted { $0.lexicographicallyPrecedes($1) } == written.sorted { $0.lexicographicallyPrecedes($1) })
        let sum = try spark.execute("SELECT sum(amount), count(name), count(*) FROM awkward WHERE name = ''", parameters: [:], cancellation: nil).last
        #expect(sum?.rows.first?.map(\.description) == ["0.2000", "1", "1"])
    }
}
