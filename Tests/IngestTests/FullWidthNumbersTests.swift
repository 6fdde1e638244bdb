import Foundation
import Testing
import Store
@testable import Ingest

/// Numbers typed in full-width forms read like ASCII ones (issue 15, item 11): before, "４７７.６８"
/// was dropped and the row's other numbers slid into the wrong columns with no check saying so.
@Suite struct FullWidthNumbersTests {
    static func fullWidth(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.map { s in
            switch s {
            case "0"..."9": return Unicode.Scalar(s.value - 0x30 + 0xFF10) ?? s
            case ".": return "．"
            default: return s
            }
        }))
    }

    @Test func linesAreNormalisedOnlyWhereNumbersAre() {
        #expect(FullWidthNumbers.normalise("行政运行\t４７７．６８\t１，２３４.５\t－３") == "行政运行\t477.68\t1,234.5\t-3")
        #expect(FullWidthNumbers.normalise("收入增加，主要原因是") == "收入增加，主要原因是")
        #expect(FullWidthNumbers.normalise("（一）２０２４年，支出") == "（一）2024年，支出")
    }

    /// The seed with one table's row typed in full width gives the same spending rows and facts.
    @Test func aFullWidthRowOfTheSeedReadsAsTheASCIIRow() throws {
        let original = try String(contentsOfFile: Fixture.seed, encoding: .utf8)
        let row = "208\t01\t01\t行政运行\t477.68\t477.68\t467.12\t10.55"
        try #require(original.contains(row))
        let typed = "208\t01\t01\t行政运行\t" + Self.fullWidth("477.68\t477.68\t467.12\t10.55")
        let altered = original.replacingOccurrences(of: row, with: typed)
        #expect(altered != original)
        let plain = DocumentIngest.ingest(SnapshotReader.document(id: "seed", file: "seed.txt", format: .tabText, text: original))
        let wide = DocumentIngest.ingest(SnapshotReader.document(id: "seed", file: "seed.txt", format: .tabText, text: altered))
        #expect(wide.facts.count == plain.facts.count)
        #expect(wide.checks.map(\.status) == plain.checks.map(\.status))
        #expect(wide.checks.filter { $0.status == .unparsed }.count == plain.checks.filter { $0.status == .unparsed }.count)
        #expect(wide.facts.map(\.amount) == plain.facts.map(\.amount))
    }
}
