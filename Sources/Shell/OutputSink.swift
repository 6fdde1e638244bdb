@preconcurrency import Glibc

/// Where results go: stdout, or a file chosen with `.output FILE` (until changed) or
/// `.once FILE` (for the next statement only). Errors and messages always go to stderr.
final class OutputSink {
    private var file: UnsafeMutablePointer<FILE>?
    private var once = false
    private(set) var path: String?

    var isStandardOutput: Bool { file == nil }

    func write(_ text: String) {
        fputs(text, file ?? stdout)
    }

    /// Sends results to `path` (nil: back to stdout). Returns an error message on failure.
    func redirect(to path: String?, once: Bool) -> String? {
        close()
        guard let path else { return nil }
        guard let handle = fopen(path, "w") else {
            return "cannot write \(path): \(String(cString: strerror(errno)))"
        }
        file = handle
        self.path = path
        self.once = once
        return nil
    }

    /// Called after each statement: a `.once` file is closed and output returns to stdout.
    func statementFinished() {
        if once { close() }
        fflush(file ?? stdout)
    }

    func close() {
        if let file { fclose(file) }
        file = nil
        path = nil
        once = false
    }
}

/// Messages for the analyst (not results): stderr.
enum Console {
    static func error(_ text: String) {
        fputs(text.hasSuffix("\n") ? text : text + "\n", stderr)
    }

    /// Text on stderr as is (progress lines that overwrite themselves).
    static func status(_ text: String) {
        fputs(text, stderr)
        fflush(stderr)
    }

    static func standardOutput(_ text: String) {
        fputs(text, stdout)
        fflush(stdout)
    }

    static var stdoutIsTerminal: Bool { isatty(STDOUT_FILENO) == 1 }
    static var stderrIsTerminal: Bool { isatty(STDERR_FILENO) == 1 }
    static var stdinIsTerminal: Bool { isatty(STDIN_FILENO) == 1 }

    /// Colour only on a terminal and never when NO_COLOR is set (https://no-color.org).
    static func colorAllowed(terminal: Bool) -> Bool {
        terminal && getenv("NO_COLOR") == nil
    }
}
