import Foundation
import Store
import Testing
@testable import Ingest

/// What the audit finds on the shared corpus at error severity, every finding accounted for:
/// each is a problem of the document as published (with its printed figures), or one the reader
/// causes (named as such: a reader error is never passed off as the document's). Since PDFs are
/// read by geometry, only the seed's text snapshot, broken by the tool that extracted it, has any.
@Suite struct AuditCorpusTests {
    struct Expected: Sendable {
        let rule: String
        /// Words of the finding's message that pick it out.
        let detail: String
        /// How many findings it stands for.
        var count = 1
    }

    static func doc(_ rule: String, _ detail: String, _ count: Int = 1) -> Expected { Expected(rule: rule, detail: detail, count: count) }
    static func reader(_ rule: String, _ detail: String, _ count: Int = 1) -> Expected { Expected(rule: rule, detail: detail, count: count) }

    static let expected: [String: [Expected]] = [
        // commerce, govoffice and wanli: the names a line-based reader glued to the next page's
        // header ("…缴费支出项目一般公共预算支出功能分类科目编码…类款项") are read whole by geometry.
        "commerce-2025-dept-budget.pdf": [],
        "govoffice-2025-dept-budget.pdf": [],
        "wanli-2025-dept-budget.pdf": [],
        "wanli-2025-dept-budget.pdfparse.txt": [],
        "welfare-2024-unit-budget.pdf": [
            // Document: 基本支出表 numbers 302 商品和服务支出's sections 01-13 in sequence, not by
            // the classification: it prints "302 02 咨询费" (30202 is 印刷费), "302 03 水费"
            // (30203 咨询费) … "302 13 其他商品和服务支出" (30213 维修（护）费), and "303
            // 离退休人员经费" / "303 01 退休费" for 对个人和家庭的补助 / 30301 离休费; 30108 is
            // printed "机关事业单位基本养老保险费" for 机关事业单位基本养老保险缴费.
            doc("T3.name-reference", "30108"), doc("T3.name-reference", "30202 的名称不符：表中为「咨询费」，科目表为「印刷费」"),
            doc("T3.name-reference", "30203"), doc("T3.name-reference", "30204"), doc("T3.name-reference", "30205"),
            doc("T3.name-reference", "30206"), doc("T3.name-reference", "30207"), doc("T3.name-reference", "30208"),
            doc("T3.name-reference", "30211"), doc("T3.name-reference", "30212"), doc("T3.name-reference", "30213"),
            doc("T3.name-reference", "303 的名称不符"), doc("T3.name-reference", "30301 的名称不符：表中为「退休费」"),
        ],
        "planning-2024-dept-final.pdf": [
            // Document: 302 商品和服务支出 prints 440.90; its sections add to 440.88 (合计 and 公用经费).
            doc("T3.class-sum", "印 440.90，下级各行合计 440.88", 2),
            // Document: 城乡社区支出 (212) is 3,845.24 in 支出决算表 and 3,832.36 in 收入决算表, so
            // 本年支出合计 9,759.38 exceeds 本年收入合计 9,746.50 by 12.88.
            doc("T4.spending-income-class", "212 类：支出表 3845.24，收入表 3832.36"),
            doc("T4.spending-income-total", "支出表合计 9759.38，收入表合计 9746.50"),
            // Document: the title page of the tables (page 7) reads "上海市规划和自然资源局 2024 年度
            // 部门决算表", the city's bureau, not 上海市普陀区规划和自然资源局.
            doc("T1.unit-heading", "标题中的单位为「上海市规划和自然资源局」"),
            // Document: three sentences of 其他重要事项 call the unit 上海市普陀区规划与自然资源局.
            doc("N1.unit-name", "「上海市普陀区规划与自然资源局」", 3),
            // (Names wrapped over two or three lines in a narrow column, "社会保障和就 / 业支出",
            // are joined in reading order by the geometric reader: no reader finding is left.)
        ],
        "template-dept-final.pdf": [
            // Document: the blank template itself — "上海市 XX 局" and XX figures wherever the unit
            // writes its own (70 sentences).
            doc("N6.placeholder", "留有占位符「XX」", 70),
            // Document: three of its tables print no rows and carry no "本表无数据" (it is a form;
            // its 基本支出 table prints its economic rows, with blank figures).
            doc("T2.empty-unstated", "「收入支出决算总表」"), doc("T2.empty-unstated", "财政拨款收入支出决算总表"),
            doc("T2.empty-unstated", "“三公”经费支出决算表"),
        ],
        "kashgar-party-mass-work-dept-2024-budget.txt": [
            // Document: 表2 prints 5141.46 under 合计 (一般公共预算) while its classes add to 5141.48.
            doc("T3.grand-total", "（income.general，合计 = Σ top rows）：印 5141.46，下级各行合计 5141.48"),
            // Document: 表7's 合计 row: 6573.06 while its parts add to 6587.72, and four part
            // columns differ from its rows (713.25 vs 700, 461.45 vs 474.10, 38.75 vs 34.7, 772.09 vs 762.09).
            doc("T3.row-total", "合计 6573.06，各分项合计 6587.72"),
            doc("T3.grand-total", "印 713.25，下级各行合计 700"), doc("T3.grand-total", "印 461.45，下级各行合计 474.10"),
            doc("T3.grand-total", "印 38.75，下级各行合计 34.7"), doc("T3.grand-total", "印 772.09，下级各行合计 762.09"),
            // Document: 表4 says 7113.05 for the general budget, 表5 totals 7127.71 (classes 201
            // 291.18 vs 293.14 and 229 2.64 vs 15.33).
            doc("T4.appropriation-general-total", "财政拨款收支总表一般公共预算支出 7113.05，一般公共预算支出表合计 7127.71"),
            doc("T4.appropriation-general-class", "201 类：财政拨款收支总表 291.18，一般公共预算支出表 293.14"),
            doc("T4.appropriation-general-class", "229 类：财政拨款收支总表 2.64，一般公共预算支出表 15.33"),
            // Document: "培训支出(项)2024年预算数为25万元,比上年预算增加26万元,增长100%".
            doc("N5.change", "本年 25万元，却说变动 26万元"),
            // Document (the snapshot's text): 表7 prints 215 as "资源勘探工业信息支出" (without 等), and
            // 20140 as "信息访" where the other tables print "事务" (see below).
            doc("T3.name-reference", "215 的名称不符：表中为「资源勘探工业信息支出」"), doc("T4.name-across-tables", "215 在"),
            // Snapshot extraction, not the unit: this text was extracted from the PDF by another
            // tool that broke names across cells: 20140 信访事务 reads "事务" (three tables) and
            // "信息访问", 2014004 信访业务 reads "业务". The text we hold does print them so.
            reader("T3.name-reference", "20140 的名称不符：表中为「事务」", 3), reader("T3.name-reference", "2014004", 3),
            reader("T3.name-reference", "20140 的名称不符：表中为「信息访问」"), reader("T4.name-across-tables", "20140 在"),
        ],
    ]

