#if canImport(Ingest)
import Foundation
import Testing
import Store
import Ingest
@testable import Query

/// The answers of the foundation and the issue-4 examples, over the seed disclosure in Data/,
/// loaded by the real ingest path.
@Suite struct SeedTests {
    static var dataDirectory: String {
        var url = URL(fileURLWithPath: "\(#filePath)").resolvingSymlinksInPath()
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.appendingPathComponent("Data").path
    }

    /// Loaded once for all the tests of this suite.
    static let shared = Engine(catalog: Catalog(tables: SnapshotLoader.load(paths: [dataDirectory]).tables))

    func lines(_ q: String) throws -> [String] {
        try SeedTests.shared.execute(q).last?.lines ?? []
    }

    @Test func foundationAnswers() throws {
        #expect(try lines("SELECT sum(amount) WHERE class=208") == ["6157.25"])
        #expect(try lines("SELECT sum(amount)") == ["7278.68"])
        #expect(try lines("SELECT count(*)") == ["28"])
    }

    @Test func issueFourExamples() throws {
        // Basic (基本支出) exists only in classes 208, 210 and 221 of table 3; the others sum no
        // rows and give NULL, which sorts last.
        #expect(try lines("SELECT class, sum(amount) FILTER (WHERE basic > 0) GROUP BY class ORDER BY 2 DESC") == [
            "208 | 511.77", "221 | 17.01", "210 | 11.21",
            "201 | NULL", "204 | NULL", "205 | NULL", "215 | NULL", "229 | NULL",
        ])
        // 2666.98, 1736.82 and 869.78 of the class total 6157.25.
        #expect(try lines("SELECT name, share(amount) WHERE class = 208 ORDER BY 2 DESC LIMIT 3") == [
            "其他人力资源和社会保障管理事务支出 | 43.31", "其他就业补助支出 | 28.21", "社会保险补贴 | 14.13",
        ])
    }

    /// The budget roll-up (ROLLUP along class, section, item) on the real disclosure: its rows
    /// come in the order the 支出表 prints its 类/款/项 lines, and each subtotal equals the
    /// printed one, except the three the disclosure itself rounds differently (the checks
    /// table reports those as 'rounding').
    @Test func rollupAlongTheCodeHierarchyReproducesThePrintedTable() throws {
        let rolled = "SELECT coalesce(code, parent(code), CAST(class AS TEXT)) AS c, sum(amount) AS total FROM spending "
            + "GROUP BY ROLLUP (class, parent(code), code) HAVING grouping(class) = 0"
        let printed = "SELECT code, amount, line FROM facts WHERE \"table\" = 'spending' AND column = 'amount' AND code IS NOT NULL"
        #expect(try lines("SELECT c FROM (\(rolled) ORDER BY class NULLS FIRST, parent(code) NULLS FIRST, code NULLS FIRST)")
                == lines("SELECT code FROM (\(printed)) ORDER BY line"))
        #expect(try lines("WITH r AS (\(rolled)), p AS (\(printed)) SELECT p.code, p.amount, r.total FROM p JOIN r ON r.c = p.code "
                          + "WHERE r.total <> p.amount ORDER BY p.code")
                == ["201 | 296.67 | 296.66", "20801 | 3153.55 | 3153.56", "20805 | 34.10 | 34.09"])
        #expect(try lines("SELECT count(*) FROM checks WHERE \"table\" = 'spending' AND status = 'rounding' AND rule IN ('T3.class-sum', 'T3.section-sum') AND detail LIKE '%spending.amount，%'")
                == ["3"])
    }

    @Test func classNamesComeFromTheReferenceTable() throws {
        #expect(try lines("SELECT class_name(208), class_name('2080101')") == ["社会保障和就业支出 | 行政运行"])
    }
}
#endif
