import Foundation
import Store
import Testing
@testable import Ingest

/// Where a PDF figure came from, a page shown turned, and a disclosure loaded twice.
/// (Every figure's place in its table is measured by EndToEndTests/FidelityTests.)
@Suite struct GeometryTests {
    /// Figure pieces stacked in one cell (f29 covers a word processor's wrap end to end). The
    /// decimals cue never joins two figures that each stand level with a row of their own: a
    /// dense table in Excel's General format prints 12.5 over the next row's 3.
    @Test func wrappedFigurePiecesJoinOnlyWithinOneRow() {
        func word(_ text: String, _ y0: Double) -> PDFWord { PDFWord(text: text, box: PageBox(x0: 100, y0: y0, x1: 140, y1: y0 + 9)) }
        let usual = [word("7.25", 40), word("8.10", 60)]
        // A wrapped figure centred on its row's name (the name's band between the pieces).
        let wrapped = TableGrid.joiningWrappedFigures(usual + [word("9,377,011.0", 100), word("8", 110)],
                                                      rowBands: [PageBox(x0: 10, y0: 105, x1: 60, y1: 114)]) { _ in 0 }
        #expect(wrapped.map(\.text).contains("9,377,011.08"))
        // Two dense rows, each figure level with its own row's name.
        let dense = TableGrid.joiningWrappedFigures(usual + [word("12.5", 100), word("3", 111)],
                                                    rowBands: [PageBox(x0: 10, y0: 100, x1: 60, y1: 109), PageBox(x0: 10, y0: 111, x1: 60, y1: 120)]) { _ in 0 }
        #expect(Set(dense.map(\.text)).isSuperset(of: ["12.5", "3"]))
        // A point or comma left dangling joins whatever the rows say.
        let marked = TableGrid.joiningWrappedFigures([word("90,018,300.", 100), word("24", 111)],
                                                     rowBands: [PageBox(x0: 10, y0: 100, x1: 60, y1: 109), PageBox(x0: 10, y0: 111, x1: 60, y1: 120)]) { _ in 0 }
        #expect(marked.map(\.text) == ["90,018,300.24"])
    }

    /// The fixture PDFs fixtures/generate makes (./test does, before the tests).
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent(".build/fixtures/geometry")

