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
///
/// A long line is shown only around the error (issue 15 item 18: an 11 MB one-line query was
/// echoed whole): `...` stands for what is left out and a note says how much. A message or hint
/// past `textLimit` characters (a huge name quoted back) is cut the same way.
enum DiagnosticRenderer {
    /// A line up to `lineLimit` display columns is shown whole; a longer one keeps these many
    /// columns before the error's start, of the marked part, and after it.
    static let lineLimit = 160
    static let columnsBefore = 60
    static let columnsMarked = 80
    static let columnsAfter = 40
    static let textLimit = 1000
    static func render(_ d: Diagnostic, source: String, color: Bool) -> String {
        let red = color ? "\u{1B}[1;31m" : "", blue = color ? "\u{1B}[1;34m" : "", bold = color ? "\u{1B}[1m" : "",
            reset = color ? "\u{1B}[0m" : ""
        let position = d.span.map { "\($0.line):\($0.column): " } ?? ""
        var out = "\(position)\(red)error\(reset)\(bold): \(bounded(d.message))\(reset)\n"
        if let span = d.span, let excerpt = excerpt(source: source, span: span) {
            let number = String(span.line)
            let gutter = String(repeating: " ", count: number.count)
            out += "\(gutter) \(blue)|\(reset)\n"
            out += "\(blue)\(number) |\(reset) \(excerpt.line)\n"
            out += "\(gutter) \(blue)|\(reset) \(excerpt.padding)\(red)\(String(repeating: "^", count: max(1, excerpt.width)))\(reset)\n"
            if let note = excerpt.note { out += "\(gutter) \(blue)=\(reset) note: \(note)\n" }
            for hint in d.hints { out += "\(gutter) \(blue)=\(reset) hint: \(bounded(hint))\n" }
        } else {
            for hint in d.hints { out += "  = hint: \(bounded(hint))\n" }
        }
        if out.hasSuffix("\n") { out.removeLast() }
        return out
    }

    /// `text`, or its first `textLimit` characters and how many more there were.
    static func bounded(_ text: String) -> String {
        guard text.count > textLimit else { return text }
        return String(text.prefix(textLimit)) + "... (\(text.count - textLimit) more characters)"
    }

    /// The source line of the span, the whitespace that leads to its start column, and how many
    /// columns the marker covers (clipped to the line); a long line is cut around the span and
    /// `note` says what was left out.
    static func excerpt(source: String, span: SourceSpan) -> (line: String, padding: String, width: Int, note: String?)? {
        let bytes = Array(source.utf8)
        guard span.range.lowerBound <= bytes.count else { return nil }
        var lineStart = span.range.lowerBound
        while lineStart > 0 && bytes[lineStart - 1] != UInt8(ascii: "\n") { lineStart -= 1 }
        var lineEnd = span.range.lowerBound
        while lineEnd < bytes.count && bytes[lineEnd] != UInt8(ascii: "\n") { lineEnd += 1 }
        var lineBytes = Array(bytes[lineStart..<lineEnd])
        if lineBytes.last == UInt8(ascii: "\r") { lineBytes.removeLast() }
        let lineEndOffset = lineStart + lineBytes.count
        let start = min(span.range.lowerBound, lineEndOffset)
        let markedEnd = max(start, min(span.range.upperBound, lineEndOffset))
        // The line in three parts: before the span, the marked part, after it; each kept to its
        // number of display columns (the part before from its end, the others from their start).
        var before = Array(String(decoding: bytes[lineStart..<start], as: UTF8.self).unicodeScalars)
        var marked = Array(String(decoding: bytes[start..<markedEnd], as: UTF8.self).unicodeScalars)
        var after = Array(String(decoding: bytes[markedEnd..<lineEndOffset], as: UTF8.self).unicodeScalars)
        let total = before.count + marked.count + after.count
        var leftOut = (before: 0, after: 0)
        func fits(_ scalars: some Collection<Unicode.Scalar>, _ columns: Int) -> Int {
            var width = 0, count = 0
            for s in scalars {
                width += s == "\t" ? 1 : DisplayWidth.of(s)
                if width > columns { break }
                count += 1
            }
            return count
        }
        // A part is cut only when the line is long and that saves more than a few columns.
        let long = fits(before + marked + after, lineLimit) < total
        if long, fits(before.reversed(), columnsBefore + 10) < before.count {
            let keep = fits(before.reversed(), columnsBefore)
            leftOut.before = before.count - keep
            before = Array(before.suffix(keep))
        }
        if long, fits(marked, columnsMarked + 10) < marked.count {
            let keep = fits(marked, columnsMarked)
            leftOut.after = marked.count - keep + after.count
            marked = Array(marked.prefix(keep))
            after = []
        } else if long, fits(after, columnsAfter + 10) < after.count {
            let keep = fits(after, columnsAfter)
            leftOut.after = after.count - keep
            after = Array(after.prefix(keep))
        }
        func text(_ scalars: [Unicode.Scalar]) -> String { String(String.UnicodeScalarView(scalars)) }
        let line = (leftOut.before > 0 ? "..." : "") + text(before) + text(marked) + text(after) + (leftOut.after > 0 ? "..." : "")
        var padding = leftOut.before > 0 ? "   " : ""
        for scalar in before {
            if scalar == "\t" { padding += "\t" } else { padding += String(repeating: " ", count: DisplayWidth.of(scalar)) }
        }
        var note: String?
        if leftOut.before > 0 || leftOut.after > 0 {
            let parts = [leftOut.before > 0 ? "\(leftOut.before) before" : nil, leftOut.after > 0 ? "\(leftOut.after) after" : nil].compactMap { $0 }
            note = "line \(span.line) has \(total) characters; \(parts.joined(separator: " and ")) the part shown are left out (...)"
        }
        return (line, padding, DisplayWidth.of(text(marked)), note)
    }
}

extension Diagnostic {
    /// The one renderer of errors: "line:column", the statement's line, a caret under the
    /// offending token placed by display width, and hints. Colour only when asked.
    public func rendered(source: String, color: Bool = false) -> String {
        DiagnosticRenderer.render(self, source: source, color: color)
    }
}
