import Foundation
import Testing
import Store
@testable import Ingest

/// Parallel ingest (issue 16): files are read and built several at a time, and the load is the
/// serial one byte for byte whatever order they finish in; progress counts every file once;
/// a cancellation kills every conversion under way.
@Suite struct ParallelIngestTests {
    static let data = Fixture.repo.appendingPathComponent("Data").path

    /// Every table of a load as archive bytes: two loads are the same when these are.
    private func bytes(_ report: LoadReport) -> [String: [UInt8]] {
        Dictionary(uniqueKeysWithValues: report.tables.map { ($0.name, TableArchive.encode([$0])) })
    }

    /// The whole corpus and the Data/ seed, on one worker and on three (more workers than this
    /// machine's cores, so files finish out of order): every table, fact, check and docs row, and
    /// every problem, is the same.
    @Test(.timeLimit(.minutes(5)))
    func theCorpusLoadsTheSameOnOneWorkerAndOnSeveral() throws {
        try #require(PdftotextProcess.findTool("pdftotext") != nil, "pdftotext is needed (poppler-utils)")
        let paths = [Fixture.corpus.path, Self.data]
        let serial = SnapshotLoader.load(paths: paths, workers: 1)
        let parallel = SnapshotLoader.load(paths: paths, workers: 3)
        #expect(!serial.cancelled && !parallel.cancelled)
        let docs = try #require(Fixture.table(serial, "docs"))
        #expect(docs.rowCount >= 9, "the corpus's files and the seed")
        #expect(try #require(Fixture.table(serial, "facts")).rowCount > 1000)
        let serialBytes = bytes(serial), parallelBytes = bytes(parallel)
        #expect(serialBytes.keys.sorted() == parallelBytes.keys.sorted())
        for (name, table) in serialBytes {
            #expect(parallelBytes[name] == table, "table \(name) differs between one worker and three")
        }
        #expect(serial.problems.map(\.description) == parallel.problems.map(\.description))
        // The corpus's PDF and text of one disclosure: detected as one, whichever finished first.
        #expect(parallel.problems.contains { $0.message.hasPrefix("skipped: the same disclosure as") })
        #expect(serial.statistics == LoadStatistics(files: docs.rowCount, parsed: docs.rowCount, workers: 1))
        #expect(parallel.statistics.workers == 3)
    }

    /// Progress is told on the loading thread, once per file, counting up to the total.
    @Test func progressCountsEveryFileOnce() throws {
        let dir = NSTemporaryDirectory() + "budgetql-progress-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let seed = try String(contentsOfFile: Fixture.seed, encoding: .utf8)
        for i in 0..<5 { try (seed + "\n(copy \(i))\n").write(toFile: dir + "/\(i).txt", atomically: true, encoding: .utf8) }
        var told: [(done: Int, total: Int, file: String)] = []
        let caller = Thread.current
        let report = SnapshotLoader.load(paths: [dir], workers: 2, progress: { done, total, file in
            #expect(Thread.current == caller)
            told.append((done, total, file))
        })
        #expect(told.map(\.done) == [1, 2, 3, 4, 5])
        #expect(told.allSatisfy { $0.total == 5 })
        #expect(told.map { ($0.file as NSString).lastPathComponent }.sorted() == (0..<5).map { "\($0).txt" })
        #expect(Fixture.table(report, "docs")?.rowCount == 5)
    }

    /// Ctrl-C with several conversions under way: all of them are killed, no file is started
    /// after, and the load says it was cancelled.
    @Test(.timeLimit(.minutes(1)))
    func aCancelledParallelLoadKillsEveryConversion() throws {
        try #require(PdftotextProcess.findTool("pdftotext") != nil, "pdftotext is needed (poppler-utils)")
        let dir = NSTemporaryDirectory() + "budgetql-cancel-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let tag = UUID().uuidString
        let pdfs = try (0..<4).map { try NestedFormPDF.write(into: dir, name: "nested-\(tag)-\($0).pdf") }
        let cancellation = LoadCancellation()
        final class Seen: @unchecked Sendable { var most = 0 }
        let seen = Seen()
        // Cancel once two conversions run at once (the pool's two workers), or after 10 s.
        let watcher = Thread {
            let deadline = Date().addingTimeInterval(10)
            while Date() < deadline {
                let running = pdfs.filter { NestedFormPDF.processRunning(mentioning: $0) }.count
                seen.most = max(seen.most, running)
                if running >= 2 { break }
                Thread.sleep(forTimeInterval: 0.05)
            }
            cancellation.cancel()
        }
        watcher.start()
        let started = Date()
        let report = SnapshotLoader.load(paths: [dir], workers: 2, cancellation: cancellation)
        #expect(report.cancelled)
        #expect(seen.most == 2, "two conversions ran at once")
        #expect(Date().timeIntervalSince(started) < 20)
        for pdf in pdfs { #expect(!NestedFormPDF.processRunning(mentioning: pdf), "\(pdf) still converting") }
    }

    /// A cache hit's fingerprint is what duplicate detection compares: a load whose stored
    /// fingerprint is empty is not recognised as the copy it is, so the figures are not worked
    /// out again from its facts.
    @Test func duplicateDetectionComparesTheStoredFingerprint() throws {
        let file = SnapshotLoader.loadFiles([Fixture.seed], workers: 1)?.first
        let load = try #require(file)
        #expect(load.figures == DuplicateDisclosures.figures(of: load.tables))
        #expect(load.figures.count >= 10)
        let copy = SnapshotLoader.combine([load, load])
        #expect(copy.problems.contains { $0.message.hasPrefix("skipped: the same disclosure") })
        let blank = FileLoad(tables: load.tables, problems: load.problems, figures: [])
        let unrecognised = SnapshotLoader.combine([load, blank])
        #expect(!unrecognised.problems.contains { $0.message.hasPrefix("skipped: the same disclosure") })
    }

    @Test func theProcessorsAllowedAreCountedFromTheCPUList() {
        #expect(Processors.processorCount(list: "0-1") == 2)
        #expect(Processors.processorCount(list: "\t0") == 1)
        #expect(Processors.processorCount(list: "0-3,8,10-11") == 7)
        #expect(Processors.processorCount(list: "x") == nil)
        #expect(Processors.processorCount(list: "3-1") == nil)
        #expect(Processors.available >= 1)
    }
}
