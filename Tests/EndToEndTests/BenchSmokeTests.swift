import Foundation
import Testing

/// CI's tiny run of the benchmark (issue 7): a few thousand generated rows through bench/run,
/// which loads them with budgetql-bench (the public CSV path and Engine), SQLite and, when
/// installed, DuckDB, and fails unless all five queries agree across the engines.
@Suite struct BenchSmokeTests {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The built budgetql-bench: BUDGETQL_BENCH_BINARY, else next to the other products.
    static var benchBinary: String? {
        if let forced = ProcessInfo.processInfo.environment["BUDGETQL_BENCH_BINARY"], !forced.isEmpty { return forced }
        for configuration in ["debug", "release"] {
            let candidate = packageRoot.appendingPathComponent(".build/\(configuration)/budgetql-bench").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    @Test func smokeRunPrintsAllFiveQueriesAndTheEnginesAgree() throws {
        let binary = try #require(BenchSmokeTests.benchBinary, "budgetql-bench is not built (swift build --product budgetql-bench)")
        let data = NSTemporaryDirectory() + "budgetql-bench-smoke-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: data) }

        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", BenchSmokeTests.packageRoot.appendingPathComponent("bench/run").path,
                             "--smoke", "--bench-binary", binary, "--data-dir", data]
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let errData = CollectedOutput()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async {
            errData.set(err.fileHandleForReading.readDataToEndOfFile())
            group.leave()
        }
        let stdout = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        group.wait()
        let stderr = String(decoding: errData.get(), as: UTF8.self)

        #expect(process.terminationStatus == 0, "bench/run failed:\n\(stdout)\n\(stderr)")
        for query in ["Q1", "Q2", "Q3", "Q4", "Q5"] {
            // A timed row for BudgetQL in both sections, all cores and one thread:
            // "| Q1 | 0.20 (0.18-0.25) | ..." with a median, not "-".
            let rows = stdout.split(separator: "\n").filter { $0.hasPrefix("| \(query) |") }
            #expect(rows.count == 2, "\(query) in both sections:\n\(stdout)")
            for row in rows {
                let cell = row.split(separator: "|").dropFirst().first?.trimmingCharacters(in: .whitespaces)
                let median = cell?.split(separator: " ").first.map(String.init)
                #expect(median.flatMap(Double.init) != nil, "no BudgetQL time for \(query) in:\n\(stdout)")
            }
        }
        #expect(stdout.contains("### all cores") && stdout.contains("### one thread"), "\(stdout)")
        #expect(stdout.contains("| Q1 floor: a plain read of class and amount |"), "\(stdout)")
        #expect(stdout.contains("load average"), "\(stdout)")
        #expect(stdout.contains("results: Q1, Q2, Q3, Q4, Q5 equal across BudgetQL"), "\(stdout)")
        #expect(stdout.contains("SQLite"), "SQLite must take part:\n\(stdout)")
        #expect(stdout.contains("memory bytes/row") && stdout.contains("start-up from the binary cache"))
    }
}

/// Bytes read on another thread, handed back once the reader is done.
private final class CollectedOutput: @unchecked Sendable {
    private let lock = NSLock()
    private var data = Data()
    func set(_ d: Data) { lock.lock(); data = d; lock.unlock() }
    func get() -> Data { lock.lock(); defer { lock.unlock() }; return data }
}
