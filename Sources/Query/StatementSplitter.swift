/// Statement boundaries and completeness, decided on tokens so that `;` inside strings and
/// comments does not count.
extension Engine {
    /// Splits source text into statements at top-level `;` (not inside strings or comments).
    /// Each statement's text runs from its first token to its last; empty statements are dropped.
    public static func statements(in source: String) -> [StatementText] {
        var lexer = Lexer(source, lenient: true)
        let bytes = Array(source.utf8)
        var result: [StatementText] = []
        var first: Token?
        var last: Token?
        func flush() {
            guard let f = first, let l = last else { return }
            let text = String(decoding: bytes[f.span.range.lowerBound..<l.span.range.upperBound], as: UTF8.self)
            result.append(StatementText(text: text, line: f.span.line, column: f.span.column))
            first = nil
            last = nil
        }
        var rejectedUpTo = -1
        while true {
            let token: Token
            do {
                token = try lexer.next()
            } catch {
                // A character or number the lexer rejects stays inside its statement (running it
                // reports the error with its position), and the scan goes on to that statement's
                // `;`: the statements after it still run (-f with --keep-going).
                if let span = error.span, span.range.upperBound > rejectedUpTo {
                    rejectedUpTo = span.range.upperBound
                    let rejected = Token(kind: .symbol, text: "", span: span)
                    if first == nil { first = rejected }
                    last = rejected
                    continue
                }
                // The lexer made no progress: the rest of the source is one statement.
                if let f = first {
                    let text = String(decoding: bytes[f.span.range.lowerBound...], as: UTF8.self)
                    result.append(StatementText(text: text, line: f.span.line, column: f.span.column))
                } else if let start = source.utf8.firstIndex(where: { $0 != 0x20 && $0 != 0x0A && $0 != 0x09 && $0 != 0x0D }) {
                    let offset = source.utf8.distance(from: source.utf8.startIndex, to: start)
                    let prefix = bytes[..<offset]
                    let line = prefix.filter { $0 == 0x0A }.count + 1
                    let lineStart = prefix.lastIndex(of: 0x0A).map { $0 + 1 } ?? 0
                    let column = String(decoding: bytes[lineStart..<offset], as: UTF8.self).count + 1
                    result.append(StatementText(text: String(decoding: bytes[offset...], as: UTF8.self), line: line, column: column))
                }
                return result
            }
            if token.kind == .end {
                if lexer.unterminated, let f = first {
                    // An open string or comment runs to the end of the input.
                    let text = String(decoding: bytes[f.span.range.lowerBound...], as: UTF8.self)
                    result.append(StatementText(text: text, line: f.span.line, column: f.span.column))
                    return result
                }
                flush()
                return result
            }
            if token.isSymbol(";") { flush(); continue }
            if first == nil { first = token }
            last = token
        }
    }

    /// Whether `source` is a complete statement that the REPL may run on Enter: false inside an open
    /// parenthesis, quote, comment or CASE, or after a trailing keyword, comma or operator.
    public static func isComplete(_ source: String) -> Bool {
        var lexer = Lexer(source, lenient: true)
        var depth = 0
        var caseDepth = 0
        var last: Token?
        var beforeLast: Token?
        while true {
            guard let token = try? lexer.next() else { return true }  // let the run report the bad character
            if token.kind == .end { break }
            if token.isSymbol("(") { depth += 1 }
            if token.isSymbol(")") { depth -= 1 }
            if token.isKeyword("CASE") { caseDepth += 1 }
            if token.isKeyword("END") { caseDepth -= 1 }
            if token.isSymbol(";") { depth = 0; caseDepth = 0 }
            beforeLast = last
            last = token
        }
        if lexer.unterminated { return false }
        guard let last else { return true }
        if last.isSymbol(";") { return true }
        if depth > 0 || caseDepth > 0 { return false }
        switch last.kind {
        case .keyword:
            return ["NULL", "TRUE", "FALSE", "END", "ASC", "DESC", "FIRST", "LAST", "ALL"].contains(last.text)
                && !(last.text == "ALL" && beforeLast.map { $0.isKeyword("UNION") } == true)
        case .symbol:
            if last.text == ")" { return true }
            if last.text == "*" {
                // `SELECT *` and `t.*` end a select list; `2 *` waits for its operand.
                guard let b = beforeLast else { return false }
                return b.isKeyword("SELECT") || b.isKeyword("DISTINCT") || b.isSymbol(",") || b.isSymbol(".")
            }
            return false
        default:
            return true
        }
    }

    /// Words for Tab completion.
    public static let keywords: [String] = Keywords.all.sorted()
    public static let functionNames: [String] = FunctionCatalog.names
}
