import Foundation
import Testing
import Store
import Ingest
@testable import Shell

/// One cache entry per snapshot file (issue 16): adding, changing or removing one file of a
/// loaded folder re-parses only that file, and the tables are those of a load without cache.
@Suite struct PerFileCacheTests {
    static let seed = SessionTests.dataDirectory + "/kashgar-party-mass-work-dept-2024-budget.txt"
    static let corpus = URL(fileURLWithPath: SessionTests.dataDirectory).deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("shared/corpus").path

    /// Loads `folder` through `cache`, returning the report and the files parsed (not from cache),
    /// by name in file order: progress names each file parsed as it finishes, and the load's
    /// statistics count them.
    private func load(_ folder: String, _ cache: SnapshotCache) -> (LoadReport, [String]) {
        var parsed: [String] = []
        let report = DataSources.load(paths: [folder], progress: { _, _, file in parsed.append(file) }, cache: cache)
        #expect(report.statistics.parsed == parsed.count)
        return (report, parsed.map { ($0 as NSString).lastPathComponent }.sorted())
    }

    /// Every table's rows, as text, for comparing two loads.
    private func contents(_ report: LoadReport) -> [String: [String]] {
        Dictionary(uniqueKeysWithValues: report.tables.map { table in
            (table.name, (0..<table.rowCount).map { row in table.row(row).map { "\($0)" }.joined(separator: "|") })
        })
    }

    @Test func oneFileAddedChangedOrRemovedIsTheOnlyOneParsed() throws {
        let pdfparse = Self.corpus + "/wanli-2025-dept-budget.pdfparse.txt"
        try #require(FileManager.default.fileExists(atPath: pdfparse))
        let root = NSTemporaryDirectory() + "budgetql-per-file-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: root) }
        let folder = root + "/data"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: Self.seed, toPath: folder + "/a-kashgar.txt")
        try FileManager.default.copyItem(atPath: pdfparse, toPath: folder + "/b-wanli.txt")
        let cache = SnapshotCache(directory: root + "/cache", loaderVersion: "per-file-test")

        let (first, parsedFirst) = load(folder, cache)
        #expect(parsedFirst == ["a-kashgar.txt", "b-wanli.txt"])
        let (again, parsedAgain) = load(folder, cache)
        #expect(parsedAgain.isEmpty, "everything from the cache")
        #expect(contents(again) == contents(first))
        #expect(again.problems.map(\.description) == first.problems.map(\.description))

        // Added: only the new file is parsed (the same content under a new name is a new file).
        try FileManager.default.copyItem(atPath: Self.seed, toPath: folder + "/c-copy.txt")
        let (added, parsedAdded) = load(folder, cache)
        #expect(parsedAdded == ["c-copy.txt"])
        #expect(contents(added) == contents(SnapshotLoader.load(paths: [folder])))
        let docs = try #require(added.tables.first { $0.name == "docs" })
        #expect(docs.rowCount == 3)

        // Changed: only that file.
        let edited = try String(contentsOfFile: folder + "/a-kashgar.txt", encoding: .utf8).replacingOccurrences(of: "477.68", with: "477.69")
        try edited.write(toFile: folder + "/a-kashgar.txt", atomically: true, encoding: .utf8)
        let (changed, parsedChanged) = load(folder, cache)
        #expect(parsedChanged == ["a-kashgar.txt"])
        #expect(contents(changed) == contents(SnapshotLoader.load(paths: [folder])))

        // Removed: nothing parsed, and the file's rows are gone.
        try FileManager.default.removeItem(atPath: folder + "/b-wanli.txt")
        let (removed, parsedRemoved) = load(folder, cache)
        #expect(parsedRemoved.isEmpty)
        #expect(contents(removed) == contents(SnapshotLoader.load(paths: [folder])))
        #expect(removed.tables.first { $0.name == "docs" }?.rowCount == 2)
    }
}
