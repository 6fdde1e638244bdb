import Foundation
import Testing

/// Batch runs (-f FILE and statements on stdin): results in order, and at the first error the
/// file, line and column, a non-zero exit and nothing after it (unless --keep-going).
@Suite struct BatchTests {
    /// Two good statements, then an error on line 6 at column 8 (a misspelt column).
    static let script = """
        -- two answers, then a mistake
        SELECT count(*) AS n;
        .mode csv
        SELECT sum(amount) AS total
        WHERE class = 208;
        SELECT ammount FROM spending;
        SELECT 'never printed' AS after;

        """

    private func writeScript() throws -> String {
        let path = NSTemporaryDirectory() + "budgetql-batch-\(UUID().uuidString).bql"
        try Self.script.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func aFileStopsAtTheThirdStatementNamingLineAndColumn() throws {
        let path = try writeScript()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let outcome = try Binary.run(["-f", path])
        #expect(outcome.status == 1)
        #expect(outcome.stdout.contains("n\n28\n"), "first result: \(outcome.stdout)")
        #expect(outcome.stdout.contains("total\n6157.25\n"), "second result: \(outcome.stdout)")
        #expect(!outcome.stdout.contains("never printed"))
        #expect(outcome.stderr.contains("\(path):6:8"), "error position: \(outcome.stderr)")
        #expect(outcome.stderr.contains("ammount"))
    }

    @Test func stdinIsReadWithoutPromptsOrEcho() throws {
        let outcome = try Binary.run([], stdin: Self.script)
        #expect(outcome.status == 1)
        #expect(!outcome.stdout.contains("budgetql>"))
        #expect(!outcome.stdout.contains("SELECT"))
        #expect(outcome.stdout.contains("total\n6157.25\n"))
        #expect(outcome.stderr.contains("<stdin>:6:8"), "error position: \(outcome.stderr)")
    }

    @Test func keepGoingRunsTheRestAndStillFails() throws {
        let path = try writeScript()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let outcome = try Binary.run(["--keep-going", "-f", path])
        #expect(outcome.status == 1)
        #expect(outcome.stdout.contains("never printed"))
        #expect(outcome.stderr.contains("\(path):6:8"))
    }

    @Test func aMissingFileIsExitTwo() throws {
        let outcome = try Binary.run(["-f", "/no/such/file.bql"])
        #expect(outcome.status == 2)
        #expect(outcome.stderr.contains("/no/such/file.bql"))
    }
}
