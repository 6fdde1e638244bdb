@preconcurrency import Glibc
import Foundation

/// `.pager on`: a table longer than the terminal is shown through `$PAGER` (default
/// `less -FRSX`: quits at once when the text fits, keeps colours, does not wrap), as psql does.
enum Pager {
    /// Shows `text` through the pager when it has more lines than the terminal; false when it
    /// should be written as usual (short, not a terminal, or the pager could not start).
    static func show(_ text: String) -> Bool {
        guard Console.stdoutIsTerminal, let rows = terminalRows(), lineCount(text) >= rows else { return false }
        let command = ProcessInfo.processInfo.environment["PAGER"].flatMap { $0.isEmpty ? nil : $0 } ?? "less -FRSX"
        fflush(stdout)
        // Leaving the pager early closes its end of the pipe: that is no reason to end BudgetQL.
        let previous = signal(SIGPIPE, SIG_IGN)
        defer { signal(SIGPIPE, previous) }
        guard let pipe = popen(command, "w") else { return false }
        fputs(text, pipe)
        pclose(pipe)
        return true
    }

    static func lineCount(_ text: String) -> Int {
        text.utf8.reduce(0) { $1 == UInt8(ascii: "\n") ? $0 + 1 : $0 }
    }

    /// The terminal's height, from the kernel (nil when stdout is not a terminal).
    static func terminalRows() -> Int? {
        var size = winsize()
        guard ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_row > 0 else { return nil }
        return Int(size.ws_row)
    }
}
