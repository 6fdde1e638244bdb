import Testing
@testable import Ingest

/// The 决算 forms' own numbering (a 栏次 line, a 行次 column) is not a figure, and the funds' names
/// in a 决算's income lines do not make it a 预算.
struct FormNumberingTests {
    static func row(_ cells: [String]) -> SourceRow {
        SourceRow(line: 1, cells: cells.enumerated().map { SourceCell(text: $0.element, position: $0.offset) })
    }

    @Test func aColumnNumberingLineIsNotData() {
        #expect(FormNumbering.isNumberingLine(Self.row(["栏次", "", "1", "栏次", "", "2"])))
        #expect(FormNumbering.isNumberingLine(Self.row(["", "栏次", "1", "2", "3"])))
        #expect(!FormNumbering.isNumberingLine(Self.row(["一、一般公共预算财政拨款收入", "1", "1,973.59"])))
        #expect(!FormNumbering.isNumberingLine(Self.row(["栏次说明", "合计", "12.50"])))
    }

    @Test func theLineNumberColumnIsFoundUnderItsHeader() {
        var numbers = LineNumbers(cellsAreColumns: true)
        numbers.learn(from: Self.row(["项目", "行次", "金额", "项目", "行次", "金额"]))
        #expect(numbers.cells == [1, 4])
        let row = numbers.removing(from: Self.row(["一、收入", "1", "12.00", "一、支出", "32", "12.00"]))
        #expect(row.cells.map(\.text) == ["一、收入", "12.00", "一、支出", "12.00"])
    }

    /// Layout text has no columns: the integer right after a label is its line's number.
    @Test func inLayoutTextTheIntegerAfterALabelIsItsNumber() {
        var numbers = LineNumbers(cellsAreColumns: false)
        numbers.learn(from: Self.row(["项目", "行次", "金额"]))
        let row = numbers.removing(from: Self.row(["一、收入", "1", "1,973.59", "一、支出", "32", "100", "二、事业收入", "5"]))
        #expect(row.cells.map(\.text) == ["一、收入", "1,973.59", "一、支出", "100", "二、事业收入"])
    }

    /// A 决算 overview read from its own lines: 政府性基金预算 and 国有资本经营预算 are income lines,
    /// 年初预算数 the budget column; the table's title says 决算.
    @Test func fundNamesDoNotVoteForABudget() {
        var doc = SnapshotDocument(id: "t", file: "t.pdf", format: .pdf, lines: [
            "示例区文化旅游局2024年度部门决算收入支出决算总表",
            "项目\t年初预算数\t决算数",
            "二、政府性基金预算财政拨款收入\t2\t",
            "三、国有资本经营预算财政拨款收入\t3\t",
        ])
        DocumentMetadata.fill(&doc)
        #expect(doc.stage == "决算")
    }

    /// The table holds the amounts only: no row for the 栏次 line, no 行次 number as a figure.
    @Test func aLabelTableSkipsTheFormsNumbering() {
        let lines = ["示例区文化旅游局2024年度部门决算收入支出决算总表", "单位：万元", "收入\t\t\t支出", "项目\t行次\t金额\t项目\t行次\t金额",
                     "栏次\t\t1\t栏次\t\t2", "一、一般公共预算财政拨款收入\t1\t1,973.59\t一、一般公共服务支出\t32\t1,973.59",
                     "二、政府性基金预算财政拨款收入\t2\t\t\t\t", "本年收入合计\t9\t1,973.59\t本年支出合计\t40\t1,973.59"]
        var doc = SnapshotDocument(id: "t", file: "t.txt", format: .tabText, lines: lines)
        DocumentMetadata.fill(&doc)
        let ingested = DocumentIngest.ingest(doc)
        #expect(ingested.facts.map(\.amount.description).sorted() == ["1973.59", "1973.59", "1973.59", "1973.59"])
        #expect(!ingested.checks.contains { $0.status == .unparsed })
        #expect(ingested.printedNumbers == 4)
    }
}