    static func facts(_ report: LoadReport) throws -> [[String: Value]] {
        Fixture.rows(try #require(Fixture.table(report, "facts")))
    }

    static func point(_ v: Value?) -> Double? {
        if case .decimal(let d)? = v { return Double(d.description) }
        return nil
    }

    /// A fact carries the page and the box poppler gives the printed word: planning's
    /// 机关事业单位基本养老保险缴费支出 (2080505) 基本支出 446.11 stands on page 10 at (408.7, 312.7).
    @Test func aFactPointsAtTheWordOnItsPage() throws {
        let report = SnapshotLoader.load(paths: [Fixture.corpusFile("planning-2024-dept-final.pdf")])
        let fact = try #require(try Self.facts(report).first {
            $0["table"] == .text("spending") && $0["code"] == .text("2080505") && $0["column"] == .text("basic")
        })
        #expect(fact["amount"] == .decimal(ExactDecimal("446.11") ?? .zero))
        #expect(fact["page"] == .integer(10))
        let x0 = try #require(Self.point(fact["x0"])), y0 = try #require(Self.point(fact["y0"]))
        let x1 = try #require(Self.point(fact["x1"])), y1 = try #require(Self.point(fact["y1"]))
        #expect(abs(x0 - 408.67) < 0.1 && abs(y0 - 312.72) < 0.1 && x1 > x0 && y1 > y0)
        // The row and its checks point at the same page.
        let spending = Fixture.rows(try #require(Fixture.table(report, "spending")))
        #expect(spending.first { $0["code"] == .text("2080505") }?["page"] == .integer(10))
        let checks = Fixture.rows(try #require(Fixture.table(report, "checks")))
        #expect(checks.allSatisfy { $0["line"] == .null || $0["page"] != .null })
    }

    /// A text snapshot has lines but no pages: page and box are NULL, line is kept.
    @Test func textSnapshotsHaveNoPages() throws {
        let report = SnapshotLoader.load(paths: [Fixture.seed])
        let facts = try Self.facts(report)
        #expect(!facts.isEmpty && facts.allSatisfy { $0["page"] == .null && $0["x0"] == .null && $0["line"] != .null })
    }

    /// A page shown turned a quarter (/Rotate 90) is read upright, and its figures' boxes are
    /// where a viewer sees them: on the landscape page, the text running down.
    @Test func aTurnedPageIsReadUprightAndPointedAtAsShown() throws {
        let report = SnapshotLoader.load(paths: [Self.fixtures.appendingPathComponent("f14-rotated-clockwise.pdf").path])
        let figure = try #require(try Self.facts(report).first {
            $0["table"] == .text("spending") && $0["code"] == .text("207") && $0["column"] == .text("amount")
        })
        #expect(figure["amount"] == .decimal(ExactDecimal("2011.18") ?? .zero))
        let x0 = try #require(Self.point(figure["x0"])), y0 = try #require(Self.point(figure["y0"]))
        let x1 = try #require(Self.point(figure["x1"])), y1 = try #require(Self.point(figure["y1"]))
        #expect(y1 - y0 > x1 - x0, "the figure runs down the displayed page")
        #expect(x1 > 595, "the displayed page is landscape (842 points wide)")
    }

    /// The same disclosure as a PDF and as another extractor's text is counted once: the text
    /// has only its docs row, naming the PDF, and the totals are the PDF's.
    @Test func aDisclosureLoadedTwiceIsCountedOnce() throws {
        let pdf = SnapshotLoader.load(paths: [Fixture.corpusFile("wanli-2025-dept-budget.pdf")])
        let both = SnapshotLoader.load(paths: [Fixture.corpusFile("wanli-2025-dept-budget.pdf"),
                                               Fixture.corpusFile("wanli-2025-dept-budget.pdfparse.txt")])
        let docs = Fixture.rows(try #require(Fixture.table(both, "docs")))
        #expect(docs.count == 2)
        #expect(docs.last?["duplicate_of"] == .text("wanli-2025-dept-budget"))
        #expect(docs.first?["duplicate_of"] == .null)
        #expect(both.problems.contains { $0.message.contains("the same disclosure as") })
        let once = try #require(Fixture.table(pdf, "spending")), twice = try #require(Fixture.table(both, "spending"))
        #expect(Fixture.sum(once, "amount") == Fixture.sum(twice, "amount"))
        #expect(try Self.facts(both).count == (try Self.facts(pdf)).count)
    }

    /// Two different disclosures of one unit and year are not duplicates.
    @Test func differentDocumentsAreNotDuplicates() throws {
        let report = SnapshotLoader.load(paths: [Fixture.corpusFile("commerce-2025-dept-budget.pdf"),
                                                 Fixture.corpusFile("govoffice-2025-dept-budget.pdf")])
        let docs = Fixture.rows(try #require(Fixture.table(report, "docs")))
        #expect(docs.count == 2 && docs.allSatisfy { $0["duplicate_of"] == .null })
    }

    /// A 收支总表 that splits its spending side (welfare: 人员经费, 公用经费, 项目支出) is checked
    /// against the spending table's columns by class: as printed, every class agrees; with the
    /// 项目支出 of 208 changed by 100 元 in the PDF's words, T4.overview-split finds it.
    @Test func aSplitOverviewIsCheckedAgainstSpending() throws {
        let path = Fixture.corpusFile("welfare-2024-unit-budget.pdf")
        let pages = PDFWords.pages(fromBBoxLayout: Array(try PdftotextProcess.run(path: path, arguments: ["-bbox-layout", "-enc", "UTF-8"])))
        func splitChecks(_ pages: [PDFPage]) -> [Check] {
            DocumentIngest.ingest(SnapshotReader.pdfDocument(id: "welfare", file: path, pages: pages)).checks
                .filter { $0.rule == RuleCatalogue.overviewSplit }
        }
        let printed = splitChecks(pages)
        #expect(printed.count >= 4 && printed.allSatisfy { $0.status == .ok }, "\(printed.map(\.detail))")
        var faulty = pages
        // The overview (page 7): 二、社会保障和就业支出's 项目支出, the right-most 2,620,000.
        let page = try #require(faulty.firstIndex { $0.words.contains { $0.text == "二、社会保障和就业支出" } })
        let word = try #require(faulty[page].words.indices.filter { faulty[page].words[$0].text == "2,620,000" }
            .max { faulty[page].words[$0].box.x0 < faulty[page].words[$1].box.x0 })
        faulty[page].words[word].text = "2,620,100"
        let found = splitChecks(faulty).filter { $0.status == .mismatch }
        #expect(found.count == 1 && found.first?.expected == ExactDecimal("262.0100"), "\(found.map(\.detail))")
    }
}
