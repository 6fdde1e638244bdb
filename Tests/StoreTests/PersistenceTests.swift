import Foundation
import Testing
@testable import Store

@Suite struct PersistenceTests {
    /// A table with every column type and width, each with NULLs.
    static func everyType() throws -> Table {
        var b = TableBuilder(name: "spending", schema: [
            ("year", .integer), ("big", .integer), ("unit", .text), ("amount", .decimal), ("ok", .boolean),
        ])
        try b.append([.integer(2024), .integer(1 << 40), .text("民政局"), .decimal(ExactDecimal("477.68")!), .boolean(true)])
        try b.append([.null, .integer(-7), .null, .null, .null])
        try b.append([.integer(2023), .null, .text("教育局"), .decimal(ExactDecimal("-0.05")!), .boolean(false)])
        return try b.build()
    }

    static func temporaryDirectory() -> String {
        NSTemporaryDirectory() + "budgetql-cache-test-\(UUID().uuidString)"
    }

    @Test func roundTripsEveryColumnTypeWithNulls() throws {
        let table = try PersistenceTests.everyType()
        let wide = Table(name: "codes", columns: [
            Column(name: "c16", type: .integer, storage: .integer(PackedIntegers([300, -300])), nulls: nil),
            Column(name: "c32", type: .integer, storage: .integer(PackedIntegers([70_000, 1])), nulls: nil),
        ])
        let bytes = TableArchive.encode([table, wide], notes: ["a note"], fingerprint: [3, 0, .max])
        let (tables, notes, fingerprint) = try bytes.withUnsafeBytes { try TableArchive.decode($0) }
        #expect(notes == ["a note"])
        #expect(fingerprint == [3, 0, .max])
        #expect(tables.map(\.name) == ["spending", "codes"])
        for r in 0..<table.rowCount { #expect(tables[0].row(r) == table.row(r)) }
        #expect(tables[0].columns.map(\.type) == table.columns.map(\.type))
        #expect(tables[0].columns.map { $0.nulls?.count } == table.columns.map { $0.nulls?.count })
        guard case .integer(let c16) = tables[1].columns[0].storage, case .integer(let c32) = tables[1].columns[1].storage else {
            Issue.record("integer columns lost"); return
        }
        #expect(c16.width == 2 && c16.widened == [300, -300] && c32.width == 4 && c32.widened == [70_000, 1])
    }

    @Test func xxHash64MatchesTheReferenceVectors() {
        #expect(XXHash64.hash([UInt8]()) == 0xEF46_DB37_51D8_E999)
        #expect(XXHash64.hash("abc") == 0x44BC_2CF5_AD77_0999)
    }

    @Test func everyDamagedByteOrTruncationIsAnErrorNotACrash() throws {
        let bytes = TableArchive.encode([try PersistenceTests.everyType()])
        for cut in [0, 10, TableArchive.headerSize, bytes.count / 2, bytes.count - 1] {
            let truncated = Array(bytes.prefix(cut))
            #expect(throws: ArchiveError.self) { try truncated.withUnsafeBytes { try TableArchive.decode($0) } }
        }
        for position in stride(from: 0, to: bytes.count, by: 7) {
            var damaged = bytes
            damaged[position] ^= 0x5A
            #expect(throws: ArchiveError.self) { try damaged.withUnsafeBytes { try TableArchive.decode($0) } }
        }
    }

    @Test func aSecondLoadComesFromTheCache() throws {
        let directory = PersistenceTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let source = directory + "-source.txt"
        try "snapshot text".write(toFile: source, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: source) }
        let cache = SnapshotCache(directory: directory, loaderVersion: "test-1")
        var loads = 0
        let table = try PersistenceTests.everyType()
        let first = cache.tables(forFileAt: source, warn: { Issue.record("unexpected warning \($0)") }) { loads += 1; return [table] }
        let second = cache.tables(forFileAt: source, warn: { Issue.record("unexpected warning \($0)") }) { loads += 1; return [table] }
        #expect(loads == 1)
        #expect(first.first?.row(0) == second.first?.row(0) && second.first?.rowCount == 3)
    }

