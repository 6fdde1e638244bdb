/// The five PERF.md questions in BudgetQL, over a table named `table`.
///
/// Q4 asks for per-(unit, class, section, item) totals of two years side by side with their
/// difference, top 20 by |difference|: the full outer join of two grouped subqueries, written as
/// DuckDB would. Ties are broken by the keys so every engine returns the same 20 rows.
struct BenchQuery {
    let id: String
    let text: String

    static func all(table: String) -> [BenchQuery] {
        let totals = { (year: Int) in
            "(SELECT unit, class, section, item, sum(amount) AS total FROM \(table) WHERE year = \(year) " +
            "GROUP BY unit, class, section, item)"
        }
        return [
            BenchQuery(id: "Q1", text: "SELECT sum(amount) FROM \(table) WHERE class = 208"),
            BenchQuery(id: "Q2", text: "SELECT class, sum(amount) FROM \(table) GROUP BY class ORDER BY 2 DESC"),
            BenchQuery(id: "Q3", text: """
                SELECT unit, sum(amount) FILTER (WHERE year = 2024) - sum(amount) FILTER (WHERE year = 2023) \
                FROM \(table) GROUP BY unit
                """),
            BenchQuery(id: "Q4", text: """
                SELECT coalesce(a.unit, b.unit) AS unit, coalesce(a.class, b.class) AS class, \
                coalesce(a.section, b.section) AS section, coalesce(a.item, b.item) AS item, \
                coalesce(b.total, 0) - coalesce(a.total, 0) AS diff \
                FROM \(totals(2023)) a FULL OUTER JOIN \(totals(2024)) b \
                ON a.unit = b.unit AND a.class = b.class AND a.section = b.section AND a.item = b.item \
                ORDER BY abs(diff) DESC, 1, 2, 3, 4 LIMIT 20
                """),
            BenchQuery(id: "Q5", text: "SELECT count(*) FROM \(table) WHERE name LIKE '%就业%'"),
        ]
    }
}
