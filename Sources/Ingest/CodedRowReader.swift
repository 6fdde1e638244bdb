import Store

/// A number printed in a row: its value in the table's unit, where it sat, and the cell text.
struct RowNumber: Sendable {
    let number: PrintedNumber
    let position: Int
    let cell: String
}

/// A figure printed beside a table's own columns, with the header words it stands under.
struct SideFigure: Sendable {
    let number: RowNumber
    let label: String
}

/// One line of a table body, cut into code digits, name and numbers, before repair.
struct TableLine: Sendable {
    enum Shape: Sendable {
        /// Code and/or name with numbers, or a coded row whose numbers are all blank.
        case data
        /// Only code digits: pieces of a neighbouring row's code that extraction displaced.
        case codeFragment
        /// Only text: a header line, a wrapped name, a note.
        case text
        /// Nothing but numbers: values displaced from a neighbouring row.
        case numbersOnly
        case blank
    }

    let line: Int
    var shape: Shape
    /// Digits of the code cells as printed (class, section, item; or one 3/5/7-digit run).
    var codeParts: [String]
    var name: String
    /// The text cells separately: the name, then (project tables) the project name.
    var texts: [String] = []
    var numbers: [RowNumber]
    /// Position of the name cell, to tell a wrapped name from a header line.
    var namePosition: Int?
    /// Cells on the source line (tab text: a page whose rows carry extra cells shifts columns).
    var cellCount: Int = 0
    /// Numbers printed beside the table's own columns (the 预算数 groups of a 决算 table that
    /// also prints its budget, a 预算's year before, changes): facts, not column values.
    var sideNumbers: [SideFigure] = []
    /// Cells printed as ### (IllegibleFigure), by position: a figure stands there, unread.
    var illegible: [(position: Int, cell: String)] = []

    var hasCode: Bool { codeParts.contains { !$0.isEmpty } }
    var isTotal: Bool {
        !hasCode && (name == "合计" || name == "总计" || name.hasSuffix("合计") || name.hasSuffix("总计"))
    }
}

/// Cuts table lines into code, name and numbers. Tab text keeps cell indexes, so the first
/// `codeCells` cells are the code columns even when empty; layout text has only the digit runs.
enum CodedRowReader {
    static func read(_ row: SourceRow, format: SnapshotFormat, codeCells: Int) -> TableLine {
        var cells = row.cells
        var parts: [String] = []
        var index = 0
        if format.cellsAreColumns {
            // The code columns: digits (spaces inside are extraction noise) or empty.
            while index < cells.count && index < codeCells {
                let t = cells[index].text.withoutSpaces
                if t.isEmpty || t.isDigits && t.count <= 7 {
                    parts.append(t)
                    index += 1
                } else {
                    break
                }
            }
        } else {
            while index < cells.count && parts.count < codeCells {
                let t = cells[index].text
                let compact = t.withoutSpaces
                if compact.isDigits && compact.count <= 7 && !t.containsUTF8(".") {
                    // "201 13 01" can come as one cell when the gaps are single spaces.
                    parts.append(contentsOf: t.split(separator: " ").map(String.init))
                    index += 1
                } else {
                    break
                }
            }
        }
        // A code glued to its name: "201 一般公共服务支出", "2080101行政运行".
        if parts.allSatisfy(\.isEmpty), index < cells.count {
            let t = cells[index].text
            let digits = t.prefix { $0.isASCII && $0.isNumber }
            if (digits.count == 3 || digits.count == 5 || digits.count == 7), digits.count < t.count {
                let rest = t.dropFirst(digits.count)
                if let f = rest.first, !f.isNumber, f != ".", f != "," {
                    if parts.isEmpty { parts = [String(digits)] } else { parts[0] = String(digits) }
                    cells[index] = SourceCell(text: String(rest).withoutSpaces, position: cells[index].position)
                }
            }
        }
        var nameParts: [String] = []
        var namePosition: Int?
        var numbers: [RowNumber] = []
        var illegible: [(position: Int, cell: String)] = []
        while index < cells.count {
            let cell = cells[index]
            index += 1
            if cell.text.isEmpty { continue }
            if let n = PrintedNumber.parse(cell.text) {
                numbers.append(RowNumber(number: n, position: cell.position, cell: cell.text))
            } else if IllegibleFigure.isMark(cell.text) {
                illegible.append((cell.position, cell.text))
            } else if cell.text == "-" || cell.text == "—" || cell.text == "--" {
                continue
            } else if numbers.isEmpty {
                if namePosition == nil { namePosition = cell.position }
                nameParts.append(cell.text.withoutSpaces)
            } else {
                // Text after numbers (a wrapped name in layout, a remark): keep it with the name.
                nameParts.append(cell.text.withoutSpaces)
            }
        }
        let name = nameParts.joined()
        let hasCode = parts.contains { !$0.isEmpty }
        // Digits shorter than any whole code, no numbers: pieces of the row above ("1|0|问").
        let partialCode = hasCode && parts.allSatisfy { $0.count < 3 }
        let shape: TableLine.Shape
        let figures = !numbers.isEmpty || !illegible.isEmpty
        if !hasCode && name.isEmpty && !figures {
            shape = .blank
        } else if hasCode && !figures && (name.isEmpty || partialCode) {
            shape = .codeFragment
        } else if !hasCode && !figures {
            shape = .text
        } else if !hasCode && name.isEmpty {
            shape = .numbersOnly
        } else {
            shape = .data
        }
        return TableLine(line: row.line, shape: shape, codeParts: parts, name: name, texts: nameParts, numbers: numbers,
                         namePosition: namePosition, cellCount: row.cells.count, illegible: illegible)
    }
}
