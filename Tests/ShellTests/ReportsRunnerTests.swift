import Foundation
import Testing
import Query
import Store
@testable import Shell

/// The runner over a hand-built catalog: one unit in two years, so the year-on-year mechanics
/// (FILTER on `year`, new and gone lines, the total row) are checked on numbers chosen by hand.
@Suite struct ReportsRunnerTests {
    static let library = ReportsLibraryGoldenTests.library

    static func money(_ text: String) -> Value {
        guard let d = ExactDecimal(text) else { return .null }
        return .decimal(d)
    }

    /// 2024: 201 (100.10 + 0.20), 208 (50.00), 221 (7.00, gone in 2025).
    /// 2025: 201 (120.30), 208 (40.00), 210 (3.33, new in 2025).
    static func twoYearCatalog() throws -> Catalog {
        var spending = TableBuilder(name: "spending", schema: [
            ("doc", .text), ("unit", .text), ("year", .integer), ("stage", .text), ("scope", .text), ("line", .text),
            ("class", .integer), ("section", .integer), ("item", .integer), ("code", .text), ("name", .text),
            ("amount", .decimal), ("basic", .decimal), ("project", .decimal),
        ])
        let rows: [(String, Int64, Int64, Int64, Int64, String, String)] = [
            ("u-2024", 2024, 201, 1, 1, "行政运行", "100.10"),
            ("u-2024", 2024, 201, 1, 2, "一般行政管理事务", "0.20"),
            ("u-2024", 2024, 208, 1, 1, "行政运行", "50.00"),
            ("u-2024", 2024, 221, 2, 1, "住房公积金", "7.00"),
            ("u-2025", 2025, 201, 1, 1, "行政运行", "120.30"),
            ("u-2025", 2025, 208, 1, 1, "行政运行", "40.00"),
            ("u-2025", 2025, 210, 11, 1, "行政单位医疗", "3.33"),
        ]
        for (i, r) in rows.enumerated() {
            let code = String(r.2) + String(format: "%02d%02d", r.3, r.4)
            try spending.append([.text(r.0), .text("某单位"), .integer(r.1), .text("预算"), .text("单位"), .text(String(i + 1)),
                                 .integer(r.2), .integer(r.3), .integer(r.4), .text(code), .text(r.5),
                                 money(r.6), money(r.6), .null])
        }
        var docs = TableBuilder(name: "docs", schema: [("doc", .text), ("unit", .text), ("year", .integer), ("stage", .text), ("file", .text)])
        try docs.append([.text("u-2025"), .text("某单位"), .integer(2025), .text("预算"), .text("u-2025.txt")])
        try docs.append([.text("u-2024"), .text("某单位"), .integer(2024), .text("预算"), .text("u-2024.txt")])
        return Catalog(tables: [try spending.build(), try docs.build()])
    }

    static func runner() throws -> ReportRunner {
        ReportRunner(library: library, engine: Engine(catalog: try twoYearCatalog()))
    }

    /// The result rows as text, for comparing whole rows at once.
    static func rows(_ report: Report) -> [[String]] {
        report.sections[0].results[0].rows.map { $0.map(\.description) }
    }

