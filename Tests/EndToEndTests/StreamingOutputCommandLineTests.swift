import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Issue 15, item 19: results were materialised whole (5M rows: 1.2 GB and 19 s before the
/// first line). Now csv, tsv, json, line and html are written as the rows are read: on a
/// generated 2,000,000-row CSV the first line comes as soon as the table is loaded, memory stays
/// at what the loaded table takes, `| head -1` ends at once and quietly, and Ctrl-C stops a
/// streaming query in the REPL.
@Suite(.serialized) struct StreamingOutputCommandLineTests {
    static let rows = 2_000_000

    /// The CSV and a cache directory of its own (the first load fills it; the runs measured read
    /// it), and what a count over the table takes from that cache: the time and memory of loading.
    struct BigTable {
        let directory: String
        let csv: String
        let countSeconds: Double
        let countPeakKB: Int
        var environment: [String: String] { ["XDG_CACHE_HOME": directory + "/cache", "NO_COLOR": "1"] }
    }

    static let big: Result<BigTable, any Error> = Result {
        // 100 MB per run (the CSV and its cache entry), kept while the run's tests use it: the
        // folders of runs that have ended are removed here.
        let temporary = NSTemporaryDirectory()
        for name in (try? FileManager.default.contentsOfDirectory(atPath: temporary)) ?? [] where name.hasPrefix("budgetql-streaming-") {
            if let pid = Int32(name.dropFirst("budgetql-streaming-".count)), pid != getpid(), kill(pid, 0) != 0 {
                try? FileManager.default.removeItem(atPath: temporary + name)
            }
        }
        let directory = temporary + "budgetql-streaming-\(getpid())"
        try FileManager.default.createDirectory(atPath: directory + "/cache", withIntermediateDirectories: true)
        let csv = directory + "/big.csv"
        // awk writes 50 MB in a second or two; `line` below makes the same rows to check output.
        let program = "BEGIN { print \"id,unit,class,amount\"; for (i = 0; i < \(rows); i++) "
            + "printf \"%d,unit%d,%d,%d.%02d\\n\", i, i % 500, 200 + i % 30, i % 100000, i % 100 }"
        let made = try Spawned.run(["/bin/sh", "-c", "awk '\(program)' > \(csv)"], environment: [:])
        guard made.status == 0 else { throw POSIXError(.EIO) }
        let environment = ["XDG_CACHE_HOME": directory + "/cache", "NO_COLOR": "1"]
        // The first count loads the CSV and fills the cache; the second is the measure.
        var count: Spawned.Finished?
        for _ in 0..<2 {
            count = try Spawned.run([Binary.path, "--data", csv, "-c", "SELECT count(*) AS n FROM big"], environment: environment)
            guard count?.status == 0, count?.output == "n\n\(rows)\n" else { throw POSIXError(.EIO) }
        }
        guard let count else { throw POSIXError(.EIO) }
        return BigTable(directory: directory, csv: csv, countSeconds: count.seconds, countPeakKB: count.peakKB)
    }

    static func line(_ i: Int) -> String { "\(i),unit\(i % 500),\(200 + i % 30),\(i % 100000).\(String(format: "%02d", i % 100))" }

    /// The first line of `SELECT * FROM big` comes within moments of what a count over the same
    /// load takes, and after 50,000 lines the process's peak memory is still the loaded table's:
    /// no result was materialised (before: every row boxed first, over a gigabyte for 5M rows).
    @Test(.timeLimit(.minutes(3)))
    func theFirstLineComesAtOnceAndMemoryStaysFlat() throws {
        let table = try Self.big.get()
        let started = Date()
        let scan = try Spawned.start([Binary.path, "--data", table.csv, "--format", "csv", "-c", "SELECT * FROM big"], environment: table.environment)
        defer { scan.finish() }
        let header = try scan.readLine()
        let first = try scan.readLine()
        let firstLineSeconds = Date().timeIntervalSince(started)
        #expect(header == "id,unit,class,amount")
        #expect(first == Self.line(0))
        var last = ""
        for _ in 1..<50_000 { last = try scan.readLine() }
        #expect(last == Self.line(49_999))
        let peakKB = scan.peakMemoryKB() ?? Int.max
        print("streaming: first line after \(String(format: "%.2f", firstLineSeconds)) s (a count over the same load: "
              + "\(String(format: "%.2f", table.countSeconds)) s); peak memory after 50,000 lines \(peakKB / 1024) MB, the count's \(table.countPeakKB / 1024) MB")
        #expect(firstLineSeconds < table.countSeconds + 5, "the first line took \(firstLineSeconds) s")
        #expect(peakKB < table.countPeakKB + 64 * 1024, "peak \(peakKB) KB against the count's \(table.countPeakKB) KB")
    }

    /// `| head -1` ends the run at once, with no message: killed by SIGPIPE (141), or, where
    /// SIGPIPE is ignored, told by EPIPE and ending with the same status. A full disk is still an
    /// error (OutputSafetyTests).
    @Test(.timeLimit(.minutes(3)))
    func headOneEndsTheRunAtOnceAndQuietly() throws {
        let table = try Self.big.get()
        for (format, ignored) in [("csv", false), ("json", false), ("line", true)] {
            let errors = table.directory + "/stderr-\(format)-\(ignored)"
            let pipeline = (ignored ? "trap '' PIPE; " : "") + "set -o pipefail; "
                + "'\(Binary.path)' --data '\(table.csv)' --format \(format) -c 'SELECT * FROM big' 2> '\(errors)' | head -1"
            let run = try Spawned.run(["/bin/bash", "-c", pipeline], environment: table.environment)
            let message = try String(contentsOfFile: errors, encoding: .utf8)
            #expect(run.status == 141, "\(format), SIGPIPE ignored: \(ignored): status \(run.status)")
            #expect(message.isEmpty, "\(format): \(message)")
            #expect(run.seconds < table.countSeconds + 5, "\(format): head -1 took \(run.seconds) s")
            let expectedFirst = ["csv": "id,unit,class,amount\n", "json": "[{\"id\":0,\"unit\":\"unit0\",\"class\":200,\"amount\":0.00},\n",
                                 "line": "    id = 0\n"][format]
            #expect(run.output == expectedFirst, "\(format): \(run.output)")
        }
    }

    /// A filtered scan streams exactly the rows it selects.
    @Test(.timeLimit(.minutes(3)))
    func aFilteredScanPrintsExactlyItsRows() throws {
        let table = try Self.big.get()
        let run = try Spawned.run([Binary.path, "--data", table.csv, "--format", "csv", "-c", "SELECT * FROM big WHERE class = 229 AND id < 600000"],
                                  environment: table.environment)
        #expect(run.status == 0)
        let expected = "id,unit,class,amount\n" + stride(from: 29, to: 600_000, by: 30).map { Self.line($0) + "\n" }.joined()
        #expect(run.output == expected)
    }

    /// On the corpus's disclosures, what is printed as it streams is what COPY writes from the
    /// whole result (COPY keeps the whole result), byte for byte, in csv, tsv and json.
    @Test(.timeLimit(.minutes(3)))
    func theCorpusPrintsWhatCOPYWritesFromTheWholeResult() throws {
        let corpus = Binary.packageRoot.appendingPathComponent("../shared/corpus").standardized.path
        let directory = NSTemporaryDirectory() + "budgetql-streaming-copy-\(getpid())"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let queries = [
            "SELECT * FROM spending",
            "SELECT doc, class, amount / 7 AS seventh FROM spending WHERE amount > 100",
            // Two batches of the plain path over a join's rows.
            "SELECT f.*, t.k FROM facts f JOIN (SELECT 1 AS k UNION ALL SELECT 2) t ON true",
            "SELECT doc, count(*) AS n, avg(amount) AS mean FROM spending GROUP BY doc ORDER BY doc",
        ]
        for query in queries {
            for format in ["csv", "tsv", "json"] {
                let file = directory + "/whole.\(format)"
                let copy = try Binary.run(["--data", corpus, "-c", "COPY (\(query)) TO '\(file)'"])
                #expect(copy.status == 0, "\(copy.stderr)")
                let printed = try Binary.run(["--data", corpus, "--format", format, "-c", query])
                #expect(printed.status == 0, "\(printed.stderr)")
                #expect(printed.stdout == (try String(contentsOfFile: file, encoding: .utf8)), "\(format): \(query)")
                #expect(printed.stdout.utf8.count > 100, "\(format): \(query)")
            }
        }
    }

    /// Ctrl-C stops a query that is printing rows, within moments, and the REPL goes on.
    @Test(.timeLimit(.minutes(3)), .enabled(if: Terminal.isAvailable))
    func ctrlCStopsAStreamingQuery() throws {
        let table = try Self.big.get()
        let terminal = try Terminal(arguments: ["--data", table.csv], environment: table.environment, patience: 60)
        try terminal.type(".mode csv")
        try terminal.press("Enter")
        try terminal.type("SELECT * FROM big;")
        try terminal.press("Enter")
        try terminal.waitFor("rows printing") { $0.contains(",unit") }
        let interrupted = Date()
        try terminal.press("C-c")
        try terminal.waitFor("the cancellation") { $0.contains("cancelled") }
        try terminal.waitForLastLine("budgetql>")
        #expect(Date().timeIntervalSince(interrupted) < 10)
        try terminal.type("SELECT count(*) AS n FROM big;")
        try terminal.press("Enter")
        try terminal.waitFor("a query after the cancelled one") { $0.contains("\n2000000") }
        #expect(!(try terminal.hasExited()))
    }
}

/// A child process for measuring: its wall time, its peak memory (from wait4's rusage, or
/// /proc while it runs) and its stdout read a line at a time as it comes.
final class Spawned {
    let pid: pid_t
    private let output: Int32
    private var buffer: [UInt8] = []
    private var finished = false

    struct Finished {
        let status: Int32
        let output: String
        let seconds: Double
        let peakKB: Int
    }

    private init(pid: pid_t, output: Int32) {
        self.pid = pid
        self.output = output
    }

    static func start(_ arguments: [String], environment: [String: String]) throws -> Spawned {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        var ends: [Int32] = [-1, -1]
        guard pipe(&ends) == 0 else { throw POSIXError(.EMFILE) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, ends[1], 1)
        posix_spawn_file_actions_addclose(&actions, ends[0])
        posix_spawn_file_actions_addclose(&actions, ends[1])
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        // SIGPIPE as a shell leaves it: the child dies of it when its reader goes away.
        var defaults = sigset_t()
        sigemptyset(&defaults)
        sigaddset(&defaults, SIGPIPE)
        sigaddset(&defaults, SIGINT)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        var none = sigset_t()
        sigemptyset(&none)
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))
        var merged = ProcessInfo.processInfo.environment
        for (k, v) in environment { merged[k] = v }
        let argv = arguments.map { strdup($0) } + [nil]
        let envp = merged.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var pid: pid_t = 0
        let spawned = posix_spawnp(&pid, arguments[0], &actions, &attributes, argv, envp)
        close(ends[1])
        guard spawned == 0 else {
            close(ends[0])
            throw POSIXError(POSIXErrorCode(rawValue: spawned) ?? .ENOENT)
        }
        return Spawned(pid: pid, output: ends[0])
    }

    /// Runs to the end: status (128 + signal when killed), stdout, wall time, peak memory.
    static func run(_ arguments: [String], environment: [String: String]) throws -> Finished {
        let started = Date()
        let child = try start(arguments, environment: environment)
        var all: [UInt8] = child.buffer
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = read(child.output, &chunk, chunk.count)
            if n > 0 { all += chunk[0..<n] } else if n == 0 || errno != EINTR { break }
        }
        let (status, peak) = child.reap()
        return Finished(status: status, output: String(decoding: all, as: UTF8.self), seconds: Date().timeIntervalSince(started), peakKB: peak)
    }

    /// The next line of stdout, without its newline (the test's time limit bounds the wait).
    func readLine() throws -> String {
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            if let newline = buffer.firstIndex(of: UInt8(ascii: "\n")) {
                let line = String(decoding: buffer[..<newline], as: UTF8.self)
                buffer.removeSubrange(...newline)
                return line
            }
            let n = read(output, &chunk, chunk.count)
            if n > 0 { buffer += chunk[0..<n] } else if n == 0 || errno != EINTR { throw POSIXError(.EPIPE) }
        }
    }

    /// VmHWM of the running process: its peak resident memory so far.
    func peakMemoryKB() -> Int? {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }) else { return nil }
        return Int(line.split(separator: " ").dropFirst().first ?? "")
    }

    /// Stops reading (the child meets a closed pipe), ends it and reaps it.
    func finish() {
        guard !finished else { return }
        kill(pid, SIGKILL)
        _ = reap()
    }

    private func reap() -> (status: Int32, peakKB: Int) {
        finished = true
        close(output)
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) == -1 && errno == EINTR {}
        let exit = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        return (exit, usage.ru_maxrss)
    }
}
