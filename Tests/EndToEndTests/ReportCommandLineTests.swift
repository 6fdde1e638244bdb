import Foundation
import Testing

/// Saved reports from the command line: `budgetql run NAME --param k=v --format F` and
/// `budgetql queries`, on two real corpus departments, into Markdown and HTML; the HTML opened in
/// headless Chromium.
@Suite struct ReportCommandLineTests {
    static let corpus = Binary.packageRoot.deletingLastPathComponent().appendingPathComponent("shared/corpus")
    /// Relative to the package root, where these tests run the binary: the report's rerun command
    /// names the data as given, and the goldens are the same in every checkout.
    static let departments = ["govoffice-2025-dept-budget.pdf", "commerce-2025-dept-budget.pdf"]
        .flatMap { ["--data", "../shared/corpus/" + $0] }
    static let root = Binary.packageRoot.path
    static let units = ["--param", "a=上海市普陀区人民政府办公室", "--param", "b=上海市普陀区商务委员会"]
    static let goldens = Binary.packageRoot.appendingPathComponent("Tests/ShellTests/ReportGolden/corpus")

    static func unitAgainstUnit(_ format: String) throws -> Binary.Outcome {
        try Binary.run(["run", "unit_against_unit"] + departments + units + ["--format", format], directory: root)
    }

    /// The rerun command printed in a report is the whole command: run as printed, in a shell, it
    /// gives the same report (it used to leave out --data and compare the seed with nothing).
    @Test func theRerunCommandReproducesTheReport() throws {
        let outcome = try Self.unitAgainstUnit("markdown")
        #expect(outcome.status == 0, "stderr: \(outcome.stderr)")
        let marker = "重新生成 `"
        guard let start = outcome.stdout.range(of: marker),
              let end = outcome.stdout[start.upperBound...].firstIndex(of: "`") else {
            Issue.record("no rerun command in: \(outcome.stdout.prefix(400))")
            return
        }
        let command = String(outcome.stdout[start.upperBound..<end])
        #expect(command.contains("--data ../shared/corpus/govoffice-2025-dept-budget.pdf --data ../shared/corpus/commerce-2025-dept-budget.pdf"))
        #expect(command.hasSuffix("--format markdown"))
        let binary = "'" + Binary.path.replacingOccurrences(of: "'", with: "'\\''") + "'"
        let rerun = try Binary.run(["-c", "cd " + Self.root + " && " + command.replacingOccurrences(of: "budgetql ", with: binary + " ", options: .anchored)],
                                   directory: Self.root, shell: true)
        #expect(rerun.status == 0, "stderr: \(rerun.stderr)")
        #expect(rerun.stdout == outcome.stdout)
    }

    @Test func unitAgainstUnitIntoMarkdown() throws {
        let outcome = try Self.unitAgainstUnit("markdown")
        #expect(outcome.status == 0, "stderr: \(outcome.stderr)")
        #expect(outcome.stdout.hasPrefix("# 单位对比"), "got: \(outcome.stdout.prefix(200))")
        #expect(outcome.stdout.contains("| a | 上海市普陀区人民政府办公室 |"))
        #expect(outcome.stdout.contains("合计"))
        #expect(outcome.stdout.contains("```text\n增减（万元）按类\n"))
        // The command line gives the very bytes the library renders (checked in ShellTests).
        let golden = try String(contentsOf: Self.goldens.appendingPathComponent("unit_against_unit.md"), encoding: .utf8)
        #expect(outcome.stdout == golden)
        // Deterministic: a second process writes the same bytes.
        #expect(try Self.unitAgainstUnit("markdown").stdout == outcome.stdout)
    }

    @Test func unitAgainstUnitIntoHTMLOpensInChromium() throws {
        let outcome = try Self.unitAgainstUnit("html")
        #expect(outcome.status == 0, "stderr: \(outcome.stderr)")
        #expect(outcome.stdout.hasPrefix("<!DOCTYPE html>"))
        #expect(outcome.stdout.contains("<svg "))
        let golden = try String(contentsOf: Self.goldens.appendingPathComponent("unit_against_unit.html"), encoding: .utf8)
        #expect(outcome.stdout == golden)

        try Chromium.screenshot(outcome.stdout, named: "unit_against_unit")
    }

