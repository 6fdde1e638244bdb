import Testing
import Foundation
import Synchronization
import Store
@testable import Query

@Suite struct EvaluatorTests {
    func run(_ q: String, _ params: [String: Value] = [:]) throws -> [String] {
        try Fixtures.engine().execute(q, parameters: params).last?.lines ?? []
    }

    @Test func sumOfAClassKeepsTheDecimalScale() throws {
        #expect(try run("SELECT sum(amount) WHERE class=208") == ["146.39"])
        #expect(try run("SELECT sum(amount) WHERE class='208'") == ["146.39"])
    }

    @Test func floatingPointWouldGetThisWrong() throws {
        #expect(try run("SELECT sum(amount) WHERE code IN ('2080101', '2080502') AND year = 2024 AND unit = '万里学校'") == ["0.30"])
    }

    @Test func countStarAndSumWithoutWhere() throws {
        #expect(try run("SELECT count(*)") == ["10"])
        #expect(try run("SELECT sum(amount), count(project), count(*) FROM spending") == ["307.02 | 8 | 10"])
    }

    @Test func columnsAndFilters() throws {
        #expect(try run("SELECT name, amount WHERE amount < 0") == ["基层政权建设和社区治理 | -1.50"])
        #expect(try run("SELECT count(*) WHERE name LIKE '%就业%'") == ["1"])
        #expect(try run("SELECT count(*) WHERE project IS NULL") == ["2"])
    }

    @Test func fusedScanAgreesWithTheGeneralPath() throws {
        for op in ["=", "<>", "<", "<=", ">", ">="] {
            let fused = try run("SELECT sum(amount), count(*), avg(amount) WHERE class \(op) 208")
            let general = try run("SELECT sum(amount), count(*), avg(amount) WHERE class + 0 \(op) 208")
            #expect(fused == general, "class \(op) 208")
        }
        #expect(try run("SELECT sum(amount), count(*) WHERE 208 = class") == ["146.39 | 6"])
        #expect(try run("SELECT sum(amount) WHERE amount < 0") == ["-1.50"])
        #expect(try run("SELECT sum(amount), count(*) WHERE class = 1") == ["NULL | 0"])
    }

    @Test func sumsBeyondSixtyFourBitsStayExact() throws {
        var b = TableBuilder(name: "big", schema: [("k", .integer), ("amount", .decimal)])
        for k in [1, 1, 1, 2] as [Int64] { try b.append([.integer(k), Fixtures.decimal(k == 1 ? "40000000000000000.01" : "-0.01")]) }
        let engine = Engine(catalog: Catalog(tables: [try b.build()]))
        // 3 x 4.000000000000000001e18 units: past Int64, exact through both fused and grouped paths.
        #expect(try engine.execute("SELECT sum(amount) FROM big").first?.lines == ["120000000000000000.02"])
        #expect(try engine.execute("SELECT sum(amount) FROM big WHERE k = 1").first?.lines == ["120000000000000000.03"])
        #expect(try engine.execute("SELECT k, sum(amount) FROM big GROUP BY k ORDER BY k").first?.lines
                == ["1 | 120000000000000000.03", "2 | -0.01"])
    }

    @Test func executesEveryStatementOfASource() throws {
        let results = try Fixtures.engine().execute("SELECT 1; SELECT 2 + 3")
        #expect(results.map(\.lines) == [["1"], ["5"]])
    }
}

/// coalesce over text without boxing (PERF Q4's unit key): the two sides' dictionaries are
/// merged, and a word both sides hold must still sort and group as one word.
@Suite struct TextCoalesceTests {
    @Test func aWordFromEitherSideOfAFullJoinSortsAsOneWord() throws {
        let engine = try Fixtures.engine()
        let query = """
            SELECT coalesce(i.unit, s.unit) AS u, coalesce(s.code, i.code) AS c, coalesce(i.code, 'none') AS matched \
            FROM spending s FULL OUTER JOIN income i ON s.unit = i.unit AND s.code = i.code AND s.year = i.year \
            ORDER BY u, c, matched
            """
        let lines = try #require(try engine.execute(query).first?.lines)
        #expect(lines.count == 11)  // 10 spending rows and income's 2130101, which spending lacks
        // Each unit is one contiguous block, and codes ascend inside it.
        let units = lines.map { String($0.split(separator: " | ")[0]) }
        var blocks: [String] = []
        for u in units where blocks.last != u { blocks.append(u) }
        #expect(blocks == ["万里学校", "喀什市委"] || blocks == ["喀什市委", "万里学校"], "\(lines)")
        #expect(lines.contains("喀什市委 | 2130101 | 2130101"))
        let kashi = lines.filter { $0.hasPrefix("喀什市委") }.map { String($0.split(separator: " | ")[1]) }
        #expect(kashi == ["2010101", "2080101", "2080208", "2130101"], "\(lines)")
        // Grouping by the merged column counts each unit once.
        let grouped = try engine.execute("SELECT coalesce(s.unit, i.unit) AS u, count(*) FROM spending s FULL OUTER JOIN income i " +
                                         "ON s.unit = i.unit AND s.code = i.code AND s.year = i.year GROUP BY u ORDER BY u").first?.lines
        #expect(grouped?.count == 2)
    }
}

