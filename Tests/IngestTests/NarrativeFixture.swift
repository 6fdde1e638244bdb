import Foundation
import Store
@testable import Ingest

/// Files the narrative, targets and classes tests read: the seed in Data/, the shared corpus
/// beside the repository, both found from this file's location.
enum NarrativeFixture {
    static let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let seedPath = repo.appendingPathComponent("Data/kashgar-party-mass-work-dept-2024-budget.txt").path
    static let corpus = repo.deletingLastPathComponent().appendingPathComponent("shared/corpus")

    static func text(_ path: String) throws -> String { try String(contentsOfFile: path, encoding: .utf8) }

    static func lines(_ text: String) -> [String] {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { String($0.hasSuffix("\r") ? $0.dropLast() : $0) }
    }

    /// The seed as a document, with the metadata its title states.
    static func seed() throws -> SnapshotDocument {
        SnapshotDocument(id: "kashgar-party-mass-work-dept-2024-budget", file: seedPath, format: .tabText,
                         lines: lines(try text(seedPath)), unit: "新疆维吾尔自治区喀什地区喀什经济开发区党群工作部",
                         year: 2024, stage: "预算", scope: "单位")
    }

    /// A corpus PDF as layout text, or nil when pdftotext is not installed (the tests that
    /// need it then say so instead of failing on a missing tool).
    static func pdfLayout(_ name: String, stage: String = "预算", scope: String = "部门", year: Int = 2025) -> SnapshotDocument? {
        let pdf = corpus.appendingPathComponent(name).path
        for tool in ["/usr/bin/pdftotext", "/usr/local/bin/pdftotext"] where FileManager.default.isExecutableFile(atPath: tool) {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: tool)
            process.arguments = ["-layout", pdf, "-"]
            let pipe = Pipe()
            process.standardOutput = pipe
            process.standardError = FileHandle.nullDevice
            do { try process.run() } catch { return nil }
            let data = pipe.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            guard process.terminationStatus == 0, let text = String(data: data, encoding: .utf8) else { return nil }
            return SnapshotDocument(id: String(name.dropLast(4)), file: pdf, format: .pdf, lines: lines(text),
                                    unit: "", year: year, stage: stage, scope: scope)
        }
        return nil
    }

    /// The seed's function codes as its tables print them when extraction kept them whole:
    /// class, section and item in their own cells ("208\t01\t01\t行政运行\t477.68…").
    static func seedFunctionCodes() throws -> [DocumentCode] {
        var codes: [DocumentCode] = []
        for line in lines(try text(seedPath)) {
            let cells = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard cells.count >= 5, cells[0].count == 3, cells[0].hasPrefix("2"), cells[0].allSatisfy(\.isNumber),
                  cells[1].count == 2, cells[1].allSatisfy(\.isNumber),
                  cells[2].isEmpty || (cells[2].count == 2 && cells[2].allSatisfy(\.isNumber)) else { continue }
            let amounts = cells[4...].compactMap { ExactDecimal($0.filter { !$0.isWhitespace && $0 != "," }) }
            codes.append(DocumentCode(code: cells[0] + cells[1] + cells[2], name: cells[3].filter { !$0.isWhitespace }, amounts: amounts))
        }
        return codes
    }
}
