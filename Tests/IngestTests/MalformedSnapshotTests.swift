import Foundation
import Testing
import Store
@testable import Ingest

/// Files that are not good disclosures: each gives a LoadProblem naming the file and what is
/// wrong, the other files still load, and nothing traps.
@Suite struct MalformedSnapshotTests {
    /// A fresh directory for one test's files.
    func scratch() throws -> String {
        let dir = NSTemporaryDirectory() + "budgetql-malformed-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }

    func write(_ dir: String, _ name: String, _ bytes: [UInt8]) -> String {
        let path = dir + "/" + name
        FileManager.default.createFile(atPath: path, contents: Data(bytes))
        return path
    }

    /// Every table the loader builds has columns of one length (a mismatch would trap on read).
    func expectConsistent(_ report: LoadReport, _ context: String) {
        for table in report.tables {
            for column in table.columns where column.count != table.rowCount {
                Issue.record("\(context): \(table.name).\(column.name) has \(column.count) values for \(table.rowCount) rows")
            }
            for row in 0..<table.rowCount { _ = table.row(row) }
        }
    }

    func problems(_ report: LoadReport, about path: String) -> [String] {
        report.problems.filter { $0.file == path || $0.description.contains(path) }.map(\.description)
    }

    @Test func emptyFilesAreReportedByName() throws {
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        for name in ["empty.txt", "empty.pdf", "empty"] {
            let path = write(dir, name, [])
            let report = SnapshotLoader.load(paths: [path])
            expectConsistent(report, name)
            #expect(!problems(report, about: path).isEmpty, "\(name) should be reported")
            #expect(Fixture.table(report, "spending")?.rowCount == 0)
        }
    }

    @Test func binaryGarbageIsNotASnapshot() throws {
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        var state: UInt64 = 0x5eed
        func nextByte() -> UInt8 { state = state &* 6364136223846793005 &+ 1442695040888963407; return UInt8(truncatingIfNeeded: state >> 56) }
        let cases: [(String, [UInt8])] = [
            ("random.txt", (0..<4096).map { _ in nextByte() }),
            ("nul.txt", [UInt8](repeating: 0, count: 1000)),
            ("invalid-utf8.txt", Array("预算表\n".utf8) + [0xFF, 0xFE, 0xC0, 0x80] + Array("   1   2\n".utf8)),
            ("fake.pdf", Array("%PDF-1.7\n".utf8) + (0..<2048).map { _ in nextByte() }),
            ("utf16.txt", Array("预算 表".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })),
        ]
        for (name, bytes) in cases {
            let path = write(dir, name, bytes)
            let report = SnapshotLoader.load(paths: [path])
            expectConsistent(report, name)
            let said = problems(report, about: path)
            #expect(!said.isEmpty, "\(name) should be reported as unreadable or not a disclosure")
            #expect(said.allSatisfy { $0.contains(name) }, "the problem should name the file: \(said)")
        }
    }

    /// A valid PDF (hand-written, one page saying hello) that is not a budget disclosure.
    @Test func aPDFThatIsNotADisclosureSaysSo() throws {
        try #require(PdftotextProcess.findTool("pdftotext") != nil, "pdftotext is needed (poppler-utils)")
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = write(dir, "letter.pdf", Array(MalformedSnapshotTests.helloPDF.utf8))
        let report = SnapshotLoader.load(paths: [path])
        expectConsistent(report, "letter.pdf")
        let said = problems(report, about: path).joined(separator: "\n")
        #expect(said.contains("not a") || said.contains("no disclosure"), "\(said)")
        #expect(Fixture.table(report, "spending")?.rowCount == 0)
    }

    /// A half-downloaded corpus PDF: pdftotext fails or yields a fragment; either way a problem.
    @Test func aTruncatedPDFIsAProblemNotACrash() throws {
        try #require(PdftotextProcess.findTool("pdftotext") != nil, "pdftotext is needed (poppler-utils)")
        let source = Fixture.corpusFile("wanli-2025-dept-budget.pdf")
        let whole = try #require(FileManager.default.contents(atPath: source))
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        for fraction in [2, 10, 100] {
            let path = write(dir, "half-\(fraction).pdf", Array(whole.prefix(whole.count / fraction)))
            let report = SnapshotLoader.load(paths: [path])
            expectConsistent(report, path)
            #expect(!problems(report, about: path).isEmpty, "1/\(fraction) of a PDF should not load silently")
        }
    }

    /// Root reads through chmod 000, so when tests run as root the unreadable file is a link to
    /// /proc/self/mem, whose first page always fails to read (EIO).
    @Test func anUnreadableFileIsReportedAndTheOthersStillLoad() throws {
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/locked.txt"
        if geteuid() == 0 {
            try FileManager.default.createSymbolicLink(atPath: path, withDestinationPath: "/proc/self/mem")
        } else {
            _ = write(dir, "locked.txt", Array("预算表".utf8))
            #expect(chmod(path, 0) == 0)
        }
        let report = SnapshotLoader.load(paths: [path, Fixture.seed])
        expectConsistent(report, "unreadable")
        let said = problems(report, about: path).joined(separator: "\n")
        #expect(said.contains("cannot read"), "\(said)")
        #expect(Fixture.table(report, "spending")?.rowCount == 28, "the seed still loads beside the unreadable file")
    }

    @Test func aDirectoryThatCannotBeListedOrDoesNotExistIsAProblem() throws {
        let report = SnapshotLoader.load(paths: ["/nonexistent/budgetql/\(UUID().uuidString)", "/proc/1/fd/"])
        expectConsistent(report, "missing")
        #expect(report.problems.count >= 1)
    }

    static let helloPDF: String = {
        let objects = [
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 144] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
            "<< /Length 44 >>\nstream\nBT /F1 18 Tf 30 70 Td (Hello, world) Tj ET\nendstream",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        ]
        var pdf = "%PDF-1.4\n"
        var offsets: [Int] = []
        for (i, body) in objects.enumerated() {
            offsets.append(pdf.utf8.count)
            pdf += "\(i + 1) 0 obj\n\(body)\nendobj\n"
        }
        let xref = pdf.utf8.count
        pdf += "xref\n0 \(objects.count + 1)\n0000000000 65535 f \n"
        for o in offsets { pdf += String(repeating: "0", count: 10 - String(o).count) + String(o) + " 00000 n \n" }
        pdf += "trailer\n<< /Size \(objects.count + 1) /Root 1 0 R >>\nstartxref\n\(xref)\n%%EOF\n"
        return pdf
    }()
}
