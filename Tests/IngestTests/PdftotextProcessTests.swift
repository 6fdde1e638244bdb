import Foundation
import Testing
@testable import Ingest

/// pdftotext as a child that cannot hang a load, eat the machine's memory or outlive it
/// (issue 15, items 4 and 16).
@Suite struct PdftotextProcessTests {
    func scratch() throws -> String {
        let dir = NSTemporaryDirectory() + "budgetql-pdftotext-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }

    @Test(.timeLimit(.minutes(1)))
    func aConversionPastItsTimeLimitIsStoppedAndNamesTheFile() throws {
        try #require(PdftotextProcess.findTool("pdftotext") != nil, "pdftotext is needed (poppler-utils)")
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let pdf = try NestedFormPDF.write(into: dir, name: "nested-\(UUID().uuidString).pdf")
        let started = Date()
        do {
            _ = try PdftotextProcess.run(path: pdf, arguments: ["-layout"], limits: .init(seconds: 1, megabytes: 2048))
            Issue.record("the nested PDF converted within a second")
        } catch {
            guard case .pdftotextTimedOut(let file, let seconds) = error else {
                Issue.record("expected a time-out, got \(error)")
                return
            }
            #expect(file == pdf)
            #expect(seconds == 1)
            #expect(error.description.contains("BUDGETQL_PDF_TIMEOUT"))
        }
        #expect(Date().timeIntervalSince(started) < 20)
        #expect(!NestedFormPDF.processRunning(mentioning: pdf), "the timed-out pdftotext was killed")
    }

    @Test(.timeLimit(.minutes(1)))
    func aConversionPastItsMemoryLimitIsStoppedAndNamesTheFile() throws {
        try #require(PdftotextProcess.findTool("pdftotext") != nil, "pdftotext is needed (poppler-utils)")
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let pdf = try NestedFormPDF.write(into: dir, name: "nested.pdf", depth: 12, fan: 2)
        do {
            _ = try PdftotextProcess.run(path: pdf, arguments: ["-layout"], limits: .init(seconds: 60, megabytes: 20))
            Issue.record("the nested PDF converted within 20 MB")
        } catch {
            guard case .pdftotextOutOfMemory(let file, 20) = error else {
                Issue.record("expected running out of memory, got \(error)")
                return
            }
            #expect(file == pdf)
            #expect(error.description.contains("BUDGETQL_PDF_MEMORY"))
        }
    }

    @Test func limitsComeFromTheEnvironment() {
        #expect(PdftotextProcess.Limits.from(environment: [:]) == .standard)
        let set = PdftotextProcess.Limits.from(environment: ["BUDGETQL_PDF_TIMEOUT": "7.5", "BUDGETQL_PDF_MEMORY": "300"])
        #expect(set == .init(seconds: 7.5, megabytes: 300))
        #expect(PdftotextProcess.Limits.from(environment: ["BUDGETQL_PDF_TIMEOUT": "-1", "BUDGETQL_PDF_MEMORY": "lots"]) == .standard)
    }

    /// A file whose name starts with '-' is a file, not an option.
    @Test func aPathStartingWithADashIsAFile() throws {
        try #require(PdftotextProcess.findTool("pdftotext") != nil, "pdftotext is needed (poppler-utils)")
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let source = Fixture.corpusFile("wanli-2025-dept-budget.pdf")
        try #require(FileManager.default.fileExists(atPath: source))
        let original = FileManager.default.currentDirectoryPath
        // A relative "-v" is what reaches pdftotext from `--data=-v`: pdftotext's "print the
        // version" option, unless it comes after "--".
        let dashed = "-v"
        try FileManager.default.copyItem(atPath: source, toPath: dir + "/" + dashed)
        let text = try inDirectory(dir) { () throws -> String in
            String(decoding: try PdftotextProcess.run(path: dashed, arguments: ["-layout", "-enc", "UTF-8"]), as: UTF8.self)
        }
        #expect(FileManager.default.currentDirectoryPath == original)
        #expect(text.contains("预算"), "the PDF's text, not pdftotext's version: \(text.prefix(200))")
    }

    /// A scanned disclosure (pages as images, no text layer) is named as such, with what to do,
    /// not as "not a disclosure".
    @Test func aPDFWithoutTextIsReportedAsAScan() throws {
        try #require(PdftotextProcess.findTool("pdftotext") != nil, "pdftotext is needed (poppler-utils)")
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let pdf = dir + "/scan.pdf"
        try NestedFormPDF.drawingOnly().write(to: URL(fileURLWithPath: pdf))
        let report = SnapshotLoader.load(paths: [pdf])
        let messages = report.problems.map(\.message)
        #expect(messages.contains { $0.contains("no text on its 1 page") && $0.contains("OCR") }, "\(messages)")
        #expect(!messages.contains { $0.contains("no disclosure tables found") })
    }

    /// Runs `body` with `dir` as the working directory (the only test here that changes it).
    private func inDirectory<T>(_ dir: String, _ body: () throws -> T) throws -> T {
        let original = FileManager.default.currentDirectoryPath
        FileManager.default.changeCurrentDirectoryPath(dir)
        defer { FileManager.default.changeCurrentDirectoryPath(original) }
        return try body()
    }

    /// Ctrl-C during a load: the running conversion is killed, nothing new starts, and the
    /// loader says it was cancelled (the shell then keeps what it had).
    @Test(.timeLimit(.minutes(1)))
    func aCancelledLoadKillsItsConversionsAndSaysSo() throws {
        try #require(PdftotextProcess.findTool("pdftotext") != nil, "pdftotext is needed (poppler-utils)")
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let pdf = try NestedFormPDF.write(into: dir, name: "nested-\(UUID().uuidString).pdf")
        let cancellation = LoadCancellation()
        DispatchQueue.global().asyncAfter(deadline: .now() + 1) { cancellation.cancel() }
        let started = Date()
        let report = SnapshotLoader.load(paths: [pdf], cancellation: cancellation)
        #expect(report.cancelled)
        #expect(Date().timeIntervalSince(started) < 20)
        #expect(!NestedFormPDF.processRunning(mentioning: pdf))
        // The next load converts again.
        let seed = SnapshotLoader.load(paths: [Fixture.corpusFile("wanli-2025-dept-budget.pdf")])
        #expect(!seed.cancelled)
        #expect(seed.problems.isEmpty, "\(seed.problems)")
    }
}
