import Foundation
import Testing

/// A CSV column that begins as numbers and meets a cell that is not one is read as TEXT (issue
/// 13): loading says which cell (file, line, column), on a cache hit as on the first load, and
/// `sum()` over the column names that cell when it refuses the text.
@Suite struct CSVTextFallbackTests {
    static let csv = "unit,amount,ok,name\n教育局,12.50,true,a\n民政局,\"1,200\",false,b\n财政局,n/a?,maybe,c\n卫健委,3,true,d\n"

    func directory() throws -> String {
        let dir = NSTemporaryDirectory() + "budgetql-csv-fallback-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir + "/cache", withIntermediateDirectories: true)
        try CSVTextFallbackTests.csv.write(toFile: dir + "/money.csv", atomically: true, encoding: .utf8)
        return dir
    }

    @Test func loadingNamesTheCellThatMadeAColumnText() throws {
        let dir = try directory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let env = ["XDG_CACHE_HOME": dir + "/cache"]
        // The first run reads the file and stores it; the second is a cache hit.
        for run in ["first load", "cache hit"] {
            let outcome = try Binary.run(["--data", "money.csv", "-c", "SELECT sum(amount) FROM money"], directory: dir, environment: env)
            #expect(outcome.status == 1, "\(run)")
            #expect(outcome.stderr.contains("money.csv:4: column 2 (amount) is read as TEXT: \"n/a?\" is not a number, the cells above it are numbers"),
                    "\(run): \(outcome.stderr)")
            #expect(outcome.stderr.contains("error: sum() needs numbers, but amount is TEXT"), "\(run): \(outcome.stderr)")
            #expect(outcome.stderr.contains("hint: amount is TEXT because money.csv:4 has \"n/a?\" where the cells above it are numbers"),
                    "\(run): \(outcome.stderr)")
        }
        let entries = try FileManager.default.contentsOfDirectory(atPath: dir + "/cache/budgetql").filter { $0.hasSuffix(".bqlt") }
        #expect(!entries.isEmpty, "the second run should have been a cache hit")
        // .problems lists every column that fell back, booleans too; a column that is text
        // from its first value (unit, name) gets no note.
        let problems = try Binary.run(["--data", "money.csv", "--format", "csv", "-c", ".problems"], directory: dir, environment: env)
        #expect(problems.stdout.contains("money.csv,4,\"column 3 (ok) is read as TEXT: \"\"maybe\"\" is not true or false, the cells above it are true/false\""),
                "\(problems.stdout)")
        #expect(!problems.stdout.contains("(unit)") && !problems.stdout.contains("(name)"), "\(problems.stdout)")
    }

    /// The cache is keyed by content: a copy under another name hits the same entry, and its
    /// notes name the copy, not the file first loaded.
    @Test func aCopyOfTheFileIsNamedAsItself() throws {
        let dir = try directory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let env = ["XDG_CACHE_HOME": dir + "/cache"]
        _ = try Binary.run(["--data", "money.csv", "-c", "SELECT 1"], directory: dir, environment: env)
        try FileManager.default.copyItem(atPath: dir + "/money.csv", toPath: dir + "/copy.csv")
        let outcome = try Binary.run(["--data", "copy.csv", "-c", "SELECT avg(amount) FROM copy"], directory: dir, environment: env)
        #expect(outcome.stderr.contains("copy.csv:4: column 2 (amount) is read as TEXT"), "\(outcome.stderr)")
        #expect(outcome.stderr.contains("hint: amount is TEXT because copy.csv:4 has \"n/a?\""), "\(outcome.stderr)")
        #expect(!outcome.stderr.contains("money.csv"), "\(outcome.stderr)")
        // A window's sum and a median say the same.
        for query in ["SELECT sum(amount) OVER () FROM copy", "SELECT median(amount) FROM copy"] {
            let refused = try Binary.run(["--data", "copy.csv", "-c", query], directory: dir, environment: env)
            #expect(refused.stderr.contains("hint: amount is TEXT because copy.csv:4 has \"n/a?\""), "\(query): \(refused.stderr)")
        }
    }

    /// A clean file says nothing: numbers stay numbers and sum() answers.
    @Test func aFileWithoutFallbacksLoadsQuietly() throws {
        let dir = try directory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try "unit,amount\n教育局,12.50\n民政局,\"1,200\"\n财政局,NA\n".write(toFile: dir + "/clean.csv", atomically: true, encoding: .utf8)
        let outcome = try Binary.run(["--data", "clean.csv", "-c", "SELECT sum(amount) FROM clean"], directory: dir, environment: ["XDG_CACHE_HOME": dir + "/cache"])
        #expect(outcome.status == 0)
        #expect(outcome.stdout.contains("1212.50"), "\(outcome.stdout)")
        #expect(!outcome.stderr.contains("TEXT"), "\(outcome.stderr)")
    }
}
