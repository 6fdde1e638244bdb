import Foundation
import Testing
import Store
import SparkEngine
@testable import Query

/// The Spark engine against the embedded one on every logic-file query: the fixture tables are
/// exported (budgetql export's format), registered on the cluster that ./test starts
/// (BUDGETQL_SPARK_MASTER), and each query must give the same rows on both. Every difference is
/// a bug in one of them.
@Suite(.serialized, .enabled(if: SparkTestCluster.master != nil, "needs BUDGETQL_SPARK_MASTER (./test starts a cluster)"))
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

        var compared = 0, errorsCompared = 0
        let files = try FileManager.default.contentsOfDirectory(atPath: LogicFile.directory).filter { $0.hasSuffix(".test") }.sorted()
        for name in files {
            let text = try String(contentsOfFile: LogicFile.directory + "/" + name, encoding: .utf8)
            for record in LogicFile.parse(text, file: name) {
                let expected = SparkTestCluster.outcome(record.sql, record.parameters, embedded)
                let got = SparkTestCluster.outcome(record.sql, record.parameters, spark)
                let place = "\(name):\(record.line): \(record.sql)"
                switch (expected, got) {
                case (.failure(let e), .failure):
                    errorsCompared += 1
                    _ = e
                case (.failure(let e), .success(let rows)):
                    Issue.record("\(place)\nembedded failed (\(e)), Spark gave \(rows.count) rows")
                case (.success, .failure(let e)):
                    Issue.record("\(place)\nSpark failed: \(e)")
                case (.success(let e), .success(let s)):
                    compared += 1
                    let isExplain = record.sql.uppercased().contains("EXPLAIN")
                    if isExplain { continue }  // the plan is each engine's own; both must only run
                    let ordered = SparkTestCluster.isOrdered(record.sql, record.parameters, embedded)
                    let (a, b) = ordered ? (e, s) : (e.sorted(), s.sorted())
                    #expect(a == b, "\(place)\nembedded:\n\(a.joined(separator: "\n"))\nSpark:\n\(b.joined(separator: "\n"))")
                }
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

    /// Rows as text (header first), or the error message.
    static func outcome(_ sql: String, _ parameters: [String: Value], _ engine: any QueryEngine) -> Result<[String], Diagnostic> {
        do {
            guard let result = try engine.execute(sql, parameters: parameters, cancellation: nil).last else { return .success([]) }
            return .success([result.columns.joined(separator: " | ")] + result.rows.map { $0.map(\.description).joined(separator: " | ") })
        } catch {
            return .failure(error)
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
