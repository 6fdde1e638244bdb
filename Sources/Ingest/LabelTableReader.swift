import Store

/// A run of cells on a label-keyed line: a label and the numbers printed after it. Two-sided
/// tables (overview, appropriation) print two groups per line: income left, spending right.
struct LabelGroup: Sendable {
    var label: String
    /// Position of the label cell (tab index, or right edge in layout text).
    let labelPosition: Int
    var numbers: [RowNumber]
}

struct LabelLine: Sendable {
    let line: Int
    var groups: [LabelGroup]
}

/// A label-keyed table read from its segments: header words with their positions, and lines
/// cut into label groups.
struct LabelTable: Sendable {
    let kind: TableKind
    let title: String
    let unit: MoneyUnit
    /// Header cells in order of position (label, position, line), for column labels.
    let header: [(text: String, position: Int, line: Int)]
    var lines: [LabelLine]
    /// The body says the table is empty (备注/注 … 空表 / 无).
    let declaredEmpty: Bool
    /// Figures printed as ### (IllegibleFigure): (line, cell text, whose figure).
    var illegible: [(line: Int, cell: String, reason: String)] = []
    /// Percentages (增减率): no column of these tables holds one; reported as unparsed.
    var percentages: [(line: Int, cell: String, reason: String)] = []
}

/// Reads label-keyed tables (overview, appropriation, three_public, carryover) and unknown
/// tables: every number with the label before it, nothing typed yet.
enum LabelTableReader {
    static func read(kind: TableKind, segments: [TableSegment], document: SnapshotDocument, sourceRows: SourceRows,
                     defaultUnit: MoneyUnit) -> LabelTable {
        var unit: MoneyUnit?
        var header: [(String, Int, Int)] = []
        var lines: [LabelLine] = []
        var declaredEmpty = false
        var illegible: [(line: Int, cell: String, reason: String)] = []
        var percentages: [(line: Int, cell: String, reason: String)] = []
        for segment in segments {
            for n in max(1, segment.titleLine - 2)...(segment.titleLine + 6) {
                if let text = document.line(n), let u = MoneyUnit.stated(in: text) { unit = unit ?? u; break }
            }
            guard let body = segment.lines else { continue }
            var inHeader = true
            var lineNumbers = LineNumbers(cellsAreColumns: document.format.cellsAreColumns)
            for n in body {
                let text = document.lines[n - 1]
                let compact = text.withoutSpaces
                if compact.containsUTF8("空表") || (compact.hasPrefix("注") || compact.hasPrefix("备注")) && compact.containsUTF8("无") {
                    declaredEmpty = true
                }
                if text.containsUTF8("单位：") || text.containsUTF8("单位:") { continue }
                if FormNumbering.isNumberingLine(sourceRows[n]) { continue }
                // The 行次 column's numbers number the lines: not figures.
                let numbered = lineNumbers.removing(from: sourceRows[n])
                // A ### stands for a figure the PDF does not hold: reported, and kept out of
                // the labels (the label typing has no arithmetic to give it back).
                for (i, cell) in numbered.cells.enumerated() where IllegibleFigure.isMark(cell.text) {
                    let label = numbered.cells[..<i].last { !$0.text.isEmpty && PrintedNumber.parse($0.text) == nil && !IllegibleFigure.isMark($0.text) }
                    illegible.append((n, cell.text, "a figure of \(label.map { $0.text.withoutSpaces } ?? "the line") printed as ### (its cell too narrow for it): the PDF does not hold it"))
                }
                for cell in numbered.cells where PrintedNumber.parse(cell.text)?.isPercent == true {
                    percentages.append((n, cell.text, "a percentage: the table's columns are money"))
                }
                let row = SourceRow(line: numbered.line, cells: numbered.cells.map {
                    IllegibleFigure.isMark($0.text) || PrintedNumber.parse($0.text)?.isPercent == true ? SourceCell(text: "", position: $0.position) : $0
                })
                let groups = groupsOf(row)
                let hasNumbers = groups.contains { !$0.numbers.isEmpty }
                if inHeader && !hasNumbers {
                    lineNumbers.learn(from: row)
                    for cell in row.cells where !cell.text.isEmpty {
                        let start = document.format.cellsAreColumns ? cell.position : max(0, cell.position - cell.text.count)
                        header.append((cell.text.withoutSpaces, start, n))
                    }
                    continue
                }
                if hasNumbers { inHeader = false }
                if !groups.isEmpty { lines.append(LabelLine(line: n, groups: groups)) }
            }
        }
        header.sort { $0.1 < $1.1 }
        return LabelTable(kind: kind, title: segments.first?.title ?? kind.name, unit: unit ?? defaultUnit,
                          header: header.map { (text: $0.0, position: $0.1, line: $0.2) }, lines: lines,
                          declaredEmpty: declaredEmpty, illegible: illegible, percentages: percentages)
    }

