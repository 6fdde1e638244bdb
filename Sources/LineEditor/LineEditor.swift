import Glibc
@preconcurrency import CReadline

/// The terminal line editor: the only code that touches GNU readline.
public enum LineEditor {
    /// Reads one line with `prompt`; nil at end of input (Ctrl-D).
    public static func readLine(prompt: String) -> String? {
        guard let raw = readline(prompt) else { return nil }
        defer { free(raw) }
        return String(cString: raw)
    }
}