    @Test func aChangedSourceFileInvalidatesItsEntry() throws {
        let directory = PersistenceTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let source = directory + "-source.txt"
        defer { try? FileManager.default.removeItem(atPath: source) }
        let cache = SnapshotCache(directory: directory, loaderVersion: "test-1")
        try "version one".write(toFile: source, atomically: true, encoding: .utf8)
        let one = Table(name: "t", columns: [Column(name: "v", type: .integer, storage: .integer(PackedIntegers([1])), nulls: nil)])
        let two = Table(name: "t", columns: [Column(name: "v", type: .integer, storage: .integer(PackedIntegers([2])), nulls: nil)])
        _ = cache.tables(forFileAt: source) { [one] }
        try "version two".write(toFile: source, atomically: true, encoding: .utf8)
        var reloaded = false
        let after = cache.tables(forFileAt: source) { reloaded = true; return [two] }
        #expect(reloaded && after.first?.row(0) == [.integer(2)])
        // A different loader version misses too, even for the same bytes.
        var newLoader = false
        _ = SnapshotCache(directory: directory, loaderVersion: "test-2").tables(forFileAt: source) { newLoader = true; return [two] }
        #expect(newLoader)
    }

    @Test func anInPlaceEditOfTheSameSizeIsSeenThroughTheRememberedHash() throws {
        let directory = PersistenceTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let source = directory + "-source.txt"
        defer { try? FileManager.default.removeItem(atPath: source) }
        FileManager.default.createFile(atPath: source, contents: Data("aaaa".utf8))
        let cache = SnapshotCache(directory: directory, loaderVersion: "test-1")
        let first = try #require(cache.entryPath(forFileAt: source))
        #expect(cache.entryPath(forFileAt: source) == first)  // from the remembered hash
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: source))
        try handle.write(contentsOf: Data("bbbb".utf8))
        try handle.close()
        let second = try #require(cache.entryPath(forFileAt: source))
        #expect(second != first)
    }

    @Test func aCorruptOrTruncatedEntryIsIgnoredWithAWarning() throws {
        let directory = PersistenceTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let source = directory + "-source.txt"
        defer { try? FileManager.default.removeItem(atPath: source) }
        try "snapshot".write(toFile: source, atomically: true, encoding: .utf8)
        let cache = SnapshotCache(directory: directory, loaderVersion: "test-1")
        let table = try PersistenceTests.everyType()
        _ = cache.tables(forFileAt: source) { [table] }
        let entry = try #require(cache.entryPath(forFileAt: source))
        let good = try Data(contentsOf: URL(fileURLWithPath: entry))

        for damage in [good.prefix(good.count - 9), good.prefix(20), Data(good.map { $0 ^ 0xFF })] {
            try damage.write(to: URL(fileURLWithPath: entry))
            var warnings: [String] = []
            var reloaded = false
            let tables = cache.tables(forFileAt: source, warn: { warnings.append($0) }) { reloaded = true; return [table] }
            #expect(reloaded && tables.first?.rowCount == 3)
            #expect(warnings.count == 1 && warnings.first?.contains("damaged cache entry") == true, "\(warnings)")
            // The entry was rebuilt: the next start-up hits without warnings.
            var again = false
            _ = cache.tables(forFileAt: source, warn: { Issue.record("warning after rebuild: \($0)") }) { again = true; return [table] }
            #expect(!again)
        }
    }

    @Test func aSetOfFilesIsOneEntryRebuiltWhenAnyFileChangesOrJoins() throws {
        let directory = PersistenceTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let a = directory + "-a.txt", b = directory + "-b.txt"
        defer { for f in [a, b] { try? FileManager.default.removeItem(atPath: f) } }
        try "first".write(toFile: a, atomically: true, encoding: .utf8)
        try "second".write(toFile: b, atomically: true, encoding: .utf8)
        let cache = SnapshotCache(directory: directory, loaderVersion: "test-1")
        let table = try PersistenceTests.everyType()
        var loads = 0
        let load = { () -> SnapshotCache.Entry in loads += 1; return SnapshotCache.Entry(tables: [table], notes: ["a.txt: no tables"]) }
        _ = cache.entry(forFilesAt: [a, b], orLoad: load)
        let hit = cache.entry(forFilesAt: [b, a], orLoad: load)  // order does not matter
        #expect(loads == 1 && hit.notes == ["a.txt: no tables"] && hit.tables.first?.rowCount == 3)
        try "second, edited".write(toFile: b, atomically: true, encoding: .utf8)
        _ = cache.entry(forFilesAt: [a, b], orLoad: load)
        #expect(loads == 2)
        _ = cache.entry(forFilesAt: [a], orLoad: load)
        #expect(loads == 3)
    }

    @Test func anUnreadableSourceIsLeftToTheLoader() {
        let cache = SnapshotCache(directory: PersistenceTests.temporaryDirectory(), loaderVersion: "test-1")
        var called = false
        let tables = cache.tables(forFileAt: "/no/such/snapshot.txt") { called = true; return [] }
        #expect(called && tables.isEmpty)
    }

    @Test func theDefaultDirectoryFollowsXDG() {
        #expect(SnapshotCache.defaultDirectory().hasSuffix("/budgetql"))
    }
}
