import Foundation
import Store

/// Why the Spark engine could not start or answer: said once, in words for the analyst.
public struct SparkFailure: Error, Sendable, CustomStringConvertible {
    public let message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

/// The long-lived PySpark driver (spark/driver.py): one SparkSession, started once, serving every
/// query of a session over a pipe as JSON lines. Requests are serialised by a lock, so the shell's
/// query thread and its main thread never interleave on the pipe.
public final class SparkDriver: @unchecked Sendable {
    private let process: Process
    private let input: FileHandle
    private let output: FileHandle
    private let lock = NSLock()
    private var buffer = Data()
    /// Spark's own log (stderr of the driver), for the message when it cannot start.
    public let logPath: String
    /// The tables the warehouse holds, as schema.json gives them.
    public private(set) var tables: [[String: Any]] = []

    /// Where spark/driver.py and the venv's python are: BUDGETQL_SPARK_DIR and
    /// BUDGETQL_SPARK_PYTHON win; otherwise the `spark/` folder of the package the executable
    /// (or the current directory) is in, and its `.build-spark/venv`.
    public static func locateScripts() -> (python: String, script: String)? {
        let environment = ProcessInfo.processInfo.environment
        let fm = FileManager.default
        var candidates: [String] = []
        if let forced = environment["BUDGETQL_SPARK_DIR"], !forced.isEmpty { candidates.append(forced) }
        candidates.append(fm.currentDirectoryPath + "/spark")
        if let exe = try? fm.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            var directory = (exe as NSString).deletingLastPathComponent
            while !directory.isEmpty && directory != "/" {
                candidates.append(directory + "/spark")
                directory = (directory as NSString).deletingLastPathComponent
            }
        }
        guard let folder = candidates.first(where: { fm.fileExists(atPath: $0 + "/driver.py") }) else { return nil }
        let venvPython = (folder as NSString).deletingLastPathComponent + "/.build-spark/venv/bin/python"
        let python = environment["BUDGETQL_SPARK_PYTHON"].flatMap { $0.isEmpty ? nil : $0 }
            ?? (fm.isExecutableFile(atPath: venvPython) ? venvPython : "/usr/bin/env")
        return (python, folder + "/driver.py")
    }

    /// Starts the driver against `master` and `warehouse`, and waits until it is ready.
    public init(master: String, warehouse: String) throws(SparkFailure) {
        guard let (python, script) = SparkDriver.locateScripts() else {
            throw SparkFailure("cannot find spark/driver.py (set BUDGETQL_SPARK_DIR to the repository's spark/ folder)")
        }
        let log = NSTemporaryDirectory() + "budgetql-spark-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString.prefix(8)).log"
        _ = FileManager.default.createFile(atPath: log, contents: nil)
        logPath = log
        let p = Process()
        p.executableURL = URL(fileURLWithPath: python)
        p.arguments = (python == "/usr/bin/env" ? ["python3"] : []) + ["-u", script, "--master", master, "--warehouse", warehouse]
        var environment = ProcessInfo.processInfo.environment
        // The driver listens on loopback only, like the cluster the tests start.
        environment["SPARK_LOCAL_IP"] = environment["SPARK_LOCAL_IP"] ?? "127.0.0.1"
        if python != "/usr/bin/env" { environment["PYSPARK_PYTHON"] = environment["PYSPARK_PYTHON"] ?? python }
        p.environment = environment
        let toDriver = Pipe(), fromDriver = Pipe()
        p.standardInput = toDriver
        p.standardOutput = fromDriver
        p.standardError = FileHandle(forWritingAtPath: log) ?? FileHandle.nullDevice
        do { try p.run() } catch {
            throw SparkFailure("cannot start \(python) \(script): \(error.localizedDescription)")
        }
        process = p
        input = toDriver.fileHandleForWriting
        output = fromDriver.fileHandleForReading
        let ready = try readReply()
        if let error = ready["error"] as? String { throw SparkFailure(error + " (Spark's log: \(log))") }
        tables = ready["tables"] as? [[String: Any]] ?? []
    }

