import Testing
@testable import Query

@Suite struct ParserTests {
    func roundTrip(_ s: String) throws -> String {
        try Parser.parse(s).map(\.description).joined(separator: "; ")
    }

    @Test func printsCanonicalText() throws {
        #expect(try roundTrip("select sum(amount) where class=208") == "SELECT sum(amount) WHERE (class = 208)")
        #expect(try roundTrip("SELECT a+b*c, -x FROM t") == "SELECT (a + (b * c)), (-x) FROM t")
        #expect(try roundTrip("SELECT a - -2") == "SELECT (a - -2)")
    }

    @Test func everyClause() throws {
        let q = """
        SELECT DISTINCT s.class AS c, count(DISTINCT name), sum(amount) FILTER (WHERE basic > 0)
        FROM spending s LEFT JOIN income i ON s.code = i.code FULL OUTER JOIN classes USING (code)
        WHERE name NOT LIKE '%x%' AND year BETWEEN 2023 AND 2025 OR code IN ('1', '2') AND project IS NOT NULL
        GROUP BY ALL HAVING count(*) > 1 PIVOT BY year ORDER BY 2 DESC NULLS FIRST, c LIMIT 5 OFFSET 1
        """
        #expect(try roundTrip(q) == "SELECT DISTINCT s.class AS c, count(DISTINCT name), sum(amount) FILTER (WHERE basic > 0) "
            + "FROM spending s LEFT JOIN income i ON (s.code = i.code) FULL JOIN classes USING (code) "
            + "WHERE (((name NOT LIKE '%x%') AND (year BETWEEN 2023 AND 2025)) OR ((code IN ('1', '2')) AND (project IS NOT NULL))) "
            + "GROUP BY ALL HAVING (count(*) > 1) PIVOT BY year ORDER BY 2 DESC NULLS FIRST, c LIMIT 5 OFFSET 1")
    }

    @Test func unionExplainDescribeCase() throws {
        #expect(try roundTrip("SELECT 1 UNION ALL SELECT 2 ORDER BY 1") == "SELECT 1 UNION ALL SELECT 2 ORDER BY 1")
        #expect(try roundTrip("explain select * from t; describe spending") == "EXPLAIN SELECT * FROM t; DESCRIBE spending")
        #expect(try roundTrip("SELECT CASE class WHEN 208 THEN 'a' ELSE 'b' END, t.* FROM t")
                == "SELECT CASE class WHEN 208 THEN 'a' ELSE 'b' END, t.* FROM t")
        #expect(try roundTrip("SELECT :year, \"名 称\"") == "SELECT :year, \"名 称\"")
    }

    @Test func windows() throws {
        #expect(try roundTrip("select rank() over (partition by unit, year order by amount desc), sum(x) over ()")
                == "SELECT rank() OVER (PARTITION BY unit, year ORDER BY amount DESC), sum(x) OVER ()")
        #expect(try roundTrip("SELECT sum(x) FILTER (WHERE y > 0) OVER (ORDER BY a ROWS 2 PRECEDING)")
                == "SELECT sum(x) FILTER (WHERE y > 0) OVER (ORDER BY a ROWS BETWEEN 2 PRECEDING AND CURRENT ROW)")
        #expect(try roundTrip("SELECT avg(x) OVER (ORDER BY a RANGE BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) AS rows")
                == "SELECT avg(x) OVER (ORDER BY a RANGE BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) AS rows")
        // OVER is not reserved: a column may still be called over, rows or range.
        #expect(try roundTrip("SELECT over, rows, range FROM t") == "SELECT over, rows, range FROM t")
    }

    @Test func subqueries() throws {
        #expect(try roundTrip("with a as (select 1 as x), b as (select x from a) select * from b where x in (select 1) and exists (select 1)")
                == "WITH a AS (SELECT 1 AS x), b AS (SELECT x FROM a) SELECT * FROM b WHERE ((x IN (SELECT 1)) AND EXISTS (SELECT 1))")
        #expect(try roundTrip("SELECT (SELECT max(a) FROM t) + 1, x NOT IN (SELECT y FROM u)")
                == "SELECT ((SELECT max(a) FROM t) + 1), (x NOT IN (SELECT y FROM u))")
        // WITH and EXISTS are not reserved: columns may still be called so.
        #expect(try roundTrip("SELECT with, exists FROM t") == "SELECT with, exists FROM t")
    }

    @Test func setOperationsAndPredicates() throws {
        #expect(try roundTrip("SELECT a FROM t RIGHT OUTER JOIN u ON t.x = u.x") == "SELECT a FROM t RIGHT JOIN u ON (t.x = u.x)")
        #expect(try roundTrip("select 1 union select 2 except all select 3 intersect select 4 union distinct select 5")
                == "SELECT 1 UNION SELECT 2 EXCEPT ALL SELECT 3 INTERSECT SELECT 4 UNION SELECT 5")
        #expect(try roundTrip("SELECT a IS NOT DISTINCT FROM b, c IS TRUE, d IS NOT FALSE")
                == "SELECT (a IS NOT DISTINCT FROM b), (c IS TRUE), (d IS NOT FALSE)")
    }

    @Test func definitionsAndCopy() throws {
        #expect(try roundTrip("create or replace table t as select 1; create view v as (select 2); drop view if exists v; copy (select 3) to 'a.csv'")
                == "CREATE OR REPLACE TABLE t AS SELECT 1; CREATE VIEW v AS SELECT 2; DROP VIEW IF EXISTS v; COPY (SELECT 3) TO 'a.csv'")
        #expect(try roundTrip("SELECT create, drop, copy FROM t") == "SELECT create, drop, copy FROM t")
    }

    @Test func groupingSets() throws {
        #expect(try roundTrip("select a, b, sum(x) group by rollup(a, b), cube(c), grouping sets ((a), (), d)")
                == "SELECT a, b, sum(x) GROUP BY ROLLUP (a, b), CUBE (c), GROUPING SETS ((a), (), (d))")
        #expect(try roundTrip("SELECT rollup, cube FROM t GROUP BY rollup") == "SELECT rollup, cube FROM t GROUP BY rollup")
    }

    @Test func roundTripIsStable() throws {
        for q in ["SELECT a FROM t WHERE NOT (a = 1 OR b = 2)", "SELECT round(x, 2) || 'y' FROM t GROUP BY 1 ORDER BY a NULLS LAST",
                  "SELECT count(*) FROM t JOIN u ON t.a = u.a AND t.b < u.b"] {
            let once = try roundTrip(q)
            #expect(try roundTrip(once) == once)
        }
    }

    @Test func errorsSayWhatWasExpectedAndWhere() {
        func error(_ s: String) -> Diagnostic? {
            do { _ = try Parser.parse(s); return nil } catch { return error }
        }
        #expect(error("SELECT sum(amount WHERE x")?.message == "expected \")\" to close the call of sum, found keyword WHERE")
        #expect(error("SELECT a FORM t")?.hints.first == "did you mean FROM?")
        #expect(error("SELEC 1")?.span?.column == 1)
    }
}
