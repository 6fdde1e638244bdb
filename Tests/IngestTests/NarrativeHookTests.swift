import Foundation
import Store
import Testing
@testable import Ingest

/// What the loader hands the narrative readers and takes back from them (NarrativeHook):
/// every amount the tables print for a code, and the readers' diagnostics as checks.
@Suite struct NarrativeHookTests {
    static func changes(_ report: LoadReport) -> [[String: Value]] {
        Fixture.table(report, "changes").map(Fixture.rows) ?? []
    }

    static func narrativeChecks(_ report: LoadReport) -> [[String: Value]] {
        let rows = Fixture.table(report, "checks").map(Fixture.rows) ?? []
        return rows.filter(Fixture.isNarrativeCheck)
    }

    static func text(_ v: Value?) -> String { if case .text(let s)? = v { return s } else { return "" } }
    static func integer(_ v: Value?) -> Int64 { if case .integer(let n)? = v { return n } else { return -1 } }

    /// The seed's narrative quotes general-budget figures: 2010399 11.85 and 2080199 are printed
    /// in general_spending (表5), not as spending's all-funds amount.
    @Test func seedStatementsMatchTheGeneralBudgetTables() throws {
        let report = SnapshotLoader.load(paths: [Fixture.seed])
        let rows = Self.changes(report)
        for code in ["2010399", "2080199"] {
            let row = try #require(rows.first { $0["code"] == .text(code) }, "no statement for \(code)")
            #expect(row["in_tables"] == .boolean(true), "\(code): \(row)")
        }
        let r2010399 = try #require(rows.first { $0["code"] == .text("2010399") })
        #expect(r2010399["amount"] == .decimal(ExactDecimal("11.85") ?? .zero))
        // 培训支出: the narrative says 25; spending prints 34.56 but income's general-budget
        // column and general_spending print 25, so the tables do print it. The sentence's own
        // figures (25, +26, 100%) still disagree.
        let training = try #require(rows.first { $0["code"] == .text("2050803") })
        #expect(training["amount"] == .decimal(ExactDecimal("25") ?? .zero))
        #expect(training["in_tables"] == .boolean(true))
        #expect(training["consistent"] == .boolean(false))
        // A code's amount is found only among its own rows: 2080101's 477.68 is printed, and
        // no statement claims agreement for a code whose rows print other figures.
        #expect(rows.first { $0["code"] == .text("2080101") }?["in_tables"] == .boolean(true))
    }

    /// Every amount of every function table, merged per code; the names of all tables kept.
    @Test func documentCodesCarryEveryTablesAmounts() throws {
        let document = try SnapshotReader.read(path: Fixture.seed)
        let codes = NarrativeHook.documentCodes(DocumentIngest.ingest(document))
        let training = codes.filter { $0.code == "2050803" }
        #expect(!training.isEmpty)
        for d in training {
            #expect(d.amounts.contains(ExactDecimal("34.56") ?? .zero))
            #expect(d.amounts.contains(ExactDecimal("25") ?? .zero))
            #expect(d.amounts.contains(ExactDecimal("9.56") ?? .zero))
        }
        // One entry per (code, name): no code is listed twice under the same name.
        let keys = codes.map { "\($0.code)|\($0.name)" }
        #expect(Set(keys).count == keys.count)
    }

