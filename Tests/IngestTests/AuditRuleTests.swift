import Foundation
import Testing
@testable import Ingest

/// Every rule of the catalogue catches its fault: a corpus document's text with one fault
/// injected (the edits below, each a reviewer's finding) gains findings of that rule, and of no
/// rule the same fault does not also break (`implied`, each with why).
@Suite struct AuditRuleTests {
    typealias Edit = AuditFixture.Edit

    struct Injection: Sendable, CustomTestStringConvertible {
        let rule: String
        let file: String
        let edits: [Edit]
        /// Other rules the same fault necessarily breaks.
        var implied: [String] = []
        var testDescription: String { rule }
    }

    static let commerce = "commerce-2025-dept-budget.pdf"
    static let planning = "planning-2024-dept-final.pdf"
    static let wanli = "wanli-2025-dept-budget.pdf"
    static let welfare = "welfare-2024-unit-budget.pdf"
    static let seed = "kashgar-party-mass-work-dept-2024-budget.txt"

    static let injections: [Injection] = [
        // 0 reading. The 购房补贴 row's figures moved to a line of their own (as a tall cell prints).
        Injection(rule: "R0.repaired", file: commerce, edits: [Edit(233, "购房补贴               1,488,000.00", "购房补贴\n                                1,488,000.00")]),
        // Two figures more than the table's three columns: the row's figures cannot be placed,
        // so its section, the overview and the income table no longer add up to it.
        Injection(rule: "R0.unparsed-number", file: commerce,
                  edits: [Edit(233, "1,488,000.00     1,488,000.00", "1,488,000.00     1,488,000.00     1,000.00     2,000.00")],
                  implied: ["T3.section-sum", "T4.overview-spending", "T4.spending-income-class"]),
        Injection(rule: "R0.unparsed-sentence", file: seed, edits: [Edit(636, "比上年预算增加10万元,增长100%", "比上年预算有所增加")]),
        Injection(rule: "R0.unparsed-target", file: seed, edits: [Edit(1225, "\t\t开展活动\t≥2 次\t计划标准", "\t\t开展活动\t\t计划标准")]),
        // 其他公安支出 called 其他公安经费: the reader takes the look-alike (and says so), which is
        // also the narrative naming the code otherwise (N5.name).
        Injection(rule: "R0.narrative-repaired", file: seed, edits: [Edit(640, "其他公安支出(项)", "其他公安经费(项)")], implied: ["N5.name"]),

        // 1 identity and year
        Injection(rule: "T1.unit-heading", file: commerce, edits: [Edit(359, "编制部门：上海市普陀区商务委员会", "编制部门：上海市普陀区财政局")]),
        Injection(rule: "T1.year-heading", file: commerce, edits: [Edit(158, "2025年部门收入预算总表", "2024年部门收入预算总表")]),
        Injection(rule: "T1.stage-heading", file: commerce, edits: [Edit(158, "2025年部门收入预算总表", "2025年部门收入决算表")]),
        Injection(rule: "N1.year-self", file: commerce, edits: [Edit(102, "比2024年预算增加24,491.71万元。", "比2025年预算增加24,491.71万元。")]),
        Injection(rule: "N1.year-end", file: planning, edits: [Edit(947, "截至 2024 年 12 月 31 日", "截至 2023 年 12 月 31 日")]),
        Injection(rule: "N1.unit-name", file: commerce, edits: [Edit(386, "上海市普陀区商务委员会共有车辆", "上海市普陀区商贸委员会共有车辆")]),
        Injection(rule: "N1.asset-date", file: commerce, edits: [Edit(386, "截至2024年8月31日", "截至2022年8月31日")]),

        // 2 completeness
        Injection(rule: "T2.missing", file: wanli, edits: [Edit(21, "2025年部门“三公”经费和机关运行经费预算表", "2025年部门结转结余情况表")]),
        Injection(rule: "T2.order", file: wanli, edits: [Edit(13, "2025年部门财务收支预算总表", "2025年部门收入预算总表"),
                                                         Edit(14, "2025年部门收入预算总表", "2025年部门财务收支预算总表")]),
        // The 政府性基金 table's title printed again after the 国有资本经营 table.
        Injection(rule: "T2.duplicate", file: commerce, edits: [Edit(319, "为空表。", "为空表。\n2025年部门政府性基金预算支出功能分类预算表\n注:同上表。")]),
        Injection(rule: "T2.empty-unstated", file: commerce,
                  edits: [Edit(306, "注:本部门2025年无政府性基金预算财政拨款安排的预算，故本表为空表。", "注:以上为本部门2025年政府性基金预算财政拨款安排的预算。")]),
        Injection(rule: "T2.statement-with-rows", file: commerce, edits: [Edit(159, "编制部门：上海市普陀区商务委员会    ", "编制部门：上海市普陀区商务委员会    本表无数据")]),
        Injection(rule: "T2.standard-absent", file: commerce,
                  edits: [Edit(17, "国有资本经营预算支出功能分类预算表", "国有资本经营预算支出功能分类预算"),
                          Edit(307, "国有资本经营预算支出功能分类预算表", "国有资本经营预算支出功能分类预算")]),

        // 3 within a table. 221 住房保障支出 raised by 100 元 in 支出表: its sections no longer add
        // up to it, and 合计 no longer adds up the classes.
        Injection(rule: "T3.class-sum", file: commerce, edits: [Edit(230, "2,849,034.00     2,849,034.00", "2,849,134.00     2,849,134.00")],
                  implied: ["T3.grand-total"]),
        // 22102 raised: its items do not add up to it, and it no longer adds up to its class.
        Injection(rule: "T3.section-sum", file: commerce, edits: [Edit(231, "2,849,034.00     2,849,034.00", "2,849,134.00     2,849,134.00")],
                  implied: ["T3.class-sum"]),
        // 基本支出表 合计 raised: its classes do not add up to it, and it no longer equals the basic
        // column of 一般公共预算支出表.
        Injection(rule: "T3.grand-total", file: commerce, edits: [Edit(357, "19,830,655.00   18,120,593.00", "19,830,755.00   18,120,693.00")],
                  implied: ["T4.basic-general"]),
        Injection(rule: "T3.project-sum", file: seed, edits: [Edit(432, "先进个人表彰工作经费\t11.85\t\t\t11.85", "先进个人表彰工作经费\t12.85\t\t\t12.85")]),
        // The basic column raised by 100 元 on 2210201 and all its parents: every column still adds
        // up, only 合计 = 基本 + 项目 fails on those rows.
        Injection(rule: "T3.row-total", file: commerce,
                  edits: [Edit(232, "1,361,034.00     1,361,034.00", "1,361,034.00     1,361,134.00"),
                          Edit(231, "2,849,034.00     2,849,034.00", "2,849,034.00     2,849,134.00"),
                          Edit(230, "2,849,034.00     2,849,034.00", "2,849,034.00     2,849,134.00"),
                          Edit(234, "19,830,655.00", "19,830,755.00")]),
        Injection(rule: "T3.balance", file: commerce, edits: [Edit(251, "支出总计       371,514,655.00", "支出总计       371,514,755.00")]),
        // 住房公积金's 合计 and 基本支出 printed as ### (cells too narrow): one row rule, two unknowns,
        // so neither can be given back; its class no longer adds up to the overview's or the
        // income table's (the unknown figures are left out of the sums, never read as blank).
        Injection(rule: "T3.illegible-figure", file: commerce, edits: [Edit(232, "1,361,034.00     1,361,034.00", "         ###              ###")],
                  implied: ["T4.overview-spending", "T4.spending-income-class"]),
        // The same in a label table: 收支总表's 收入总计 printed as ###.
        Injection(rule: "T3.illegible-figure", file: commerce, edits: [Edit(251, "收入总计            371,514,655.00", "收入总计                       ###")]),
        Injection(rule: "T3.negative", file: commerce, edits: [Edit(147, "371,514,655.00", "-371,514,655.00")]),
        Injection(rule: "T3.name-reference", file: commerce,
                  edits: [Edit(194, "住房公积金", "住房公积"), Edit(232, "住房公积金", "住房公积"), Edit(291, "住房公积金", "住房公积")]),
        Injection(rule: "T3.former-name", file: commerce,
                  edits: [Edit(182, "卫生健康支出    ", "医疗卫生与计划生育支出"), Edit(220, "卫生健康支出    ", "医疗卫生与计划生育支出"),
                          Edit(279, "卫生健康支出    ", "医疗卫生与计划生育支出")]),

        // 4 between tables
        Injection(rule: "T4.overview-spending", file: commerce, edits: [Edit(152, "2,849,034.00", "2,849,134.00")]),
        // 100 元 moved in 收入表 from class 221 to class 216 (items, sections and classes alike):
        // 收入表 still adds up and its 合计 is unchanged.
        Injection(rule: "T4.spending-income-class", file: commerce,
                  edits: [Edit(194, "1,361,034.00     1,361,034.00", "1,360,934.00     1,360,934.00"),
                          Edit(193, "2,849,034.00     2,849,034.00", "2,848,934.00     2,848,934.00"),
                          Edit(192, "2,849,034.00     2,849,034.00", "2,848,934.00     2,848,934.00"),
                          Edit(191, "31,364,000.00    31,364,000.00", "31,364,100.00    31,364,100.00"),
                          Edit(190, "31,364,000.00    31,364,000.00", "31,364,100.00    31,364,100.00"),
                          Edit(189, "31,364,000.00    31,364,000.00", "31,364,100.00    31,364,100.00")]),
        // 收入表 合计 raised: it no longer adds up its classes, nor equals 收支总表's 收入总计.
        Injection(rule: "T4.spending-income-total", file: commerce, edits: [Edit(196, "371,514,655.00   371,514,655.00", "371,514,755.00   371,514,755.00")],
                  implied: ["T3.grand-total", "T4.overview-income-total"]),
        Injection(rule: "T4.appropriation-general-class", file: commerce, edits: [Edit(246, "2,849,034.00     2,849,034.00", "2,849,034.00     2,849,134.00")]),
        Injection(rule: "T4.appropriation-general-total", file: commerce, edits: [Edit(251, "371,514,655.00   371,514,655.00", "371,514,655.00   371,514,755.00")]),
        // 基本支出表: 30113 住房公积金, its class 301 and 合计 raised alike; the table still adds up.
        Injection(rule: "T4.basic-general", file: commerce,
                  edits: [Edit(335, "1,361,034.00    1,361,034.00", "1,361,134.00    1,361,134.00"),
                          Edit(327, "16,671,057.00   16,671,057.00", "16,671,157.00   16,671,157.00"),
                          Edit(357, "19,830,655.00   18,120,593.00", "19,830,755.00   18,120,693.00")]),
        // 收支总表's 收入总计 raised: it no longer balances its 支出总计 either.
        Injection(rule: "T4.overview-income-total", file: commerce, edits: [Edit(157, "收入总计           371,514,655.00", "收入总计           371,514,755.00")],
                  implied: ["T3.balance"]),
        Injection(rule: "T4.overview-spending-total", file: commerce, edits: [Edit(157, "支出总计            371,514,655.00", "支出总计            371,514,755.00")],
                  implied: ["T3.balance"]),
        Injection(rule: "T4.fund-appropriation", file: commerce,
                  edits: [Edit(251, "371,514,655.00   371,514,655.00", "371,514,655.00   371,514,655.00        1,000,000.00")]),
        // One table keeps the current name of 210, another prints the former one.
        Injection(rule: "T4.name-across-tables", file: commerce, edits: [Edit(220, "卫生健康支出    ", "医疗卫生与计划生育支出")], implied: ["T3.former-name"]),

        // 5 narrative against tables
        Injection(rule: "N5.income-total", file: commerce, edits: [Edit(100, "收入预算37,151.47万元", "收入预算37,161.47万元")]),
        Injection(rule: "N5.spending-total", file: commerce, edits: [Edit(102, "支出预算37,151.47万元", "支出预算37,161.47万元")]),
        Injection(rule: "N5.change", file: seed, edits: [Edit(567, "比上年预算增加 2578.13 万元", "比上年预算增加 6000.00 万元")]),
        Injection(rule: "N5.percent", file: seed, edits: [Edit(567, "增长 100.58%", "增长 90.58%")]),
        // 70.70 -> 76.76 is 8.57%, printed 9.57%.
        Injection(rule: "N5.percent", file: welfare, edits: [Edit(62, "增加8.57%", "增加9.57%")]),
        // 9746.50 / 10210.34 = 95.46%, printed 96.45%.
        Injection(rule: "N5.completion", file: planning, edits: [Edit(649, "完成年初预算的 95.45%", "完成年初预算的 96.45%")]),
        Injection(rule: "N5.share", file: planning, edits: [Edit(606, "占 55.10%", "占 65.10%")]),
        Injection(rule: "N5.share-range", file: planning, edits: [Edit(600, "占 100.00%", "占 110.00%")]),
        // 增加 1062.85 万元 then 下降 12.08%: two words for one change.
        Injection(rule: "N5.word-sign", file: planning, edits: [Edit(590, "增长 12.08%", "下降 12.08%")]),
        // The 执行数 / 预算安排 form: 54.60 -> 53.84 is a fall of 1.39%, printed as an increase.
        Injection(rule: "N5.word-sign", file: welfare, edits: [Edit(58, "减少1.39%", "增加1.39%")]),
        Injection(rule: "N5.comparison-word", file: planning, edits: [Edit(649, "决算数小于", "决算数大于")]),
        Injection(rule: "N5.flat", file: commerce, edits: [Edit(377, "与2024年预算持平，主要原因是", "与2024年预算持平，增长5.00%，主要原因是")]),
        Injection(rule: "N5.reason-missing", file: seed,
                  edits: [Edit(569, "增长 367.41%，", "增长 367.41%。"), Edit(571, "主要原因是我单位本年安排的项目资金相较于上年增加。", "此项资金用于项目。")]),
        Injection(rule: "N5.not-in-tables", file: seed, edits: [Edit(636, "2024年预算数为10万元,比上年预算增加10万元", "2024年预算数为11万元,比上年预算增加11万元")]),
        Injection(rule: "N5.former-name", file: commerce, edits: [Edit(129, "“卫生健康支出（类）", "“医疗卫生与计划生育支出（类）")]),
        Injection(rule: "N5.name", file: seed, edits: [Edit(636, "其他共产党事务支出(项)", "其他党务支出(项)")], implied: ["R0.narrative-repaired"]),
        Injection(rule: "N5.same-item-amounts", file: commerce, edits: [Edit(101, "其他收入0万元。", "其他收入0万元，财政拨款收入37,100.00万元。")]),
        Injection(rule: "N5.three-public", file: commerce, edits: [Edit(377, "公务接待费1.00万元", "公务接待费2.00万元")]),
        Injection(rule: "N5.operating-cost", file: commerce, edits: [Edit(379, "机关运行经费预算为171.01万元", "机关运行经费预算为181.01万元")]),

        // 6 text hygiene
        Injection(rule: "N6.placeholder", file: commerce, edits: [Edit(386, "上海市普陀区商务委员会共有车辆", "XX单位共有车辆")]),
        Injection(rule: "T6.placeholder", file: commerce, edits: [Edit(158, "2025年部门收入预算总表", "2025年XX部门收入预算总表")]),
        Injection(rule: "N6.doubled-punctuation", file: commerce, edits: [Edit(104, "持平。", "持平。。")]),
        Injection(rule: "N6.unbalanced-quotes", file: commerce, edits: [Edit(91, "（七）“三公”经费", "（七）“三公经费")]),
        Injection(rule: "N6.unbalanced-brackets", file: commerce, edits: [Edit(85, "（三）事业单位经营收入", "（三事业单位经营收入")]),
        Injection(rule: "N6.percent-sign", file: planning, edits: [Edit(606, "占 55.10%", "占 55.10")]),
        Injection(rule: "N6.zero-increase", file: commerce, edits: [Edit(374, "因公出国（境）费0万元，与2024年预算持平", "因公出国（境）费0万元，比2024年预算增加0.50万元")]),
    ]

