/// The one renderer of errors. Output (plain), starting with the position so that a batch run
/// can prefix the file name ("report.bql:1:12: error: ..."):
///
///     1:12: error: no column "ammount" in spending; did you mean "amount"?
///       |
///     1 | SELECT sum(ammount) WHERE class = 208
///       |            ^^^^^^^
///       = hint: ...
///
/// The caret is placed by display width (a Chinese character takes two columns) and a tab in the
/// line is echoed as a tab, so the marker lands under the token on any terminal.
enum DiagnosticRenderer {
    static func render(_ d: Diagnostic, source: String, color: Bool) -> String {
        let red = color ? "\u{1B}[1;31m" : "", blue = color ? "\u{1B}[1;34m" : "", bold = color ? "\u{1B}[1m" : "",
            reset = color ? "\u{1B}[0m" : ""
        let position = d.span.map { "\($0.line):\($0.column): " } ?? ""
        var out = "\(position)\(red)error\(reset)\(bold): \(d.message)\(reset)\n"
        if let span = d.span, let excerpt = excerpt(source: source, span: span) {
            let number = String(span.line)
            let gutter = String(repeating: " ", count: number.count)
            out += "\(gutter) \(blue)|\(reset)\n"
            out += "\(blue)\(number) |\(reset) \(excerpt.line)\n"
            out += "\(gutter) \(blue)|\(reset) \(excerpt.padding)\(red)\(String(repeating: "^", count: max(1, excerpt.width)))\(reset)\n"
            for hint in d.hints { out += "\(gutter) \(blue)=\(reset) hint: \(hint)\n" }
        } else {
            for hint in d.hints { out += "  = hint: \(hint)\n" }
        }
        if out.hasSuffix("\n") { out.removeLast() }
        return out
    }

    /// The source line of the span, the whitespace that leads to its start column, and how many
    /// columns the marker covers (clipped to the line).
    static func excerpt(source: String, span: SourceSpan) -> (line: String, padding: String, width: Int)? {
        let bytes = Array(source.utf8)
        guard span.range.lowerBound <= bytes.count else { return nil }
        var lineStart = span.range.lowerBound
        while lineStart > 0 && bytes[lineStart - 1] != UInt8(ascii: "\n") { lineStart -= 1 }
        var lineEnd = span.range.lowerBound
        while lineEnd < bytes.count && bytes[lineEnd] != UInt8(ascii: "\n") { lineEnd += 1 }
        var lineBytes = Array(bytes[lineStart..<lineEnd])
        if lineBytes.last == UInt8(ascii: "\r") { lineBytes.removeLast() }
        let line = String(decoding: lineBytes, as: UTF8.self)
        let prefix = String(decoding: bytes[lineStart..<span.range.lowerBound], as: UTF8.self)
        var padding = ""
        for scalar in prefix.unicodeScalars {
            if scalar == "\t" { padding += "\t" } else { padding += String(repeating: " ", count: DisplayWidth.of(scalar)) }
        }
        let markedEnd = min(span.range.upperBound, lineStart + lineBytes.count)
        let marked = markedEnd > span.range.lowerBound ? String(decoding: bytes[span.range.lowerBound..<markedEnd], as: UTF8.self) : ""
        return (line, padding, DisplayWidth.of(marked))
    }
}

extension Diagnostic {
    /// The one renderer of errors: "line:column", the statement's line, a caret under the
    /// offending token placed by display width, and hints. Colour only when asked.
    public func rendered(source: String, color: Bool = false) -> String {
        DiagnosticRenderer.render(self, source: source, color: color)
    }
}
