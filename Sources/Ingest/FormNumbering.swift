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

    /// The cells under a 行次 header: where the lines are numbered (cells are columns).
    static func lineNumberCells(header: [SourceRow]) -> Set<Int> {
        Set(header.flatMap { row in row.cells.filter { $0.text.withoutSpaces.hasPrefix("行次") }.map(\.position) })
    }
}