    /// Cuts a line into label groups: each text cell starts a group, numbers join the group
    /// before them. A code cell glued to its label ("201 一般公共服务支出") stays in the label.
    static func groupsOf(_ row: SourceRow) -> [LabelGroup] {
        var groups: [LabelGroup] = []
        for cell in row.cells where !cell.text.isEmpty {
            if let n = PrintedNumber.parse(cell.text), !(cell.text.isDigits && cell.text.count == 3 && isCodeCell(row, cell)) {
                let number = RowNumber(number: n, position: cell.position, cell: cell.text)
                if groups.isEmpty {
                    groups.append(LabelGroup(label: "", labelPosition: cell.position, numbers: [number]))
                } else {
                    groups[groups.count - 1].numbers.append(number)
                }
            } else if cell.text == "-" || cell.text == "—" {
                continue
            } else {
                groups.append(LabelGroup(label: cell.text.withoutSpaces, labelPosition: cell.position, numbers: []))
            }
        }
        return groups
    }

    /// A three-digit cell right before a text cell is a class code, not an amount.
    private static func isCodeCell(_ row: SourceRow, _ cell: SourceCell) -> Bool {
        guard let i = row.cells.firstIndex(where: { $0.position == cell.position && $0.text == cell.text }) else { return false }
        return isInlineClassCode(row.cells, at: i)
    }

    /// "201  一般公共服务支出" split into two cells: a known function class, first on the line or
    /// right after a number (the right side of a two-sided table), followed by its name.
    static func isInlineClassCode(_ cells: [SourceCell], at i: Int) -> Bool {
        let t = cells[i].text
        guard t.utf8.count == 3, t.isDigits, let code = Int(t), FunctionClasses.names[code] != nil else { return false }
        var j = i + 1
        while j < cells.count, cells[j].text.isEmpty { j += 1 }
        guard j < cells.count, PrintedNumber.parse(cells[j].text) == nil else { return false }
        var k = i - 1
        while k >= 0, cells[k].text.isEmpty { k -= 1 }
        return k < 0 || PrintedNumber.parse(cells[k].text) != nil
    }
}

/// Names in a label: the class code a label carries ("201 一般公共服务支出", "一、一般公共服务支出").
enum LabelText {
    /// The label without its ordinal ("一、", "1.", "（一）", "其中：").
    static func stripped(_ label: String) -> String {
        var s = Substring(label)
        if s.hasPrefix("其中：") || s.hasPrefix("其中:") { s = s.dropFirst(3) }
        if let r = s.range(of: "、"), s.distance(from: s.startIndex, to: r.lowerBound) <= 3 { s = s[r.upperBound...] }
        while let f = s.first, f.isASCII && f.isNumber || f == "." || f == "．" { s = s.dropFirst() }
        if s.hasPrefix("（"), let r = s.range(of: "）"), s.distance(from: s.startIndex, to: r.lowerBound) <= 3 { s = s[r.upperBound...] }
        return String(s)
    }

    /// The function class a spending-side label names, by its printed code or its name.
    static func functionClass(_ label: String) -> Int? {
        let digits = label.prefix { $0.isASCII && $0.isNumber }
        if digits.count == 3, let c = Int(digits) { return c }
        let name = stripped(label)
        guard !name.containsUTF8("合计"), !name.containsUTF8("总计") else { return nil }
        return FunctionClasses.code(named: name)
    }
}