    /// The welfare home's statements quote the 财政拨款 figures in 万元 while its tables print 元:
    /// five of six are in the tables. The sixth, 2081005 社会福利事业单位 "738.66万元", is printed
    /// nowhere: its rows say 9,584,796 (all funds), 6,964,796 (general budget) and 2,620,000 元.
    @Test func welfareStatementsAreInTheTablesButOne() throws {
        let report = SnapshotLoader.load(paths: [Fixture.corpusFile("welfare-2024-unit-budget.pdf")])
        #expect(report.problems.isEmpty, "\(report.problems)")
        // The six 类/款/项 statements (the totals and 三公 sentences have no code to compare).
        let rows = Self.changes(report).filter { $0["code"] != .null }
        #expect(rows.count == 6)
        for row in rows where row["code"] != .text("2081005") {
            #expect(row["in_tables"] == .boolean(true), "\(row)")
        }
        let welfare = try #require(rows.first { $0["code"] == .text("2081005") })
        #expect(welfare["amount"] == .decimal(ExactDecimal("738.66") ?? .zero))
        #expect(welfare["in_tables"] == .boolean(false))
        #expect(rows.contains { $0["code"] == .text("2080502") && $0["amount"] == .decimal(ExactDecimal("53.84") ?? .zero) })
    }

    /// The welfare tables print 元 (538,440); the narrative says 53.84万元: same figure, rounded.
    @Test func aNarrativeRoundedToTheCentMatchesATableInYuan() throws {
        let d = { (s: String) in ExactDecimal(s) ?? .zero }
        let code = DocumentCode(code: "2080502", name: "事业单位离退休", amounts: [d("53.8440"), d("25")])
        #expect(code.prints(d("53.84")))
        #expect(code.prints(d("25")))
        #expect(code.prints(d("25.00")))
        #expect(!code.prints(d("53.85")))
        #expect(!code.prints(d("53.8")))
        // A whole number in the narrative is 25.00, not "about 25".
        #expect(!DocumentCode(code: "2050803", name: "培训支出", amounts: [d("24.6")]).prints(d("25")))
    }

    /// The seed's diagnostics are checks: the repaired look-alike on line 672 and an unparsed
    /// sentence, with their lines; docs counts them like the tables' checks.
    @Test func seedDiagnosticsAreChecks() throws {
        let report = SnapshotLoader.load(paths: [Fixture.seed])
        let narrative = Self.narrativeChecks(report)
        #expect(narrative.contains { $0["status"] == .text("repaired") && $0["line"] == .integer(672)
            && Self.text($0["detail"]).contains("2081006") && $0["table"] == .text("changes") })
        #expect(narrative.contains { $0["status"] == .text("unparsed") && $0["line"] == .integer(1244) })
        #expect(narrative.allSatisfy { !Self.text($0["detail"]).isEmpty && Self.integer($0["line"]) > 0 })
        #expect(narrative.allSatisfy { $0["status"] == .text("repaired") || $0["status"] == .text("unparsed") })

        let all = try #require(Fixture.table(report, "checks").map(Fixture.rows))
        let doc = try #require(Fixture.table(report, "docs").map(Fixture.rows)?.first)
        let failed = all.filter { $0["status"] == .text("mismatch") || $0["status"] == .text("failed") || $0["status"] == .text("unparsed") }.count
        let repairs = all.filter { $0["status"] == .text("repaired") }.count
        #expect(Self.integer(doc["checks_failed"]) == Int64(failed))
        #expect(Self.integer(doc["repairs"]) == Int64(repairs))
        #expect(failed >= narrative.filter { $0["status"] == .text("unparsed") }.count)
    }

    /// The blank template prints XXX where figures go: each such sentence is reported unparsed.
    @Test func templatePlaceholdersAreReported() throws {
        let report = SnapshotLoader.load(paths: [Fixture.corpusFile("template-dept-final.pdf")])
        #expect(report.problems.isEmpty, "\(report.problems)")
        #expect(Self.changes(report).isEmpty)
        let placeholders = Self.narrativeChecks(report).filter { Self.text($0["detail"]).contains("XXX") }
        #expect(!placeholders.isEmpty)
        #expect(placeholders.allSatisfy { $0["status"] == .text("unparsed") && Self.integer($0["line"]) > 0 })
        let doc = try #require(Fixture.table(report, "docs").map(Fixture.rows)?.first)
        #expect(Self.integer(doc["checks_failed"]) >= Int64(placeholders.count))
    }
}
