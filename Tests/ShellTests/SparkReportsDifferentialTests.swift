import Foundation
import Testing
import Query
import SparkEngine
import Store
@testable import Shell

/// Every saved report on Spark against the embedded engine: the seed's and the corpus's tables
/// are exported, registered on the cluster ./test starts (BUDGETQL_SPARK_MASTER), and every
/// golden case of ReportsLibraryGoldenTests must render the same Markdown, byte for byte, from
/// either engine. One driver serves both warehouses.
@Suite(.serialized, .enabled(if: !(ProcessInfo.processInfo.environment["BUDGETQL_SPARK_MASTER"] ?? "").isEmpty,
                             "needs BUDGETQL_SPARK_MASTER (./test starts a cluster unless BUDGETQL_SPARK_TESTS=0)"))
struct SparkReportsDifferentialTests {
    typealias Cases = [(golden: String, query: String, arguments: [String])]

    @Test func everySavedReportRendersTheSameOnSpark() throws {
        let master = try #require(ProcessInfo.processInfo.environment["BUDGETQL_SPARK_MASTER"])
        let library = ReportsLibraryGoldenTests.library
        let covered = Set((ReportsLibraryGoldenTests.seedCases + ReportsLibraryGoldenTests.corpusCases).map(\.query) + ["unit_against_unit"])
        #expect(library.names().allSatisfy(covered.contains), "every saved report has a case: \(library.names().filter { !covered.contains($0) })")

        let root = FileManager.default.temporaryDirectory.appendingPathComponent("budgetql-spark-reports-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: root) }
        let seedEngine = ReportsLibraryGoldenTests.seedEngine, corpusEngine = ReportsLibraryGoldenTests.corpusEngine
        try CatalogExport.write(seedEngine.catalog, to: root + "/seed")
        try CatalogExport.write(corpusEngine.catalog, to: root + "/corpus")

        let spark = try SparkEngine(master: master, warehouse: root + "/seed")
        defer { spark.stop() }
        var compared = compare(ReportsLibraryGoldenTests.seedCases, embedded: seedEngine, spark: spark, library: library, data: "seed")
        try spark.load(warehouse: root + "/corpus")
        compared += compare(ReportsLibraryGoldenTests.corpusCases + [("unit_against_unit", "unit_against_unit", ["a=上海市普陀区人民政府办公室", "b=上海市普陀区商务委员会"])],
                            embedded: corpusEngine, spark: spark, library: library, data: "corpus")
        #expect(compared >= 19, "compared \(compared) reports")
    }

    /// Runs each case on both engines; returns how many were compared.
    func compare(_ cases: Cases, embedded: Engine, spark: SparkEngine, library: QueryLibrary, data: String) -> Int {
        var compared = 0
        for c in cases {
            let place = "\(data): \(c.golden) (\(c.query) \(c.arguments.joined(separator: " ")))"
            let expected = Result { try ReportRunner(library: library, engine: embedded).run(name: c.query, arguments: c.arguments) }
            let got = Result { try ReportRunner(library: library, engine: spark).run(name: c.query, arguments: c.arguments) }
            switch (expected, got) {
            case (.success(let e), .success(let s)):
                compared += 1
                let a = ReportRendering.render(e, as: .markdown), b = ReportRendering.render(s, as: .markdown)
                #expect(a == b, "\(place)\nembedded:\n\(a)\nSpark:\n\(b)")
            case (.failure(let e), .failure):
                // A report the seed cannot answer (a table its loader lacks) fails on both.
                _ = e
            case (.failure(let e), .success):
                Issue.record("\(place): embedded failed (\(e)) but Spark answered")
            case (.success, .failure(let e)):
                Issue.record("\(place): Spark failed: \(e)")
            }
        }
        return compared
    }
}