    /// Year on year over the corpus (2024 against 2025) as HTML: the golden source, and a
    /// Chromium screenshot that must be a real page (Chinese drawn with a CJK font, not boxes).
    @Test func yearOnYearByClassIntoHTMLOpensInChromium() throws {
        let files = ((try? FileManager.default.contentsOfDirectory(atPath: Self.corpus.path)) ?? [])
            .filter { ($0.hasSuffix(".pdf") || $0.hasSuffix(".txt")) && !$0.hasSuffix(".pdfparse.txt") }.sorted()
        let outcome = try Binary.run(["run", "year_on_year_by_class", "--format", "html"] + files.flatMap { ["--data", "../shared/corpus/" + $0] },
                                     directory: Self.root)
        #expect(outcome.status == 0, "stderr: \(outcome.stderr)")
        let golden = try String(contentsOf: Self.goldens.appendingPathComponent("year_on_year_by_class.html"), encoding: .utf8)
        #expect(outcome.stdout == golden)
        #expect(outcome.stdout.contains("增减（万元）按类"))
        try Chromium.screenshot(outcome.stdout, named: "year_on_year_by_class")
    }


    @Test func aMissingParameterIsNamedWithANonZeroExit() throws {
        let outcome = try Binary.run(["run", "unit_against_unit"] + Self.departments + ["--param", "a=上海市普陀区人民政府办公室"], directory: Self.root)
        #expect(outcome.status != 0)
        #expect(outcome.stderr.contains("needs parameter \"b\""), "got: \(outcome.stderr)")
        let unknown = try Binary.run(["run", "spending_by_class", "--param", "unti=%"])
        #expect(unknown.status != 0)
        #expect(unknown.stderr.contains("no parameter \"unti\""), "got: \(unknown.stderr)")
    }

    /// `.run` in a batch session (statements on stdin) goes through the same reports, in the
    /// session's output mode, and names a wrong parameter.
    @Test func dotRunInTheShell() throws {
        let outcome = try Binary.run(["--format", "markdown"], stdin: ".run spending_by_class unit=%党群%\n")
        #expect(outcome.status == 0, "stderr: \(outcome.stderr)")
        #expect(outcome.stdout.hasPrefix("# 支出按功能分类"), "got: \(outcome.stdout.prefix(200))")
        #expect(outcome.stdout.contains("| unit | %党群% |"))
        #expect(outcome.stdout.contains("社会保障和就业支出") && outcome.stdout.contains("6,157.25"))
        let wrong = try Binary.run(["--format", "markdown"], stdin: ".run spending_by_class unti=%\n")
        #expect(wrong.stderr.contains("no parameter \"unti\""), "got: \(wrong.stderr)")
    }

    @Test func queriesListsTheLibrary() throws {
        let outcome = try Binary.run(["queries", "--format", "csv"])
        #expect(outcome.status == 0, "stderr: \(outcome.stderr)")
        for name in ["spending_by_class", "unit_against_unit", "year_on_year_by_class", "failed_checks", "project_targets"] {
            #expect(outcome.stdout.contains(name), "\(name) missing from: \(outcome.stdout)")
        }
        #expect(outcome.stdout.contains("a=? b=?"), "parameters without defaults are shown as ?")
    }

    /// `--output FILE` writes the report to the file, in the format its extension names, and a
    /// file that cannot be written is an input error (exit 2) naming it.
    @Test func outputWritesTheReportToAFileInTheFormatOfItsExtension() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("budgetql-output-\(getpid())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let file = directory.appendingPathComponent("comparison.html")
        let outcome = try Binary.run(["run", "unit_against_unit"] + Self.departments + Self.units + ["--output", file.path], directory: Self.root)
        #expect(outcome.status == 0, "stderr: \(outcome.stderr)")
        #expect(outcome.stdout.isEmpty)
        let golden = try String(contentsOf: Self.goldens.appendingPathComponent("unit_against_unit.html"), encoding: .utf8)
        #expect(try String(contentsOf: file, encoding: .utf8) == golden)

        let refused = try Binary.run(["run", "spending_by_class", "--output", "/nonexistent-dir/report.md"])
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("/nonexistent-dir/report.md"))
    }
}