    @Test func yearOnYearByClassComparesTheTwoYears() throws {
        let report = try Self.runner().run(name: "year_on_year_by_class", arguments: ["a=2024", "b=2025"])
        let result = report.sections[0].results[0]
        #expect(result.columns == ["code", "name", "2024", "2025", "change", "change_pct", "status"], "the two years name their columns")
        #expect(Self.rows(report).map { [$0[0]] + Array($0[2...]) } == [
            ["201", "100.30", "120.30", "20.00", "19.94", ""],
            ["208", "50.00", "40.00", "-10.00", "-20.00", ""],
            ["210", "0.00", "3.33", "3.33", "NULL", "new"],
            ["221", "7.00", "0.00", "-7.00", "-100.00", "gone"],
            ["NULL", "157.30", "163.63", "6.33", "4.02", ""],
        ].map { $0 })
        #expect(report.documents.map(\.doc) == ["u-2024", "u-2025"])
    }

    /// Without a and b, year on year compares the earliest and the latest year loaded.
    @Test func yearOnYearDefaultsToTheYearsLoaded() throws {
        let report = try Self.runner().run(name: "year_on_year_by_class", arguments: [])
        #expect(report.parameters.bound.map { "\($0.name)=\($0.text)" } == ["unit=%", "b=2025", "a=2024"])
        #expect(Self.rows(report).last.map { Array($0[2...4]) } == ["157.30", "163.63", "6.33"])
    }

    @Test func aDefaultQueryThatFindsNothingMakesTheParameterMissing() throws {
        let error = #expect(throws: ReportError.self) {
            try Self.runner().run(name: "year_on_year_by_class", arguments: ["unit=%", "b=2024"])
        }
        #expect(error?.description == "year_on_year_by_class needs parameter \"a\" (the earlier year (default: the loaded year before b); its default query found nothing in the loaded data): give it as a=VALUE")
    }

    @Test func compareWithYearAsTheDimensionByItem() throws {
        let report = try Self.runner().run(name: "compare", arguments: ["dimension=year", "a=2024", "b=2025", "by=item"])
        let rows = Self.rows(report)
        #expect(rows.map { $0[0] } == ["2010101", "2010102", "2080101", "2101101", "2210201", "NULL"])
        #expect(rows.map { $0[6] } == ["", "gone", "", "new", "gone", ""])
        #expect(rows.last.map { Array($0[2...4]) } == ["157.30", "163.63", "6.33"])
    }

    /// by=section is the 款 within its class (parent(code)), not the section number alone, which
    /// would add 201 01 and 208 01 together; other words are refused with the choices.
    @Test func compareBySectionMeansTheSectionWithinItsClass() throws {
        let report = try Self.runner().run(name: "compare", arguments: ["a=2024", "b=2025", "by=section"])
        #expect(Self.rows(report).map { $0[0] } == ["20101", "20801", "21011", "22102", "NULL"])
        #expect(throws: ReportError.notAChoice(name: "by", value: "parent(code)", choices: ["class", "section", "item"])) {
            try Self.runner().run(name: "compare", arguments: ["by=parent(code)"])
        }
    }

    /// compare with no values compares the latest loaded year with the one before, as the README says.
    @Test func compareDefaultsToTheLatestTwoYears() throws {
        let report = try Self.runner().run(name: "compare", arguments: ["dimension=year"])
        #expect(report.parameters.bound.map { "\($0.name)=\($0.text)" } == ["dimension=year", "b=2025", "a=2024", "by=class", "unit=%"])
        #expect(Self.rows(report).last.map { Array($0[2...4]) } == ["157.30", "163.63", "6.33"])
    }

    /// A value found nowhere in the data is an error listing the values there are, not a
    /// comparison against nothing with every line new or gone.
    @Test func aValueMatchingNoDataIsAnErrorListingTheValuesThatExist() throws {
        #expect(throws: ReportError.noMatchingValue(name: "a", value: "2023", column: "spending.year", existing: ["2024", "2025"], total: 2)) {
            try Self.runner().run(name: "year_on_year_by_class", arguments: ["a=2023"])
        }
        let unit = #expect(throws: ReportError.self) { try Self.runner().run(name: "spending_by_class", arguments: ["unit=%商务%"]) }
        #expect(unit?.description == "parameter \"unit\" = \"%商务%\" matches no docs.unit in the loaded data; there are: 某单位")
        #expect(throws: ReportError.noMatchingValue(name: "a", value: "2023", column: "spending.year", existing: ["2024", "2025"], total: 2)) {
            try Self.runner().run(name: "compare", arguments: ["a=2023", "b=2025"])
        }
    }

    @Test func aMissingValueParameterIsAnErrorNamingIt() throws {
        #expect(throws: ReportError.missingParameter(name: "a", query: "unit_against_unit", description: "the first unit, the base (its full name, or a LIKE pattern such as %商务%)")) {
            try Self.runner().run(name: "unit_against_unit", arguments: [])
        }
        #expect(throws: ReportError.unknownParameter(name: "yaer", query: "year_on_year_by_class", declared: ["unit", "b", "a"])) {
            try Self.runner().run(name: "year_on_year_by_class", arguments: ["yaer=2024"])
        }
    }

    /// A chart naming a column the statement does not return used to draw nothing, silently.
    @Test func aChartNamingAMissingColumnIsAnErrorWithFileAndLine() throws {
        let query = try SavedQueryParser.parse("""
        -- name: charted
        -- description: d
        -- chart: name totl
        SELECT class_name(class) AS name, sum(amount) AS total GROUP BY class
        """, name: "charted", file: "Queries/charted.bql")
        let error = #expect(throws: ReportError.self) { try Self.runner().run(query, overrides: [:]) }
        #expect(error?.description == "Queries/charted.bql:3: the chart names \"totl\", which the statement does not return (its columns: name, total); did you mean \"total\"?")
    }

    @Test func anUnknownReportSuggestsTheNearest() throws {
        let error = #expect(throws: ReportError.self) { try Self.runner().run(name: "spending_by_clas", arguments: []) }
        #expect(error?.description == "no saved query \"spending_by_clas\"; did you mean \"spending_by_class\"?")
    }

    @Test func anEngineErrorNamesTheFileLineAndColumn() throws {
        let query = try SavedQueryParser.parse("""
        -- name: broken
        -- description: d
        SELECT 1;
        -- section: Second
        SELECT class
        FROM spending
        WHERE ammount > 0
        """, name: "broken", file: "Queries/broken.bql")
        let error = #expect(throws: ReportError.self) { try Self.runner().run(query, overrides: [:]) }
        guard case let .statementFailed(file, line, column, message)? = error else {
            Issue.record("expected a statement error, got \(String(describing: error))")
            return
        }
        #expect(file == "Queries/broken.bql")
        #expect(line == 7)
        #expect(column == 7)
        #expect(message.contains("ammount"))
    }

    @Test func theSameReportRendersToTheSameBytes() throws {
        for format in ReportFormat.allCases {
            let first = ReportRendering.render(try Self.runner().run(name: "year_on_year_by_class", arguments: ["a=2024", "b=2025"]), as: format)
            let second = ReportRendering.render(try Self.runner().run(name: "year_on_year_by_class", arguments: ["a=2024", "b=2025"]), as: format)
            #expect(first == second, "\(format)")
        }
    }
}
