import Foundation
import Testing
import Ingest
import Query
import Store
@testable import Shell

/// Every saved query in Queries/ run on the seed disclosure (and, for unit against unit, on two
/// corpus departments), rendered as Markdown and compared with its golden file; every report run
/// twice renders the same bytes.
@Suite(.serialized) struct ReportsLibraryGoldenTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let library = QueryLibrary(directory: repository.appendingPathComponent("Queries").path)
    static let seed = repository.appendingPathComponent("Data/kashgar-party-mass-work-dept-2024-budget.txt").path

    /// Each golden case: its file name under ReportGolden/seed, the report, and the parameters
    /// (reports whose parameters all have defaults run with none).
    static let seedCases: [(golden: String, query: String, arguments: [String])] = [
        ("audit", "audit", []),
        ("basic_against_project", "basic_against_project", []),
        ("failed_checks", "failed_checks", []),
        ("largest_projects-top5", "largest_projects", ["top=5"]),
        ("narrative_consistency", "narrative_consistency", []),
        ("narrative_year_on_year", "narrative_year_on_year", []),
        ("personnel_against_public", "personnel_against_public", []),
        ("project_targets-employment", "project_targets", ["project=%就业补助%"]),
        ("spending_by_class", "spending_by_class", []),
        ("three_public_costs", "three_public_costs", []),
    ]

    /// How the rerun command in a report names the data: as an analyst in the repository types it.
    static let seedDataPaths = ["Data/kashgar-party-mass-work-dept-2024-budget.txt"]
    static let corpusDataPaths = corpusFiles.map { "../shared/corpus/" + $0 }

    static let seedEngine: Engine = {
        Engine(catalog: Catalog(tables: SnapshotLoader.load(paths: [seed]).tables))
    }()

    static let corpus = repository.deletingLastPathComponent().appendingPathComponent("shared/corpus")
    static let corpusDepartmentFiles = ["govoffice-2025-dept-budget.pdf", "commerce-2025-dept-budget.pdf"]
    static let corpusDepartments = corpusDepartmentFiles.map { corpus.appendingPathComponent($0).path }

    /// Two real departments of the corpus, for unit against unit.
    @Test func unitAgainstUnitOnTwoCorpusDepartments() throws {
        let load = SnapshotLoader.load(paths: Self.corpusDepartments)
        let engine = Engine(catalog: Catalog(tables: load.tables))
        let runner = ReportRunner(library: Self.library, engine: engine,
                                  dataPaths: Self.corpusDepartmentFiles.map { "../shared/corpus/" + $0 })
        let arguments = ["a=上海市普陀区人民政府办公室", "b=上海市普陀区商务委员会"]
        let report = try runner.run(name: "unit_against_unit", arguments: arguments)
        let rows = try #require(report.sections.first?.results.first?.rows)
        // Both units have lines, and the total row closes the table.
        #expect(rows.count >= 3)
        #expect(rows.last?[1] == .text("合计"))
        Golden.check(ReportRendering.render(report, as: .markdown), named: "corpus/unit_against_unit.md", in: "ReportGolden")
        Golden.check(ReportRendering.render(report, as: .html), named: "corpus/unit_against_unit.html", in: "ReportGolden")
        let again = try runner.run(name: "unit_against_unit", arguments: arguments)
        #expect(ReportRendering.render(again, as: .html) == ReportRendering.render(report, as: .html))
    }

    /// Reports whose tables the seed leaves empty (三公) or that read best over many documents.
    static let corpusCases: [(golden: String, query: String, arguments: [String])] = [
        ("three_public_costs-all", "three_public_costs", []),
        ("failed_checks-all", "failed_checks", []),
        ("audit-all", "audit", []),
        ("budget_against_final-all", "budget_against_final", []),
        ("spending_by_class-commerce", "spending_by_class", ["unit=%商务%"]),
        ("compare-years-by-class", "compare", ["dimension=year"]),
        ("compare-stages-by-section", "compare", ["dimension=stage", "a=预算", "b=决算", "by=section"]),
        ("unit_against_unit-by-item-patterns", "unit_against_unit", ["a=%商务%", "b=%办公室%", "by=item"]),
        ("year_on_year_by_class", "year_on_year_by_class", []),
        ("year_on_year_by_item", "year_on_year_by_item", []),
        ("year_on_year", "year_on_year", []),
        ("year_on_year-en", "year_on_year", ["--lang-en"]),
    ]

    /// The corpus without the second extraction of wanli (`.pdfparse.txt`), which would count
    /// that document twice in every total.
    static let corpusFiles: [String] = ((try? FileManager.default.contentsOfDirectory(atPath: corpus.path)) ?? [])
        .filter { ($0.hasSuffix(".pdf") || $0.hasSuffix(".txt")) && !$0.hasSuffix(".pdfparse.txt") }
        .sorted()

    static let corpusEngine: Engine = {
        Engine(catalog: Catalog(tables: SnapshotLoader.load(paths: corpusFiles.map { corpus.appendingPathComponent($0).path }).tables))
    }()

    /// The HTML pages the end-to-end tests screenshot in Chromium: their source is kept here.
    @Test func yearOnYearByClassAsHTML() throws {
        let runner = ReportRunner(library: Self.library, engine: Self.corpusEngine, dataPaths: Self.corpusDataPaths)
        let report = try runner.run(name: "year_on_year_by_class", arguments: [])
        Golden.check(ReportRendering.render(report, as: .html), named: "corpus/year_on_year_by_class.html", in: "ReportGolden")
    }

    @Test(arguments: corpusCases.map { [$0.golden, $0.query] + $0.arguments })
    func corpusGolden(_ words: [String]) throws {
        let golden = words[0], name = words[1]
        let language: ReportLanguage = words.contains("--lang-en") ? .en : .zh
        let arguments = words.dropFirst(2).filter { $0 != "--lang-en" }
        let runner = ReportRunner(library: Self.library, engine: Self.corpusEngine, dataPaths: Self.corpusDataPaths)
        let report = try runner.run(name: name, arguments: Array(arguments))
        let markdown = ReportRendering.render(report, as: .markdown, language: language)
        Golden.check(markdown, named: "corpus/\(golden).md", in: "ReportGolden")
        #expect(ReportRendering.render(try runner.run(name: name, arguments: Array(arguments)), as: .markdown, language: language) == markdown)
    }

    /// Year on year on the narrative's own prior-year figures: the seed says of 2080101 行政运行
    /// "2024年预算数为477.68万元，比上年预算增加52.61万元，增长12.38%"; the report recomputes the change
    /// from the prior amount and agrees with what was printed.
    @Test func yearOnYearFromTheNarrativesPriorFigures() throws {
        let report = try ReportRunner(library: Self.library, engine: Self.seedEngine).run(name: "narrative_year_on_year", arguments: [])
        let result = try #require(report.sections.first?.results.first)
        #expect(result.columns == ["code", "name", "prior_year", "this_year", "change", "change_pct", "status", "printed_change", "printed_pct"])
        let row = try #require(result.rows.first { $0.first == .text("2080101") }).map(\.description)
        #expect(Array(row[2...8]) == ["425.07", "477.68", "52.61", "12.38", "", "52.61", "12.38"])
        // An item the narrative calls new (增长100%) has no prior amount and is marked so.
        let new = try #require(result.rows.first { $0.first == .text("2013404") }).map(\.description)
        #expect(Array(new[2...6]) == ["0.00", "5.80", "5.80", "NULL", "new"])
        #expect(result.rows.last?[1] == .text("合计"))
    }

    /// With one year loaded there is nothing to compare: an error, not a report whose every line
    /// is "new" against a year that is not there.
    @Test func yearOnYearOverOneYearIsAnError() throws {
        let runner = ReportRunner(library: Self.library, engine: Self.seedEngine)
        let error = #expect(throws: ReportError.self) { try runner.run(name: "year_on_year_by_class", arguments: []) }
        #expect(error?.description.contains("needs parameter \"a\"") == true, "got: \(String(describing: error))")
        #expect(throws: ReportError.noMatchingValue(name: "a", value: "2023", column: "spending.year", existing: ["2024"], total: 1)) {
            try runner.run(name: "year_on_year_by_item", arguments: ["a=2023", "b=2024"])
        }
        #expect(throws: ReportError.noMatchingValue(name: "b", value: "决算", column: "docs.stage", existing: ["预算"], total: 1)) {
            try runner.run(name: "budget_against_final", arguments: [])
        }
    }

    @Test func everySavedQueryHasAGoldenCase() {
        let covered = Set(Self.seedCases.map(\.query) + Self.corpusCases.map(\.query) + ["unit_against_unit"])
        #expect(Self.library.names().filter { !covered.contains($0) } == [], "add a golden case for these saved queries")
        #expect(Self.library.names().count >= 10)
    }

    @Test func everySavedQueryParses() throws {
        for name in Self.library.names() {
            let query = try Self.library.query(named: name)
            #expect(!query.description.isEmpty, "\(name)")
        }
    }

    @Test(arguments: seedCases.map { [$0.golden, $0.query] + $0.arguments })
    func seedGolden(_ words: [String]) throws {
        let golden = words[0], name = words[1], arguments = Array(words.dropFirst(2))
        let runner = ReportRunner(library: Self.library, engine: Self.seedEngine, dataPaths: Self.seedDataPaths)
        let report: Report
        do {
            report = try runner.run(name: name, arguments: arguments)
        } catch let error as ReportError {
            // A report over a table the loader does not produce yet is a known gap of ingest, not
            // of the report; once the table exists the golden is required like any other.
            if case let .statementFailed(_, _, _, message) = error, message.hasPrefix("no table") {
                withKnownIssue("the seed's loader does not produce this table yet: \(message)") { throw error }
                return
            }
            throw error
        }
        let markdown = ReportRendering.render(report, as: .markdown)
        Golden.check(markdown, named: "seed/\(golden).md", in: "ReportGolden")
        // Deterministic: a second run (a fresh evaluation, not the same value) gives the same bytes.
        let again = try runner.run(name: name, arguments: arguments)
        #expect(ReportRendering.render(again, as: .markdown) == markdown)
        #expect(ReportRendering.render(again, as: .html) == ReportRendering.render(report, as: .html))
    }
}
