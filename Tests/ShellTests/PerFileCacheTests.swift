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

    /// Issue 16: adding one PDF to a cached folder of PDFs parses that PDF only (the load's
    /// statistics count it, not timing); the other files' entries keep the fingerprint of their
    /// figures, which still finds the copy among them, and the tables are those of a load
    /// without cache. (bench/ingest --cache-check does the same with 200 PDFs.)
    @Test func onePDFAddedToACachedFolderIsTheOnlyOneParsed() throws {
        let root = NSTemporaryDirectory() + "budgetql-per-file-pdf-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: root) }
        let folder = root + "/data"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let welfare = try Data(contentsOf: URL(fileURLWithPath: Self.corpus + "/welfare-2024-unit-budget.pdf"))
        try welfare.write(to: URL(fileURLWithPath: folder + "/a-welfare.pdf"))
        // The same disclosure with other bytes after its end: another cache entry, the same figures.
        try (welfare + Data("\n% copy\n".utf8)).write(to: URL(fileURLWithPath: folder + "/b-welfare-copy.pdf"))
        try FileManager.default.copyItem(atPath: Self.corpus + "/govoffice-2025-dept-budget.pdf", toPath: folder + "/c-govoffice.pdf")
        let cache = SnapshotCache(directory: root + "/cache", loaderVersion: "per-file-pdf-test")

        let (first, parsedFirst) = load(folder, cache)
        #expect(parsedFirst == ["a-welfare.pdf", "b-welfare-copy.pdf", "c-govoffice.pdf"])
        #expect(first.statistics.files == 3 && first.statistics.fromCache == 0)
        for name in ["a-welfare.pdf", "b-welfare-copy.pdf", "c-govoffice.pdf"] {
            let entry = try #require(cache.storedEntry(forSnapshotAt: folder + "/" + name))
            #expect(entry.fingerprint.count >= 10, "\(name)'s entry keeps its figures' fingerprint")
            #expect(entry.fingerprint == FileLoad(tables: entry.tables, problems: []).figures)
        }

        try FileManager.default.copyItem(atPath: Self.corpus + "/commerce-2025-dept-budget.pdf", toPath: folder + "/d-commerce.pdf")
        let (added, parsedAdded) = load(folder, cache)
        #expect(parsedAdded == ["d-commerce.pdf"])
        #expect(added.statistics == LoadStatistics(files: 4, parsed: 1, workers: Processors.available))
        #expect(added.problems.contains { $0.message.hasPrefix("skipped: the same disclosure as \(folder)/a-welfare.pdf") },
                "the copy found from the cached fingerprints: \(added.problems)")
        let uncached = SnapshotLoader.load(paths: [folder])
        #expect(contents(added) == contents(uncached))
        #expect(added.problems.map(\.description) == uncached.problems.map(\.description))
    }
}
