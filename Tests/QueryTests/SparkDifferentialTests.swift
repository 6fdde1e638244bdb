import Foundation
import Testing
import Store
import SparkEngine
@testable import Query

/// The Spark engine against the embedded one on every logic-file query: the fixture tables are
/// exported (budgetql export's format), registered on the cluster that ./test starts
/// (BUDGETQL_SPARK_MASTER), and each query must give the same rows on both. Every difference is
/// a bug in one of them, but one: Spark may refuse a construct with the explicit "no Spark
/// translation for …" error if that construct is declared in `SparkTestCluster.refused`, so a
/// new refusal (or a refusal worded otherwise) fails the test.
@Suite(.serialized, .enabled(if: SparkTestCluster.master != nil, "needs BUDGETQL_SPARK_MASTER (./test starts a cluster unless BUDGETQL_SPARK_TESTS=0)"))
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
        var compared = 0, errorsCompared = 0, refusals: [String: Int] = [:]
        for (record, got) in zip(records, onSpark) {
            let place = "\(record.file):\(record.line): \(record.sql)"
            if case .failure(let e) = got, e.message.hasPrefix(SparkTranslator.refusalPrefix) {
                let construct = String(e.message.dropFirst(SparkTranslator.refusalPrefix.count))
                if let declared = SparkTestCluster.refused.first(where: { construct.hasPrefix($0) }) {
                    // Not run embedded either: a session on Spark never has what a refused
                    // CREATE would have made, so what follows fails alike on both.
                    refusals[declared, default: 0] += 1
                    #expect(e.span != nil, "\(place)\nthe refusal has no caret: \(e.message)")
                } else {
                    Issue.record("\(place)\nSpark refused a construct not declared in SparkTestCluster.refused: \(e.message)")
                }
                continue
            }
            let expected = SparkTestCluster.lines(Result { () throws(Diagnostic) in try embedded.execute(record.sql, parameters: record.parameters) })
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
                // The same rows; and where the query orders them, the same sequence of sort keys
                // (rows that tie on every key may come in either order).
                let keys = SparkTestCluster.orderKeys(record.sql, record.parameters, embedded)
                #expect(e.sorted() == s.sorted(), "\(place)\nembedded:\n\(e.joined(separator: "\n"))\nSpark:\n\(s.joined(separator: "\n"))")
                if let keys, e.sorted() == s.sorted() {
                    #expect(SparkTestCluster.project(e, keys) == SparkTestCluster.project(s, keys),
                            "\(place)\nrows in another order\nembedded:\n\(e.joined(separator: "\n"))\nSpark:\n\(s.joined(separator: "\n"))")
                }
            }
        }
        #expect(compared >= 150, "compared \(compared) queries")
        #expect(errorsCompared >= 20, "compared \(errorsCompared) errors")
        // A declared refusal no query makes any more is translated now: take it off the list.
        for construct in SparkTestCluster.refused where refusals[construct] == nil {
            Issue.record("\"\(construct)\" is declared refused but no logic-file query was refused for it")
        }
    }
}

/// The cluster ./test starts, and how the differential tests compare results.
enum SparkTestCluster {
    /// The constructs the Spark engine refuses ("no Spark translation for …", with a caret),
    /// by how the refusal names them. The one list: a refusal not in it fails the test.
    static let refused: [String] = [
        "window functions",
        "a correlated subquery",
        "CREATE, DROP or COPY",
        "the aggregate median()", "the aggregate variance()", "the aggregate string_agg()",
        "the function regexp_matches()",
    ]

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

    /// The columns the query orders its rows by (nil: no order, the rows are a multiset). A
    /// key on a hidden column, or PIVOT BY's rows, makes the whole row the key.
    static func orderKeys(_ sql: String, _ parameters: [String: Value], _ engine: Engine) -> [Int]? {
        guard let statement = try? engine.bindStatements(sql, parameters: parameters).last else { return [] }
        switch statement {
        case .query(let q), .explain(let q):
            let width = q.parts.first?.visibleCount ?? 0
            if q.parts.contains(where: { $0.pivot != nil }) || q.order.contains(where: { $0.column >= width }) { return [] }
            return q.order.isEmpty ? nil : q.order.map(\.column)
        case .describe:
            return []
        }
    }

    /// Each row's `keys` columns (all of it when `keys` is empty), header included.
    static func project(_ rows: [String], _ keys: [Int]) -> [String] {
        guard !keys.isEmpty else { return rows }
        return rows.map { row in
            let cells = row.components(separatedBy: " | ")
            return keys.map { $0 < cells.count ? cells[$0] : "" }.joined(separator: " | ")
        }
    }
}

extension Array where Element == String {
    /// Header first, then the rows sorted.
    func sorted() -> [String] { isEmpty ? self : [self[0]] + dropFirst().sorted(by: <) }
}
