import Testing
@testable import Ingest
import Store

/// The 决算 三公 table read by cells (a PDF read by geometry): each figure's item and measure from
/// the header over it, and a figure that cannot be placed reported, never written over another.
struct ThreePublicCellsTests {
    static let items = ["合计", "因公出国（境）费", "小计", "购置费", "运行维护费", "公务接待费"]

    /// A header line of items repeated once per measure, and the measures' own line above.
    static func table(measures: [(text: String, position: Int)], items: [String], figures: [String]) -> LabelTable {
        var header: [(text: String, position: Int, line: Int)] = measures.map { ($0.text, $0.position, 3) }
        header += items.enumerated().map { ($0.element, $0.offset, 4) }
        let numbers = figures.enumerated().compactMap { i, f in
            PrintedNumber.parse(f).map { RowNumber(number: $0, position: i, cell: f) }
        }
        return LabelTable(kind: TableKind.named("three_public")!, title: "“三公”经费支出决算表", unit: .wanYuan,
                          header: header, lines: [LabelLine(line: 5, groups: [LabelGroup(label: "", labelPosition: 0, numbers: numbers)])],
                          declaredEmpty: false)
    }

    static let document = SnapshotDocument(id: "t", file: "t.pdf", format: .pdf, lines: Array(repeating: "", count: 6), stage: "决算")

    static func rows(_ typed: TypedLabelTable) -> [String: (amount: String, budget: String)] {
        var out: [String: (String, String)] = [:]
        guard let t = typed.table, let item = t.columns.firstIndex(where: { $0.name == "item" }),
              let amount = t.columns.firstIndex(where: { $0.name == "amount" }),
              let budget = t.columns.firstIndex(where: { $0.name == "budget" }) else { return [:] }
        for r in t.rows { out["\(r[item])"] = ("\(r[amount])", "\(r[budget])") }
        return out
    }

    /// 预算数 and 决算数 printed once each, centred over their six items: the 预算数 word stands
    /// over only two of its columns, yet every item's first figure is its budget.
    @Test func measuresMergedOverTheItemsApplyInPrintedOrder() throws {
        let t = Self.table(measures: [("预算数", 2), ("预算数", 3), ("决算数", 8), ("决算数", 9)],
                           items: Self.items + Self.items,
                           figures: ["19.65", "", "18.45", "12.00", "6.45", "1.20", "17.71", "", "17.05", "11.98", "5.07", "0.66"])
        let typed = LabelTableTyping.type(t, document: Self.document)
        let rows = Self.rows(typed)
        #expect(rows["公务接待费"]?.budget == "1.20" && rows["公务接待费"]?.amount == "0.66")
        #expect(rows["公务用车运行费"]?.budget == "6.45" && rows["公务用车运行费"]?.amount == "5.07")
        #expect(rows["公务用车购置费"]?.budget == "12.00" && rows["公务用车购置费"]?.amount == "11.98")
        #expect(typed.unparsed.isEmpty)
        #expect(typed.facts.filter { $0.column == "budget" }.count == 5)
    }

    /// A header that names the same item and measure over two figures is misread: the first
    /// figure is kept (a fact), the second reported ('unparsed'), never written over it.
    @Test func aSecondFigureForOneItemIsReportedNotWrittenOver() throws {
        let t = Self.table(measures: [], items: ["公务接待费", "公务接待费"], figures: ["1.20", "0.66"])
        let typed = LabelTableTyping.type(t, document: SnapshotDocument(id: "t", file: "t.pdf", format: .pdf,
                                                                      lines: Array(repeating: "", count: 6), stage: "预算"))
        #expect(Self.rows(typed)["公务接待费"]?.amount == "1.20")
        #expect(typed.unparsed.count == 1)
        #expect(typed.unparsed.first?.cell == "0.66")
        #expect(typed.facts.map(\.amount.description) == ["1.20"])
    }

    /// A figure under a header that names no 三公 item is reported.
    @Test func aFigureUnderNoItemIsReported() {
        let t = Self.table(measures: [], items: ["公务接待费", "备注"], figures: ["1.20", "3.00"])
        let typed = LabelTableTyping.type(t, document: Self.document)
        #expect(typed.unparsed.map(\.cell) == ["3.00"])
        #expect(typed.facts.count == 1)
    }
}
