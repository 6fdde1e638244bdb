/// The form's own numbering, printed by the finance ministry's 决算 forms: a 栏次 line under the
/// header numbering the amount columns (1 2 3 …) and a 行次 column beside the labels numbering
/// the lines (1, 2, … 32, 33 …). They are small integers, not figures: never facts, never
/// counted as printed figures, never a check.
enum FormNumbering {
    /// 栏次 / 行次 (or 栏 / 行 alone, as a narrow cell wraps them).
    static func isLabel(_ text: String) -> Bool {
        let t = text.withoutSpaces
        return t.hasPrefix("栏次") || t.hasPrefix("行次") || t == "栏" || t == "行"
    }

    /// A 栏次 line: its first words are the 栏次 label and every other cell a number or blank.
    static func isNumberingLine(_ row: SourceRow) -> Bool {
        let texts = row.cells.map(\.text).filter { !$0.isEmpty }
        guard let label = texts.firstIndex(where: { isLabel($0) }) else { return false }
        return texts.enumerated().allSatisfy { i, t in i == label || isLabel(t) || t.isDigits || t == "-" || t == "—" }
    }

}

/// Where a table's lines are numbered, learnt from its header's 行次 cells: the cells under
/// them where cells are columns; in layout text, where cells are only runs of characters, the
/// integer right after each label.
struct LineNumbers {
    private(set) var cells = Set<Int>()
    private(set) var afterLabels = false
    let cellsAreColumns: Bool

    init(cellsAreColumns: Bool) { self.cellsAreColumns = cellsAreColumns }

    mutating func learn(from header: SourceRow) {
        for cell in header.cells where cell.text.withoutSpaces.hasPrefix("行次") {
            if cellsAreColumns { cells.insert(cell.position) } else { afterLabels = true }
        }
    }

    /// The row without its line numbers.
    func removing(from row: SourceRow) -> SourceRow {
        guard !cells.isEmpty || afterLabels else { return row }
        var kept: [SourceCell] = []
        var previous: SourceCell?
        for cell in row.cells {
            let isNumber = cell.text.isDigits
            let numbered = cellsAreColumns
                ? cells.contains(cell.position)
                : cell.text.count <= 3 && previous.map { PrintedNumber.parse($0.text) == nil } ?? false
            if !(isNumber && numbered) { kept.append(cell) }
            if !cell.text.isEmpty { previous = cell }
        }
        return SourceRow(line: row.line, cells: kept)
    }
}
