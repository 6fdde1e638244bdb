import Foundation
import Testing

/// Loading a folder several files at a time (issue 16), through the binary: progress on a
/// terminal counts up once per file and is gone at the end, nothing of it when stderr is piped,
/// and BUDGETQL_LOAD_STATS=1 says how many files were parsed and how many came from the cache.
@Suite struct ParallelLoadTests {
    static let corpus = Binary.packageRoot.deletingLastPathComponent().appendingPathComponent("shared/corpus").path

    /// A scratch folder holding the corpus's PDFs (each under its own name).
    private func corpusFolder(_ names: [String]) throws -> (root: String, folder: String) {
        let root = NSTemporaryDirectory() + "budgetql-parallel-\(UUID().uuidString)"
        let folder = root + "/data"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        for name in names { try FileManager.default.copyItem(atPath: Self.corpus + "/" + name, toPath: folder + "/" + name) }
        return (root, folder)
    }

    static let pdfs = ["commerce-2025-dept-budget.pdf", "govoffice-2025-dept-budget.pdf", "planning-2024-dept-final.pdf",
                       "template-dept-final.pdf", "welfare-2024-unit-budget.pdf", "wanli-2025-dept-budget.pdf"]

    @Test(.timeLimit(.minutes(3)))
    func progressOnATerminalCountsEachFileOnceAndIsQuietWhenPiped() throws {
        let (root, folder) = try corpusFolder(Self.pdfs)
        defer { try? FileManager.default.removeItem(atPath: root) }
        // script(1) gives budgetql a terminal and copies what it prints, control sequences included.
        let command = ["env", "BUDGETQL_NO_CACHE=1", "NO_COLOR=1", Binary.path, "--data", folder, "-c", "SELECT count(*) AS n FROM docs"]
            .map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }.joined(separator: " ")
        let shown = try Binary.run(["-c", "script -q -e -c \"$0\" /dev/null", command], shell: true)
        #expect(shown.status == 0, "\(shown.stdout)")
        let terminal = shown.stdout
        // "loading 3/6 name": once the load has taken half a second, each finished file.
        let pattern = try Regex(#"loading (\d+)/(\d+) ([^\r\n\u{1B}]+)"#)
        let told = terminal.matches(of: pattern).compactMap { match -> (done: Int, total: Int, file: String)? in
            guard let done = Int(match.output[1].substring ?? ""), let total = Int(match.output[2].substring ?? ""),
                  let file = match.output[3].substring else { return nil }
            return (done, total, String(file))
        }
        try #require(!told.isEmpty, "progress shown on a terminal: \(terminal.debugDescription)")
        #expect(told.allSatisfy { $0.total == Self.pdfs.count })
        #expect(zip(told, told.dropFirst()).allSatisfy { $0.done < $1.done }, "counts up: \(told.map(\.done))")
        #expect(Set(told.map(\.file)).count == told.count, "each file once: \(told.map(\.file))")
        #expect(told.allSatisfy { Self.pdfs.contains($0.file) })
        // The line is cleared before the result is printed.
        let lastProgress = try #require(terminal.ranges(of: "loading ").last)
        let clear = try #require(terminal.range(of: "\r\u{1B}[K", range: lastProgress.upperBound..<terminal.endIndex))
        #expect(terminal[clear.upperBound...].contains("6"))

        let piped = try Binary.run(["--data", folder, "-c", "SELECT count(*) AS n FROM docs"], environment: ["BUDGETQL_NO_CACHE": "1"])
        #expect(piped.status == 0)
        #expect(!piped.stderr.contains("loading"), "no progress when stderr is not a terminal: \(piped.stderr)")
        #expect(piped.stdout == "n\n6\n")
    }

    /// Adding one PDF to a cached folder parses that one file: the statistics line says so.
    @Test(.timeLimit(.minutes(3)))
    func theStatisticsLineCountsFilesParsedAndFromTheCache() throws {
        let (root, folder) = try corpusFolder(["govoffice-2025-dept-budget.pdf", "welfare-2024-unit-budget.pdf"])
        defer { try? FileManager.default.removeItem(atPath: root) }
        let environment = ["XDG_CACHE_HOME": root + "/cache", "BUDGETQL_LOAD_STATS": "1"]
        let query = ["--data", folder, "-c", "SELECT count(*) AS n FROM docs"]
        let first = try Binary.run(query, environment: environment)
        #expect(first.stderr.contains("load: 2 files, 2 parsed, 0 from the cache, "), "\(first.stderr)")
        try FileManager.default.copyItem(atPath: Self.corpus + "/commerce-2025-dept-budget.pdf", toPath: folder + "/commerce.pdf")
        let added = try Binary.run(query, environment: environment)
        #expect(added.stderr.contains("load: 3 files, 1 parsed, 2 from the cache, "), "\(added.stderr)")
        #expect(added.stdout == "n\n3\n")
        let quiet = try Binary.run(query, environment: ["XDG_CACHE_HOME": root + "/cache"])
        #expect(!quiet.stderr.contains("load:"), "only when asked")
    }
}
