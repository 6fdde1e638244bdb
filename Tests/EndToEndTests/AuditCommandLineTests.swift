import Foundation
import Testing

/// `budgetql audit` and `budgetql rules` from the command line: the report in every format, the
/// exit status that gates a pipeline, the HTML opened in headless Chromium, and `.run audit`.
@Suite struct AuditCommandLineTests {
    static let corpus = Binary.packageRoot.deletingLastPathComponent().appendingPathComponent("shared/corpus")
    static func data(_ files: String...) -> [String] { files.flatMap { ["--data", corpus.appendingPathComponent($0).path] } }

    @Test func rulesListsTheCatalogue() throws {
        let outcome = try Binary.run(["rules", "--format", "csv"])
        #expect(outcome.status == 0, "stderr: \(outcome.stderr)")
        let lines = outcome.stdout.split(separator: "\n")
        #expect(lines.first == "rule,severity,family,description")
        #expect(lines.count - 1 >= 45)
        #expect(outcome.stdout.contains("T3.row-total,error,within a table,"))
        #expect(outcome.stdout.contains("N5.percent,error,narrative against tables,"))
    }

    /// planning-2024-dept-final has real disagreements (class 212: 3,845.24 in 支出决算表,
    /// 3,832.36 in 收入决算表): exit 1, the finding in the report, the count on stderr.
    @Test func errorFindingsExitOne() throws {
        let outcome = try Binary.run(["audit"] + Self.data("planning-2024-dept-final.pdf") + ["--format", "markdown"])
        #expect(outcome.status == 1, "stderr: \(outcome.stderr)")
        #expect(outcome.stdout.hasPrefix("# 审核发现"))
        #expect(outcome.stdout.contains("| T4.spending-income-class | 212 类：支出表 3845.24，收入表 3832.36"), "\(outcome.stdout.prefix(3000))")
        #expect(outcome.stderr.contains("error finding"))
        // The summary table comes before the findings.
        let summary = try #require(outcome.stdout.range(of: "## Findings by document and severity"))
        let findings = try #require(outcome.stdout.range(of: "## Errors"))
        #expect(summary.lowerBound < findings.lowerBound)
    }

    /// The pdfparse text of wanli reads clean: no error finding, exit 0; JSON is data.
    @Test func noErrorFindingExitsZero() throws {
        let outcome = try Binary.run(["audit"] + Self.data("wanli-2025-dept-budget.pdfparse.txt") + ["--format", "json"])
        #expect(outcome.status == 0, "stderr: \(outcome.stderr)")
        let json = try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any]
        #expect(json?["report"] as? String == "audit")
    }

    @Test func htmlOpensInChromium() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("budgetql-audit-\(getpid())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let page = directory.appendingPathComponent("audit.html")
        let outcome = try Binary.run(["audit", "--data", Self.corpus.path, "--output", page.path])
        #expect(outcome.status == 1, "stderr: \(outcome.stderr)")
        let html = try String(contentsOf: page, encoding: .utf8)
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.contains("Findings by document and severity"))
        try Chromium.screenshot(html, named: "audit", size: "1400,1800")
    }

    /// `.run audit` in the shell is the same report.
    @Test func dotRunAudit() throws {
        let outcome = try Binary.run(Self.data("commerce-2025-dept-budget.pdf") + ["--format", "markdown"], stdin: ".run audit\n")
        #expect(outcome.status == 0, "stderr: \(outcome.stderr)")
        #expect(outcome.stdout.hasPrefix("# 审核发现"))
        let direct = try Binary.run(["audit"] + Self.data("commerce-2025-dept-budget.pdf") + ["--format", "markdown"])
        #expect(direct.stdout == outcome.stdout)
    }
}
