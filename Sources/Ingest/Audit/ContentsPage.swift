/// The 目录 page: the standard tables the document promises, in order. Entries are read from the
/// lines after "目录" (leader dots and page numbers dropped) up to the first sentence of prose.
struct ContentsPage: Sendable {
    /// The line of "目录", nil when the document has none.
    let line: Int?
    /// The last line of the contents (0 when there are none).
    let endLine: Int
    /// Canonical table names listed, in order, with their lines.
    let listed: [(table: String, line: Int)]

    static func read(_ document: SnapshotDocument) -> ContentsPage {
        let lines = document.lines
        guard let start = lines.prefix(200).firstIndex(where: { $0.withoutSpaces == "目录" }) else {
            return ContentsPage(line: nil, endLine: 0, listed: [])
        }
        var listed: [(String, Int)] = []
        var end = start + 1
        var n = start + 1
        while n < lines.count && n < start + 120 {
            let text = lines[n].withoutSpaces
            // Prose (a full stop) or a table's unit line ends the contents.
            if text.containsUTF8("。") || text.containsUTF8("单位：") || text.containsUTF8("单位:") { break }
            var entry = Substring(text)
            while let last = entry.last, last.isNumber || last == "…" || last == "." || last == "·" || last == "-" { entry = entry.dropLast() }
            if entry.hasSuffix("表"), let kind = TableKind.matching(title: String(entry)) {
                listed.append((kind.name, n + 1))
                end = n + 1
            }
            n += 1
        }
        return ContentsPage(line: start + 1, endLine: listed.isEmpty ? start + 1 : end, listed: listed)
    }

    func contains(line: Int) -> Bool {
        guard let start = self.line else { return false }
        return line >= start && line <= endLine
    }
}
