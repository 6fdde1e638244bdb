import Testing
import Store
@testable import SparkEngine
@testable import Query

/// The Spark SQL a bound query becomes, without a cluster: the semantics the embedded engine has
/// must be written into the text, and what has no translation must be refused.
@Suite struct SparkTranslationTests {
    func sql(_ query: String, _ parameters: [String: Value] = [:]) throws -> String {
        let engine = try Fixtures.engine()
        guard case .query(let plan)? = try engine.bindStatements(query, parameters: parameters).last else { return "" }
        guard case .select(let sql, _, _) = try SparkTranslator().translate(plan) else { return "" }
        return sql
    }

    @Test func keepsTheEmbeddedEnginesSemanticsInTheText() throws {
        // NULLs last unless NULLS FIRST; exact decimals at BudgetQL's scale; FILTER as Spark's FILTER.
        let ordered = try sql("SELECT class, sum(amount) FILTER (WHERE year = 2024) AS a GROUP BY class ORDER BY a DESC, class NULLS FIRST")
        #expect(ordered.contains("ORDER BY q.o1 DESC NULLS LAST, q.o0 ASC NULLS FIRST"))
        #expect(ordered.contains("sum(s.c9) FILTER (WHERE (s.c2 = CAST(2024 AS BIGINT)))"))
        #expect(ordered.contains("AS DECIMAL(38,2)) AS o1"))
        // Division at 18 places: both operands at one scale make Spark's quotient DECIMAL(38,18).
        #expect(try sql("SELECT amount / year FROM spending").contains("(CAST(s.c9 AS DECIMAL(38,2)) / nullif(CAST(s.c2 AS DECIMAL(38,2)), 0))"))
        #expect(try sql("SELECT sum(DISTINCT amount) FROM spending").contains("sum(DISTINCT s.c9)"))
        // IN (SELECT …) three-valued, over uncorrelated scalar subqueries of the rows.
        #expect(try sql("SELECT count(*) WHERE code IN (SELECT code FROM income)").contains("array_contains((SELECT collect_set(o0) FROM ("))
        #expect(try sql("SELECT code FROM spending INTERSECT SELECT code FROM income UNION SELECT '1'").contains(" INTERSECT SELECT * FROM "))
        // share() is a window over the result.
        #expect(try sql("SELECT class, share(sum(amount)) GROUP BY class").contains("OVER ()"))
        // A parameter is a literal; quotes and backslashes are escaped the way Spark reads them.
        #expect(try sql("SELECT count(*) WHERE name = :n", ["n": .text("it's \\ 行政")]).contains("'it\\'s \\\\ 行政'"))
        // LIKE has no escape character in BudgetQL: Spark's backslash is doubled.
        #expect(try sql("SELECT count(*) WHERE name LIKE 'a\\%'").contains("LIKE 'a\\\\\\\\%'"))
        #expect(try sql("SELECT class_name(class) FROM spending").contains("try_element_at(budgetql_class_names, CAST(s.c4 AS STRING))"))
    }

    /// LIKE … ESCAPE is written with Spark's own escape, backslash: an escape before an
    /// ordinary character (which Spark refuses) is dropped, since it stands for that character,
    /// and ILIKE, which lowercases its pattern, cannot turn a letter escape into a letter.
    @Test func likeEscapeIsRewrittenWithBackslash() throws {
        #expect(try sql("SELECT count(*) WHERE name LIKE '1!%!x!!_' ESCAPE '!'").contains("LIKE '1\\\\%x!_')"))
        #expect(try sql("SELECT count(*) WHERE name NOT ILIKE 'a#_%' ESCAPE '#'").contains("(NOT (s.c8 ILIKE 'a\\\\_%'))"))
        #expect(try sql("SELECT count(*) WHERE name ILIKE 'aA%' ESCAPE 'A'").contains("ILIKE 'a\\\\%'"))
        #expect(throws: Diagnostic.self) { try sql("SELECT count(*) WHERE name LIKE unit ESCAPE '!'") }
    }

    /// A quote followed by a combining mark is one Character with it, so Character-wise
    /// replacing left it single and the text ended the literal early: Spark would have read the
    /// rest of the value as SQL (fuzz F6). Escaping is scalar by scalar.
    @Test func aQuoteBeforeACombiningMarkIsStillEscaped() throws {
        let text = "a'\u{301} OR TRUE --"
        #expect(try sql("SELECT count(*) WHERE name = :n", ["n": .text(text)]).contains("'a\\'\u{301} OR TRUE --'"))
        #expect(try sql("SELECT count(*) WHERE name = 'b\\\u{301}'").contains("'b\\\\\u{301}'"))
        #expect(SparkTranslator.identifier("x`\u{301}") == "`x``\u{301}`")
        #expect(try sql("SELECT count(*) WHERE name LIKE '!\u{301}%' ESCAPE '!'").contains("LIKE '\u{301}%'"))
    }

    @Test func refusesWhatItCannotTranslate() throws {
        let engine = try Fixtures.engine()
        guard case .query(let plan)? = try engine.bindStatements("SELECT class FROM spending").last, let part = plan.parts.first else {
            Issue.record("no plan")
            return
        }
        // A node the view does not know (as a language extension would add) ...
        let unknown = PlanSelect(source: part.source, filter: nil, grouped: false, groupKeys: [], groupingSets: nil, aggregates: [], having: nil,
                                 outputs: [.untranslatable("sum(amount) OVER (PARTITION BY unit)", nil)], names: ["w"], visibleCount: 1,
                                 distinct: false, pivot: nil, order: [], unknownParts: [])
        let query = PlanQuery(parts: [unknown], operators: [], order: [], limit: nil, offset: 0, displayPlaces: [nil], unknownParts: [])
        #expect { try SparkTranslator().translate(query) } throws: { error in
            (error as? Diagnostic)?.message == "no Spark translation for sum(amount) OVER (PARTITION BY unit)"
        }
        // ... and a plan part it was not written for.
        let grown = PlanQuery(parts: [part], operators: [], order: [], limit: nil, offset: 0, displayPlaces: [nil],
                              unknownParts: [PlanRefusal(what: "the plan part \"ctes\"", span: nil)])
        #expect { try SparkTranslator().translate(grown) } throws: { error in
            (error as? Diagnostic)?.message == "no Spark translation for the plan part \"ctes\""
        }
    }

    /// What still has no translation is refused where it is written: the caret points at it.
    @Test func refusalsPointAtTheConstruct() throws {
        for (query, what, column) in [
            ("SELECT name, rank() OVER (ORDER BY amount) FROM spending", "window functions (rank() OVER (ORDER BY amount))", 14),
            ("SELECT code FROM spending s WHERE amount > (SELECT avg(amount) FROM spending t WHERE t.unit = s.unit)",
             "a correlated subquery (one that reads the row around it)", 44),
            ("SELECT unit, median(amount) FROM spending GROUP BY unit", "the aggregate median()", 14),
        ] {
            #expect(performing: { try sql(query) }, throws: { error in
                guard let d = error as? Diagnostic else { return false }
                return d.message == SparkTranslator.refusalPrefix + what && d.span?.column == column
            })
        }
    }
}