    @Test(arguments: injections)
    func injectedFaultIsCaughtByItsRule(_ injection: Injection) throws {
        let added = try AuditFixture.added(injection.file, injection.edits)
        let rules = Set(added.map { String($0.prefix { $0 != "|" }) })
        #expect(rules.contains(injection.rule), "\(injection.rule) not caught; added: \(added)")
        let unrelated = rules.subtracting([injection.rule]).subtracting(injection.implied)
        #expect(unrelated.isEmpty, "\(injection.rule): unrelated findings \(added.filter { unrelated.contains(String($0.prefix { $0 != "|" })) })")
        // Each implied rule is really broken by the fault (the list stays honest).
        for rule in injection.implied { #expect(rules.contains(rule), "\(injection.rule): implied \(rule) not found") }
    }

    /// One figure printed as ### in a row whose other figures are legible is given back by the
    /// row's arithmetic, as a repair that says so, and the tables hold the printed value.
    @Test func aFigurePrintedAsHashesIsGivenBackByItsRow() throws {
        let edits = [Edit(232, "1,361,034.00     1,361,034.00", "1,361,034.00              ###")]
        let added = try AuditFixture.added(Self.commerce, edits)
        #expect(added == ["R0.repaired|basic of 2210201 住房公积金 printed as ### (its cell too narrow for the figure); the row's arithmetic gives 136.103400 万元"], "\(added)")
    }

    /// The catalogue is the list of rules: every rule has an injected fault above, ids are unique
    /// and of the form T3.name / N5.name / R0.name, and at least 45 rules exist.
    @Test func everyRuleHasItsFault() {
        let ids = RuleCatalogue.all.map(\.id)
        #expect(ids.count >= 45)
        #expect(Set(ids).count == ids.count)
        // T4.overview-split reads the split columns only where a PDF's geometry names them: its
        // fault is injected into a PDF's words (GeometryTests.aSplitOverviewIsCheckedAgainstSpending).
        let covered = Set(Self.injections.map(\.rule)).union(["T4.overview-split"])
        #expect(Set(ids).subtracting(covered).isEmpty, "rules without a test: \(Set(ids).subtracting(covered).sorted())")
        #expect(covered.subtracting(ids).isEmpty, "tests of unknown rules: \(covered.subtracting(ids).sorted())")
        for rule in RuleCatalogue.all {
            let parts = rule.id.split(separator: ".", maxSplits: 1)
            #expect(parts.count == 2 && parts[0].count == 2 && "TNR".contains(parts[0].first ?? " ")
                    && parts[0].last.flatMap { Int(String($0)) } == rule.family.rawValue, "\(rule.id)")
        }
    }
}
