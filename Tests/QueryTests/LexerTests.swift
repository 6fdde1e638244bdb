import Testing
@testable import Query

@Suite struct LexerTests {
    func kinds(_ s: String) throws -> [String] {
        var lexer = Lexer(s)
        return try lexer.tokenize().dropLast().map { t in
            switch t.kind {
            case .keyword: return "K:\(t.text)"
            case .identifier: return "I:\(t.text)"
            case .quotedIdentifier: return "Q:\(t.text)"
            case .integer: return "N:\(t.text)"
            case .decimal: return "D:\(t.text)"
            case .string: return "S:\(t.text)"
            case .parameter: return "P:\(t.text)"
            case .symbol: return t.text
            case .end: return "END"
            case .invalid: return "BAD:\(t.text)"
            }
        }
    }

    @Test func wordsNumbersStringsAndSymbols() throws {
        #expect(try kinds("select SUM(amount) where class=208") == ["K:SELECT", "I:SUM", "(", "I:amount", ")", "K:WHERE", "I:class", "=", "N:208"])
        #expect(try kinds("'it''s' \"my col\" 1.25 .5 :year <> != <= || -- comment\n/* block */ x")
                == ["S:it's", "Q:my col", "D:1.25", "D:.5", "P:year", "<>", "!=", "<=", "||", "I:x"])
    }

    @Test func chineseTextIsOneWordButFullWidthCommaIsNot() throws {
        #expect(try kinds("SELECT 名称 FROM t") == ["K:SELECT", "I:名称", "K:FROM", "I:t"])
        var lexer = Lexer("SELECT a，b")
        #expect(throws: Diagnostic.self) { try lexer.tokenize() }
    }

    @Test func positionsCountCharactersNotBytes() throws {
        var lexer = Lexer("SELECT '就业' ,\n  amount")
        let tokens = try lexer.tokenize()
        #expect(tokens[2].span.line == 1 && tokens[2].span.column == 13)
        #expect(tokens[3].span.line == 2 && tokens[3].span.column == 3)
    }

    @Test func unterminatedStringIsAnErrorAtItsQuote() {
        var lexer = Lexer("SELECT 'abc")
        do {
            _ = try lexer.tokenize()
            Issue.record("expected an error")
        } catch {
            #expect(error.message == "unterminated string" && error.span?.column == 8)
        }
    }

    @Test func statementSplittingIgnoresSemicolonsInStringsAndComments() {
        let parts = Engine.statements(in: "SELECT ';' ; -- a; comment\nSELECT 2;\n\n  SELECT /* ; */ 3")
        #expect(parts.map(\.text) == ["SELECT ';'", "SELECT 2", "SELECT /* ; */ 3"])
        #expect(parts.map(\.line) == [1, 2, 4])
        #expect(parts[2].column == 3)
        #expect(Engine.statements(in: "  ;; ").isEmpty)
        // A character the lexer rejects stays in its own statement; the next ones still split.
        #expect(Engine.statements(in: "SELECT 1，2; SELECT 3").map(\.text) == ["SELECT 1，2", "SELECT 3"])
    }

    /// `budgetql --keep-going -f file`: a rejected character belongs to the statement it is in;
    /// `;` inside strings, quoted names and comments (even next to a bad character) still does
    /// not split; the error is reported for that statement only, at its place in the file.
    @Test func aRejectedCharacterStaysInItsStatementAndIsReportedThere() throws {
        let source = "SELECT 1;\nSELECT '¤;\u{7}' AS \"a;\u{7}\" /* ;\u{7}; */ ;\n  SELECT 2 \u{7} 3; -- \u{7};\nSELECT 1，2;\nSELECT 4"
        let parts = Engine.statements(in: source)
        #expect(parts.map(\.text) == ["SELECT 1", "SELECT '¤;\u{7}' AS \"a;\u{7}\"", "SELECT 2 \u{7} 3", "SELECT 1，2", "SELECT 4"])
        #expect(parts.map(\.line) == [1, 2, 3, 4, 5])
        #expect(parts[2].column == 3)
        let engine = try Fixtures.engine()
        var outcomes: [String] = []
        for part in parts {
            do throws(Diagnostic) {
                outcomes.append(try engine.execute(part.text).first?.lines.joined(separator: ",") ?? "")
            } catch {
                // Positions are relative to the statement; the caller adds where it starts.
                let line = (error.span?.line ?? 0) + part.line - 1
                let column = (error.span?.line == 1 ? part.column - 1 : 0) + (error.span?.column ?? 0)
                outcomes.append("\(line):\(column) \(error.message) \(error.hints.joined())")
            }
        }
        #expect(outcomes == ["1", "¤;\u{7}", "3:12 unexpected character U+0007 ", "4:9 unexpected character \"，\" this is a full-width comma; use ,", "4"])
    }

    @Test func completeness() {
        #expect(Engine.isComplete("SELECT sum(amount) WHERE class=208"))
        #expect(Engine.isComplete("SELECT *"))
        #expect(Engine.isComplete("SELECT 1;"))
        #expect(!Engine.isComplete("SELECT sum(amount"))
        #expect(!Engine.isComplete("SELECT 'abc"))
        #expect(!Engine.isComplete("SELECT a,"))
        #expect(!Engine.isComplete("SELECT a WHERE"))
        #expect(!Engine.isComplete("SELECT 2 *"))
        #expect(!Engine.isComplete("SELECT a /* open"))
        #expect(!Engine.isComplete("SELECT CASE WHEN a THEN 1"))
        #expect(Engine.isComplete("SELECT CASE WHEN a THEN 1 END"))
        #expect(!Engine.isComplete("SELECT a FROM t UNION ALL"))
    }
}
