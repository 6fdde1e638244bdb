import Foundation
import Testing

/// The REPL in a real terminal (tmux): completion, history across sessions, multi-line input,
/// Ctrl-C, Ctrl-D, Chinese editing under a C locale, and .mode. One terminal at a time.
@Suite(.serialized, .enabled(if: Terminal.isAvailable, "tmux is needed (./ensure-deps installs it)"))
struct TerminalTests {
    private func temporaryDirectory() throws -> String {
        let path = NSTemporaryDirectory() + "budgetql-state-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    @Test func tabCompletesAKeywordATableAndAColumn() throws {
        let terminal = try Terminal()
        try terminal.type("SEL")
        try terminal.press("Tab")
        try terminal.waitForLastLine("budgetql> SELECT ")
        try terminal.type("* FROM sp")
        try terminal.press("Tab")
        try terminal.waitForLastLine("budgetql> SELECT * FROM spending ")
        try terminal.type("WHERE amo")
        try terminal.press("Tab")
        try terminal.waitForLastLine("budgetql> SELECT * FROM spending WHERE amount ")
    }

    @Test func tabCompletesDotCommandsAndSavedQueryNames() throws {
        let terminal = try Terminal()
        try terminal.type(".ta")
        try terminal.press("Tab")
        try terminal.waitForLastLine("budgetql> .tables ")
        try terminal.press("C-c")
        try terminal.waitForLastLine("budgetql>")
        try terminal.type(".run three_pu")
        try terminal.press("Tab")
        try terminal.waitForLastLine("budgetql> .run three_public_costs ")
    }

