import Foundation
import Testing
@testable import Query

/// Wrong queries and their rendered errors, compared with Golden/errors.txt. Records are
///
///     ### query text (several lines allowed)
///     ---
///     rendered error
///     ===
///
/// Set BUDGETQL_RECORD=1 to rewrite the file from the actual output (then review the diff).
@Suite struct GoldenErrorTests {
    static var path: String {
        let here = "\(#filePath)"
        return String(here[..<(here.lastIndex(of: "/") ?? here.endIndex)]) + "/Golden/errors.txt"
    }

    struct Record { var query: String; var expected: String }

    static func parse(_ text: String) -> [Record] {
        var records: [Record] = []
        var query: [String]?, expected: [String]?
        for line in text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            if line.hasPrefix("### ") { query = [String(line.dropFirst(4))]; expected = nil; continue }
            if line == "---", query != nil, expected == nil { expected = []; continue }
            if line == "===", let q = query, let e = expected {
                records.append(Record(query: q.joined(separator: "\n"), expected: e.joined(separator: "\n")))
                query = nil; expected = nil
                continue
            }
            if expected != nil { expected?.append(line) } else if query != nil { query?.append(line) }
        }
        return records
    }

    @Test func renderedErrors() throws {
        let engine = try Fixtures.engine()
        let text = try String(contentsOfFile: GoldenErrorTests.path, encoding: .utf8)
        let records = GoldenErrorTests.parse(text)
        #expect(records.count >= 20)
        var out = ""
        for r in records {
            let rendered: String
            do throws(Diagnostic) {
                _ = try engine.execute(r.query)
                rendered = "(no error)"
            } catch {
                rendered = error.rendered(source: r.query)
            }
            out += "### \(r.query)\n---\n\(rendered)\n===\n\n"
            if ProcessInfo.processInfo.environment["BUDGETQL_RECORD"] == nil {
                #expect(rendered == r.expected, "query: \(r.query)")
            }
        }
        if ProcessInfo.processInfo.environment["BUDGETQL_RECORD"] != nil {
            try out.write(toFile: GoldenErrorTests.path, atomically: true, encoding: .utf8)
        }
    }

    /// An 11 MB one-line query was echoed whole in its error (issue 15 item 18): the line is
    /// shown around the error, with what was left out said, and a huge name quoted back in the
    /// message is cut too.
    @Test func aHugeQueryIsShownOnlyAroundTheError() throws {
        let engine = try Fixtures.engine()
        let query = "SELECT count(*) WHERE amont > 0 AND name <> '" + String(repeating: "社会保障", count: 1_000_000) + "'"
        #expect(query.utf8.count > 11_000_000)
        var rendered = ""
        do throws(Diagnostic) { _ = try engine.execute(query) } catch { rendered = error.rendered(source: query) }
        #expect(rendered.utf8.count < 2_000, "\(rendered.prefix(3_000))")
        #expect(rendered.contains("1 | SELECT count(*) WHERE amont > 0 AND name <> '社会保障社会保障社会保...\n"), "\(rendered.prefix(3_000))")
        #expect(rendered.contains("\n  |                       ^^^^^\n"), "\(rendered.prefix(3_000))")
        let shown = "SELECT count(*) WHERE amont > 0 AND name <> '".count + 11
        #expect(rendered.contains("= note: line 1 has \(query.unicodeScalars.count) characters; \(query.unicodeScalars.count - shown) after the part shown are left out (...)"),
                "\(rendered.prefix(3_000))")

        let name = String(repeating: "x", count: 1_000_000)
        var named = ""
        do throws(Diagnostic) { _ = try engine.execute("SELECT \(name) FROM spending") } catch { named = error.rendered(source: "SELECT \(name) FROM spending") }
        #expect(named.utf8.count < 3_000, "\(named.prefix(3_000))")
        #expect(named.contains("xxx... (") && named.contains(" more characters)"), "\(named.prefix(3_000))")
    }

    @Test func caretLandsUnderTheTokenAfterChineseText() throws {
        let query = "SELECT count(*) WHERE name = '社会保障' AND amont > 1"
        let engine = try Fixtures.engine()
        do throws(Diagnostic) {
            _ = try engine.execute(query)
            Issue.record("expected an error")
        } catch {
            let lines = error.rendered(source: query).split(separator: "\n").map(String.init)
            // The source line and the caret line share the "  | " gutter; the caret must sit at
            // display column of "amont": 41 characters before it, 4 of them wide.
            guard let source = lines.first(where: { $0.hasPrefix("1 | ") }), let caret = lines.first(where: { $0.contains("^") }) else {
                Issue.record("no excerpt in \(lines)"); return
            }
            let caretColumn = DisplayWidth.of(String(caret.prefix(while: { $0 != "^" })))
            let tokenColumn = DisplayWidth.of(String(source[..<(source.range(of: "amont")?.lowerBound ?? source.endIndex)]))
            #expect(caretColumn == tokenColumn)
            #expect(caret.filter { $0 == "^" }.count == 5)
            #expect(error.span?.column == 41)
        }
    }

    @Test func displayWidth() {
        #expect(DisplayWidth.of("abc") == 3)
        #expect(DisplayWidth.of("社会保障") == 8)
        #expect(DisplayWidth.of("（）") == 4)
        #expect(DisplayWidth.of("e\u{301}") == 1)
    }

    @Test func suggestions() {
        #expect(Suggestions.closest(to: "ammount", among: ["amount", "basic"]) == "amount")
        #expect(Suggestions.closest(to: "clas", among: ["class", "code"]) == "class")
        #expect(Suggestions.closest(to: "xyz", among: ["amount", "basic"]) == nil)
        #expect(Suggestions.distance(Array("form"), Array("from")) == 1)
    }

    @Test func colourOnlyWhenAsked() throws {
        let d = Diagnostic(kind: .name, message: "m", span: SourceSpan(line: 1, column: 1, range: 0..<1))
        #expect(!d.rendered(source: "x").contains("\u{1B}["))
        #expect(d.rendered(source: "x", color: true).contains("\u{1B}[1;31m"))
    }
}
