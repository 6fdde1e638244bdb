import Foundation
import Testing

/// Output that cannot be lost silently (issue 15, items 12, 13 and 17) and the shell habits of
/// issue 14 that decide where results go: repeated -c, and the output file's extension.
@Suite struct OutputSafetyTests {
    static func scratch(_ name: String) throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("budgetql-\(name)-\(getpid())-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory
    }

    /// Runs a shell command line (for redirections such as `> /dev/full`); returns its status and stderr.
    static func shell(_ line: String) throws -> (status: Int32, stderr: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", line]
        var environment = ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = "1"
        process.environment = environment
        let err = Pipe()
        process.standardError = err
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let data = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    static func quoted(_ word: String) -> String { "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'" }

    /// `-c A -c B` runs A then B (as sqlite3 and duckdb do); it used to run only B.
    @Test func everyDashCRunsInOrder() throws {
        let outcome = try Binary.run(["-c", "SELECT 1 AS one", "-c", "SELECT 2 AS two", "--format", "csv"])
        #expect(outcome.status == 0, "stderr: \(outcome.stderr)")
        #expect(outcome.stdout == "one\n1\ntwo\n2\n")
        // The first failure stops the rest, as in a script.
        let failing = try Binary.run(["-c", "SELECT nope", "-c", "SELECT 2 AS two", "--format", "csv"])
        #expect(failing.status == 1)
        #expect(!failing.stdout.contains("two"))
    }

    /// A full disk is an error and exit 1, for results on stdout, `.output` and `run --output`.
    @Test func writeErrorsAreReportedWithExitOne() throws {
        let binary = Self.quoted(Binary.path)
        let stdout = try Self.shell("\(binary) -c 'SELECT * FROM facts' > /dev/full")
        #expect(stdout.status == 1)
        #expect(stdout.stderr.contains("No space left on device"), "got: \(stdout.stderr)")

        let output = try Binary.run(["-c", ".output /dev/full", "-c", "SELECT * FROM facts"])
        #expect(output.status == 1)
        #expect(output.stderr.contains("/dev/full") && output.stderr.contains("No space left on device"), "got: \(output.stderr)")

        let report = try Binary.run(["run", "spending_by_class", "--format", "markdown", "--output", "/dev/full"])
        #expect(report.status == 1)
        #expect(report.stderr.contains("No space left on device"), "got: \(report.stderr)")
    }

    /// A rerun that fails leaves the previous file whole: output goes to a temporary file beside
    /// it that is renamed over it only on success.
    @Test func aFailingRerunKeepsTheOldFile() throws {
        let directory = try Self.scratch("rerun")
        let file = directory.appendingPathComponent("report.md").path
        let first = try Binary.run(["run", "spending_by_class", "--output", file])
        #expect(first.status == 0, "stderr: \(first.stderr)")
        let written = try String(contentsOfFile: file, encoding: .utf8)
        #expect(written.hasPrefix("# 支出按功能分类"))

        let failed = try Binary.run(["run", "spending_by_class", "--param", "unti=%", "--output", file])
        #expect(failed.status != 0)
        #expect(try String(contentsOfFile: file, encoding: .utf8) == written)

        let once = try Binary.run(["-c", ".once \(file)", "-c", "SELECT nope"])
        #expect(once.status == 1)
        #expect(try String(contentsOfFile: file, encoding: .utf8) == written)
        #expect(once.stderr.contains("\(file) was left as it was (the run failed)"), "got: \(once.stderr)")
        let output = try Binary.run(["-c", ".output \(file)", "-c", "SELECT 1 AS one", "-c", "SELECT nope"])
        #expect(output.status == 1)
        #expect(try String(contentsOfFile: file, encoding: .utf8) == written)
        // No temporary file is left behind.
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["report.md"])

        let replaced = try Binary.run(["-c", ".once \(file)", "-c", "SELECT 1 AS one"])
        #expect(replaced.status == 0, "stderr: \(replaced.stderr)")
        #expect(try String(contentsOfFile: file, encoding: .utf8).hasPrefix("| one |"))
    }

    /// `.output x.html` and `.once x.md` write the format their extension names, as --output does.
    @Test func theOutputFilesExtensionPicksTheFormat() throws {
        let directory = try Self.scratch("extension")
        let html = directory.appendingPathComponent("classes.html").path
        let markdown = directory.appendingPathComponent("classes.md").path
        let outcome = try Binary.run([
            "-c", ".output \(html)", "-c", "SELECT class, sum(amount) AS total GROUP BY class ORDER BY class LIMIT 2",
            "-c", ".once \(markdown)", "-c", "SELECT class, sum(amount) AS total GROUP BY class ORDER BY class LIMIT 2",
            "-c", ".output", "-c", "SELECT 3 AS three",
        ])
        #expect(outcome.status == 0, "stderr: \(outcome.stderr)")
        #expect(try String(contentsOfFile: html, encoding: .utf8).hasPrefix("<table>"))
        #expect(try String(contentsOfFile: markdown, encoding: .utf8).hasPrefix("| class |"))
        // Back on stdout, the session's own mode again (csv when piped).
        #expect(outcome.stdout == "three\n3\n")
        let report = directory.appendingPathComponent("report.html").path
        let run = try Binary.run(["-c", ".once \(report)", "-c", ".run spending_by_class"])
        #expect(run.status == 0, "stderr: \(run.stderr)")
        #expect(try String(contentsOfFile: report, encoding: .utf8).hasPrefix("<!DOCTYPE html>"))
    }

    /// An escape sequence in data or in a file name reaches the terminal as a visible symbol.
    @Test func controlCharactersAreShownEscaped() throws {
        let directory = try Self.scratch("control")
        let csv = directory.appendingPathComponent("notes.csv")
        try "id,note\n1,\"before\u{1B}]0;pwned\u{07}\u{1B}[2Jafter\"\n".write(to: csv, atomically: true, encoding: .utf8)
        let table = try Binary.run(["--data", csv.path, "--format", "table", "-c", "SELECT note FROM notes"])
        #expect(table.status == 0, "stderr: \(table.stderr)")
        #expect(!table.stdout.contains("\u{1B}"))
        #expect(table.stdout.contains("before␛]0;pwned␇␛[2Jafter"), "got: \(table.stdout)")
        // CSV stays exact: it is data for other programs.
        let exact = try Binary.run(["--data", csv.path, "--format", "csv", "-c", "SELECT note FROM notes"])
        #expect(exact.stdout.contains("\u{1B}[2J"))

        // A column name from the data quoted in an error message.
        let columns = directory.appendingPathComponent("cols.csv")
        try "\"titl\u{1B}e\",n\nx,1\n".write(to: columns, atomically: true, encoding: .utf8)
        let quoted = try Binary.run(["--data", columns.path, "-c", "SELECT title FROM cols"])
        #expect(quoted.status == 1)
        #expect(quoted.stderr.contains("did you mean \"titl␛e\"?"), "got: \(quoted.stderr)")
        #expect(!quoted.stderr.contains("\u{1B}"), "got: \(quoted.stderr)")

        let named = directory.appendingPathComponent("bad\u{1B}[2Jname.txt")
        try "not a disclosure".write(to: named, atomically: true, encoding: .utf8)
        let message = try Binary.run(["--data", named.path, "-c", "SELECT 1"])
        #expect(!message.stderr.contains("\u{1B}"), "got: \(message.stderr)")
        #expect(message.stderr.contains("bad␛[2Jname.txt"), "got: \(message.stderr)")
    }
}
