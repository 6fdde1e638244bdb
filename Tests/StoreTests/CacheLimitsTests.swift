import Foundation
import Testing
@testable import Store

/// The cache is private to its owner and bounded (issue 15, item 15): folders 0700, entries
/// 0600, and past BUDGETQL_CACHE_MAX the least recently used entries are deleted.
@Suite struct CacheLimitsTests {
    private func sources(_ count: Int, in directory: String) throws -> [String] {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        return try (0..<count).map { i in
            let path = directory + "/source-\(i).txt"
            try "snapshot \(i)".write(toFile: path, atomically: true, encoding: .utf8)
            return path
        }
    }

    private func mode(_ path: String) throws -> Int {
        try #require(FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int)
    }

    @Test func theCacheIsReadableByItsOwnerOnly() throws {
        let root = PersistenceTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let source = try sources(1, in: root + "/data")[0]
        let cache = SnapshotCache(directory: root + "/cache/budgetql", loaderVersion: "test-1")
        let table = try PersistenceTests.everyType()
        _ = cache.tables(forFileAt: source) { [table] }
        let entry = try #require(cache.entryPath(forFileAt: source))
        #expect(FileManager.default.fileExists(atPath: entry))
        #expect(try mode(entry) == 0o600)
        #expect(try mode(root + "/cache/budgetql") == 0o700)
        #expect(try mode(root + "/cache") == 0o700)
        let memos = try FileManager.default.contentsOfDirectory(atPath: root + "/cache/budgetql/paths")
        for memo in memos { #expect(try mode(root + "/cache/budgetql/paths/" + memo) == 0o600) }
    }

    @Test func pastItsLimitTheLeastRecentlyUsedEntriesGo() throws {
        let root = PersistenceTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let files = try sources(3, in: root + "/data")
        let table = try PersistenceTests.everyType()
        let unbounded = SnapshotCache(directory: root + "/cache", loaderVersion: "test-1", maximumBytes: .max)
        _ = unbounded.tables(forFileAt: files[0]) { [table] }
        let firstEntry = try #require(unbounded.entryPath(forFileAt: files[0]))
        let entrySize = try #require(FileManager.default.attributesOfItem(atPath: firstEntry)[.size] as? Int)
        // File times move in clock ticks of a few milliseconds: space the uses apart.
        let tick = { Thread.sleep(forTimeInterval: 0.05) }
        tick()
        // Room for two entries.
        let cache = SnapshotCache(directory: root + "/cache", loaderVersion: "test-1", maximumBytes: Int64(entrySize * 2 + entrySize / 2))
        _ = cache.tables(forFileAt: files[1]) { [table] }
        tick()
        // Use the first again, so the second is now the least recently used.
        var reloaded = false
        _ = cache.tables(forFileAt: files[0]) { reloaded = true; return [table] }
        #expect(!reloaded)
        tick()
        _ = cache.tables(forFileAt: files[2]) { [table] }
        let exists = files.map { file in cache.entryPath(forFileAt: file).map { FileManager.default.fileExists(atPath: $0) } ?? false }
        #expect(exists == [true, false, true])
    }

    @Test func theLimitIsReadAsASize() {
        #expect(SnapshotCache.byteCount("1048576") == 1 << 20)
        #expect(SnapshotCache.byteCount("500M") == 500 << 20)
        #expect(SnapshotCache.byteCount("2G") == 2 << 30)
        #expect(SnapshotCache.byteCount("lots") == nil)
        #expect(SnapshotCache.byteCount("") == nil)
    }
}
