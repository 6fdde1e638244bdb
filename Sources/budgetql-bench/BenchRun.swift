import Ingest
import Query
import Store
import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One benchmark run of BudgetQL: load, memory, the five queries, optionally the cache.
struct BenchRun {
    let csvPath: String
    let repetitions: Int
    let cacheDirectory: String?
    let jsonPath: String?
    /// Only these queries (e.g. ["Q1"]); nil runs all five.
    var only: Set<String>? = nil
    /// Worker threads per query; nil: the machine's cores.
    var threads: Int? = nil

    func run() {
        let loaded = LoadedBenchTable(csvPath: csvPath)
        let (table, loadSeconds, rssBefore, rssAfter) = (loaded.table, loaded.seconds, loaded.rssBefore, loaded.rssAfter)
        let rows = max(1, table.rowCount)
        print("BudgetQL: loaded \(table.rowCount) rows of \(table.name) from CSV in \(Clock.format(seconds: loadSeconds))")
        print(String(format: "memory: %.1f bytes/row in columns, %.1f bytes/row process RSS growth (%d MiB RSS)",
                     Double(table.storageBytes) / Double(rows),
                     Double(max(0, rssAfter - rssBefore)) / Double(rows), rssAfter >> 20))
        for column in table.columns {
            print("  \(column.name) \(column.type): \(String(format: "%.2f", Double(column.storageBytes) / Double(rows))) bytes/row")
        }

        let catalog = Catalog(tables: [table, Table(name: "spending", columns: table.columns)])
        let engine = Engine(catalog: catalog)
        if let threads { engine.threads = threads }
        var report = BenchReport(rows: table.rowCount, loadSeconds: loadSeconds,
                                 bytesPerRow: Double(table.storageBytes) / Double(rows),
                                 rssBytes: rssAfter)
        for query in BenchQuery.all(table: table.name) where only?.contains(query.id) ?? true {
            var times: [Double] = []
            var outcome: Result<QueryResult, Diagnostic>?
            for _ in 0..<repetitions {
                let started = Clock.now
                do {
                    let results = try engine.execute(query.text)
                    times.append(Clock.now - started)
                    if let last = results.last { outcome = .success(last) }
                } catch {
                    outcome = .failure(error)
                    break
                }
            }
            switch outcome {
            case .success(let result)?:
                let median = Clock.median(times)
                print("\(query.id): \(String(format: "%.2f", median * 1000)) ms median of \(times.count) (\(result.rows.count) rows)")
                report.queries.append(.init(id: query.id, medianMs: median * 1000, rows: result.rows.map { $0.map(\.description) }, error: nil))
            case .failure(let diagnostic)?:
                print("\(query.id): error: \(diagnostic.message)")
                report.queries.append(.init(id: query.id, medianMs: nil, rows: [], error: diagnostic.message))
            case nil:
                print("\(query.id): no result")
                report.queries.append(.init(id: query.id, medianMs: nil, rows: [], error: "no result"))
            }
        }
        if let cacheDirectory {
            report.cache = BenchCacheTiming.measure(csvPath: csvPath, table: table, directory: cacheDirectory)
        }
        if let jsonPath {
            guard report.write(to: jsonPath) else { fail("cannot write \(jsonPath)") }
        }
    }
}
