import Foundation
import Store
import Testing
@testable import Ingest

/// The narrative as the audit reads it: sentences ending at 。, each with every figure in 元,
/// 万元 or 亿元 (as exact 万元) and every percentage, its years and its numbered section.
@Suite struct NarrativeSentencesTests {
    static func sentences(_ lines: [String]) -> [NarrativeSentence] {
        NarrativeSentences(text: NarrativeText(document: lines)).sentences
    }

    static func d(_ s: String) -> ExactDecimal { ExactDecimal(s) ?? .zero }

    @Test func figuresInEveryUnitOfOneSentence() throws {
        let s = try #require(Self.sentences(["收入预算37,151.47万元，其中：事业收入350元，基金1.2亿元，项目2921.00万，占 7.42%。"]).first)
        #expect(s.figures.map(\.value) == [Self.d("37151.47"), Self.d("0.035"), Self.d("12000"), Self.d("2921.00"), Self.d("7.42")])
        #expect(s.figures.map(\.kind) == [.money, .money, .money, .money, .percent])
        #expect(s.figures.map(\.places) == [2, 0, 1, 2, 2])
        // One unit of the last printed place, in 万元: 0.01万元, 1元, 0.1亿元.
        #expect(s.figures[0].lastPlace == Self.d("0.01"))
        #expect(s.figures[1].lastPlace == Self.d("0.0001"))
        #expect(s.figures[2].lastPlace == Self.d("1000"))
    }

    /// "比上年增加Y万元，增长Z%", "执行数为X…预算安排Y…比…减少Z%": each figure in order, with
    /// the label before it.
    @Test func changeSentences() throws {
        let lines = ["2023年当年预算执行数为54.60万元，2024年预算安排53.84万元，比2023年预算执行数减少1.39%。",
                     "基本支出 539.99 万元，比上年预算增加 30.38 万元，增长 5.96%。"]
        let s = Self.sentences(lines)
        #expect(s.count == 2)
        #expect(s[0].figures.map(\.value) == [Self.d("54.60"), Self.d("53.84"), Self.d("1.39")])
        #expect(s[0].years.map(\.year) == [2023, 2024, 2023])
        #expect(s[1].figures.map(\.value) == [Self.d("539.99"), Self.d("30.38"), Self.d("5.96")])
        #expect(s[1].label(before: s[1].figures[0]) == "基本支出")
    }

    /// Years and codes are not money; a minus sign is kept.
    @Test func notMoney() throws {
        let s = try #require(Self.sentences(["截至2024年8月31日，共有车辆0辆，2080505科目，变动-5.00万元。"]).first)
        #expect(s.figures.count == 1)
        #expect(s.figures[0].value == Self.d("-5.00"))
        #expect(s.figures[0].negative)
    }

    /// 一、二、 at a sentence start open sections; a table row ends a sentence.
    @Test func sectionsAndTableBreaks() throws {
        let s = Self.sentences(["一、收入预算情况", "收入预算100万元。", "二、支出预算情况", "支出预算100万元",
                                "201    一般公共服务支出     100.00", "说明继续。"])
        #expect(s.map(\.section) == [1, 2, 2])
        #expect(s[1].text.hasSuffix("支出预算100万元"))
    }

    /// The contents page: the standard tables listed, in order (leader dots and numbers dropped).
    @Test func contentsPageOfWanli() throws {
        let document = try SnapshotReader.read(path: Fixture.corpusFile("wanli-2025-dept-budget.pdf"))
        let contents = ContentsPage.read(document)
        #expect(contents.listed.map(\.table) == ["overview", "income", "spending", "appropriation", "general_spending",
                                                 "fund_spending", "soe_spending", "basic_spending", "three_public"])
    }
}
