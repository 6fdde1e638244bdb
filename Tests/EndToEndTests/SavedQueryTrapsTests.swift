import Foundation
import Testing

/// The saved-query traps of issue 14 from the command line: parameters that match nothing, the
/// README's LIKE patterns for units, compare's choices and defaults, and the analyst's own folder
/// of reports beside the built-in ones.
@Suite struct SavedQueryTrapsTests {
    static let root = Binary.packageRoot.path
    static let departments = ["--data", "../shared/corpus/govoffice-2025-dept-budget.pdf", "--data", "../shared/corpus/commerce-2025-dept-budget.pdf"]

    /// The README's `--param a=%商务% --param b=%办公室%` compares the two units it names (it
    /// compared nothing and printed a zero total).
    @Test func unitPatternsFromTheReadmeCompareTheUnitsTheyMatch() throws {
        let outcome = try Binary.run(["run", "unit_against_unit"] + Self.departments
                                     + ["--param", "a=%商务%", "--param", "b=%办公室%", "--format", "csv"], directory: Self.root)
        #expect(outcome.status == 0, "stderr: \(outcome.stderr)")
        let total = outcome.stdout.split(separator: "\n").last { $0.contains("合计") }.map(String.init) ?? ""
        #expect(total.hasPrefix(",合计,37151.4655,9101.677535,"), "got: \(outcome.stdout)")
    }

    /// A unit or a year that is not loaded is an error naming the parameter and the values there are.
    @Test func aParameterMatchingNoDataIsAnErrorListingTheValues() throws {
        let unit = try Binary.run(["run", "unit_against_unit"] + Self.departments + ["--param", "a=%商务%", "--param", "b=%财政%"], directory: Self.root)
        #expect(unit.status == 1)
        #expect(unit.stderr.contains("parameter \"b\" = \"%财政%\" matches no docs.unit in the loaded data; there are: 上海市普陀区人民政府办公室, 上海市普陀区商务委员会"), "got: \(unit.stderr)")
        let year = try Binary.run(["run", "year_on_year_by_class", "--param", "a=2023", "--param", "b=2024"])
        #expect(year.status == 1)
        #expect(year.stderr.contains("parameter \"a\" = \"2023\" matches no spending.year in the loaded data; there are: 2024"), "got: \(year.stderr)")
    }

    /// by=section is 款 within its class; a word that is not a choice is refused with the choices.
    @Test func compareByMeansWhatItSays() throws {
        let data = ["--data", "../shared/corpus/welfare-2024-unit-budget.pdf", "--data", "../shared/corpus/govoffice-2025-dept-budget.pdf"]
        let section = try Binary.run(["run", "compare"] + data + ["--param", "by=section", "--format", "csv"], directory: Self.root)
        #expect(section.status == 0, "stderr: \(section.stderr)")
        let codes = section.stdout.split(separator: "\n").dropFirst().compactMap { $0.split(separator: ",", omittingEmptySubsequences: false).first.map(String.init) }
            .filter { !$0.isEmpty }
        #expect(!codes.isEmpty && codes.allSatisfy { $0.count == 5 }, "sections are 5-digit codes: \(codes)")
        #expect(codes.contains("20805"))
        let wrong = try Binary.run(["run", "compare", "--param", "by=sectoin"])
        #expect(wrong.status == 1)
        #expect(wrong.stderr.contains("parameter \"by\" is one of class, section, item, not \"sectoin\"; did you mean \"section\"?"), "got: \(wrong.stderr)")
    }

    /// With no values, compare by year takes the latest two loaded years, as the README says.
    @Test func compareByYearDefaultsToTheLatestTwoYears() throws {
        let data = ["--data", "../shared/corpus/welfare-2024-unit-budget.pdf", "--data", "../shared/corpus/govoffice-2025-dept-budget.pdf"]
        let outcome = try Binary.run(["run", "compare"] + data + ["--param", "dimension=year", "--format", "csv"], directory: Self.root)
        #expect(outcome.status == 0, "stderr: \(outcome.stderr)")
        #expect(outcome.stdout.hasPrefix("code,name,2024,2025,change,change_pct,status\n"), "got: \(outcome.stdout.prefix(200))")
    }

    /// BUDGETQL_QUERIES adds the analyst's folder before the built-in reports instead of hiding
    /// them, and the listing says where each comes from; a bad header names file:line.
    @Test func theAnalystsFolderComesFirstAndTheBuiltInReportsStay() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("budgetql-own-queries-\(getpid())-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try """
        -- name: spending_by_class
        -- description: my own version
        SELECT class, sum(amount) AS amount GROUP BY class
        """.write(to: folder.appendingPathComponent("spending_by_class.bql"), atomically: true, encoding: .utf8)
        try """
        -- name: typed
        -- description: a type that does not exist
        -- param: c int = 208  the class
        SELECT sum(amount) WHERE class = :c
        """.write(to: folder.appendingPathComponent("typed.bql"), atomically: true, encoding: .utf8)
        let environment = ["BUDGETQL_QUERIES": folder.path]
        let listing = try Binary.run(["queries", "--format", "csv"], environment: environment)
        #expect(listing.status == 0, "stderr: \(listing.stderr)")
        let lines = listing.stdout.split(separator: "\n").map(String.init)
        let own = lines.first { $0.hasPrefix("spending_by_class,") } ?? ""
        #expect(own.contains(folder.lastPathComponent + ",my own version"), "got: \(own)")
        let builtInLine = lines.first { $0.hasPrefix("year_on_year_by_class,") } ?? ""
        #expect(builtInLine.contains("Queries,"), "got: \(builtInLine)")
        let builtIn = try Binary.run(["run", "largest_projects", "--param", "top=1", "--format", "csv"], environment: environment)
        #expect(builtIn.status == 0, "stderr: \(builtIn.stderr)")
        let typed = try Binary.run(["run", "typed"], environment: environment)
        #expect(typed.status == 1)
        #expect(typed.stderr.contains("typed.bql:3: unknown parameter type \"int\" for \"c\"; did you mean \"integer\"?"), "got: \(typed.stderr)")
    }
}