@Suite struct CancellationTests {
    @Test func aCancelledQueryStopsWithAnError() throws {
        let engine = try Fixtures.engine()
        let cancellation = Cancellation()
        cancellation.cancel()
        do throws(Diagnostic) {
            _ = try engine.execute("SELECT sum(amount) FROM spending", cancellation: cancellation)
            Issue.record("expected the query to be cancelled")
        } catch {
            #expect(error.message == "query cancelled")
        }
        #expect(try engine.execute("SELECT count(*)", cancellation: Cancellation()).first?.lines == ["10"])
    }

    /// A table of `count` numbered rows with a text column, to cross join with itself.
    static func numbers(_ count: Int) throws -> Engine {
        var b = TableBuilder(name: "numbers", schema: [("n", .integer), ("label", .text), ("amount", .decimal)])
        for i in 0..<count { try b.append([.integer(Int64(i)), .text("行\(i % 97)"), Fixtures.decimal("\(i).25")]) }
        return Engine(catalog: Catalog(tables: [try b.build()]))
    }

    /// Ctrl-C in the REPL left `a CROSS JOIN a` running (and growing to gigabytes): the cross
    /// join, the residual ON, the sort and the result boxing never looked at the flag.
    @Test func aCancelledCrossJoinStopsWithTheCancellationError() throws {
        let engine = try CancellationTests.numbers(2_000)
        let queries = [
            "SELECT a.n, b.label FROM numbers a CROSS JOIN numbers b",
            "SELECT a.n, b.n FROM numbers a JOIN numbers b ON a.n < b.n",
            "SELECT a.n, b.amount FROM numbers a JOIN numbers b ON a.label = b.label ORDER BY 2 DESC, 1",
            "SELECT * FROM (SELECT a.n AS x, b.n AS y FROM numbers a CROSS JOIN numbers b) t",
        ]
        for query in queries {
            let cancellation = Cancellation()
            cancellation.cancel()
            let clock = ContinuousClock()
            let start = clock.now
            do throws(Diagnostic) {
                let rows = try engine.execute(query, cancellation: cancellation).first?.rows.count ?? 0
                Issue.record("\(query): expected cancellation, got \(rows) rows")
            } catch {
                #expect(error.message == "query cancelled", "\(query)")
            }
            #expect(clock.now - start < .milliseconds(500), "\(query) took \(clock.now - start)")
        }
    }

    /// Cancelled from another thread while it runs (what the shell's signal thread does). The
    /// query runs on its own thread, so a busy test pool cannot delay the cancel itself.
    @Test func aRunningCrossJoinIsCancelledPromptly() throws {
        let engine = try CancellationTests.numbers(2_000)
        let cancellation = Cancellation()
        let outcome = Mutex<String?>(nil)
        let finished = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            var text: String
            do throws(Diagnostic) {
                let rows = try engine.execute("SELECT a.n, b.label, a.amount + b.amount FROM numbers a CROSS JOIN numbers b ORDER BY 3 DESC",
                                              cancellation: cancellation).first?.rows.count ?? 0
                text = "finished with \(rows) rows"
            } catch {
                text = error.message
            }
            outcome.withLock { $0 = text }
            finished.signal()
        }
        Thread.sleep(forTimeInterval: 0.05)
        cancellation.cancel()
        let clock = ContinuousClock()
        let cancelledAt = clock.now
        #expect(finished.wait(timeout: .now() + 20) == .success)
        #expect(outcome.withLock { $0 } == "query cancelled")
        #expect(clock.now - cancelledAt < .seconds(2), "stopped \(clock.now - cancelledAt) after the cancel")
    }

    @Test func explainAndDescribeAreAvailableAsCalls() throws {
        let engine = try Fixtures.engine()
        #expect(try engine.explain("SELECT count(*) WHERE class = 208").last?.trimmingSpaces == "Scan spending (10 rows)")
        #expect(try engine.describe(table: "income").rows.count == 5)
    }
}
