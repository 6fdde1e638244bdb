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
        case .tabText:
            var cells: [SourceCell] = []
            var index = 0
            for part in text.split(separator: "\t", omittingEmptySubsequences: false) {
                cells.append(SourceCell(text: trimmed(part), position: index))
                index += 1
            }
            return SourceRow(line: line, cells: cells)
        case .layoutText, .pdf:
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
        return cells
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

extension String {
    /// The text without the spaces extraction put inside words ("一般公 共服 务支 出").
    var withoutSpaces: String {
        String(unicodeScalars.filter { $0 != " " && $0 != "\u{3000}" && $0 != "\t" && $0 != "\u{00A0}" })
    }

    /// True when every character is an ASCII digit (and there is at least one).
    var isDigits: Bool { !isEmpty && utf8.allSatisfy { $0 >= 48 && $0 <= 57 } }
}
