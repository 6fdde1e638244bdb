import Foundation
import Query
import Shell
import Testing

/// Batch input: where statements and dot-commands start, and how an error's position inside a
/// statement becomes file:line:column.
@Suite struct ScriptTests {
    @Test func dotCommandsBetweenStatementsKeepTheirLines() {
        let source = "SELECT 1;\n.mode csv\n\nSELECT\n  2;\n  .timer on\n"
        let pieces = Script(source: source).pieces
        #expect(pieces.count == 4)
        guard pieces.count == 4 else { return }
        if case .statement(let s) = pieces[0] { #expect(s.line == 1) } else { Issue.record("expected a statement") }
        #expect(pieces[1] == .dotCommand(".mode csv", line: 2))
        if case .statement(let s) = pieces[2] { #expect(s.line == 4) } else { Issue.record("expected a statement") }
        #expect(pieces[3] == .dotCommand(".timer on", line: 6))
    }

    @Test func aDotInsideAStatementIsNotACommand() {
        let pieces = Script(source: "SELECT s.amount\n.5 FROM spending s;").pieces
        #expect(pieces.count == 1)
    }

    @Test func anUnterminatedCommentStillReachesTheEngine() {
        let pieces = Script(source: "\n/* never closed").pieces
        #expect(pieces == [.statement(StatementText(text: "/* never closed", line: 2, column: 1))])
    }

    @Test func commentsAndBlankLinesAreNotStatements() {
        #expect(Script(source: "-- just a comment\n\n   \n").pieces.isEmpty)
    }

    @Test func errorPositionsAreMovedIntoTheFile() {
        let source = "SELECT 1;\n\n-- third\nSELECT ammount\nFROM spending;\n"
        let statement = StatementText(text: "SELECT ammount\nFROM spending;", line: 4, column: 1)
        let diagnostic = Diagnostic(kind: .name, message: "no column \"ammount\"",
                                    span: SourceSpan(line: 1, column: 8, range: 7..<14))
        let placed = ErrorReport.placedInSource(diagnostic, statement: statement, source: source)
        #expect(placed.span?.line == 4)
        #expect(placed.span?.column == 8)
        guard let range = placed.span?.range else { return }
        let bytes = Array(source.utf8)[range]
        #expect(String(decoding: bytes, as: UTF8.self) == "ammount")
    }

    @Test func aSecondLineErrorKeepsItsColumn() {
        let source = "SELECT 1; SELECT a,\n   bad FROM t"
        let statement = StatementText(text: "SELECT a,\n   bad FROM t", line: 1, column: 11)
        let diagnostic = Diagnostic(kind: .name, message: "no column", span: SourceSpan(line: 2, column: 4, range: 13..<16))
        let placed = ErrorReport.placedInSource(diagnostic, statement: statement, source: source)
        #expect(placed.span?.line == 2)
        #expect(placed.span?.column == 4)
        let range = placed.span?.range ?? 0..<0
        #expect(String(decoding: Array(source.utf8)[range], as: UTF8.self) == "bad")
    }

    @Test func theReportNamesTheFile() {
        let statement = StatementText(text: "SELEC 1", line: 3, column: 1)
        let diagnostic = Diagnostic(kind: .syntax, message: "expected a statement", span: SourceSpan(line: 1, column: 1, range: 0..<5))
        let text = ErrorReport.text(diagnostic, statement: statement, source: "\n\nSELEC 1", origin: SourceOrigin(name: "q.bql"), color: false)
        #expect(text.hasPrefix("q.bql:3:1"), "got: \(text)")
    }
}

@Suite struct LocationTests {
    @Test func historyFollowsXDG() {
        #expect(HistoryLocation.path(environment: ["XDG_STATE_HOME": "/s", "HOME": "/h"]) == "/s/budgetql/history")
        #expect(HistoryLocation.path(environment: ["HOME": "/h"]) == "/h/.local/state/budgetql/history")
        #expect(HistoryLocation.path(environment: ["XDG_STATE_HOME": "relative", "HOME": "/h"]) == "/h/.local/state/budgetql/history")
    }

    @Test func dataIsFoundHereThenAboveTheExecutable() {
        let existing: Set<String> = ["/pkg/Data", "/work/Data"]
        func locate(_ env: [String: String], cwd: String) -> String? {
            DataLocation.locate("Data", override: "BUDGETQL_DATA", environment: env, currentDirectory: cwd,
                                executablePath: "/pkg/.build/release/budgetql", exists: existing.contains)
        }
        #expect(locate([:], cwd: "/work") == "Data")
        #expect(locate([:], cwd: "/tmp") == "/pkg/Data")
        #expect(locate(["BUDGETQL_DATA": "/mine"], cwd: "/work") == "/mine")
    }
}
