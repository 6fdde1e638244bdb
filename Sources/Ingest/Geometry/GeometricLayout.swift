import Foundation

/// Turns a PDF's positioned words into the source lines every reader works on, with where each
/// line and cell was printed. Prose and titles become one line per printed line. A table (from
/// its title to its notes, continuing onto the next pages) becomes a grid: its header lines and
/// one line per table row, each cell under its column and separated by tabs, so the table
/// readers take a figure's column from the cell it stands in, never from its order on a line.
struct GeometricLayout {
    private(set) var lines: [String] = []
    private(set) var geometry: [LineGeometry?] = []

    static func layout(_ pages: [PDFPage]) -> GeometricLayout {
        var layout = GeometricLayout()
        var open: (key: RowKey?, columns: GridColumns)?
        for page in pages {
            let visual = VisualLine.lines(of: page.words).filter { !isPageFurniture($0, page: page) }
            var i = 0
            // A table left open at the foot of the last page continues at the top of this one,
            // when this page starts with its rows (or repeats its header before them).
            if let table = open {
                let end = regionEnd(visual, from: 0)
                if end > 0, visual[0..<end].contains(where: { TableGrid.isDataLine($0, key: table.key) }),
                   !visual[0..<min(end, 3)].contains(where: { TableLocator.isProse($0.text) }) {
                    let grid = TableGrid(key: table.key, lines: Array(visual[0..<end]), inherited: table.columns)
                    layout.emit(grid, page: page.number)
                    i = end
                    open = end == visual.count ? table : nil
                } else {
                    open = nil
                }
            }
            while i < visual.count {
                let line = visual[i]
                guard let title = TableLocator.title(of: line.text) else {
                    layout.emit(line, page: page.number)
                    i += 1
                    continue
                }
                layout.emit(line, page: page.number)
                i += 1
                // The unit and 编制单位 lines under the title stay text lines (readers look for
                // them near the title).
                while i < visual.count, isTableMeta(visual[i]) {
                    layout.emit(visual[i], page: page.number)
                    i += 1
                }
                let end = regionEnd(visual, from: i)
                let key = TableKind.matching(title: title)?.key ?? .label
                let grid = TableGrid(key: key, lines: Array(visual[i..<end]), inherited: nil)
                layout.emit(grid, page: page.number)
                open = end == visual.count ? grid.columns.map { (key, $0) } : nil
                i = end
            }
        }
        return layout
    }

    /// Where a table's region ends: a new title, a note under it, or prose.
    static func regionEnd(_ visual: [VisualLine], from start: Int) -> Int {
        var k = start
        while k < visual.count {
            let text = visual[k].text
            if TableLocator.title(of: text) != nil || isNote(text) || TableLocator.isProse(text) && !TableGrid.isDataLine(visual[k], key: nil) {
                return k
            }
            k += 1
        }
        return k
    }

    static func isNote(_ text: String) -> Bool {
        let t = text.withoutSpaces
        return t.hasPrefix("注：") || t.hasPrefix("注:") || t.hasPrefix("备注") || t.hasPrefix("说明：") || t.hasPrefix("注1")
            || t.containsUTF8("本表无数据") || t.containsUTF8("空表")
    }

    static func isTableMeta(_ line: VisualLine) -> Bool {
        let t = line.text
        return (t.containsUTF8("单位：") || t.containsUTF8("单位:") || t.containsUTF8("编制单位") || t.containsUTF8("编制部门"))
            && !TableGrid.isDataLine(line, key: nil)
    }

    /// A page number printed alone at the head or foot of the page ("- 5 -", "5", "第5页").
    static func isPageFurniture(_ line: VisualLine, page: PDFPage) -> Bool {
        guard page.height > 0, line.box.y0 > page.height * 0.9 || line.box.y1 < page.height * 0.06 else { return false }
        var t = line.text.withoutSpaces
        for mark in ["-", "—", "－", "第", "页", "共"] { t = t.replacingOccurrences(of: mark, with: "") }
        return t.isDigits && t.count <= 4 || t.isEmpty
    }

    private mutating func emit(_ line: VisualLine, page: Int) {
        lines.append(line.text)
        geometry.append(LineGeometry(page: page, cells: [PageBox.enclosing(line.words.map(\.printed)) ?? line.box]))
    }

    private mutating func emit(_ grid: TableGrid, page: Int) {
        for g in grid.header + grid.rows {
            lines.append(g.text)
            geometry.append(LineGeometry(page: page, cells: g.boxes))
        }
        for r in grid.remarks { emit(r, page: page) }
    }
}
