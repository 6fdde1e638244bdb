/// Turns query text into tokens. Positions are 1-based line/column (column counted in
/// characters) plus UTF-8 offsets, so diagnostics can point at the exact token.
struct Lexer {
    private let bytes: [UInt8]
    private var offset = 0
    private var line = 1
    private var lineStart = 0
    /// When true, unterminated strings/comments end the token stream instead of throwing
    /// (used by statement splitting and completeness checks).
    private let lenient: Bool
    private(set) var unterminated = false

    init(_ source: String, lenient: Bool = false) {
        self.bytes = Array(source.utf8)
        self.lenient = lenient
    }

    /// The last position whose column was computed on the current line, so columns are found
    /// incrementally (a 100,000-token line stays linear).
    private var columnMark = (line: 0, offset: 0, column: 1)

    /// The column of a byte offset on the current line, counted in characters (not bytes).
    private mutating func column(of position: Int) -> Int {
        var count: Int
        var i: Int
        if columnMark.line == line, columnMark.offset <= position, columnMark.offset >= lineStart {
            count = columnMark.column - 1
            i = columnMark.offset
        } else {
            count = 0
            i = lineStart
        }
        while i < position && i < bytes.count {
            if bytes[i] & 0xC0 != 0x80 { count += 1 }
            i += 1
        }
        columnMark = (line, position, count + 1)
        return count + 1
    }

    private func span(from start: Int, line startLine: Int, column startColumn: Int) -> SourceSpan {
        SourceSpan(line: startLine, column: startColumn, range: start..<offset)
    }

    private func text(_ range: Range<Int>) -> String {
        String(decoding: bytes[range], as: UTF8.self)
    }

    mutating func tokenize() throws(Diagnostic) -> [Token] {
        var tokens: [Token] = []
        while true {
            let token = try next()
            tokens.append(token)
            if token.kind == .end { return tokens }
        }
    }

    private mutating func advanceNewline() {
        offset += 1
        line += 1
        lineStart = offset
    }

    private mutating func skipTrivia() throws(Diagnostic) {
        while offset < bytes.count {
            let b = bytes[offset]
            if b == UInt8(ascii: "\n") {
                advanceNewline()
            } else if b == UInt8(ascii: " ") || b == UInt8(ascii: "\t") || b == UInt8(ascii: "\r") {
                offset += 1
            } else if b == UInt8(ascii: "-"), peek(1) == UInt8(ascii: "-") {
                while offset < bytes.count && bytes[offset] != UInt8(ascii: "\n") { offset += 1 }
            } else if b == UInt8(ascii: "/"), peek(1) == UInt8(ascii: "*") {
                let startLine = line, startColumn = column(of: offset), start = offset
                offset += 2
                var closed = false
                while offset < bytes.count {
                    if bytes[offset] == UInt8(ascii: "*"), peek(1) == UInt8(ascii: "/") {
                        offset += 2
                        closed = true
                        break
                    }
                    if bytes[offset] == UInt8(ascii: "\n") { advanceNewline() } else { offset += 1 }
                }
                if !closed {
                    if lenient { unterminated = true; return }
                    throw Diagnostic(kind: .syntax, message: "unterminated comment",
                                     span: SourceSpan(line: startLine, column: startColumn, range: start..<start + 2),
                                     hints: ["close it with */"])
                }
            } else if b == 0xE3, peek(1) == 0x80, peek(2) == 0x80 {
                offset += 3  // U+3000 ideographic space, common when pasting Chinese text
            } else {
                return
            }
        }
    }

    private func peek(_ ahead: Int) -> UInt8? {
        offset + ahead < bytes.count ? bytes[offset + ahead] : nil
    }

    private static func isIdentifierStart(_ b: UInt8) -> Bool {
        (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || b == UInt8(ascii: "_") || b >= 0x80
    }

    /// Letters, `_`, and non-ASCII text, except the punctuation blocks a Chinese input method
    /// produces (U+2000-U+206F, U+3000-U+303F, U+FF00-U+FF0F and U+FF1A-U+FF20), which must not
    /// glue onto a word.
    private func isWordByte(at i: Int) -> Bool {
        let b = bytes[i]
        if b < 0x80 { return Lexer.isIdentifierStart(b) }
        if b & 0xC0 == 0x80 { return true }  // continuation byte of a character already accepted
        let n = i + 1 < bytes.count ? bytes[i + 1] : 0
        let n2 = i + 2 < bytes.count ? bytes[i + 2] : 0
        if b == 0xE2, n == 0x80 || n == 0x81 { return false }
        if b == 0xE3, n == 0x80 { return false }
        if b == 0xEF, n == 0xBC, n2 <= 0x8F || (n2 >= 0x9A && n2 <= 0xA0) { return false }
        return true
    }

    private static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }

