#if canImport(Ingest)
import Foundation
import Testing
import Store
import Ingest
@testable import Query

/// Inputs at and past the language's limits give a Diagnostic that says what and where; none
/// traps (stack overflow, integer overflow, bad index).
@Suite struct PropertyLimitsTests {
    func diagnostic(_ sql: String, engine: Engine = PropertySeed.engine) -> Diagnostic? {
        do { _ = try engine.execute(sql); return nil } catch { return error }
    }

    @Test func tenThousandNestedParenthesesAreALimitErrorNotAStackOverflow() throws {
        let depth = 10_000
        let sql = "SELECT " + String(repeating: "(", count: depth) + "1" + String(repeating: ")", count: depth)
        let d = try #require(diagnostic(sql), "10,000 nested parentheses should be refused")
        #expect(d.kind == .limit || d.kind == .syntax)
        #expect(d.message.contains("nest") || d.message.contains("deep"), "\(d.message)")
        #expect(d.span != nil, "the error should point at where the nesting gets too deep")
        // The same depth unclosed, in a function call, in NOT chains and in unary minus.
        for deep in [String(repeating: "(", count: depth),
                     "SELECT " + String(repeating: "abs(", count: depth) + "1" + String(repeating: ")", count: depth),
                     "SELECT 1 WHERE " + String(repeating: "NOT ", count: depth) + "TRUE",
                     "SELECT " + String(repeating: "-", count: depth) + "1",
                     "SELECT " + String(repeating: "- ", count: depth) + "1",
                     "SELECT " + String(repeating: "CASE WHEN TRUE THEN ", count: 2_000) + "1" + String(repeating: " END", count: 2_000)] {
            #expect(diagnostic(deep) != nil, "\(deep.prefix(40))…")
        }
    }

    @Test func moderatelyNestedExpressionsStillRun() throws {
        let sql = "SELECT " + String(repeating: "(", count: 50) + "1" + String(repeating: ")", count: 50)
        #expect(try PropertySeed.engine.execute(sql).last?.lines == ["1"])
    }

    @Test func hugeNumberLiteralsAreClearErrorsOrExact() throws {
        for literal in [String(repeating: "9", count: 40), String(repeating: "9", count: 5_000),
                        "1" + String(repeating: "0", count: 39) + ".5", "0." + String(repeating: "0", count: 5_000) + "1",
                        "9223372036854775808", "-9223372036854775809", "1e999999"] {
            if let d = diagnostic("SELECT \(literal)") {
                #expect(!d.message.isEmpty)
                #expect(d.span != nil, "\(literal.prefix(30)): \(d.message)")
            }
        }
        let d = try #require(diagnostic("SELECT " + String(repeating: "9", count: 60)))
        #expect(d.kind == .limit || d.kind == .syntax || d.kind == .type, "\(d.kind)")
    }

    @Test func limitAndOffsetAtTheEdgesOfInt64() throws {
        for sql in ["SELECT amount FROM spending LIMIT 9223372036854775807 OFFSET 9223372036854775807",
                    "SELECT amount FROM spending LIMIT 9223372036854775807 OFFSET 1",
                    "SELECT amount FROM spending LIMIT 0 OFFSET 9223372036854775807",
                    "SELECT amount FROM spending LIMIT 99999999999999999999",
                    "SELECT amount FROM spending ORDER BY 9223372036854775807",
                    "SELECT amount FROM spending ORDER BY -1",
                    "SELECT class, sum(amount) FROM spending GROUP BY 9223372036854775807",
                    "SELECT substr(name, 9223372036854775807, 9223372036854775807) FROM spending",
                    "SELECT substr(name, -9223372036854775807, 9223372036854775807) FROM spending",
                    "SELECT round(amount, 9223372036854775807) FROM spending",
                    "SELECT round(amount, -9223372036854775807) FROM spending",
                    "SELECT parent(-9223372036854775807)", "SELECT abs(-9223372036854775807 - 1)",
                    "SELECT -9223372036854775807 % -1", "SELECT (-9223372036854775807 - 1) / -1",
                    "SELECT 1 / 0", "SELECT 1.0 / 0.0", "SELECT 1 % 0"] {
            _ = diagnostic(sql)    // a result or an error: reaching here without a trap is the test
        }
    }

    @Test func veryLongLinesParseOrFailCleanly() throws {
        let engine = PropertySeed.engine
        let terms = 100_000
        let sum = "SELECT " + Array(repeating: "1", count: terms).joined(separator: " + ")
        #expect(try engine.execute(sum).last?.lines == ["\(terms)"])
        let text = String(repeating: "预算", count: 500_000)
        #expect(try engine.execute("SELECT length('\(text)')").last?.lines == ["\(text.count)"])
        let list = "SELECT count(*) FROM spending WHERE class IN (" + (0..<50_000).map(String.init).joined(separator: ",") + ")"
        #expect(try engine.execute(list).last?.lines == ["28"])
        let identifier = String(repeating: "x", count: 1_000_000)
        let d = try #require(diagnostic("SELECT \(identifier) FROM spending"))
        #expect(d.kind == .name)
    }

    @Test func binaryGarbageAndEmptyTextAreDiagnosticsOrNothing() throws {
        var random = SeededBytes(seed: 99)
        for length in [0, 1, 2, 3, 7, 64, 1_000, 100_000] {
            let garbage = String(decoding: random.next(length), as: UTF8.self)
            _ = diagnostic(garbage)
            _ = Engine.statements(in: garbage)
            _ = Engine.isComplete(garbage)
        }
        #expect(try PropertySeed.engine.execute("").isEmpty)
        #expect(try PropertySeed.engine.execute(";;; -- nothing\n/* */").isEmpty)
        #expect(diagnostic("SELECT '\u{0}'") == nil)
        #expect(diagnostic("/* unterminated") != nil)
        #expect(diagnostic("SELECT 'unterminated") != nil)
    }
}
#endif
