import Query

/// Says where an error is: in a file, "queries.bql:12:5: ..." with the file's own line under it;
/// at the prompt, the position inside what was typed.
public enum ErrorReport {
    public static func text(_ diagnostic: Diagnostic, statement: StatementText, source: String,
                     origin: SourceOrigin, color: Bool) -> String {
        // A message may quote data (a CSV column's name, a value): its control characters are
        // shown as symbols, like everything else written to the terminal.
        let visible = Diagnostic(kind: diagnostic.kind, message: VisibleText.escaped(diagnostic.message, keeping: ["\n"]),
                                 span: diagnostic.span, hints: diagnostic.hints.map { VisibleText.escaped($0, keeping: ["\n"]) })
        let placed = placedInSource(visible, statement: statement, source: source)
        let line = placed.span?.line ?? statement.line
        let column = placed.span?.column ?? statement.column
        var rendered = placed.rendered(source: source, color: color)
        let position = "\(line):\(column)"
        if !rendered.hasPrefix(position) {
            // A renderer without a position (or an error without a span): add the statement's.
            rendered = position + ": " + rendered
        }
        guard let name = origin.name else { return rendered }
        return name + ":" + rendered
    }

    /// The diagnostic with its span moved from statement coordinates to source coordinates.
    public static func placedInSource(_ diagnostic: Diagnostic, statement: StatementText, source: String) -> Diagnostic {
        guard let span = diagnostic.span else { return diagnostic }
        let line = statement.line + span.line - 1
        let column = span.line == 1 ? statement.column + span.column - 1 : span.column
        let offset = utf8Offset(line: statement.line, column: statement.column, in: source)
        let range = (span.range.lowerBound + offset)..<(span.range.upperBound + offset)
        return Diagnostic(kind: diagnostic.kind, message: diagnostic.message,
                          span: SourceSpan(line: line, column: column, range: range), hints: diagnostic.hints)
    }

    /// UTF-8 offset of a 1-based line and column (columns count characters).
    static func utf8Offset(line: Int, column: Int, in source: String) -> Int {
        var offset = 0
        var currentLine = 1
        var utf8 = source.utf8[...]
        while currentLine < line, let newline = utf8.firstIndex(of: UInt8(ascii: "\n")) {
            offset += utf8.distance(from: utf8.startIndex, to: newline) + 1
            utf8 = utf8[utf8.index(after: newline)...]
            currentLine += 1
        }
        let rest = Substring(utf8)
        var characters = 0
        for c in rest {
            if characters >= column - 1 || c == "\n" { break }
            offset += c.utf8.count
            characters += 1
        }
        return offset
    }
}
