import Testing
import Store
@testable import Shell

/// How the shell's parameter values reach a report: `.run` arguments always count; values set with
/// `.param set` fill only the parameters a report declares in the REPL, but in batch (`--param`)
/// every one must be declared, so a typo on the command line is an error rather than ignored.
@Suite struct ReportsCommandsTests {
    let query: SavedQuery

    init() throws {
        query = try SavedQueryParser.parse("-- name: q\n-- description: d\n-- param: unit = '%'  u\nSELECT :unit",
                                           name: "q", file: "q.bql")
    }

    @Test func replSessionParametersOnlyFillDeclaredOnes() {
        let overrides = ReportCommands.overrides(query: query, arguments: ["unit": .text("%万里%")],
                                                 sessionParameters: ["class": .integer(208), "unit": .text("%商务%")], interactive: true)
        #expect(overrides == ["unit": "%万里%"])
    }

    @Test func batchParametersMustAllBeDeclared() throws {
        let overrides = ReportCommands.overrides(query: query, arguments: [:],
                                                 sessionParameters: ["unti": .text("%")], interactive: false)
        #expect(overrides == ["unti": "%"])
        #expect(throws: ReportError.unknownParameter(name: "unti", query: "q", declared: ["unit"])) {
            try ReportParameters(query: query, overrides: overrides)
        }
    }

    @Test func typedShellValuesGoBackToTheirText() {
        #expect(ReportCommands.text(of: .integer(2024)) == "2024")
        #expect(ReportCommands.text(of: .decimal(ExactDecimal(units: 1250, scale: 2))) == "12.50")
        #expect(ReportCommands.text(of: .text("预算")) == "预算")
    }

    @Test func theListingShowsParametersAndDefaults() {
        let listing = ReportsLibraryGoldenTests.library.listing()
        #expect(listing.contains("unit_against_unit  a=? b=? by=class  (from Queries)\n"), "got: \(listing)")
        #expect(listing.contains("year_on_year_by_class  unit=% b=(SELECT max(year) FROM spending WHERE unit LIKE :unit)"))
    }
}
