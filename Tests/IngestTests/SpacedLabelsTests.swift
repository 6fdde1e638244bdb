import Testing
@testable import Ingest

/// Characters of a table word typed spread apart are joined; other single characters are not.
struct SpacedLabelsTests {
    static func words(_ items: [(String, Double)]) -> [PDFWord] {
        items.map { PDFWord(text: $0.0, box: PageBox(x0: $0.1, y0: 100, x1: $0.1 + 9, y1: 110)) }
    }

    @Test func aSpreadTotalIsOneWord() {
        let joined = SpacedLabels.join(Self.words([("合", 38), ("计", 295), ("853.15", 330)]))
        #expect(joined.map(\.text) == ["合计", "853.15"])
        #expect(joined.first?.box.x0 == 38 && joined.first?.box.x1 == 304)
    }

    @Test func theLongestFurnitureWordWins() {
        #expect(SpacedLabels.join(Self.words([("收", 10), ("入", 30), ("总", 50), ("计", 70)])).map(\.text) == ["收入总计"])
        #expect(SpacedLabels.join(Self.words([("收", 10), ("入", 30), ("支", 300), ("出", 320)])).map(\.text) == ["收入", "支出"])
    }

    /// 类 | 款 | 项 head three code columns; a character beside a figure stays itself.
    @Test func otherSingleCharactersStay() {
        #expect(SpacedLabels.join(Self.words([("类", 10), ("款", 40), ("项", 70)])).map(\.text) == ["类", "款", "项"])
        #expect(SpacedLabels.join(Self.words([("合", 10), ("12.00", 40), ("计", 70)])).map(\.text) == ["合", "12.00", "计"])
    }
}
