import Foundation
import Testing

/// The binary at the limits: each case ends in a clear error (what and where) and a normal exit
/// status, never a crash. Statuses: 0 ok, 1 a statement failed, 2 an input could not be read.
@Suite struct RobustnessLimitsTests {
    func scratch() throws -> String {
        let dir = NSTemporaryDirectory() + "budgetql-limits-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }

    @Test func tenThousandNestedParenthesesAreAnErrorNamingTheLimit() throws {
        let sql = "SELECT " + String(repeating: "(", count: 10_000) + "1" + String(repeating: ")", count: 10_000)
        let outcome = try Binary.run(["-c", sql])
        #expect(outcome.status == 1, "\(outcome.stderr.prefix(600))")
        #expect(outcome.stderr.contains("nest") || outcome.stderr.contains("deep"), "\(outcome.stderr.prefix(600))")
    }

    @Test func hugeNumbersAndSumsBeyondSixtyFourBitsAreExactOrClearErrors() throws {
        let huge = try Binary.run(["-c", "SELECT " + String(repeating: "9", count: 100), "--format", "csv"])
        #expect(huge.status == 1)
        #expect(huge.stderr.contains("1:8") || huge.stderr.contains("^"), "the error points at the literal: \(huge.stderr)")
        let wide = try Binary.run(["-c", "SELECT 9223372036854775807 + 9223372036854775807 AS s", "--format", "csv"])
        #expect(wide.status == 0 ? wide.stdout == "s\n18446744073709551614\n" : wide.stderr.contains("overflow") || wide.stderr.contains("range"),
                "\(wide.stdout)\(wide.stderr)")
    }

    @Test func aVeryLongLineRuns() throws {
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/long.bql"
        let terms = 50_000
        let sql = "SELECT " + Array(repeating: "1", count: terms).joined(separator: " + ") + " AS n, '" + String(repeating: "预算", count: 200_000) + "' <> '' AS b;\n"
        try sql.write(toFile: path, atomically: true, encoding: .utf8)
        let outcome = try Binary.run(["-f", path, "--format", "csv"])
        #expect(outcome.status == 0, "\(outcome.stderr.prefix(400))")
        #expect(outcome.stdout == "n,b\n\(terms),true\n")
    }

    @Test func emptyGarbageAndMissingScriptFiles() throws {
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let empty = dir + "/empty.bql"
        FileManager.default.createFile(atPath: empty, contents: Data())
        let e = try Binary.run(["-f", empty])
        #expect(e.status == 0 && e.stdout.isEmpty, "an empty script does nothing: \(e.status) \(e.stderr)")

        let garbage = dir + "/garbage.bql"
        var state: UInt64 = 42
        let bytes: [UInt8] = (0..<20_000).map { _ in state = state &* 6364136223846793005 &+ 1; return UInt8(truncatingIfNeeded: state >> 57) }
        FileManager.default.createFile(atPath: garbage, contents: Data(bytes))
        let g = try Binary.run(["-f", garbage])
        #expect(g.status == 1, "\(g.status) \(g.stderr.prefix(400))")
        #expect(g.stderr.contains("garbage.bql:"), "the error names the file and position: \(g.stderr.prefix(400))")

        let missing = try Binary.run(["-f", dir + "/no-such.bql"])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("no-such.bql"))
    }

    @Test func aDataPathThatIsEmptyOrNotADisclosureIsNamed() throws {
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let empty = dir + "/empty.txt"
        FileManager.default.createFile(atPath: empty, contents: Data())
        let outcome = try Binary.run(["--data", empty, "-c", "SELECT count(*) FROM spending", "--format", "csv"])
        #expect([0, 1, 2].contains(outcome.status))
        #expect(outcome.stderr.contains("empty.txt"), "\(outcome.stderr)")
    }

    /// With pdftotext off the PATH, a PDF gives an error that says what to install; text
    /// snapshots still load.
    @Test func pdftotextMissingIsAnErrorSayingWhatToInstall() throws {
        let pdf = Binary.packageRoot.deletingLastPathComponent().appendingPathComponent("shared/corpus/wanli-2025-dept-budget.pdf").path
        try #require(FileManager.default.fileExists(atPath: pdf), "the shared corpus is expected beside the repository")
        let outcome = try Binary.run(["--data", pdf, "--data", Binary.dataDirectory, "-c", "SELECT count(*) AS n FROM spending WHERE unit LIKE '%喀什%'", "--format", "csv"],
                                     environment: ["PATH": "/nonexistent-bin", "BUDGETQL_NO_CACHE": "1"])  // a cached PDF needs no pdftotext
        #expect([0, 1, 2].contains(outcome.status), "\(outcome.stderr)")
        #expect(outcome.stderr.contains("pdftotext"), "\(outcome.stderr)")
        #expect(outcome.stderr.contains("poppler-utils"), "\(outcome.stderr)")
        #expect(outcome.stdout.contains("n\n"), "the seed still loads: \(outcome.stdout)")
    }

    /// Every saved query, run twice, prints the same bytes (no hash-order or clock leaks): all of
    /// them twice in one session (state left by a run must not change the next), and that whole
    /// session again in a second process.
    @Test func everySavedReportRunTwiceIsIdentical() throws {
        let queries = Binary.packageRoot.appendingPathComponent("Queries").path
        let names = try FileManager.default.contentsOfDirectory(atPath: queries).filter { $0.hasSuffix(".bql") }.map { String($0.dropLast(4)) }.sorted()
        #expect(names.count >= 5)
        var script = ""
        for name in names {
            // Parameters without a default ("-- param: a  the first value") get a value from the seed's year.
            let text = try String(contentsOfFile: queries + "/" + name + ".bql", encoding: .utf8)
            let needed = text.split(separator: "\n").filter { $0.hasPrefix("-- param:") && !$0.contains("=") }
                .compactMap { $0.dropFirst("-- param:".count).split(separator: " ").first.map(String.init) }
            let values = needed.map { $0 == "b" ? " b=2025" : " \($0)=2024" }.joined()
            script += "SELECT '== \(name)' AS report;\n.run \(name)\(values)\n"
        }
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/reports.bql"
        try (script + script).write(toFile: path, atomically: true, encoding: .utf8)
        let first = try Binary.run(["-f", path, "--keep-going", "--format", "csv"])
        let second = try Binary.run(["-f", path, "--keep-going", "--format", "csv"])
        #expect([0, 1].contains(first.status), "\(first.stderr.prefix(600))")
        // Within the session: the second pass over the reports prints what the first did.
        let passes = first.stdout.components(separatedBy: "report\n== \(names[0])\n")
        #expect(passes.count == 3, "each report runs twice in the session")
        if passes.count == 3 { #expect(passes[1] == passes[2], "the second pass differs from the first") }
        #expect(first.stdout.count > 1_000, "the reports print their tables")
        // Across processes: byte for byte.
        #expect(first.status == second.status)
        #expect(first.stdout == second.stdout, "two processes printed different reports")
        #expect(first.stderr == second.stderr)
    }
}
