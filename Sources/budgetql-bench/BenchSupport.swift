import Foundation
import Store
import Ingest

/// Wall-clock timing with a monotonic clock.
enum Clock {
    static var now: Double {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }

    static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        guard !sorted.isEmpty else { return .nan }
        let mid = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
    }

    static func format(seconds: Double) -> String {
        seconds < 1 ? String(format: "%.1f ms", seconds * 1000) : String(format: "%.2f s", seconds)
    }
}

/// The process's resident memory, from /proc (0 where there is no /proc).
enum ProcessMemory {
    static func residentBytes() -> Int {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
        for line in status.split(separator: "\n") where line.hasPrefix("VmRSS:") {
            let kib = line.split(separator: " ").dropFirst().first.flatMap { Int($0) } ?? 0
            return kib * 1024
        }
        return 0
    }
}

/// What bench/run reads back: timings, memory, and each query's rows as text for comparing engines.
/// The benchmark's table loaded from its CSV, with what loading cost: the time and the growth
/// of the process's resident memory.
struct LoadedBenchTable {
    let table: Table
    let seconds: Double
    let rssBefore: Int
    let rssAfter: Int

    init(csvPath: String) {
        rssBefore = ProcessMemory.residentBytes()
        let started = Clock.now
        do { table = try CSVTable.load(path: csvPath) } catch { fail("budgetql-bench: \(error)") }
        seconds = Clock.now - started
        rssAfter = ProcessMemory.residentBytes()
    }
}

struct BenchReport: Codable {
    struct QueryOutcome: Codable {
        let id: String
        let medianMs: Double?
        let rows: [[String]]
        let error: String?
    }
    struct CacheOutcome: Codable {
        let writeSeconds: Double
        let startupSeconds: Double
        let bytes: Int
        let warning: String?
    }

    var rows: Int
    var loadSeconds: Double
    var bytesPerRow: Double
    var rssBytes: Int
    var queries: [QueryOutcome] = []
    var cache: CacheOutcome?

    func write(to path: String) -> Bool {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        guard let data = try? encoder.encode(self) else { return false }
        return FileManager.default.createFile(atPath: path, contents: data)
    }
}