    mutating func next() throws(Diagnostic) -> Token {
        try skipTrivia()
        let startLine = line
        let start = offset
        guard offset < bytes.count, !unterminated else {
            return Token(kind: .end, text: "", span: SourceSpan(line: line, column: column(of: offset), range: offset..<offset))
        }
        let startColumn = column(of: offset)
        let b = bytes[offset]

        if isWordByte(at: offset) {
            while offset < bytes.count, isWordByte(at: offset) || Lexer.isDigit(bytes[offset]) {
                offset += 1
            }
            let word = text(start..<offset)
            let upper = word.uppercased()
            if Keywords.all.contains(upper) {
                return Token(kind: .keyword, text: upper, span: span(from: start, line: startLine, column: startColumn))
            }
            return Token(kind: .identifier, text: word, span: span(from: start, line: startLine, column: startColumn))
        }

        if Lexer.isDigit(b) || (b == UInt8(ascii: ".") && peek(1).map(Lexer.isDigit) == true) {
            var sawPoint = false
            while offset < bytes.count {
                let c = bytes[offset]
                if Lexer.isDigit(c) { offset += 1 }
                else if c == UInt8(ascii: "."), !sawPoint, let n = peek(1), Lexer.isDigit(n) { sawPoint = true; offset += 1 }
                else { break }
            }
            // Letters glued to a number make it malformed; full-width punctuation does not glue
            // (`1，2` is the number 1 and then a full-width comma, with its own hint).
            if offset < bytes.count, isWordByte(at: offset) {
                while offset < bytes.count, isWordByte(at: offset) || Lexer.isDigit(bytes[offset]) { offset += 1 }
                if lenient { return Token(kind: .invalid, text: text(start..<offset), span: span(from: start, line: startLine, column: startColumn)) }
                throw Diagnostic(kind: .syntax, message: "malformed number \"\(text(start..<offset))\"",
                                 span: span(from: start, line: startLine, column: startColumn))
            }
            return Token(kind: sawPoint ? .decimal : .integer, text: text(start..<offset),
                         span: span(from: start, line: startLine, column: startColumn))
        }

        if b == UInt8(ascii: "'") || b == UInt8(ascii: "\"") {
            let quote = b
            offset += 1
            var content: [UInt8] = []
            while true {
                guard offset < bytes.count else {
                    if lenient { unterminated = true; return Token(kind: .end, text: "", span: span(from: start, line: startLine, column: startColumn)) }
                    let what = quote == UInt8(ascii: "'") ? "string" : "quoted identifier"
                    throw Diagnostic(kind: .syntax, message: "unterminated \(what)",
                                     span: SourceSpan(line: startLine, column: startColumn, range: start..<start + 1),
                                     hints: ["close it with \(quote == UInt8(ascii: "'") ? "'" : "\"")"])
                }
                let c = bytes[offset]
                if c == quote {
                    if peek(1) == quote { content.append(quote); offset += 2; continue }
                    offset += 1
                    break
                }
                content.append(c)
                if c == UInt8(ascii: "\n") { advanceNewline() } else { offset += 1 }
            }
            let s = String(decoding: content, as: UTF8.self)
            let kind: Token.Kind = quote == UInt8(ascii: "'") ? .string : .quotedIdentifier
            return Token(kind: kind, text: s, span: SourceSpan(line: startLine, column: startColumn, range: start..<offset))
        }

        if b == UInt8(ascii: ":"), let n = peek(1), Lexer.isIdentifierStart(n) {
            offset += 1
            let nameStart = offset
            while offset < bytes.count, Lexer.isIdentifierStart(bytes[offset]) || Lexer.isDigit(bytes[offset]) { offset += 1 }
            return Token(kind: .parameter, text: text(nameStart..<offset), span: span(from: start, line: startLine, column: startColumn))
        }

        let two = peek(1).map { String(decoding: [b, $0], as: UTF8.self) } ?? ""
        if ["<>", "!=", "<=", ">=", "||"].contains(two) {
            offset += 2
            return Token(kind: .symbol, text: two, span: span(from: start, line: startLine, column: startColumn))
        }
        let singles: Set<UInt8> = Set("(),.;*+-/%=<>".utf8)
        if singles.contains(b) {
            offset += 1
            return Token(kind: .symbol, text: String(UnicodeScalar(b)), span: span(from: start, line: startLine, column: startColumn))
        }
        // Full-width comma and parentheses from Chinese input methods are a common slip: name them.
        var length = 1
        if b >= 0xC0 { length = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2 }
        offset = min(bytes.count, offset + length)
        let ch = text(start..<offset)
        if lenient { return Token(kind: .invalid, text: ch, span: span(from: start, line: startLine, column: startColumn)) }
        var hints: [String] = []
        switch ch {
        case "，": hints = ["this is a full-width comma; use ,"]
        case "（", "）": hints = ["this is a full-width parenthesis; use ( or )"]
        case "；": hints = ["this is a full-width semicolon; use ;"]
        case "‘", "’", "“", "”": hints = ["this is a typographic quote; use ' for strings and \" for names"]
        default: break
        }
        // A control character would print as nothing (or move the cursor): name its code point.
        var shown = "\"\(ch)\""
        if let scalar = ch.unicodeScalars.first, [.control, .format].contains(scalar.properties.generalCategory) {
            let hex = String(scalar.value, radix: 16, uppercase: true)
            shown = "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
        }
        throw Diagnostic(kind: .syntax, message: "unexpected character \(shown)",
                         span: span(from: start, line: startLine, column: startColumn), hints: hints)
    }
}
