/// One lexical unit of BudgetQL text, with where it stands in the source.
struct Token: Sendable, Equatable {
    enum Kind: Sendable, Equatable {
        case identifier          // plain word that is not a keyword (case kept)
        case quotedIdentifier    // "double quoted"
        case keyword             // text holds the upper-cased keyword
        case integer
        case decimal
        case string              // text holds the unescaped contents
        case parameter           // :name, text holds the name
        case symbol              // operators and punctuation: ( ) , . ; * + - / % || = <> != < <= > >=
        /// Text the lexer rejects, produced only in lenient mode (statement splitting), so one bad
        /// character does not swallow the statements after it.
        case invalid
        case end
    }

    let kind: Kind
    let text: String
    let span: SourceSpan

    func isKeyword(_ word: String) -> Bool { kind == .keyword && text == word }
    func isSymbol(_ s: String) -> Bool { kind == .symbol && text == s }
}

/// The reserved words. Anything else spelled with letters is an identifier.
enum Keywords {
    static let all: Set<String> = [
        "SELECT", "DISTINCT", "ALL", "AS", "FROM", "JOIN", "INNER", "LEFT", "RIGHT", "FULL", "OUTER",
        "CROSS", "ON", "USING", "WHERE", "GROUP", "BY", "HAVING", "PIVOT", "ORDER", "ASC", "DESC",
        "NULLS", "FIRST", "LAST", "LIMIT", "OFFSET", "UNION", "EXPLAIN", "DESCRIBE", "AND", "OR",
        "NOT", "IN", "IS", "NULL", "TRUE", "FALSE", "LIKE", "ILIKE", "BETWEEN", "CASE", "WHEN",
        "THEN", "ELSE", "END", "FILTER", "CAST", "EXCEPT", "INTERSECT",
    ]
}