    deinit { stop() }

    /// Ends the driver (closing its input makes it stop its SparkSession and exit).
    public func stop() {
        lock.lock()
        defer { lock.unlock() }
        guard process.isRunning else { return }
        try? input.close()
        let deadline = Date().addingTimeInterval(10)
        while process.isRunning && Date() < deadline { usleep(50_000) }
        if process.isRunning { process.terminate() }
    }

    /// Runs one Spark SQL statement: column names and rows of text cells (nil for NULL).
    public func query(_ sql: String) throws(SparkFailure) -> (columns: [String], rows: [[String?]]) {
        let reply = try request(["sql": sql])
        let columns = reply["columns"] as? [String] ?? []
        guard let rows = reply["rows"] as? [[Any]] else { throw SparkFailure("the Spark driver sent no rows") }
        return (columns, rows.map { $0.map { $0 as? String } })
    }

    /// Runs several statements side by side (the driver runs them on a few threads, so Spark
    /// schedules their small jobs together); one reply each, in order.
    public func queryBatch(_ statements: [String]) -> [Result<[[String?]], SparkFailure>] {
        if statements.isEmpty { return [] }
        let reply: [String: Any]
        do { reply = try request(["batch": statements]) } catch {
            return statements.map { _ in .failure(error) }
        }
        guard let results = reply["results"] as? [[String: Any]], results.count == statements.count else {
            return statements.map { _ in .failure(SparkFailure("the Spark driver's batch reply does not match the request")) }
        }
        return results.map { r in
            if let error = r["error"] as? String { return .failure(SparkFailure(error)) }
            guard let rows = r["rows"] as? [[Any]] else { return .failure(SparkFailure("the Spark driver sent no rows")) }
            return .success(rows.map { $0.map { $0 as? String } })
        }
    }

    /// Registers another warehouse's tables in the same session (replacing same-named ones).
    public func load(warehouse: String) throws(SparkFailure) {
        let reply = try request(["load": warehouse])
        tables = reply["tables"] as? [[String: Any]] ?? []
    }

    private func request(_ object: [String: Any]) throws(SparkFailure) -> [String: Any] {
        lock.lock()
        defer { lock.unlock() }
        guard process.isRunning else { throw SparkFailure("the Spark driver has stopped (its log: \(logPath))") }
        guard var line = try? JSONSerialization.data(withJSONObject: object) else { throw SparkFailure("cannot encode the request") }
        line.append(0x0A)
        do { try input.write(contentsOf: line) } catch {
            throw SparkFailure("cannot write to the Spark driver: \(error.localizedDescription) (its log: \(logPath))")
        }
        let reply = try readReply()
        if let error = reply["error"] as? String { throw SparkFailure(error) }
        return reply
    }

    /// The next JSON line from the driver.
    private func readReply() throws(SparkFailure) -> [String: Any] {
        while true {
            if let newline = buffer.firstIndex(of: 0x0A) {
                let line = buffer[buffer.startIndex..<newline]
                buffer = Data(buffer[buffer.index(after: newline)...])
                guard let object = (try? JSONSerialization.jsonObject(with: line)) as? [String: Any] else {
                    throw SparkFailure("the Spark driver sent something that is not a JSON object: \(String(decoding: line.prefix(200), as: UTF8.self))")
                }
                return object
            }
            let chunk = output.availableData
            if chunk.isEmpty {
                let tail = (try? String(contentsOfFile: logPath, encoding: .utf8))?.split(separator: "\n").suffix(5).joined(separator: "\n") ?? ""
                throw SparkFailure("the Spark driver ended without answering; the end of its log (\(logPath)):\n\(tail)")
            }
            buffer.append(chunk)
        }
    }
}
