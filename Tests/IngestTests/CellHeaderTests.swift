import Testing
@testable import Ingest

/// Reading the header over a cell: a merged group's centred word stands over only its middle
/// columns, and a cell whose own words name nothing is read with the nearest group beside it.
struct CellHeaderTests {
    // 合计 (merged down, its word on the middle line) | 财政拨款收入 over 小计 | 一般公共预算 |
    // 政府性基金 | 单位资金 over 小计 | 事业收入 | 其他收入.
    let rows = [
        ["", "", "财政拨款收入", "", "", "单位资金", ""],
        ["合计", "", "", "", "", "", ""],
        ["", "小计", "一般公共预算", "政府性基金", "小计", "事业收入", "其他收入"],
    ]

    @Test func aSubtotalTakesTheNearestGroupBesideIt() {
        #expect(CellHeader.grouped(rows, cell: 1, cells: 0..<7)?.lines == ["财政拨款收入", "", "小计"])
        #expect(CellHeader.grouped(rows, cell: 4, cells: 0..<7)?.lines == ["单位资金", "", "小计"])
    }

    /// 合计 on the middle line has nothing under it: a cell merged down, not a group.
    @Test func aCellMergedDownIsNotAGroup() {
        let header = CellHeader.grouped(rows, cell: 1, cells: 0..<7)
        #expect(header?.lines.contains("合计") == false)
    }

    /// The whole-height cell itself has nothing to borrow on the lines above its word but the
    /// group beside it; a cell with no words at all has no header.
    @Test func aBlankCellHasNoHeader() {
        #expect(CellHeader.grouped([["", "收入"], ["", "小计"]], cell: 0, cells: 0..<2) == nil)
    }

    /// A budget's year before (上年预算数, 2024年预算数 in 2025) stands beside the year's figures;
    /// 上年结转 is this year's income carried over (a column of the income table), not last year's.
    @Test func theYearBeforeIsNotTheMoneyCarriedFromIt() {
        #expect(CellHeader(lines: ["上年预算数"]).measure(final: false, year: 2025) == .priorYear)
        #expect(CellHeader(lines: ["2024年预算数", "合计"]).measure(final: false, year: 2025) == .priorYear)
        #expect(CellHeader(lines: ["2025年预算数", "小计"]).measure(final: false, year: 2025) == .year)
        #expect(CellHeader(lines: ["上年结转"]).measure(final: false, year: 2025) == nil)
        #expect(CellHeader(lines: ["2024年结转结余"]).measure(final: false, year: 2025) == nil)
        #expect(CellHeader(lines: ["预算数"]).measure(final: false, year: 2025) == nil)
    }

    @Test func budgetAndOutturnByPrintedOrder() {
        let names = [0: "amount", 1: "basic", 2: "amount", 3: "basic"]
        let m = CellHeader.measures(names: names, printed: [1: .budget], markers: [(1, .budget), (3, .outturn)])
        #expect(m == [0: .budget, 1: .budget, 2: .outturn, 3: .outturn])
    }
}
