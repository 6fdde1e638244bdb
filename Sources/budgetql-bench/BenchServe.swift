import Ingest
import Query
import Store
import Foundation

/// bench/run's side of the alternating benchmark: the CSV is loaded once, then each line on
/// stdin asks for one measurement and gets one JSON line on stdout, so that bench/run can
/// alternate BudgetQL and DuckDB repetition by repetition in one run (a noisy machine then
/// slows both alike, instead of whichever engine happened to run during the noise).
///
///   Q1 2      run Q1 once on 2 threads: {"id","threads","ms","rows"} or {"id","error"}
///   floor 2   Q1's memory-bandwidth floor on 2 threads: {"id":"floor","threads","ms"}
///   quit
struct BenchServe {
    let csvPath: String
    let cacheDirectory: String?

    func run() {
        let load = LoadedBenchTable(csvPath: csvPath)
        let (table, loadSeconds, rssBefore, rss) = (load.table, load.seconds, load.rssBefore, load.rssAfter)
        var loaded: [String: Any] = [
            "rows": table.rowCount, "loadSeconds": loadSeconds, "rssBytes": rss,
            "rssGrowthBytes": max(0, rss - rssBefore),
            "bytesPerRow": Double(table.storageBytes) / Double(max(1, table.rowCount)),
            "cores": Processors.available,
        ]
        if let cacheDirectory {
            let cache = BenchCacheTiming.measure(csvPath: csvPath, table: table, directory: cacheDirectory)
            loaded["cache"] = ["writeSeconds": cache.writeSeconds, "startupSeconds": cache.startupSeconds,
                               "bytes": cache.bytes, "warning": cache.warning ?? ""] as [String: Any]
        }
        reply(loaded)
        let engine = Engine(catalog: Catalog(tables: [table, Table(name: "spending", columns: table.columns)]))
        let queries = Dictionary(uniqueKeysWithValues: BenchQuery.all(table: table.name).map { ($0.id, $0.text) })
        let floor = BandwidthFloor(table: table)
        while let line = readLine() {
            let words = line.split(separator: " ").map(String.init)
            guard let id = words.first, id != "quit" else { break }
            let threads = words.count > 1 ? max(1, Int(words[1]) ?? 1) : 1
            if id == "floor" {
                guard let floor else { reply(["id": id, "error": "no class/amount columns"]); continue }
                let started = Clock.now
                let checksum = floor.read(threads: threads)
                reply(["id": id, "threads": threads, "ms": (Clock.now - started) * 1000, "checksum": String(checksum)])
                continue
            }
            guard let text = queries[id] else { reply(["id": id, "error": "no query \(id)"]); continue }
            engine.threads = threads
            let started = Clock.now
            do {
                let results = try engine.execute(text)
                let ms = (Clock.now - started) * 1000
                let rows = results.last?.rows.map { $0.map(\.description) } ?? []
                reply(["id": id, "threads": threads, "ms": ms, "rows": rows])
            } catch {
                reply(["id": id, "error": error.message])
            }
        }
    }

    private func reply(_ object: [String: Any]) {
        guard let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]) else { fail("cannot encode \(object)") }
        FileHandle.standardOutput.write(data + Data("\n".utf8))
    }
}

/// The least time Q1 can take on this machine: a plain read of the two columns it touches
/// (the class codes and the amounts, as stored), split across the threads, doing nothing but
/// adding them up so the reads cannot be skipped.
struct BandwidthFloor: @unchecked Sendable {
    let codes: PackedIntegers
    let amounts: [Int64]

    init?(table: Table) {
        guard let c = table.columns.first(where: { $0.name == "class" }), case .integer(let codes) = c.storage,
              let a = table.columns.first(where: { $0.name == "amount" }), case .decimal(let amounts, _) = a.storage else { return nil }
        self.codes = codes
        self.amounts = amounts
    }

    func read(threads: Int) -> Int64 {
        let n = amounts.count
        let parts = UnsafeMutableBufferPointer<Int64>.allocate(capacity: threads)
        parts.initialize(repeating: 0)
        defer { parts.deallocate() }
        let slots = SendablePointer(parts)
        DispatchQueue.concurrentPerform(iterations: threads) { t in
            let range = n * t / threads..<n * (t + 1) / threads
            slots.pointer[t] = sum(amounts, range) &+ codeSum(range)
        }
        return parts.reduce(0, &+)
    }

    private func codeSum(_ range: Range<Int>) -> Int64 {
        switch codes {
        case .int8(let a): return sum(a, range)
        case .int16(let a): return sum(a, range)
        case .int32(let a): return sum(a, range)
        case .int64(let a): return sum(a, range)
        }
    }

    private func sum<T: FixedWidthInteger>(_ a: [T], _ range: Range<Int>) -> Int64 {
        a.withUnsafeBufferPointer { p in
            var total: Int64 = 0
            for i in range { total &+= Int64(truncatingIfNeeded: p[i]) }
            return total
        }
    }
}

/// Each thread writes its own slot; read after concurrentPerform has returned.
struct SendablePointer: @unchecked Sendable {
    let pointer: UnsafeMutableBufferPointer<Int64>
    init(_ pointer: UnsafeMutableBufferPointer<Int64>) { self.pointer = pointer }
}
