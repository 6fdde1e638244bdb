/// LIKE over a text vector: a single pattern is matched once per dictionary entry.
enum Like {
    /// `span` is the pattern's, for a pattern read from a column that ends with its escape
    /// character (a constant one is refused when the query is bound).
    static func apply(_ v: Vector, _ p: Vector, caseInsensitive: Bool, escape: Unicode.Scalar?, span: SourceSpan?) throws(Diagnostic) -> Vector {
        let n = v.count
        let nulls = Comparison.mergedNulls(v, p)
        guard case .text(let codes, let dictionary) = v.storage, case .text(let pc, let pd) = p.storage else { return Vector.allNull(n) }
        func pattern(_ text: String) throws(Diagnostic) -> LikePattern {
            do { return try LikePattern(text, caseInsensitive: caseInsensitive, escape: escape) } catch {
                throw Diagnostic(kind: .type, message: error.message, span: span)
            }
        }
        if pd.count == 1 {
            let pattern = try pattern(pd[0])
            let table = dictionary.map { pattern.matches($0) }
            return Vector(.boolean(codes.map { table[Int($0)] }), nulls: nulls, count: n)
        }
        var patterns: [Int: LikePattern] = [:]
        var result = [Bool](repeating: false, count: n)
        for i in 0..<n where !(nulls?[i] ?? false) {
            let code = Int(pc[i])
            let compiled: LikePattern
            if let known = patterns[code] { compiled = known } else { compiled = try pattern(pd[code]); patterns[code] = compiled }
            result[i] = compiled.matches(dictionary[Int(codes[i])])
        }
        return Vector(.boolean(result), nulls: nulls, count: n)
    }
}

/// A LIKE pattern that cannot be read: it ends with its escape character.
struct LikePatternError: Error, Sendable {
    let message: String
}

/// A LIKE pattern: `%` any run of characters, `_` exactly one character (a Chinese character
/// counts as one). With `ESCAPE 'c'`, c makes the character after it literal (`'100!%'` with
/// ESCAPE '!' matches the text "100%"), as in PostgreSQL and DuckDB: c before any character,
/// c itself included, stands for that character; a pattern must not end with c.
///
/// Matched without recursion (issue 15, item 5): a recursive matcher tries every split at every
/// `%`, which is exponential in the number of wildcards (`'%_%_%_%X'` ran for minutes). Here a
/// mismatch only moves back to the last `%` seen and lets it take one more character, so a match
/// costs at most (text length × pattern length) steps.
struct LikePattern {
    enum Element: Equatable { case scalar(Unicode.Scalar), one, any }
    let elements: [Element]
    let caseInsensitive: Bool
    /// Fast paths for the shapes analysts write: 'x%', '%x', '%x%', 'x'.
    let simple: (prefix: Bool, suffix: Bool, text: String)?

    init(_ pattern: String, caseInsensitive: Bool, escape: Unicode.Scalar? = nil) throws(LikePatternError) {
        self.caseInsensitive = caseInsensitive
        var elements: [Element] = []
        // Literal text is gathered in runs and lowercased per run (ILIKE), after the escapes are
        // read: lowercasing first would turn an escape character 'A' into 'a'.
        var literal = String.UnicodeScalarView()
        func flushLiteral() {
            let text = caseInsensitive ? String(literal).lowercased() : String(literal)
            elements.append(contentsOf: text.unicodeScalars.map(Element.scalar))
            literal.removeAll()
        }
        var escaped = false
        for s in pattern.unicodeScalars {
            if escaped {
                literal.append(s)
                escaped = false
                continue
            }
            switch s {
            case escape: escaped = true
            case "%":
                flushLiteral()
                if elements.last != .any { elements.append(.any) }  // %% is %
            case "_":
                flushLiteral()
                elements.append(.one)
            default: literal.append(s)
            }
        }
        if escaped, let escape {
            throw LikePatternError(message: "the LIKE pattern '\(pattern)' ends with its escape character '\(escape)'; to match '\(escape)' itself, write it twice")
        }
        flushLiteral()
        self.elements = elements
        self.simple = LikePattern.simpleShape(elements)
    }

    /// (prefix, suffix, text) when the pattern is one literal with `%` at neither, one or both ends.
    private static func simpleShape(_ elements: [Element]) -> (Bool, Bool, String)? {
        guard !elements.contains(.one) else { return nil }
        let leading = elements.first == .any
        let trailing = elements.count > (leading ? 1 : 0) && elements.last == .any
        let inner = elements.dropFirst(leading ? 1 : 0).dropLast(trailing ? 1 : 0)
        var text = String.UnicodeScalarView()
        for element in inner {
            guard case .scalar(let s) = element else { return nil }
            text.append(s)
        }
        if elements == [.any] { return (true, true, "") }
        return (trailing, leading, String(text))
    }

    func matches(_ value: String) -> Bool {
        let s = caseInsensitive ? value.lowercased() : value
        if let simple {
            // prefix: text then anything; suffix: anything then text; both: contains.
            switch (simple.prefix, simple.suffix) {
            case (false, false): return s == simple.text
            case (true, false): return s.utf8.starts(with: simple.text.utf8)
            case (false, true): return s.utf8.reversed().starts(with: simple.text.utf8.reversed())
            case (true, true): return simple.text.isEmpty || s.containsUTF8(simple.text)
            }
        }
        return LikePattern.match(Array(s.unicodeScalars), elements)
    }

    static func match(_ text: [Unicode.Scalar], _ pattern: [Element]) -> Bool {
        var t = 0, p = 0
        // The last % seen and the text position it has been given up to.
        var star = -1, starText = 0
        while t < text.count {
            if p < pattern.count {
                switch pattern[p] {
                case .any:
                    star = p
                    starText = t
                    p += 1
                    continue
                case .one:
                    t += 1; p += 1
                    continue
                case .scalar(let c) where c == text[t]:
                    t += 1; p += 1
                    continue
                case .scalar:
                    break
                }
            }
            guard star >= 0 else { return false }
            // Let the last % swallow one more character and try again after it.
            starText += 1
            t = starText
            p = star + 1
        }
        while p < pattern.count, pattern[p] == .any { p += 1 }
        return p == pattern.count
    }
}
