import Foundation
import Testing

/// What the shell answers to habits from sqlite3, duckdb and psql, and what `.load` and
/// `.problems` say (issue 14, "output that hides what was asked for").
@Suite struct ShellHabitsTests {
    @Test func habitsFromOtherShellsGetAnAnswer() throws {
        let outcome = try Binary.run(["--keep-going", "-c", ".import spend.csv spend", "-c", "\\timing", "-c", ".width 10 20"])
        #expect(outcome.stderr.contains(".import is not a BudgetQL command: use .load FILE (a CSV file becomes a table named after the file)"), "got: \(outcome.stderr)")
        #expect(outcome.stderr.contains("\\timing is not a BudgetQL command: use .timer on"))
        #expect(outcome.stderr.contains(".width is not a BudgetQL command: columns fit the terminal by themselves"))
        let shown = try Binary.run(["--format", "table", "-c", ".headers off", "-c", ".nullvalue -", "-c", "SELECT NULL AS n, 1 AS one"])
        #expect(shown.status == 0, "stderr: \(shown.stderr)")
        #expect(shown.stdout == " - | 1\n(1 row)\n", "got: \(shown.stdout)")
    }

    /// `.load` says what this load added, refuses a path loaded already (it would count its
    /// documents twice), and `.problems` lists every problem met while loading.
    @Test func loadSaysWhatItAddedAndProblemsListsThemAll() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("budgetql-load-\(getpid())-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let bad = directory.appendingPathComponent("notes.txt").path
        try "not a disclosure".write(toFile: bad, atomically: true, encoding: .utf8)
        let welfare = Binary.packageRoot.deletingLastPathComponent().appendingPathComponent("shared/corpus/welfare-2024-unit-budget.pdf").path
        let outcome = try Binary.run(["--format", "csv", "-c", ".load \(bad)", "-c", ".load \(welfare)", "-c", ".load \(welfare)", "-c", ".problems"])
        #expect(outcome.status == 0, "stderr: \(outcome.stderr)")
        #expect(outcome.stderr.contains("Added 0 documents, 0 rows, 0 failed checks from \(bad); now 1 document."), "got: \(outcome.stderr)")
        #expect(outcome.stderr.contains("Added 1 document, 78 rows, 15 failed checks from \(welfare); now 2 documents."), "got: \(outcome.stderr)")
        #expect(outcome.stderr.contains("\(welfare) is already loaded"))
        // The old problem is not repeated by the second load, and .problems lists it.
        #expect(outcome.stderr.components(separatedBy: "not a budget disclosure").count == 2, "got: \(outcome.stderr)")
        #expect(!outcome.stderr.contains("Loaded "), "the banner is not reprinted")
        #expect(outcome.stdout.hasPrefix("file,line,problem\n\(bad),,\"not a budget disclosure"), "got: \(outcome.stdout)")
    }
}

/// `.pager on` in a real terminal: a table longer than the screen goes through $PAGER.
@Suite(.serialized, .enabled(if: Terminal.isAvailable, "tmux is needed (./ensure-deps installs it)"))
struct PagerTests {
    @Test func aLongTableGoesThroughThePagerWhenAsked() throws {
        let terminal = try Terminal(environment: ["PAGER": "sed 's/^/paged: /'"], rows: 24)
        defer { terminal.stop() }
        try terminal.type("SELECT code FROM spending LIMIT 3")
        try terminal.press("Enter")
        try terminal.waitFor("a short table") { $0.contains("(3 rows)") }
        #expect(!(try terminal.screen()).contains("paged:"), "a short table is not paged")
        try terminal.type(".pager on")
        try terminal.press("Enter")
        try terminal.waitForLastLine("budgetql>")
        try terminal.type("SELECT code FROM spending")
        try terminal.press("Enter")
        try terminal.waitFor("the pager's output") { $0.contains("paged: (28 rows)") }
    }
}
