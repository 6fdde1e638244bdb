import Foundation
import Testing
import Store
@testable import Ingest

/// The seed and a corpus snapshot, damaged the ways downloads and copy-paste damage them
/// (cut short, lines lost or doubled, digits changed, huge numbers, columns shifted): every
/// mutation loads without a trap into tables whose columns agree on length.
@Suite struct MalformedMutationTests {
    struct Mutator {
        var state: UInt64
        mutating func next(_ n: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return n <= 1 ? 0 : Int((state >> 33) % UInt64(n))
        }

        mutating func mutate(_ lines: [String]) -> [String] {
            var lines = lines
            guard !lines.isEmpty else { return lines }
            for _ in 0..<(1 + next(6)) {
                let i = next(lines.count)
                switch next(10) {
                case 0: lines = Array(lines.prefix(i))                                      // cut short
                case 1: lines.remove(at: i)                                                  // line lost
                case 2: lines.insert(lines[i], at: i)                                        // line doubled
                case 3: lines[i] = lines[i].replacingOccurrences(of: "   ", with: " ")       // columns run together
                case 4: lines[i] = lines[i].replacingOccurrences(of: "1", with: "99999999999999999999999999999")
                case 5: lines[i] = lines[i].replacingOccurrences(of: ".", with: "..")
                case 6: lines[i] = String(lines[i].prefix(next(max(1, lines[i].count))))    // cut mid-line
                case 7: lines[i] = lines[i] + "\t" + String(repeating: "-", count: next(50)) + "\t1e9\t-\t（）"
                case 8: lines.swapAt(i, next(lines.count))
                default: lines[i] = String(lines[i].reversed())
                }
                if lines.isEmpty { break }
            }
            return lines
        }
    }

    func loadEach(_ source: String, count: Int, seed: UInt64, ext: String) throws {
        let text = try String(contentsOfFile: source, encoding: .utf8)
        let lines = text.components(separatedBy: "\n")
        let dir = NSTemporaryDirectory() + "budgetql-mutated-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        var mutator = Mutator(state: seed)
        for n in 0..<count {
            let path = "\(dir)/mutant-\(n).\(ext)"
            let mutant = mutator.mutate(lines).joined(separator: "\n")
            FileManager.default.createFile(atPath: path, contents: Data(mutant.utf8))
            let report = SnapshotLoader.load(paths: [path])
            for table in report.tables {
                for column in table.columns where column.count != table.rowCount {
                    Issue.record("mutant \(n) of \(source): \(table.name).\(column.name) has \(column.count) values for \(table.rowCount) rows")
                }
            }
            try? FileManager.default.removeItem(atPath: path)
        }
    }

    @Test func mutatedSeedSnapshotsLoadWithoutATrap() throws {
        try loadEach(Fixture.seed, count: 25, seed: 1, ext: "txt")
    }

    @Test func mutatedCorpusTextSnapshotsLoadWithoutATrap() throws {
        let source = Fixture.corpusFile("wanli-2025-dept-budget.pdfparse.txt")
        try #require(FileManager.default.fileExists(atPath: source), "the shared corpus is expected at \(source)")
        try loadEach(source, count: 25, seed: 2, ext: "txt")
    }
}
