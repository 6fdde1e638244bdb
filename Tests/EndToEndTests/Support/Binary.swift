import Foundation

/// The built `budgetql` executable and a way to run it. `./test` builds it before `swift test`;
/// BUDGETQL_BINARY points elsewhere (another scratch path or a release build).
enum Binary {
    static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    static var path: String {
        if let forced = ProcessInfo.processInfo.environment["BUDGETQL_BINARY"], !forced.isEmpty { return forced }
        for configuration in ["debug", "release"] {
            let candidate = packageRoot.appendingPathComponent(".build/\(configuration)/budgetql").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return packageRoot.appendingPathComponent(".build/debug/budgetql").path
    }

    static var dataDirectory: String { packageRoot.appendingPathComponent("Data").path }

    struct Outcome {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    /// Runs budgetql with arguments and optional stdin text, in `directory` (default: a temp dir,
    /// so tests show that Data/ is found from the executable's location).
    /// With `shell`, `arguments` are given to /bin/sh instead (`["-c", "LINE"]`), for a command
    /// line printed by budgetql itself.
    static func run(_ arguments: [String], stdin: String? = nil, directory: String? = nil,
                    environment: [String: String] = [:], shell: Bool = false) throws -> Outcome {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: shell ? "/bin/sh" : path)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory ?? NSTemporaryDirectory())
        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = "1"
        for (k, v) in environment { env[k] = v }
        process.environment = env
        let out = Pipe(), err = Pipe(), input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try process.run()
        // Read both pipes concurrently with the process so a large output cannot block it.
        let outData = Collected(), errData = Collected()
        let group = DispatchGroup()
        for (pipe, sink) in [(out, outData), (err, errData)] {
            group.enter()
            DispatchQueue.global().async {
                sink.set(pipe.fileHandleForReading.readDataToEndOfFile())
                group.leave()
            }
        }
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try input.fileHandleForWriting.close()
        process.waitUntilExit()
        group.wait()
        return Outcome(status: process.terminationStatus,
                       stdout: String(decoding: outData.get(), as: UTF8.self),
                       stderr: String(decoding: errData.get(), as: UTF8.self))
    }

    final class Collected: @unchecked Sendable {
        private let lock = NSLock()
        private var data = Data()
        func set(_ d: Data) { lock.lock(); data = d; lock.unlock() }
        func get() -> Data { lock.lock(); defer { lock.unlock() }; return data }
    }
}
