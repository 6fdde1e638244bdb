import Foundation
import Testing
import Store
import SparkEngine
@testable import Query

/// The Spark engine against the embedded one on every logic-file query: the fixture tables are
/// exported (budgetql export's format), registered on the cluster that ./test starts
/// (BUDGETQL_SPARK_MASTER), and each query must give the same rows on both. Every difference is
/// a bug in one of them.
@Suite(.serialized, .enabled(if: SparkTestCluster.master != nil, "needs BUDGETQL_SPARK_MASTER (BUDGETQL_SPARK_TESTS=1 ./test starts a cluster)"))
struct SparkDifferentialTests {
    @Test func everyLogicFileQueryGivesTheSameRowsOnSpark() throws {
        let master = try #require(SparkTestCluster.master)
        let catalog = try Fixtures.catalog()
        let warehouse = FileManager.default.temporaryDirectory.appendingPathComponent("budgetql-spark-logic-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: warehouse) }
        try CatalogExport.write(catalog, to: warehouse)
        let spark = try SparkEngine(master: master, warehouse: warehouse)
        defer { spark.stop() }
        let embedded = Engine(catalog: catalog)

        var records: [LogicRecord] = []
        let files = try FileManager.default.contentsOfDirectory(atPath: LogicFile.directory).filter { $0.hasSuffix(".test") }.sorted()
        for name in files {
            records += LogicFile.parse(try String(contentsOfFile: LogicFile.directory + "/" + name, encoding: .utf8), file: name)
        }
        // One batch: the driver runs the queries side by side.
        let onSpark = spark.executeBatch(records.map { ($0.sql, $0.parameters) }).map(SparkTestCluster.lines)
        var compared = 0, errorsCompared = 0
        for (record, got) in zip(records, onSpark) {
            let expected = SparkTestCluster.lines(Result { () throws(Diagnostic) in try embedded.execute(record.sql, parameters: record.parameters) })
            let place = "\(record.file):\(record.line): \(record.sql)"
            switch (expected, got) {
            case (.failure, .failure):
                errorsCompared += 1
            case (.failure(let e), .success(let rows)):
                Issue.record("\(place)\nembedded failed (\(e.message)), Spark gave \(rows.count - 1) rows")
            case (.success, .failure(let e)):
                Issue.record("\(place)\nSpark failed: \(e.message)")
            case (.success(let e), .success(let s)):
                compared += 1
                if record.sql.uppercased().contains("EXPLAIN") { continue }  // each engine's own plan; both must only run
                let ordered = SparkTestCluster.isOrdered(record.sql, record.parameters, embedded)
                let (a, b) = ordered ? (e, s) : (e.sorted(), s.sorted())
                #expect(a == b, "\(place)\nembedded:\n\(a.joined(separator: "\n"))\nSpark:\n\(b.joined(separator: "\n"))")
            }
        }
        #expect(compared >= 150, "compared \(compared) queries")
        #expect(errorsCompared >= 20, "compared \(errorsCompared) errors")
    }
}

/// The cluster ./test starts, and how the differential tests compare results.
enum SparkTestCluster {
    static var master: String? {
        let m = ProcessInfo.processInfo.environment["BUDGETQL_SPARK_MASTER"] ?? ""
        return m.isEmpty ? nil : m
    }

    /// The last result's rows as text (header first), or the error.
    static func lines(_ outcome: Result<[QueryResult], Diagnostic>) -> Result<[String], Diagnostic> {
        outcome.map { results in
            guard let result = results.last else { return [] }
            return [result.columns.joined(separator: " | ")] + result.rows.map { $0.map(\.description).joined(separator: " | ") }
        }
    }

    /// Whether the query fixes its row order (ORDER BY, or PIVOT BY's row order); otherwise
    /// rows are compared as a multiset. The header stays first either way.
    static func isOrdered(_ sql: String, _ parameters: [String: Value], _ engine: Engine) -> Bool {
        guard let statement = try? engine.bindStatements(sql, parameters: parameters).last else { return true }
        switch statement {
        case .query(let q), .explain(let q):
            return !q.order.isEmpty || q.parts.contains { $0.pivot != nil }
        case .describe:
            return true
        }
    }
}

extension Array where Element == String {
    /// Header first, then the rows sorted.
    func sorted() -> [String] { isEmpty ? self : [self[0]] + dropFirst().sorted(by: <) }
}
