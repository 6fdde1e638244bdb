/// The five PERF.md questions in BudgetQL, over a table named `table`.
///
/// Q4 asks for per-(unit, class, section, item) totals of two years side by side (a full outer
/// join of the two years' totals) with their difference, top 20 by |difference|. BudgetQL says
/// that with FILTER aggregates over the two years' rows, which is the same set of groups and the
/// same differences as the join with missing sides counted as 0. Ties are broken by the keys so
/// every engine returns the same 20 rows.
struct BenchQuery {
    let id: String
    let text: String

    static func all(table: String) -> [BenchQuery] {
        [
            BenchQuery(id: "Q1", text: "SELECT sum(amount) FROM \(table) WHERE class = 208"),
            BenchQuery(id: "Q2", text: "SELECT class, sum(amount) FROM \(table) GROUP BY class ORDER BY 2 DESC"),
            BenchQuery(id: "Q3", text: """
                SELECT unit, sum(amount) FILTER (WHERE year = 2024) - sum(amount) FILTER (WHERE year = 2023) \
                FROM \(table) GROUP BY unit
                """),
            BenchQuery(id: "Q4", text: """
                SELECT unit, class, section, item, \
                coalesce(sum(amount) FILTER (WHERE year = 2024), 0) - coalesce(sum(amount) FILTER (WHERE year = 2023), 0) AS diff \
                FROM \(table) WHERE year IN (2023, 2024) GROUP BY unit, class, section, item \
                ORDER BY abs(diff) DESC, unit, class, section, item LIMIT 20
                """),
            BenchQuery(id: "Q5", text: "SELECT count(*) FROM \(table) WHERE name LIKE '%就业%'"),
        ]
    }
}
