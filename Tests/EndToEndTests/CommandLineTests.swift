import Foundation
import Testing

/// The command-line contract of issue 2: -c prints the answer on stdout and exits 0; errors go
/// to stderr with a non-zero exit; Data/ is found from the executable wherever it runs.
@Suite struct CommandLineTests {
    /// The single value of a one-cell CSV result (header line, then the value).
    private func singleValue(_ query: String) throws -> String {
        let outcome = try Binary.run(["-c", query, "--format", "csv"])
        #expect(outcome.status == 0, "stderr: \(outcome.stderr)")
        let lines = outcome.stdout.split(separator: "\n")
        #expect(lines.count == 2, "expected a header and one row, got: \(outcome.stdout)")
        return lines.last.map(String.init) ?? ""
    }

    @Test func socialSecuritySpendingOfTheSeed() throws {
        #expect(try singleValue("SELECT sum(amount) WHERE class=208") == "6157.25")
    }

    @Test func totalSpendingOfTheSeed() throws {
        #expect(try singleValue("SELECT sum(amount)") == "7278.68")
    }

    @Test func itemLevelRowsOfTableThree() throws {
        #expect(try singleValue("SELECT count(*)") == "28")
    }

    @Test func csvIsTheDefaultWhenStdoutIsNotATerminal() throws {
        let outcome = try Binary.run(["-c", "SELECT sum(amount) WHERE class=208"])
        #expect(outcome.status == 0, "stderr: \(outcome.stderr)")
        #expect(outcome.stdout.hasSuffix("\n6157.25\n"), "got: \(outcome.stdout)")
    }

    @Test func anErrorGoesToStderrWithANonZeroExit() throws {
        let outcome = try Binary.run(["-c", "SELEC sum(amount)"])
        #expect(outcome.status == 1)
        #expect(outcome.stdout.isEmpty)
        #expect(outcome.stderr.contains("1:1"), "got: \(outcome.stderr)")
    }

    @Test func aMissingDataPathIsReportedWithExitTwo() throws {
        let outcome = try Binary.run(["--data", "/no/such/snapshots", "-c", "SELECT 1"])
        #expect(outcome.status == 2)
        #expect(outcome.stderr.contains("/no/such/snapshots"))
    }

    @Test func anExplicitDataPathIsLoaded() throws {
        let outcome = try Binary.run(["--data", Binary.dataDirectory, "--format", "csv", "-c", "SELECT count(*)"])
        #expect(outcome.status == 0, "stderr: \(outcome.stderr)")
        #expect(outcome.stdout.hasSuffix("\n28\n"), "got: \(outcome.stdout)")
    }

    @Test func fileOfStatementsRunsInOrder() throws {
        let file = NSTemporaryDirectory() + "budgetql-e2e-\(UUID().uuidString).bql"
        try "SELECT count(*);\n.mode json\nSELECT sum(amount) WHERE class=208;\n".write(toFile: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: file) }
        let outcome = try Binary.run(["-f", file])
        #expect(outcome.status == 0, "stderr: \(outcome.stderr)")
        #expect(outcome.stdout.contains("\n28\n"), "got: \(outcome.stdout)")
        #expect(outcome.stdout.contains(":6157.25}]"), "got: \(outcome.stdout)")
    }

    @Test func parametersFromTheCommandLineAreBound() throws {
        let outcome = try Binary.run(["--param", "c=208", "--format", "csv", "-c", "SELECT sum(amount) WHERE class = :c"])
        #expect(outcome.status == 0, "stderr: \(outcome.stderr)")
        #expect(outcome.stdout.hasSuffix("\n6157.25\n"), "got: \(outcome.stdout)")
    }

    @Test func aBadParameterIsAUsageErrorNamingIt() throws {
        let outcome = try Binary.run(["--param", "no-equals-sign", "-c", "SELECT 1"])
        #expect(outcome.status == 2)
        #expect(outcome.stderr.contains("no-equals-sign"))
    }

    @Test func anUnknownFormatIsRejected() throws {
        let outcome = try Binary.run(["--format", "yaml", "-c", "SELECT 1"])
        #expect(outcome.status == 64)
    }
}
