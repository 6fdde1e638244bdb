import Foundation
import Testing
@testable import Query

/// Runs every example of docs/LANGUAGE-REFERENCE.md on the fixture tables and compares its
/// result with the block that follows it. BUDGETQL_RECORD=1 rewrites the results.
@Suite struct LanguageReferenceTests {
    static var path: String {
        var url = URL(fileURLWithPath: "\(#filePath)").resolvingSymlinksInPath()
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.appendingPathComponent("docs/LANGUAGE-REFERENCE.md").path
    }

    struct Example {
        let sql: String
        let expected: [String]
        /// Line ranges of the result block's contents in the file, for re-recording.
        let resultLines: Range<Int>
    }

    static func examples(_ lines: [String]) -> [Example] {
        var out: [Example] = []
        var i = 0
        while i < lines.count {
            guard lines[i] == "```sql" else { i += 1; continue }
            var sql: [String] = []
            i += 1
            while i < lines.count && lines[i] != "```" { sql.append(lines[i]); i += 1 }
            i += 1
            guard i < lines.count, lines[i] == "```" else { continue }
            let start = i + 1
            i += 1
            while i < lines.count && lines[i] != "```" { i += 1 }
            out.append(Example(sql: sql.joined(separator: "\n"), expected: Array(lines[start..<i]), resultLines: start..<i))
            i += 1
        }
        return out
    }

    @Test func everyExampleRunsAndGivesItsResult() throws {
        let text = try String(contentsOfFile: LanguageReferenceTests.path, encoding: .utf8)
        var lines = text.components(separatedBy: "\n")
        let examples = LanguageReferenceTests.examples(lines)
        #expect(examples.count >= 28, "the reference has \(examples.count) examples")
        let engine = try Fixtures.engine()
        let record = ProcessInfo.processInfo.environment["BUDGETQL_RECORD"] != nil
        for example in examples.reversed() {
            let got: [String]
            // COPY's rows go to its file (the shell writes it): shown under the file's name.
            do {
                got = try engine.execute(example.sql).flatMap { r in (r.copyTarget.map { ["to \($0):"] } ?? []) + r.lines }
            } catch { got = ["ERROR: " + error.message] }
            #expect(!(got.first?.hasPrefix("ERROR: ") ?? false), "\(example.sql)\n\(got)")
            if got != example.expected {
                if record { lines.replaceSubrange(example.resultLines, with: got) }
                else { Issue.record("\(example.sql)\nexpected:\n\(example.expected.joined(separator: "\n"))\ngot:\n\(got.joined(separator: "\n"))") }
            }
        }
        if record { try lines.joined(separator: "\n").write(toFile: LanguageReferenceTests.path, atomically: true, encoding: .utf8) }
    }
}
