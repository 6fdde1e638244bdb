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

    @Test func explainAndDescribeAreAvailableAsCalls() throws {
        let engine = try Fixtures.engine()
        #expect(try engine.explain("SELECT count(*) WHERE class = 208").last?.trimmingSpaces == "Scan spending (10 rows)")
        #expect(try engine.describe(table: "income").rows.count == 5)
    }
}