    @Test func historyIsRecalledInASecondSession() throws {
        let state = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: state) }
        do {
            let first = try Terminal(environment: ["XDG_STATE_HOME": state])
            try first.type("SELECT count(*)")
            try first.press("Enter")
            try first.waitForLastLine("budgetql>")
            try first.type(".quit")
            try first.press("Enter")
            try first.waitFor("the first session to end") { _ in try first.hasExited() }
        }
        let file = state + "/budgetql/history"
        let attributes = try FileManager.default.attributesOfItem(atPath: file)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        let second = try Terminal(environment: ["XDG_STATE_HOME": state])
        try second.press("Up")
        try second.press("Up")
        try second.waitForLastLine("budgetql> SELECT count(*)")
    }

    @Test func aMultiLineStatementRunsWhenCompleteAndIsOneHistoryEntry() throws {
        let state = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: state) }
        let terminal = try Terminal(environment: ["XDG_STATE_HOME": state])
        try terminal.type("SELECT sum(amount),")
        try terminal.press("Enter")
        try terminal.waitForLastLine("   ...>")
        try terminal.type("count(*)")
        try terminal.press("Enter")
        let screen = try terminal.waitFor("the result") { $0.contains("(1 row)") }
        #expect(screen.contains("7,278.68"))
        #expect(screen.contains("28"))
        try terminal.type(".history")
        try terminal.press("Enter")
        let history = try terminal.waitFor("the history") { $0.contains("    1  SELECT sum(amount),") && $0.hasSuffix("budgetql>") }
        #expect(history.contains("    1  SELECT sum(amount),\n       count(*)"))
    }

    @Test func ctrlCClearsTheTypedLine() throws {
        let terminal = try Terminal()
        try terminal.type("SELECT this is never run")
        try terminal.press("C-c")
        try terminal.waitForLastLine("budgetql>")
        try terminal.type("SELECT count(*)")
        try terminal.press("Enter")
        let screen = try terminal.waitFor("the count") { $0.contains("(1 row)") }
        #expect(!screen.contains("never run\n"), "the interrupted line must not run")
        #expect(!screen.contains("error"))
    }

    @Test func ctrlCCancelsALongQueryAndReturnsToThePrompt() throws {
        let terminal = try Terminal()
        // 28^6 (about 480 million) joined rows: minutes of work, unless cancelled.
        try terminal.type("SELECT count(*) FROM spending a JOIN spending b ON true JOIN spending c ON true "
                          + "JOIN spending d ON true JOIN spending e ON true JOIN spending f ON true")
        try terminal.press("Enter")
        // Let it start, then interrupt.
        Thread.sleep(forTimeInterval: 0.5)
        try terminal.press("C-c")
        try terminal.waitFor("cancellation") { $0.contains("cancelled") }
        try terminal.waitForLastLine("budgetql>")
        try terminal.type("SELECT count(*)")
        try terminal.press("Enter")
        try terminal.waitFor("a query after the cancelled one") { $0.contains("(1 row)") }
    }

    /// Issue 15, item 1: Ctrl-C while `.load` converts a PDF killed the session ("Interrupted
    /// system call" from a `try!`). It cancels the load and its pdftotext, keeps the tables
    /// loaded before, and returns to the prompt.
    @Test func ctrlCDuringALoadCancelsItAndKeepsWhatWasLoaded() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let pdf = try NestedForms.write(into: dir)
        let terminal = try Terminal(environment: ["BUDGETQL_NO_CACHE": "1"])
        try terminal.type(".load \(pdf)")
        try terminal.press("Enter")
        let deadline = Date().addingTimeInterval(30)
        while !NestedForms.processRunning(mentioning: "pdftotext", pdf), Date() < deadline { Thread.sleep(forTimeInterval: 0.1) }
        try terminal.press("C-c")
        try terminal.waitFor("the cancellation") { $0.contains(".load cancelled; the tables loaded before are kept") }
        try terminal.waitForLastLine("budgetql>")
        #expect(!NestedForms.processRunning(mentioning: "pdftotext", pdf), "the load's pdftotext was killed")
        try terminal.type("SELECT count(*) AS n")
        try terminal.press("Enter")
        let screen = try terminal.waitFor("the seed's rows") { $0.contains("(1 row)") }
        #expect(screen.contains(" 28\n"))
        #expect(!(try terminal.hasExited()))
    }

    /// Issue 16: a folder is read several files at a time, so Ctrl-C meets several conversions
    /// under way: every one is killed, and the tables loaded before are kept.
    @Test func ctrlCDuringAParallelLoadKillsEveryConversion() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let folder = dir + "/slow"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let pdfs = try (0..<4).map { _ in try NestedForms.write(into: folder) }
        let terminal = try Terminal(environment: ["BUDGETQL_NO_CACHE": "1"])
        try terminal.type(".load \(folder)")
        try terminal.press("Enter")
        // Both cores' workers converting (one on a one-core machine), or 30 s.
        let expected = min(2, ProcessInfo.processInfo.activeProcessorCount)
        func converting() -> Int { pdfs.filter { NestedForms.processRunning(mentioning: "pdftotext", $0) }.count }
        let deadline = Date().addingTimeInterval(30)
        while converting() < expected, Date() < deadline { Thread.sleep(forTimeInterval: 0.1) }
        #expect(converting() >= expected, "\(expected) conversions at once")
        try terminal.press("C-c")
        try terminal.waitFor("the cancellation") { $0.contains(".load cancelled; the tables loaded before are kept") }
        try terminal.waitForLastLine("budgetql>")
        #expect(converting() == 0, "every conversion of the load was killed")
        try terminal.type("SELECT count(*) AS n")
        try terminal.press("Enter")
        let screen = try terminal.waitFor("the seed's rows") { $0.contains("(1 row)") }
        #expect(screen.contains(" 28\n"))
    }

    @Test func chineseTextIsTypedAndEditedByCharacterUnderACLocale() throws {
        let terminal = try Terminal(environment: ["LC_ALL": "C", "LANG": "C"])
        try terminal.type("SELECT '预算表'")
        try terminal.press("BSpace")
        try terminal.press("BSpace")
        try terminal.waitForLastLine("budgetql> SELECT '预算")
        try terminal.type("'")
        try terminal.press("Enter")
        let screen = try terminal.waitFor("the result") { $0.contains("(1 row)") }
        #expect(screen.contains(" 预算\n"))
    }

    @Test func modeSwitchesTheOutput() throws {
        let terminal = try Terminal()
        try terminal.type(".mode csv")
        try terminal.press("Enter")
        try terminal.type("SELECT count(*) AS n")
        try terminal.press("Enter")
        try terminal.waitFor("CSV") { $0.contains("\nn\n28\n") }
        try terminal.type(".mode json")
        try terminal.press("Enter")
        try terminal.type("SELECT count(*) AS n")
        try terminal.press("Enter")
        try terminal.waitFor("JSON") { $0.contains("[{\"n\":28}]") }
        try terminal.type(".mode table")
        try terminal.press("Enter")
        try terminal.type("SELECT count(*) AS n")
        try terminal.press("Enter")
        try terminal.waitFor("a table") { $0.contains("  n\n---\n 28\n(1 row)") }
    }

    @Test func ctrlDOnAnEmptyLineExits() throws {
        let terminal = try Terminal()
        try terminal.press("C-d")
        try terminal.waitFor("the program to exit") { _ in try terminal.hasExited() }
    }

    @Test func anUnknownDotCommandSuggestsTheNearest() throws {
        let terminal = try Terminal()
        try terminal.type(".tabels")
        try terminal.press("Enter")
        try terminal.waitFor("the suggestion") { $0.contains("unknown command .tabels; did you mean .tables?") }
    }
}
