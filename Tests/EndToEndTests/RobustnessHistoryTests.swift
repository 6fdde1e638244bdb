import Foundation
import Testing

/// A history file that cannot be written: the REPL warns once and goes on answering. Root
/// ignores permissions, so the history's directory is blocked by a plain file of that name.
@Suite(.serialized, .enabled(if: Terminal.isAvailable, "tmux is needed (./ensure-deps installs it)"))
struct RobustnessHistoryTests {
    @Test func anUnwritableHistoryIsAWarningNotAFailure() throws {
        let state = NSTemporaryDirectory() + "budgetql-state-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: state, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: state) }
        // $XDG_STATE_HOME/budgetql must be a directory; a file there makes the history unwritable.
        FileManager.default.createFile(atPath: state + "/budgetql", contents: Data("not a directory".utf8))
        let terminal = try Terminal(environment: ["XDG_STATE_HOME": state])
        try terminal.type("SELECT count(*) AS n;")
        try terminal.press("Enter")
        let first = try terminal.waitFor("the first answer") { $0.contains("28") && $0.contains("history") }
        #expect(first.contains("warning"), "\(first)")
        try terminal.type("SELECT 2 + 2 AS four;")
        try terminal.press("Enter")
        let second = try terminal.waitFor("the second answer") { $0.contains(" 4") || $0.contains("\n4") }
        // Warned once, not on every statement.
        #expect(second.components(separatedBy: "history will not be kept").count <= 2, "\(second)")
        try terminal.type(".quit")
        try terminal.press("Enter")
        _ = try terminal.waitFor("the shell to end") { _ in try terminal.hasExited() }
        let contents = try String(contentsOfFile: state + "/budgetql", encoding: .utf8)
        #expect(contents == "not a directory", "the blocking file is left alone")
    }
}
