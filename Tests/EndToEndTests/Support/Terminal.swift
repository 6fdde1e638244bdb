import Foundation

/// The real binary in a real terminal: a tmux session on a private socket, driven by keys and
/// read back from the screen. Waits poll the screen with a deadline (never fixed sleeps), so the
/// tests hold on a loaded machine.
final class Terminal {
    struct Timeout: Error, CustomStringConvertible {
        let waitingFor: String
        let screen: String
        var description: String { "timed out waiting for \(waitingFor); the screen was:\n\(screen)" }
    }

    static var isAvailable: Bool {
        FileManager.default.isExecutableFile(atPath: "/usr/bin/tmux") || FileManager.default.isExecutableFile(atPath: "/usr/local/bin/tmux")
    }

    private let socket: String
    private let name = "bq"
    /// Seconds a wait may take before the test fails (a loaded 2-core machine can be slow).
    let patience: TimeInterval

    /// Starts `budgetql arguments` in a `columns` x `rows` terminal (120x40 unless asked) with
    /// `environment` added (NO_COLOR is set unless the caller overrides it) and waits for the
    /// first prompt.
    init(arguments: [String] = [], environment: [String: String] = [:], patience: TimeInterval = 30,
         columns: Int = 120, rows: Int = 40, directory: String = NSTemporaryDirectory()) throws {
        socket = "budgetql-test-\(getpid())-\(UUID().uuidString.prefix(8))"
        self.patience = patience
        var env = ["NO_COLOR": "1", "TERM": "xterm-256color"]
        for (k, v) in environment { env[k] = v }
        let assignments = env.sorted { $0.key < $1.key }.map { "\($0.key)=\(Terminal.quote($0.value))" }.joined(separator: " ")
        let command = "env \(assignments) \(Terminal.quote(Binary.path)) " + arguments.map(Terminal.quote).joined(separator: " ")
        try tmux(["new-session", "-d", "-s", name, "-x", String(columns), "-y", String(rows), "-c", directory, command,
                  ";", "set-option", "-t", name, "remain-on-exit", "on"], capture: false)
        let pids = try tmux(["display-message", "-p", "-t", name, "#{pid} #{pane_pid}"])
            .split(separator: " ").compactMap { Int32($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
        processes = pids
        try waitFor("the first prompt") { $0.contains("budgetql>") }
    }

    /// The tmux server and the program in its pane, ended when the test is done.
    private var processes: [Int32] = []

    deinit { stop() }

    /// Ends the program and the tmux server (by pid too, so nothing outlives the test even if
    /// tmux does not answer).
    func stop() {
        _ = try? tmux(["kill-server"])
        for pid in processes.reversed() where pid > 1 { kill(pid, SIGKILL) }
        processes = []
    }

    /// Types text literally (UTF-8 included).
    func type(_ text: String) throws {
        // tmux reads a `;` ending an argument as its own command separator, unless escaped.
        let argument = text.hasSuffix(";") ? String(text.dropLast()) + "\\;" : text
        try tmux(["send-keys", "-t", name, "-l", argument])
    }

    /// Presses one key by tmux name: Enter, Tab, BSpace, Up, C-c, C-d. Each key is its own call
    /// (a Ctrl-C must arrive on its own to be seen as a signal, not as text).
    func press(_ key: String) throws { try tmux(["send-keys", "-t", name, key]) }

    /// The visible screen, trailing blank lines removed. `joined`: a line the terminal wrapped
    /// is given as the one long line it was printed as (to test that nothing wraps).
    func screen(joined: Bool = false) throws -> String {
        let text = try tmux(["capture-pane", "-p"] + (joined ? ["-J"] : []) + ["-t", name])
        return text.trimmingCharacters(in: .newlines)
    }

    /// The last non-blank line of the screen (where the cursor's prompt is).
    func lastLine() throws -> String {
        try screen().split(separator: "\n", omittingEmptySubsequences: true).last.map(String.init) ?? ""
    }

    /// Whether the program has exited.
    func hasExited() throws -> Bool {
        try tmux(["list-panes", "-t", name, "-F", "#{pane_dead}"]).trimmingCharacters(in: .whitespacesAndNewlines) == "1"
    }

    /// Polls the screen until `condition` holds; fails with the last screen after `patience`.
    @discardableResult
    func waitFor(_ what: String, _ condition: (String) throws -> Bool) throws -> String {
        let deadline = Date().addingTimeInterval(patience)
        var last = ""
        while Date() < deadline {
            last = try screen()
            if try condition(last) { return last }
            Thread.sleep(forTimeInterval: 0.05)
        }
        throw Timeout(waitingFor: what, screen: last)
    }

    /// Waits until the screen's last line is exactly `line` (after trimming trailing blanks).
    @discardableResult
    func waitForLastLine(_ line: String) throws -> String {
        try waitFor("the last line to be \"\(line)\"") { _ in
            try self.lastLine().trimmingTrailingBlanks() == line.trimmingTrailingBlanks()
        }
    }

    /// Runs tmux on our socket; UTF-8 forced so Chinese text passes through whatever the
    /// program's own locale is.
    @discardableResult
    private func tmux(_ arguments: [String], capture: Bool = true) throws -> String {
        var env = ProcessInfo.processInfo.environment
        env["LANG"] = "C.UTF-8"
        env["LC_ALL"] = "C.UTF-8"
        env.removeValue(forKey: "TMUX")
        // The command that starts the server captures nothing: the server would inherit the pipe.
        return try Subprocess.run(["tmux", "-u", "-L", socket] + arguments, environment: env, capture: capture).output
    }

    static func quote(_ s: String) -> String { "'" + s.replacingOccurrences(of: "'", with: "'\\''") + "'" }
}

extension String {
    func trimmingTrailingBlanks() -> String {
        var s = Substring(self)
        while s.last == " " { s.removeLast() }
        return String(s)
    }
}