    @Test(arguments: CorpusTests.files)
    func everyErrorFindingIsAccountedFor(file: String) throws {
        let report = SnapshotLoader.load(paths: [Fixture.corpusFile(file)])
        let checks = try #require(Fixture.table(report, "checks"))
        let errors = Fixture.rows(checks).filter {
            $0["severity"] == .text("error") && ["mismatch", "failed", "unparsed"].contains($0["status"]?.description ?? "")
        }.map { (rule: $0["rule"]?.description ?? "", detail: $0["detail"]?.description ?? "") }
        let expected = Self.expected[file] ?? []
        var unexplained = errors
        for e in expected {
            let matching = errors.filter { $0.rule == e.rule && $0.detail.contains(e.detail) }
            #expect(matching.count == e.count, "\(file): \(e.rule) \"\(e.detail)\": \(matching.count) findings, expected \(e.count)")
            unexplained.removeAll { $0.rule == e.rule && $0.detail.contains(e.detail) }
        }
        #expect(unexplained.isEmpty, "\(file): error findings not accounted for: \(unexplained)")
    }

    /// `budgetql audit` must still find what the reconciliation always reported.
    @Test func planningClass212IsStillFound() throws {
        let report = SnapshotLoader.load(paths: [Fixture.corpusFile("planning-2024-dept-final.pdf")])
        let checks = try #require(Fixture.table(report, "checks"))
        let row = try #require(Fixture.rows(checks).first { $0["rule"] == .text("T4.spending-income-class") && $0["status"] == .text("mismatch") })
        #expect(row["expected"] == .decimal(ExactDecimal("3845.24") ?? .zero))
        #expect(row["actual"] == .decimal(ExactDecimal("3832.36") ?? .zero))
        #expect(row["severity"] == .text("error"))
    }

    /// docs: the standard tables 目录 lists that the document does not print, the empty ones that
    /// say so, and the narrative sentences left unread.
    @Test func docsCompleteness() throws {
        let report = SnapshotLoader.load(paths: [Fixture.corpusFile("planning-2024-dept-final.pdf"), Fixture.corpusFile("template-dept-final.pdf")])
        let docs = Fixture.rows(try #require(Fixture.table(report, "docs")))
        let planning = try #require(docs.first { $0["doc"] == .text("planning-2024-dept-final") })
        #expect(planning["missing"] == .text(""))
        // "本年度没有政府性基金预算财政拨款收入和支出，故本表无数据。" under both tables.
        #expect(planning["empty"] == .text("fund_spending,soe_spending"))
        #expect(planning["unparsed_sentences"] == .integer(1))
        let template = try #require(docs.first { $0["doc"] == .text("template-dept-final") })
        // The template's four empty tables without a statement are failed checks, not docs.empty.
        #expect(template["empty"] == .text("fund_spending,soe_spending"))
        #expect(template["unparsed_sentences"] == .integer(9))
    }
}
