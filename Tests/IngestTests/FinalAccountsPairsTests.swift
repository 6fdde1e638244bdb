import Foundation
import Store
import Testing
@testable import Ingest

/// 决算 tables on the real planning bureau disclosure (planning-2024-dept-final.pdf): where a
/// table prints 预算数 beside 决算数, the 决算数 is the amount and the budget figure is kept.
@Suite struct FinalAccountsPairsTests {
    static let report = SnapshotLoader.load(paths: [Fixture.corpusFile("planning-2024-dept-final.pdf")])
    static func d(_ s: String) -> Value { .decimal(ExactDecimal(s) ?? .zero) }

    /// 财政拨款"三公"经费支出决算表 prints one row of 预算数/决算数 pairs:
    /// 合计 2.85/0.39, 因公出国 0/0, 小计 0/0, 购置 0/0, 运行 0/0, 公务接待费 2.85/0.39.
    @Test func threePublicTakesTheOutturnAsAmountAndKeepsTheBudget() throws {
        #expect(Self.report.problems.isEmpty, "\(Self.report.problems)")
        let rows = Fixture.rows(try #require(Fixture.table(Self.report, "three_public")))
        let reception = try #require(rows.first { $0["item"] == .text("公务接待费") })
        #expect(reception["amount"] == Self.d("0.39"))
        #expect(reception["budget"] == Self.d("2.85"))
        let abroad = try #require(rows.first { $0["item"] == .text("因公出国（境）费") })
        #expect(abroad["amount"] == Self.d("0") && abroad["budget"] == Self.d("0"))
        // One printed line of figures on page 17.
        #expect(rows.allSatisfy { $0["stage"] == .text("决算") && $0["line"] == rows.first?["line"] && $0["page"] == .integer(17) })
        // The outturn of the items adds up to the printed 合计 决算数.
        #expect(Fixture.sum(try #require(Fixture.table(Self.report, "three_public")), "amount") == ExactDecimal("0.39"))
    }

    /// Every figure of the pairs is a fact, the 合计 and 小计 pairs included, labelled by group.
    @Test func threePublicPairsAreAllFacts() throws {
        let facts = Fixture.rows(try #require(Fixture.table(Self.report, "facts"))).filter { $0["table"] == .text("three_public") }
        #expect(facts.count == 12)
        #expect(facts.contains { $0["column_label"] == .text("合计预算数") && $0["amount"] == Self.d("2.85") })
        #expect(facts.contains { $0["column_label"] == .text("合计决算数") && $0["amount"] == Self.d("0.39") })
        #expect(facts.contains { $0["column_label"] == .text("公务接待费预算数") && $0["column"] == .text("budget") })
        #expect(facts.contains { $0["column_label"] == .text("公务接待费决算数") && $0["column"] == .text("amount") })
    }

    /// 财政拨款收入支出决算总表 prints 决算数 only: its class rows are the outturn and agree
    /// with general_spending (no mismatch for the appropriation rules).
    @Test func appropriationOutturnAgreesWithGeneralSpending() throws {
        let rows = Fixture.rows(try #require(Fixture.table(Self.report, "appropriation")))
        let nature = try #require(rows.first { $0["code"] == .text("220") })
        #expect(nature["amount"] == Self.d("4461.67") && nature["general"] == Self.d("4461.67"))
        #expect(rows.contains { $0["item"] == .text("本年支出合计") && $0["amount"] == Self.d("9746.50") })
        let checks = Fixture.rows(try #require(Fixture.table(Self.report, "checks")))
        let appropriation = checks.filter { $0["table"] == .text("appropriation") && $0["status"] != .text("repaired") }
        #expect(!appropriation.isEmpty)
        #expect(appropriation.allSatisfy { $0["status"] == .text("ok") || $0["status"] == .text("rounding") }, "\(appropriation)")
    }
}
