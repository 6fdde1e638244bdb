/// Finds `:name` parameter references in statement text, the way the query lexer sees them:
/// not inside 'strings', "quoted identifiers", `--` line comments or `/* */` comments.
/// Used to check a saved query's references against its declarations and to splice column
/// parameters in as identifiers.
struct ParameterReference: Equatable {
    let name: String
    /// The reference's range in the text, including the colon.
    let range: Range<String.Index>
    /// 1-based line within the text.
    let line: Int
}

enum ParameterReferenceScanner {
    static func find(in text: String) -> [ParameterReference] {
        var found: [ParameterReference] = []
        var index = text.startIndex
        var line = 1
        func peek(_ offset: Int = 1) -> Character? {
            guard let i = text.index(index, offsetBy: offset, limitedBy: text.endIndex), i < text.endIndex else { return nil }
            return text[i]
        }
        while index < text.endIndex {
            let c = text[index]
            switch c {
            case "\n":
                line += 1
                index = text.index(after: index)
            case "'", "\"":
                // A quoted run ends at the next unpaired quote of the same kind ('' escapes one).
                index = text.index(after: index)
                while index < text.endIndex {
                    if text[index] == "\n" { line += 1 }
                    if text[index] == c {
                        if peek() == c { index = text.index(index, offsetBy: 2); continue }
                        index = text.index(after: index)
                        break
                    }
                    index = text.index(after: index)
                }
            case "-" where peek() == "-":
                while index < text.endIndex, text[index] != "\n" { index = text.index(after: index) }
            case "/" where peek() == "*":
                index = text.index(index, offsetBy: 2)
                while index < text.endIndex {
                    if text[index] == "*", peek() == "/" { index = text.index(index, offsetBy: 2); break }
                    if text[index] == "\n" { line += 1 }
                    index = text.index(after: index)
                }
            case ":":
                let start = index
                var end = text.index(after: index)
                if end < text.endIndex, isIdentifierStart(text[end]) {
                    while end < text.endIndex, isIdentifierPart(text[end]) { end = text.index(after: end) }
                    let name = String(text[text.index(after: start)..<end])
                    found.append(ParameterReference(name: name, range: start..<end, line: line))
                }
                index = end
            default:
                index = text.index(after: index)
            }
        }
        return found
    }

    /// Replaces every reference to a column parameter with its column name; other references
    /// stay for the engine to bind as values.
    static func splicingColumns(_ columns: [String: String], into text: String) -> String {
        guard !columns.isEmpty else { return text }
        var result = ""
        var cursor = text.startIndex
        for reference in find(in: text) {
            guard let column = columns[reference.name] else { continue }
            result += text[cursor..<reference.range.lowerBound]
            result += column
            cursor = reference.range.upperBound
        }
        result += text[cursor...]
        return result
    }

    static func isIdentifierStart(_ c: Character) -> Bool { c == "_" || (c.isASCII && c.isLetter) }
    static func isIdentifierPart(_ c: Character) -> Bool { isIdentifierStart(c) || (c.isASCII && c.isNumber) }

    static func isIdentifier(_ text: String) -> Bool {
        guard let first = text.first, isIdentifierStart(first) else { return false }
        return text.allSatisfy(isIdentifierPart)
    }
}
