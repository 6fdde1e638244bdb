import Foundation
import Store
import Testing
@testable import Ingest

/// The seed disclosure's tables, against the values issue 3 lists and the document itself.
@Suite struct SeedTablesTests {
    let report = SnapshotLoader.load(paths: [Fixture.seed])

    func row(_ table: String, where keep: ([String: Value]) -> Bool) throws -> [String: Value] {
        let t = try #require(Fixture.table(report, table), "no table \(table)")
        let found = Fixture.rows(t).first(where: keep)
        return try #require(found, "no matching row in \(table)")
    }

    func decimal(_ s: String) -> Value { .decimal(ExactDecimal(s) ?? .zero) }

    @Test func documentSaysWhoWhenAndWhat() throws {
        let spending = try row("spending") { $0["code"] == .text("2080704") }
        #expect(spending["unit"] == .text("新疆维吾尔自治区喀什地区喀什经济开发区党群工作部"))
        #expect(spending["year"] == .integer(2024))
        #expect(spending["stage"] == .text("预算"))
        #expect(spending["scope"] == .text("单位"))
        #expect(spending["doc"] == .text("kashgar-party-mass-work-dept-2024-budget"))
    }

    @Test func spendingItem2080704() throws {
        let r = try row("spending") { $0["code"] == .text("2080704") }
        #expect(r["amount"] == decimal("869.78"))
        #expect(r["project"] == decimal("869.78"))
        #expect(r["basic"] == .null)
        #expect(r["name"] == .text("社会保险补贴"))
        #expect(r["class"] == .integer(208) && r["section"] == .integer(7) && r["item"] == .integer(4))
    }

    /// Income's cells shift one or two places on its second page; the table's sums put them back.
    @Test func incomeItem2299999() throws {
        let r = try row("income") { $0["code"] == .text("2299999") }
        #expect(r["amount"] == decimal("15.33"))
        #expect(r["transfer"] == decimal("2.64"))
        #expect(r["fiscal"] == decimal("2.64"))
        #expect(r["carryover"] == decimal("12.69"))
        #expect(r["other_carryover"] == .null)
    }

    @Test func incomeColumnsSumToThePrinted合计() throws {
        let income = try #require(Fixture.table(report, "income"))
        #expect(Fixture.sum(income, "amount") == ExactDecimal("7278.68"))
        #expect(Fixture.sum(income, "special") == ExactDecimal("150.66"))
        #expect(Fixture.sum(income, "own") == ExactDecimal("0.31"))
        #expect(Fixture.sum(income, "carryover") == ExactDecimal("14.66"))
    }

    /// Its total cell is blank in print; its parts say 529.09.
    @Test func projectWithBlankTotal() throws {
        let r = try row("project_spending") { $0["project"] == .text("片区安全监测系统项目") }
        #expect(r["amount"] == decimal("529.09"))
        #expect(r["code"] == .text("2080199"))
        let checks = try #require(Fixture.table(report, "checks"))
        let repaired = Fixture.rows(checks).filter { $0["status"] == .text("repaired") && $0["line"] == r["line"] }
        #expect(repaired.contains { ($0["detail"]?.description ?? "").contains("blank in print") })
    }

    /// 表7's rows on its second page sit one cell further right; 合计 says where they belong.
    @Test func projectColumnsFollowThe合计() throws {
        let projects = try #require(Fixture.table(report, "project_spending"))
        #expect(Fixture.sum(projects, "enterprise") == ExactDecimal("4602.18"))
        #expect(Fixture.sum(projects, "enterprise_construction") == .zero)
        #expect(projects.rowCount == 28)
    }

    @Test func basicSpendingTradeUnionFunds() throws {
        let r = try row("basic_spending") { $0["econ_code"] == .text("30228") }
        #expect(r["name"] == .text("工会经费"))
        #expect(r["amount"] == decimal("26.64"))
        #expect(r["public"] == decimal("26.64"))
        #expect(r["econ_class"] == .integer(302) && r["econ_section"] == .integer(28))
    }

    /// 表5 totals 7127.71 while 表4 says 7113.05: kept as published, reported.
    @Test func generalBudgetDisagreesWithAppropriation() throws {
        let checks = try #require(Fixture.table(report, "checks"))
        let found = Fixture.rows(checks).first {
            $0["status"] == .text("mismatch") && $0["rule"] == .text("T4.appropriation-general-total")
        }
        let c = try #require(found)
        #expect(c["expected"] == decimal("7113.05"))
        #expect(c["actual"] == decimal("7127.71"))
        #expect(c["diff"] == decimal("14.66"))
        let general = try #require(Fixture.table(report, "general_spending"))
        #expect(Fixture.sum(general, "amount") == ExactDecimal("7127.71"))
    }

    @Test func brokenCodesAreRepairedAndRecorded() throws {
        let spending = try #require(Fixture.table(report, "spending"))
        let codes = Set(Fixture.rows(spending).compactMap { $0["code"]?.description })
        for code in ["2013404", "2013699", "2014004", "2040299", "2049999", "2101103", "2150204", "2210201"] {
            #expect(codes.contains(code), "spending lacks \(code)")
        }
        let checks = try #require(Fixture.table(report, "checks"))
        let repairs = Fixture.rows(checks).filter { $0["status"] == .text("repaired") && $0["table"] == .text("spending") }
        #expect(repairs.contains { $0["line"] == .integer(206) && ($0["detail"]?.description ?? "").contains("201") })
    }

    @Test func emptyTablesAreRecordedAsEmptyNotMissing() throws {
        let docs = try #require(Fixture.table(report, "docs"))
        let d = try #require(Fixture.rows(docs).first)
        let found = d["tables"]?.description ?? ""
        for t in ["fund_spending", "soe_spending", "three_public"] {
            #expect(found.contains(t))
            #expect((d["empty"]?.description ?? "").contains(t))
        }
        #expect(d["missing"] == .text(""))
    }

    /// Every number printed in a table is a fact or an 'unparsed' check.
    @Test func nothingLost() throws {
        let docs = try #require(Fixture.table(report, "docs"))
        let d = try #require(Fixture.rows(docs).first)
        let facts = try #require(Fixture.table(report, "facts"))
        let checks = try #require(Fixture.table(report, "checks"))
        // Table numbers only: the narrative's unread sentences are checks too, but not table cells.
        let unparsed = Fixture.rows(checks).filter { $0["status"] == .text("unparsed") && !Fixture.isNarrativeCheck($0) }.count
        #expect(d["facts"] == .integer(Int64(facts.rowCount)))
        #expect(Int64(facts.rowCount + unparsed) == { if case .integer(let n)? = d["printed_numbers"] { return n } else { return -1 } }())
        #expect(facts.rowCount > 900)
    }

    @Test func overviewClassTotalsAgreeWithSpending() throws {
        let checks = try #require(Fixture.table(report, "checks"))
        let rows = Fixture.rows(checks).filter { $0["rule"] == .text("T4.overview-spending") }
        #expect(rows.count == 8)
        // 201's items sum to 296.66 while the class row and the overview print 296.67: rounding.
        let notOK = rows.filter { $0["status"] != .text("ok") }
        #expect(notOK.count == 1)
        #expect(notOK.first?["status"] == .text("rounding"))
        #expect(notOK.first?["expected"] == decimal("296.67"))
    }
}
