/// One cell of a source line and where it sits: the tab index in tab text, the character
/// column of its right edge in layout text (numbers are right-aligned in every template).
struct SourceCell: Sendable, Equatable {
    let text: String
    let position: Int
}

/// A source line cut into cells. Tab text keeps empty cells (their index is the column);
/// layout text splits on runs of two or more spaces and drops the gaps.
struct SourceRow: Sendable {
    let line: Int
    let cells: [SourceCell]

    static func split(_ text: String, line: Int, format: SnapshotFormat) -> SourceRow {
        switch format {
        case .tabText, .pdf:
            var cells: [SourceCell] = []
            var index = 0
            for part in text.split(separator: "\t", omittingEmptySubsequences: false) {
                cells.append(SourceCell(text: trimmed(part), position: index))
                index += 1
            }
            return SourceRow(line: line, cells: cells)
        case .layoutText:
            return SourceRow(line: line, cells: layoutCells(text))
        }
    }

    /// Cells of a layout line: runs separated by two or more spaces (one space stays inside a
    /// cell: "201 一般公共服务支出", "1971.5 9"). Ideographic spaces count as spaces.
    static func layoutCells(_ text: String) -> [SourceCell] {
        var cells: [SourceCell] = []
        var current = ""
        var spaces = 0
        var column = 0
        var lastEnd = 0
        for ch in text {
            if ch == " " || ch == "\u{3000}" || ch == "\t" {
                spaces += 1
            } else {
                if spaces >= 2, !current.isEmpty {
                    cells.append(SourceCell(text: current, position: lastEnd))
                    current = ""
                } else if spaces == 1, !current.isEmpty {
                    current.append(" ")
                }
                spaces = 0
                current.append(ch)
                lastEnd = column + 1
            }
            column += 1
        }
        if !current.isEmpty { cells.append(SourceCell(text: current, position: lastEnd)) }
        // pdftotext keeps a single space between close cells: "12,029,501.84 12,029,501.84",
        // "189,767,551 一、一般公共服务支出". Split money and codes from their neighbours.
        guard cells.contains(where: { $0.text.utf8.contains(0x20) }) else { return cells }
        return cells.flatMap(splitSingleSpaced)
    }

    private static func isMoneyToken(_ t: Substring) -> Bool {
        var digit = false, mark = false
        for b in t.utf8 {
            switch b {
            case 48...57: digit = true
            case UInt8(ascii: ","), UInt8(ascii: "."): mark = true
            case UInt8(ascii: "-"): continue
            default: return false
            }
        }
        return digit && mark && t.last != "." && t.first != "."
    }

    /// One layout cell cut at the single spaces that separate money from its neighbours (and
    /// a leading code from its name); "7127.7 1" stays one number (a digit pushed aside).
    static func splitSingleSpaced(_ cell: SourceCell) -> [SourceCell] {
        let tokens = cell.text.split(separator: " ", omittingEmptySubsequences: true)
        guard tokens.count > 1 else { return [cell] }
        let start = cell.position - cell.text.count
        var out: [SourceCell] = []
        var current = ""
        var currentEnd = start
        var offset = 0
        var previous: Substring?
        for token in tokens {
            // Where this token ends in the line (tokens were separated by single spaces).
            let tokenStart = cell.text.distance(from: cell.text.startIndex, to: token.startIndex)
            offset = tokenStart + token.count
            var split = false
            if let p = previous {
                let pMoney = isMoneyToken(p), tMoney = isMoneyToken(token)
                let tDigits = token.allSatisfy { $0.isASCII && $0.isNumber }
                let pIsLeadingCode = out.isEmpty && current == String(p) && p.allSatisfy { $0.isASCII && $0.isNumber } && [3, 5, 7].contains(p.count)
                if pMoney && tDigits && token.count <= 2, let dot = p.lastIndex(of: "."), p.distance(from: dot, to: p.endIndex) <= 2 {
                    split = false  // "7127.7 1": one number
                } else if pMoney || tMoney || pIsLeadingCode {
                    split = true
                }
            }
            if split {
                out.append(SourceCell(text: current, position: currentEnd))
                current = String(token)
            } else {
                current += current.isEmpty ? String(token) : " " + token
            }
            currentEnd = start + offset
            previous = token
        }
        out.append(SourceCell(text: current, position: currentEnd))
        return out
    }

    private static func trimmed(_ s: Substring) -> String {
        var t = s
        while let f = t.first, f == " " || f == "\u{3000}" || f == "\r" { t = t.dropFirst() }
        while let l = t.last, l == " " || l == "\u{3000}" || l == "\r" { t = t.dropLast() }
        return String(t)
    }

    var isBlank: Bool { cells.allSatisfy { $0.text.isEmpty } }

    /// The line's text cells joined, for title and keyword matching.
    var joinedText: String { cells.map(\.text).joined() }
}

/// The cells of every line inside a table, cut once per document (every reader and the
/// printed-number count look at the same lines).
struct SourceRows: Sendable {
    private let rows: [SourceRow?]
    private let format: SnapshotFormat
    private let lines: [String]

    init(_ document: SnapshotDocument, segments: [TableSegment]) {
        var rows = [SourceRow?](repeating: nil, count: document.lines.count + 1)
        for segment in segments {
            guard let body = segment.lines else { continue }
            for n in body where rows[n] == nil {
                rows[n] = SourceRow.split(document.lines[n - 1], line: n, format: document.format)
            }
        }
        self.rows = rows
        self.format = document.format
        self.lines = document.lines
    }

    /// The cells of 1-based line `n`.
    subscript(_ n: Int) -> SourceRow {
        if n >= 0 && n < rows.count, let row = rows[n] { return row }
        return SourceRow.split(n >= 1 && n <= lines.count ? lines[n - 1] : "", line: n, format: format)
    }
}

extension String {
    /// The text without the spaces extraction put inside words ("一般公 共服 务支 出").
    var withoutSpaces: String {
        // Most cells have no spaces: skip the copy (this runs for every cell of every table).
        var hasSpace = false
        for b in utf8 where b == 0x20 || b == 0x09 || b == 0xE3 || b == 0xC2 {
            hasSpace = true
            break
        }
        guard hasSpace else { return self }
        return String(unicodeScalars.filter { $0 != " " && $0 != "\u{3000}" && $0 != "\t" && $0 != "\u{00A0}" })
    }

    /// True when every character is an ASCII digit (and there is at least one).
    var isDigits: Bool { !isEmpty && utf8.allSatisfy { $0 >= 48 && $0 <= 57 } }
}
