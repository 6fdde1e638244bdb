/// Control characters from data or file names shown as visible symbols, so text on a terminal
/// cannot move the cursor, clear the screen or set the window title (an ESC in a cell prints as
/// ␛, not as the start of an escape sequence). Used for table cells and for every message.
enum VisibleText {
    /// `text` with C0 controls as their Unicode control pictures (U+001B -> ␛), DEL as ␡ and C1
    /// controls as `\u{9B}`. Characters in `keeping` (a message's own line breaks) stay.
    static func escaped(_ text: String, keeping: Set<Unicode.Scalar> = []) -> String {
        guard text.unicodeScalars.contains(where: { isControl($0) && !keeping.contains($0) }) else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            guard isControl(scalar), !keeping.contains(scalar) else { out.append(scalar); continue }
            switch scalar.value {
            case 0..<0x20: out.append(Unicode.Scalar(0x2400 + scalar.value) ?? "?")
            case 0x7F: out.append("\u{2421}")
            default: out.append(contentsOf: "\\u{\(String(scalar.value, radix: 16, uppercase: true))}".unicodeScalars)
            }
        }
        return String(out)
    }

    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
    }
}
