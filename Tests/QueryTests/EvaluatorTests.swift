import Testing
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
        cancellation.reset()
        #expect(try engine.execute("SELECT count(*)", cancellation: cancellation).first?.lines == ["10"])
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

    /// Cancelled from another thread while it runs (what the shell's signal thread does).
    @Test func aRunningCrossJoinIsCancelledPromptly() async throws {
        let engine = try CancellationTests.numbers(2_000)
        let cancellation = Cancellation()
        let clock = ContinuousClock()
        let start = clock.now
        let run = Task.detached { () -> String in
            do throws(Diagnostic) {
                let rows = try engine.execute("SELECT a.n, b.label, a.amount + b.amount FROM numbers a CROSS JOIN numbers b ORDER BY 3 DESC",
                                              cancellation: cancellation).first?.rows.count ?? 0
                return "finished with \(rows) rows"
            } catch {
                return error.message
            }
        }
        try await Task.sleep(for: .milliseconds(50))
        cancellation.cancel()
        let outcome = await run.value
        #expect(outcome == "query cancelled")
        #expect(clock.now - start < .seconds(3), "took \(clock.now - start)")
    }

    @Test func explainAndDescribeAreAvailableAsCalls() throws {
        let engine = try Fixtures.engine()
        #expect(try engine.explain("SELECT count(*) WHERE class = 208").last?.trimmingSpaces == "Scan spending (10 rows)")
        #expect(try engine.describe(table: "income").rows.count == 5)
    }
}
