import Foundation
import Store
import Testing
@testable import Ingest

/// One load gives every table of SCHEMA.md, including what the narrative and reference
/// readers contribute through the loader.
@Suite struct LoaderIntegrationTests {
    let report = SnapshotLoader.load(paths: [Fixture.repo.appendingPathComponent("Data").path])

    @Test func everySchemaTableIsThere() {
        let names = Set(report.tables.map(\.name))
        for t in ["spending", "income", "overview", "appropriation", "general_spending", "fund_spending", "soe_spending",
                  "basic_spending", "project_spending", "three_public", "carryover", "targets", "changes", "facts",
                  "checks", "docs", "classes"] {
            #expect(names.contains(t), "missing \(t)")
        }
        #expect(report.problems.isEmpty, "\(report.problems)")
    }

    @Test func snapshotColumnsComeFirstAndPlacementLast() throws {
        for name in ["spending", "income", "facts", "checks", "overview", "three_public"] {
            let t = try #require(Fixture.table(report, name))
            #expect(t.columns.prefix(5).map(\.name) == ["doc", "unit", "year", "stage", "scope"], "\(name)")
            #expect(t.columns.suffix(6).map(\.name) == ["line", "page", "x0", "y0", "x1", "y1"], "\(name)")
        }
    }

    /// The narrative's year-on-year sentences reach `changes` through the loader, with the codes
    /// the tables print.
    @Test func narrativeChangesThroughTheLoader() throws {
        let changes = try #require(Fixture.table(report, "changes"))
        let row = Fixture.rows(changes).first { $0["code"] == .text("2080101") }
        #expect(row?["amount"] == .decimal(ExactDecimal("477.68") ?? .zero))
        #expect(row?["prior"] == .decimal(ExactDecimal("425.07") ?? .zero))
        let targets = try #require(Fixture.table(report, "targets"))
        #expect(targets.rowCount > 0)
        let classes = try #require(Fixture.table(report, "classes"))
        #expect(classes.rowCount > 500)
    }

    @Test func moneyIsExactDecimal() throws {
        let spending = try #require(Fixture.table(report, "spending"))
        for name in ["amount", "basic", "project"] {
            #expect(spending.column(named: name)?.type == .decimal)
        }
        #expect(spending.column(named: "class")?.type == .integer)
        #expect(spending.column(named: "code")?.type == .text)
    }
}
