#if canImport(Ingest)
import Foundation
import Testing
import Store
import Ingest
@testable import Query

/// Every crash the fuzzers found (fuzz/REPORT.md), minimised, over the seed's tables. Each must
/// now give rows or a Diagnostic; before its fix each trapped and took the whole process down.
@Suite struct PropertyFuzzRegressionTests {
    func outcome(_ sql: String) -> Result<[QueryResult], Diagnostic> {
        Result { () throws(Diagnostic) in try PropertySeed.engine.execute(sql) }
    }

    /// execute fuzzer, Executor.runVectors (Executor.swift:41 then): a PIVOT in one part of a
    /// UNION ALL makes that part's width depend on the data, and the union indexed the narrower
    /// part's columns with the wider part's width (Index out of range). Also via ORDER BY in the
    /// Sorter (Executor.swift:254).
    @Test func pivotInsideUnionAllIsAnErrorOrRowsNotATrap() {
        for sql in [
            "SELECT class, count(*) FROM spending GROUP BY class PIVOT BY code UNION ALL SELECT class, count(*) FROM spending GROUP BY class",
            "SELECT class, count(*) FROM spending GROUP BY class UNION ALL SELECT class, count(*) FROM spending GROUP BY class PIVOT BY code",
            "SELECT class, count(*) AS n FROM spending GROUP BY class PIVOT BY code UNION ALL SELECT class, count(*) FROM spending GROUP BY class ORDER BY n",
            "SELECT class, count(*) FROM spending WHERE FALSE GROUP BY class PIVOT BY code UNION ALL SELECT class, count(*) FROM spending GROUP BY class PIVOT BY year",
        ] {
            switch outcome(sql) {
            case .success(let results):
                // If the engine accepts it, every row has one value per column.
                for r in results { #expect(r.rows.allSatisfy { $0.count == r.columns.count }, "\(sql)") }
            case .failure(let d):
                #expect(d.message.contains("PIVOT") || d.message.contains("UNION"), "\(sql): \(d.message)")
            }
        }
    }

    /// parse fuzzer smoke in CI (F6): a quote followed by a combining mark is one Character with
    /// it, so the printer's Character-wise doubling left it single and the printed query did not
    /// parse back ("unterminated quoted identifier"), nor did EXPLAIN's text of the string.
    @Test func aQuoteBeforeACombiningMarkIsDoubledWhenPrinted() throws {
        for sql in ["SELECT \"a\"\"\u{301}b\" FROM t", "SELECT 'a''\u{301}b'", "SELECT 1 AS \"\"\"\u{301}\""] {
            let printed = try Parser.parse(sql).map(\.description).joined(separator: ";\n")
            #expect(printed == sql, "\(sql.debugDescription) printed as \(printed.debugDescription)")
            #expect(try Parser.parse(printed).map(\.description).joined(separator: ";\n") == printed)
        }
        let value = try PropertySeed.engine.execute("SELECT 'it''\u{301}s' AS t").last?.rows.first?.first
        #expect(value == .text("it'\u{301}s"))
    }

    /// Binary flood test, Engine.statements(in:) (StatementSplitter.swift): at a character or
    /// number the lexer rejects, the rest of the whole source became ONE statement, so in a -f
    /// batch with --keep-going every later statement silently never ran.
    @Test func aRejectedCharacterDoesNotSwallowTheStatementsAfterIt() {
        for bad in ["SELECT 2E8", "SELECT \u{7} 1", "SELECT （1）", "SELECT 1 ，2", "SELECT 1.2.3x", "\u{7}"] {
            let source = "SELECT 1;\n\(bad);\nSELECT 3 AS after"
            let statements = Engine.statements(in: source)
            #expect(statements.map(\.text) == ["SELECT 1", bad, "SELECT 3 AS after"], "\(bad.debugDescription): \(statements.map(\.text))")
            #expect(statements.last?.line == 3)
            // The bad statement itself still fails with its position.
            if case .failure(let d) = outcome(bad) { #expect(d.span?.line == 1) } else { Issue.record("\(bad.debugDescription) should fail") }
        }
    }

    /// F5 (fuzz/REPORT.md): a flat chain past Parser.maxDepth operators parses, but its
    /// canonical print parenthesised every step and was then too deep to re-parse. The printer
    /// now keeps same-level left-associative chains flat.
    @Test func aLongFlatChainRoundTrips() throws {
        for op in ["+", "-", "*", "||", "AND", "OR"] {
            let sql = "SELECT " + Array(repeating: "amount", count: 100).joined(separator: " \(op) ")
            let printed = try Parser.parse(sql).map(\.description).joined(separator: ";\n")
            let reprinted = try Parser.parse(printed).map(\.description).joined(separator: ";\n")
            #expect(reprinted == printed, "\(op)")
        }
        // Grouping that changes the meaning keeps its parentheses.
        let mixed = try Parser.parse("SELECT a - (b - c), (a - b) - c, a * (b + c), (a OR b) AND c").map(\.description).joined()
        #expect(mixed.contains("(a - (b - c))") && mixed.contains("(a - b - c)") && mixed.contains("(a * (b + c))") && mixed.contains("((a OR b) AND c)"), "\(mixed)")
    }
}
#endif
