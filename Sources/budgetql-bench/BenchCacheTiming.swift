import Store
import Foundation

/// Start-up from the binary cache: write the loaded table once, then time reading it back the
/// way the shell would at start-up (hash the source, find the entry, decode it).
enum BenchCacheTiming {
    static func measure(csvPath: String, table: Table, directory: String) -> BenchReport.CacheOutcome {
        let cache = SnapshotCache(directory: directory, loaderVersion: "bench-csv-1")
        var warning: String?
        let writeStarted = Clock.now
        if let location = cache.entryPath(forFileAt: csvPath) {
            // Start from a fresh entry so the write is timed too.
            _ = location.withCString { unlink($0) }
        }
        _ = cache.tables(forFileAt: csvPath, warn: { warning = $0 }) { [table] }
        let writeSeconds = Clock.now - writeStarted

        let readStarted = Clock.now
        var loadedAgain = false
        let tables = cache.tables(forFileAt: csvPath, warn: { warning = $0 }) { () -> [Table] in
            loadedAgain = true
            return [table]
        }
        let startupSeconds = Clock.now - readStarted
        if loadedAgain && warning == nil { warning = "the cache missed on the second read" }
        let bytes = cache.entryPath(forFileAt: csvPath).map(fileSize) ?? 0
        let rows = tables.first?.rowCount ?? 0
        print("cache: wrote \(bytes >> 20) MiB in \(Clock.format(seconds: writeSeconds)); start-up from cache "
              + "(hash source + read + check + decode \(rows) rows) in \(Clock.format(seconds: startupSeconds))")
        if let warning { print("cache: \(warning)") }
        return .init(writeSeconds: writeSeconds, startupSeconds: startupSeconds, bytes: bytes, warning: warning)
    }

    private static func fileSize(_ path: String) -> Int {
        var info = stat()
        return stat(path, &info) == 0 ? Int(info.st_size) : 0
    }
}
