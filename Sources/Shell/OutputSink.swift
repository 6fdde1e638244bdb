@preconcurrency import Glibc
import Foundation

/// Where results go: stdout, or a file chosen with `.output FILE` (until changed) or
/// `.once FILE` (for the next statement only). Errors and messages always go to stderr.
///
/// Every write and flush is checked: a full disk or a closed pipe is an error the caller reports
/// (exit 1), never a silently short file. A regular file is written to a temporary file beside
/// it and renamed over the old one only when everything was written and the run succeeded, so a
/// failing rerun leaves the previous report whole. A reader that went away (`| head` has its
/// lines) is not a failure to report: the run stops quietly, as SIGPIPE would have ended it.
final class OutputSink {
    private var file: UnsafeMutablePointer<FILE>?
    private var once = false
    /// The file results go to, as the analyst named it; nil for stdout.
    private(set) var path: String?
    /// Where the bytes go until the file is committed; nil when writing in place (stdout, a device).
    private var temporaryPath: String?
    /// The file renamed over when committed: `path` with symbolic links resolved.
    private var finalPath: String?
    /// The format the file's extension asks for (`.once report.html` writes HTML); nil for stdout.
    private(set) var mode: OutputMode?
    /// The first write error not yet reported.
    private var writeError: String?
    /// The reader of stdout or of a pipe went away (EPIPE, SIGPIPE ignored): nothing more can
    /// be delivered, and nothing is wrong with the results.
    private(set) var readerGone = false
    /// A write was cut short by Ctrl-C (SIGINT interrupts a blocked write, by design of the
    /// REPL's handler): the statement is being cancelled, which is no write error.
    private(set) var interrupted = false

    /// Whether writing has failed (or lost its reader) since the last statement: a streaming
    /// statement stops reading rows then.
    var hasFailed: Bool { writeError != nil || readerGone || interrupted }

    var isStandardOutput: Bool { file == nil }

    func write(_ text: String) {
        if fputs(text, file ?? stdout) == EOF { noteWriteError(errno) }
    }

    /// Hands what was written to the reader now (a streamed result's batch).
    func flush() {
        if fflush(file ?? stdout) != 0 { noteWriteError(errno) }
    }

    /// Sends results to `path` (nil: back to stdout), committing the file written before. Returns
    /// an error message on failure (of the new file, or of committing the old one).
    func redirect(to path: String?, once: Bool) -> String? {
        if let failure = close(commit: true) { return failure }
        readerGone = false
        guard let path else { return nil }
        var status = stat()
        let exists = stat(path, &status) == 0
        let regular = !exists || (status.st_mode & S_IFMT) == S_IFREG
        if regular {
            let target = exists ? (realpathString(path) ?? path) : path
            let directory = (target as NSString).deletingLastPathComponent
            let name = (target as NSString).lastPathComponent
            var template = Array(((directory.isEmpty ? "." : directory) + "/." + name + ".XXXXXX").utf8CString)
            let descriptor = template.withUnsafeMutableBufferPointer { buffer in buffer.baseAddress.map { mkstemp($0) } ?? -1 }
            guard descriptor >= 0 else { return "cannot write \(path): \(String(cString: strerror(errno)))" }
            let temporary = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            // The new file keeps the old one's permissions, or gets a new file's (0666 less umask).
            let mask = umask(0)
            umask(mask)
            fchmod(descriptor, exists ? status.st_mode & 0o7777 : 0o666 & ~mask)
            guard let handle = fdopen(descriptor, "w") else {
                let reason = String(cString: strerror(errno))
                Glibc.close(descriptor)
                unlink(temporary)
                return "cannot write \(path): \(reason)"
            }
            file = handle
            temporaryPath = temporary
            finalPath = target
        } else {
            // A device or a pipe (/dev/stderr, a FIFO) is written in place: there is nothing to replace.
            guard let handle = fopen(path, "w") else {
                return "cannot write \(path): \(String(cString: strerror(errno)))"
            }
            file = handle
        }
        self.path = path
        self.once = once
        self.mode = OutputMode(fileExtensionOf: path)
        return nil
    }

    /// Called after each statement: flushes (a `.once` file is committed when the statement
    /// succeeded, and output returns to stdout). Returns the first write error since the last
    /// call, which the caller reports and counts as the statement failing.
    func statementFinished(succeeded: Bool = true) -> String? {
        if fflush(file ?? stdout) != 0 { noteWriteError(errno) }
        if interrupted {
            // What the interrupted write held is dropped; the next statement's text goes out whole.
            clearerr(file ?? stdout)
            interrupted = false
        }
        let failure = takeWriteError()
        if once, let closeFailure = close(commit: succeeded && failure == nil) { return failure ?? closeFailure }
        return failure
    }

    /// Ends the current file: with `commit`, flushed, closed and renamed over the file named; without,
    /// the partial file is removed and the old one stays. Returns an error message when the file
    /// could not be completed (it is then not renamed). Output returns to stdout.
    @discardableResult
    func close(commit: Bool = true) -> String? {
        defer {
            file = nil
            path = nil
            temporaryPath = nil
            finalPath = nil
            mode = nil
            once = false
        }
        guard let file else {
            if fflush(stdout) != 0 { noteWriteError(errno) }
            return takeWriteError()
        }
        if fflush(file) != 0 { noteWriteError(errno) }
        if fclose(file) != 0 { noteWriteError(errno) }
        let failure = takeWriteError()
        guard let temporaryPath, let finalPath else { return failure }
        if commit && failure == nil {
            if rename(temporaryPath, finalPath) != 0 {
                let reason = String(cString: strerror(errno))
                unlink(temporaryPath)
                return "cannot write \(path ?? finalPath): \(reason)"
            }
            return nil
        }
        unlink(temporaryPath)
        return (failure.map { $0 + "; " } ?? "") + "\(path ?? finalPath) was left as it was (the run failed)"
    }

    private func noteWriteError(_ code: Int32) {
        if code == EPIPE { readerGone = true; return }
        if code == EINTR { interrupted = true; return }
        if writeError == nil { writeError = "cannot write \(path ?? "standard output"): \(String(cString: strerror(code)))" }
    }

    private func takeWriteError() -> String? {
        defer { writeError = nil }
        return writeError
    }

    private func realpathString(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}

/// Messages for the analyst (not results): stderr.
enum Console {
    /// A message, with control characters from file names or data made visible (an ESC in a
    /// file name must not clear the analyst's screen); its own line breaks and tabs stay.
    static func error(_ text: String) {
        let visible = VisibleText.escaped(text, keeping: ["\n", "\t"])
        fputs(visible.hasSuffix("\n") ? visible : visible + "\n", stderr)
    }

    /// A rendered diagnostic, whose colour codes are BudgetQL's own (ErrorReport makes the text).
    static func diagnostic(_ text: String) {
        fputs(text.hasSuffix("\n") ? text : text + "\n", stderr)
    }

    /// Text on stderr with its control sequences (progress lines that overwrite themselves);
    /// the caller makes any file name in it visible.
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
