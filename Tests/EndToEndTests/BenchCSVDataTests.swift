import Foundation
import Testing

/// Analysts' CSV files as tables through the real binary (issue 7): `--data FILE.csv` makes a
/// table named after the file, typed from its contents; a malformed line is reported with
/// file:line; a second start-up reads the binary cache.
@Suite struct BenchCSVDataTests {
    private func temporaryCSV(_ name: String, _ text: String) throws -> (path: String, folder: String) {
        let folder = NSTemporaryDirectory() + "budgetql-csv-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let path = folder + "/" + name
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return (path, folder)
    }

    @Test func aCSVFileBecomesATableNamedAfterIt() throws {
        let (path, folder) = try temporaryCSV("spend.csv", "year,class,name,amount\n2024,208,就业补助,1.25\n2023,201,行政运行,2.50\n2024,208,,0.75\n")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let cache = ["XDG_CACHE_HOME": folder + "/cache"]
        for _ in 0..<2 {  // the second start-up comes from the cache
            let outcome = try Binary.run(["--data", path, "--format", "csv", "-c",
                                          "SELECT sum(amount), count(name) FROM spend WHERE class = 208"], environment: cache)
            #expect(outcome.status == 0, "stderr: \(outcome.stderr)")
            #expect(outcome.stdout.hasSuffix("\n2.00,1\n") || outcome.stdout.hasSuffix("\n2,1\n"), "got: \(outcome.stdout)")
        }
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: folder + "/cache/budgetql")) ?? []
        #expect(entries.contains { $0.hasSuffix(".bqlt") }, "no cache entry in \(entries)")
    }

    @Test func aMalformedLineIsReportedWithFileAndLine() throws {
        let (path, folder) = try temporaryCSV("bad.csv", "a,b\n1,2\n3\n")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let outcome = try Binary.run(["--data", path, "-c", "SELECT 1"], environment: ["XDG_CACHE_HOME": folder + "/cache"])
        #expect(outcome.stderr.contains("bad.csv:3") && outcome.stderr.contains("expected 2 fields"), "stderr: \(outcome.stderr)")
    }

    /// A data directory may hold CSV files beside the snapshots: each becomes its own table, and
    /// the snapshots load as before (no "not a disclosure" complaint about the CSV).
    @Test func aCSVFileInADataDirectoryIsATableToo() throws {
        let (_, folder) = try temporaryCSV("targets2025.csv", "unit,amount\n党群工作部,100.10\n党群工作部,0.20\n")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let seed = Binary.packageRoot.appendingPathComponent("Data/kashgar-party-mass-work-dept-2024-budget.txt")
        try FileManager.default.copyItem(atPath: seed.path, toPath: folder + "/" + seed.lastPathComponent)
        let outcome = try Binary.run(["--data", folder, "--format", "csv", "-c",
                                      "SELECT sum(amount) AS mine FROM targets2025; SELECT sum(amount) AS seed WHERE class = 208"],
                                     environment: ["XDG_CACHE_HOME": folder + "/cache"])
        #expect(outcome.status == 0, "stderr: \(outcome.stderr)")
        #expect(outcome.stdout == "mine\n100.30\nseed\n6157.25\n", "got: \(outcome.stdout)")
        #expect(!outcome.stderr.contains("targets2025.csv"), "stderr: \(outcome.stderr)")
    }
}
