/// What a column of a printed table holds.
enum GridRole: Sendable, Equatable {
    /// Classification code digits (a 科目编码 column, or one of 类/款/项).
    case code
    /// Row labels: names, project names, 项目 of a label table.
    case label
    /// Figures.
    case money
}

/// A column of a table's grid: what it holds and where it was printed across the page.
struct GridSlot: Sendable {
    var role: GridRole
    var x0: Double
    var x1: Double
    /// The cell index this column takes in the table's source lines.
    var cell: Int = 0
    /// A code column holding whole codes (科目编码: 2080101), split into the code cells; false
    /// for one of several code columns (类 | 款 | 项), each one part.
    var wholeCodes = false
    /// The stretch of the page the column's cells take (header words are placed by it): from
    /// the right edge of the column before to this column's right edge for figures, which are
    /// right-aligned, or from this column's left edge for labels, which are left-aligned.
    var left = -Double.infinity
    var right = Double.infinity

    func overlap(_ box: PageBox) -> Double { min(x1, box.x1) - max(x0, box.x0) }
}

/// A table's columns, decided on its first page and kept on the pages it continues onto.
struct GridColumns: Sendable {
    var slots: [GridSlot]
    /// Cells per source line: the code columns' cells come first for a coded table.
    var cellCount: Int
    /// How many cells the code parts take at the start of each line (function: 类/款/项 = 3;
    /// economic: 类/款 = 2; label tables: 0).
    var codeCells: Int
    /// Groups of slots read as one table side by side: two-sided (收入 | 支出) and two-panel
    /// (人员经费 | 公用经费) tables have two.
    var panels: [[Int]]
}

/// One source line made from the grid: its cells and where each was printed.
struct GridLine: Sendable {
    var cells: [String]
    var boxes: [PageBox?]
    var top: Double

    init(count: Int, top: Double) {
        cells = Array(repeating: "", count: count)
        boxes = Array(repeating: nil, count: count)
        self.top = top
    }

    mutating func put(_ word: PDFWord, at index: Int, separator: String = "") {
        guard index >= 0 && index < cells.count else { return }
        cells[index] += cells[index].isEmpty ? word.text : separator + word.text
        boxes[index] = boxes[index].map { $0.union(word.printed) } ?? word.printed
    }

    var text: String { cells.joined(separator: "\t") }
}

/// Reads one table on one page as a grid of cells from the positions of its words: columns
/// from the words' horizontal extents (figures of one column overlap, neighbouring columns do
/// not), header cells stacked within their column, rows as bands anchored on the codes and
/// labels, and every figure placed in the row whose band holds it. Nothing is placed by its
/// order on a line of text.
struct TableGrid {
    let key: RowKey?
    /// Header source lines (one per printed header line, cells under their columns).
    private(set) var header: [GridLine] = []
    /// Row source lines, in reading order.
    private(set) var rows: [GridLine] = []
    /// Text printed inside the table that belongs to no cell (a 备注 across the columns).
    private(set) var remarks: [VisualLine] = []
    private(set) var columns: GridColumns?

    /// - Parameters:
    ///   - lines: the region's visual lines (after the title and unit lines, before the notes).
    ///   - inherited: the columns of the same table on the page before, when it continues.
    init(key: RowKey?, lines: [VisualLine], inherited: GridColumns?) {
        self.key = key
        var start = lines.firstIndex { Self.isDataLine($0, key: key) } ?? lines.count
        // The first row's wrapped name may begin above its code (a vertically centred row): a
        // text line in the name column closer to the first row than to the header above it is
        // the row's, not the header's.
        if start < lines.count {
            let names = lines[start...].flatMap(\.words).filter { !Self.isFigure($0.text) && !Self.isTotalLabel($0.text) }
            let nameColumn = names.map(\.box.x0).min() ?? .infinity
            // A name stays left of the figures: a one-line header over the figure columns (项目
            // 上年预算数 本年预算数) right above the first row is no piece of its name.
            let figures = lines[start...].flatMap(\.words).filter { Self.isFigure($0.text) && !Self.isCodeToken($0.text) }.map(\.box.x0).min() ?? .infinity
            while start > 0 {
                let candidate = lines[start - 1]
                let below = lines[start].box.y0 - candidate.box.y1
                let above = start >= 2 ? candidate.box.y0 - lines[start - 2].box.y1 : .infinity
                guard below < above, below < candidate.height,
                      candidate.words.allSatisfy({ !Self.isFigure($0.text) && $0.box.x0 >= nameColumn - 2 && $0.box.x1 <= figures }) else { break }
                start -= 1
            }
        }
        var headerLines = Array(lines[..<start])
        let body = Array(lines[start...])
        let bodyWords = body.flatMap(\.words).filter { !Self.isBlankMark($0.text) }.flatMap(Self.splitGlued)
        let columns = inherited ?? Self.columns(headerWords: headerLines.flatMap(\.words), bodyWords: bodyWords, key: key)
        if inherited != nil { headerLines = [] }  // a repeated header: the first page's stands
        guard let columns else { remarks = lines; return }
        self.columns = columns
        header = headerLines.map { line in
            var g = GridLine(count: columns.cellCount, top: line.box.y0)
            for w in line.words {
                for cell in Self.headerCells(w.box, columns.slots) { g.put(w, at: cell, separator: " ") }
            }
            return g
        }
        readRows(bodyWords, columns: columns)
    }

    // MARK: - Words

    /// "-", "—" print a blank cell; "……" a row the form leaves to be filled in.
    static func isBlankMark(_ text: String) -> Bool {
        ["-", "—", "--", "－", "——", "/", "…", "……", "...", "......"].contains(text)
    }

    /// Pure digits of a code's length (a 类/款/项 code or part), not a figure.
    static func isCodeToken(_ text: String) -> Bool {
        text.utf8.count <= 7 && text.isDigits
    }

    /// A number as printed (a code's digits read as one too: which they are is decided by the
    /// column they stand in, not by the word), or the ### of one too wide for its cell.
    static func isFigure(_ text: String) -> Bool {
        PrintedNumber.parse(text) != nil || IllegibleFigure.isMark(text)
    }

    static func isTotalLabel(_ text: String) -> Bool {
        let t = text.withoutSpaces
        return t == "合计" || t == "总计" || t.hasSuffix("合计") || t.hasSuffix("总计")
    }

    /// "2080101行政运行", "30207邮电费": the code printed in the name's cell, as two words.
    static func splitGlued(_ word: PDFWord) -> [PDFWord] {
        let digits = word.text.prefix { $0.isASCII && $0.isNumber }
        guard [3, 5, 7].contains(digits.count), digits.count < word.text.count else { return [word] }
        let rest = word.text.dropFirst(digits.count)
        guard let f = rest.first, !f.isASCII, f != "，", f != "．" else { return [word] }
        let share = Double(digits.count) * 0.55 / (Double(digits.count) * 0.55 + Double(rest.count))
        let cut = word.box.x0 + word.box.width * share
        var code = word, name = word
        code.text = String(digits)
        code.box.x1 = cut
        name.text = String(rest)
        name.box.x0 = cut
        return [code, name]
    }

    /// A line that starts the table's body: a code with a name or figure, a total with figures,
    /// or a label with a figure. 栏次 lines (1 2 3 …) and header words are not data.
    static func isDataLine(_ line: VisualLine, key: RowKey?) -> Bool {
        let words = line.words.filter { !isBlankMark($0.text) }.flatMap(splitGlued)
        let texts = words.map(\.text)
        if texts.contains(where: { $0.hasPrefix("栏次") || $0.hasPrefix("行次") || $0 == "栏" }) { return false }
        let numbers = words.indices.filter { isFigure(texts[$0]) }
        let figures = numbers.filter { i in
            let t = texts[i]
            return t.contains(".") || t.contains(",") || t.utf8.count >= 4 || !isCodeToken(t)
        }
        // 1 2 3 …: the column numbers under a header.
        let ints = numbers.compactMap { Int(texts[$0]) }
        if ints.count >= 3, ints.count == numbers.count, let first = ints.first, ints == Array(first..<(first + ints.count)) { return false }
        if let first = texts.first, key != .label, isCodeToken(first), [3, 5, 7].contains(first.count), texts.count > 1 {
            return true
        }
        if texts.contains(where: isTotalLabel) && !numbers.isEmpty { return true }
        guard let firstFigure = figures.first else { return false }
        return words[..<firstFigure].contains { !isFigure($0.text) }
            || numbers.count >= 2 && !figures.isEmpty
    }

    // MARK: - Columns

    /// Columns from the body's words: each role clustered on its own (figures of one column
    /// overlap horizontally, so do the names of one column and the codes of one column), then
    /// ordered by position. A code column overlapping a label column is one label column with
    /// codes inside its cells; a number column overlapping a figure column belongs to it.
    static func columns(headerWords: [PDFWord], bodyWords: [PDFWord], key: RowKey?) -> GridColumns? {
        var figureBoxes: [PageBox] = [], codeBoxes: [PageBox] = [], labelBoxes: [PageBox] = []
        for w in bodyWords {
            if isFigure(w.text) {
                if key != .label && isCodeToken(w.text) { codeBoxes.append(w.box) } else { figureBoxes.append(w.box) }
            } else {
                labelBoxes.append(w.box)
            }
        }
        var money = clusters(figureBoxes)
        // Small integers under figures are figures ("0", "500" in 元): codes stand apart.
        var codes: [(Double, Double)] = []
        for c in clusters(codeBoxes) {
            if let m = money.firstIndex(where: { min($0.1, c.1) - max($0.0, c.0) > 0 }) {
                money[m] = (min(money[m].0, c.0), max(money[m].1, c.1))
            } else {
                codes.append(c)
            }
        }
        money = merged(money)
        // A label word across two or more figure columns is a remark, not a column.
        let labels = clusters(labelBoxes.filter { b in money.filter { min($0.1, b.x1) - max($0.0, b.x0) > 0 }.count < 2 })
        var slots: [GridSlot] = money.map { GridSlot(role: .money, x0: $0.0, x1: $0.1) }
        for l in labels where !money.contains(where: { min($0.1, l.1) - max($0.0, l.0) > 0.5 * min($0.1 - $0.0, l.1 - l.0) }) {
            slots.append(GridSlot(role: .label, x0: l.0, x1: l.1))
        }
        for c in codes {
            if let i = slots.firstIndex(where: { $0.role == .label && $0.overlap(PageBox(x0: c.0, y0: 0, x1: c.1, y1: 0)) > 0 }) {
                slots[i].x0 = min(slots[i].x0, c.0)
                slots[i].x1 = max(slots[i].x1, c.1)
            } else {
                slots.append(GridSlot(role: .code, x0: c.0, x1: c.1))
            }
        }
        // A table that prints no figure at all (a blank form, a table of empty rows) still has
        // its figure columns: the header cells that stand over no code or label column.
        if !slots.contains(where: { $0.role == .money }), let firstLabel = slots.map(\.x0).min() {
            for block in headerBlocks(headerWords) where block.x0 > firstLabel && !slots.contains(where: { $0.overlap(block) > 0 }) {
                slots.append(GridSlot(role: .money, x0: block.x0, x1: block.x1))
            }
        }
        slots.sort { $0.x0 < $1.x0 }
        // A column of codes precedes the names it codes: digits with no label column after
        // them are figures (a column of 0s under 基本支出).
        for k in slots.indices where slots[k].role == .code {
            let next = slots[(k + 1)...].first { $0.role != .code }
            if next?.role != .label { slots[k].role = .money }
        }
        slots = mergedMoney(slots)
        partition(&slots)
        // Header cells over no printed figure are columns all of whose cells are blank: where
        // one column's stretch holds two header cells side by side, the one nearest the
        // figures' right edge is theirs and the other is a column of its own.
        var added: [GridSlot] = []
        for s in slots where s.role == .money {
            let words = headerWords.filter { $0.box.midX > s.left && $0.box.midX <= s.right }
            // A block reaching over the stretch's edge is a merged cell over several columns
            // (合计 over 预算数 | 决算数), not a column of this stretch.
            let blocks = headerBlocks(words).filter { b in
                min(b.x1, s.left) - b.x0 < 0.25 * b.width && b.x1 - max(b.x0, s.right) < 0.25 * b.width
            }
            guard blocks.count >= 2 else { continue }
            let owner = blocks.indices.min { abs(blocks[$0].x1 - s.x1) < abs(blocks[$1].x1 - s.x1) }
            for (i, b) in blocks.enumerated() where i != owner && s.overlap(b) <= 0 {
                added.append(GridSlot(role: .money, x0: b.x0, x1: b.x1))
            }
        }
        if !added.isEmpty {
            slots += added
            slots.sort { $0.x0 < $1.x0 }
            partition(&slots)
        }
        guard slots.contains(where: { $0.role == .money }) else { return nil }
        // Panels: a label or code column after a figure column starts the next panel.
        var panels: [[Int]] = [[]]
        for (i, s) in slots.enumerated() {
            if s.role != .money, let last = panels[panels.count - 1].last, slots[last].role == .money {
                panels.append([])
            }
            panels[panels.count - 1].append(i)
        }
        // Cells: the code parts first (coded tables), then every other column in order.
        let codeCells = key == .economic ? 2 : (key == .function ? 3 : 0)
        var cell = codeCells
        for panel in panels {
            // Each panel's code columns share the code cells (a two-panel row is one panel's).
            var nextPart = 0
            let codeSlots = panel.filter { slots[$0].role == .code }.count
            for i in panel {
                if slots[i].role == .code && codeCells > 0 {
                    slots[i].cell = min(nextPart, codeCells - 1)
                    slots[i].wholeCodes = codeSlots == 1
                    nextPart += 1
                } else {
                    slots[i].cell = cell
                    cell += 1
                }
            }
        }
        return GridColumns(slots: slots, cellCount: cell, codeCells: codeCells, panels: panels)
    }

    /// Overlapping extents merged: (x0, x1) of each cluster, left to right.
    static func clusters(_ boxes: [PageBox]) -> [(Double, Double)] {
        merged(boxes.map { ($0.x0, $0.x1) })
    }

    static func merged(_ extents: [(Double, Double)]) -> [(Double, Double)] {
        var out: [(Double, Double)] = []
        for e in extents.sorted(by: { $0.0 < $1.0 }) {
            if let last = out.last, e.0 < last.1 - 0.5 {
                out[out.count - 1].1 = max(last.1, e.1)
            } else {
                out.append(e)
            }
        }
        return out
    }

    /// Neighbouring figure columns that overlap are one column.
    static func mergedMoney(_ slots: [GridSlot]) -> [GridSlot] {
        var out: [GridSlot] = []
        for s in slots {
            if let last = out.last, last.role == .money, s.role == .money, s.x0 < last.x1 {
                out[out.count - 1].x1 = max(last.x1, s.x1)
            } else {
                out.append(s)
            }
        }
        return out
    }

    /// The stretch of page each column's cells take: between two columns the boundary is the
    /// left column's right edge when figures follow (they are right-aligned in their cells),
    /// else just before the right column's first character (labels are left-aligned).
    static func partition(_ slots: inout [GridSlot]) {
        for k in slots.indices {
            slots[k].left = k == 0 ? -Double.infinity : boundary(slots[k - 1], slots[k])
            slots[k].right = k == slots.count - 1 ? Double.infinity : boundary(slots[k], slots[k + 1])
        }
    }

    static func boundary(_ a: GridSlot, _ b: GridSlot) -> Double {
        if a.x1 >= b.x0 { return (a.x1 + b.x0) / 2 }
        return b.role == .money ? a.x1 + 0.5 : b.x0 - 0.5
    }

    /// Header cells side by side within one stretch: header words grouped by horizontal
    /// overlap, narrowest first, so a group word spanning two cells (收入预算 over 合计 and
    /// 事业收入) joins neither and does not weld them into one.
    /// A word joins a block only as the next line of the same cell (close above or below it);
    /// a word further up over it is a group over columns.
    static func headerBlocks(_ words: [PDFWord]) -> [PageBox] {
        var blocks: [PageBox] = []
        for w in words.sorted(by: { $0.box.width < $1.box.width }) {
            let hits = blocks.indices.filter { blocks[$0].overlapX(w.box) > 0 }
            if hits.isEmpty {
                blocks.append(w.box)
            } else if hits.count == 1, let i = hits.first, -blocks[i].overlapY(w.box) < 0.6 * w.box.height {
                blocks[i] = blocks[i].union(w.box)
            }
        }
        return blocks.sorted { $0.x0 < $1.x0 }
    }

    /// The cells a header word stands over: the column whose stretch holds its middle, and
    /// every other column whose stretch holds at least a quarter of its width (a merged header
    /// cell over several columns: 合计 over 预算数 | 决算数 applies to each).
    static func headerCells(_ box: PageBox, _ slots: [GridSlot]) -> [Int] {
        var cells: [Int] = []
        for s in slots {
            let inside = min(box.x1, s.right) - max(box.x0, s.left)
            let holdsMiddle = box.midX > s.left && box.midX <= s.right
            if (holdsMiddle || inside >= 0.25 * box.width && inside > 0) && !cells.contains(s.cell) { cells.append(s.cell) }
        }
        return cells
    }

    /// The slot a word belongs to: the one it overlaps most; failing that the nearest, when it
    /// is closer to that slot than the slot's width (at least 12 points).
    static func slotIndex(for box: PageBox, _ slots: [GridSlot]) -> Int? {
        var best: (Int, Double)?
        for (i, s) in slots.enumerated() {
            let o = s.overlap(box)
            if o > (best?.1 ?? -Double.infinity) { best = (i, o) }
        }
        guard let (i, o) = best else { return nil }
        if o > 0 { return i }
        return -o < max(12, (slots[i].x1 - slots[i].x0)) ? i : nil
    }

    // MARK: - Rows

    private struct Row {
        var band: PageBox
        var line: GridLine
        /// Label words by cell, joined in reading order once the row is complete.
        var texts: [Int: [PDFWord]] = [:]
    }

    /// Rows panel by panel. Keys start rows: a code or a total in a coded table; in a label
    /// table a label, unless it continues the label above (a wrapped label, close under it).
    /// Other label words join the row they are nearest to (a wrapped name above or below its
    /// code). Then each row's band reaches down to the next row's top, and a figure goes to the
    /// row whose band holds its middle: a figure centred in a tall row, below its code's line,
    /// is still that row's.
    private mutating func readRows(_ words: [PDFWord], columns: GridColumns) {
        var placed = [[PDFWord]](repeating: [], count: columns.panels.count)
        for w in words {
            guard let s = Self.slotIndex(for: w.box, columns.slots) else {
                remarks.append(VisualLine(words: [w], box: w.box))
                continue
            }
            if let p = columns.panels.firstIndex(where: { $0.contains(s) }) { placed[p].append(w) }
        }
        var out: [GridLine] = []
        for (p, panel) in columns.panels.enumerated() {
            out += rowsOfPanel(placed[p], slots: panel.map { columns.slots[$0] }, columns: columns)
        }
        rows = out.sorted { $0.top < $1.top }
    }

    private func rowsOfPanel(_ words: [PDFWord], slots: [GridSlot], columns: GridColumns) -> [GridLine] {
        func slot(_ w: PDFWord) -> GridSlot? { Self.slotIndex(for: w.box, slots).map { slots[$0] } }
        let unlabelled = !slots.contains { $0.role != .money }
        var rows: [Row] = []
        var fragments: [PDFWord] = []
        var figures: [PDFWord] = []
        for line in VisualLine.lines(of: words) {
            let labelWords = line.words.filter { w in slot(w).map { $0.role != .money } ?? false }
            let moneyWords = line.words.filter { w in slot(w)?.role == .money }
            figures += moneyWords
            // A table of figures with no label column (a 三公 table's one line): each printed
            // line of figures is a row.
            if unlabelled {
                if !moneyWords.isEmpty { rows.append(Row(band: line.box, line: GridLine(count: columns.cellCount, top: line.box.y0))) }
                continue
            }
            guard !labelWords.isEmpty else { continue }
            let keyed: Bool
            if key == .label {
                let isTotal = labelWords.contains { Self.isTotalLabel($0.text) }
                if let last = rows.last, !isTotal, line.box.y0 - last.band.y1 < 0.5 * line.height {
                    keyed = false
                } else {
                    keyed = true
                }
            } else {
                keyed = labelWords.contains { w in
                    Self.isCodeToken(w.text) && (slot(w)?.role == .code || w.text.count >= 3) || Self.isTotalLabel(w.text)
                }
            }
            if keyed {
                var row = Row(band: PageBox.enclosing(labelWords.map(\.box)) ?? line.box,
                              line: GridLine(count: columns.cellCount, top: line.box.y0))
                for w in labelWords { place(w, slot(w), in: &row) }
                rows.append(row)
            } else {
                fragments += labelWords
            }
        }
        // Wrapped label text joins the nearest row (by the gap between the text and the row).
        for w in fragments {
            guard let r = nearest(rows, to: w.box) else { continue }
            place(w, slot(w), in: &rows[r])
        }
        rows.sort { $0.band.y0 < $1.band.y0 }
        figures = Self.joiningWrappedFigures(figures, rowBands: rows.map(\.band)) { slot($0)?.cell }
        // Figures: the row whose band (from its top to the next row's top) holds the figure's
        // middle. One above every row, or more than a row's height below the last, stands
        // outside the rows and is reported; so is a second figure for one cell.
        var orphans: [Int: GridLine] = [:]
        for w in figures.sorted(by: { ($0.box.y0, $0.box.x0) < ($1.box.y0, $1.box.x0) }) {
            guard let s = slot(w) else { continue }
            let middle = w.box.midY
            var target: Int?
            if let k = rows.lastIndex(where: { $0.band.y0 - 0.3 * w.box.height <= middle }) {
                let bottom = k + 1 < rows.count ? rows[k + 1].band.y0 : rows[k].band.y1 + 1.5 * max(rows[k].band.height, w.box.height)
                if middle < bottom { target = k }
            }
            if let k = target, rows[k].line.cells[s.cell].isEmpty || Self.continuesNumber(rows[k].line.boxes[s.cell], w.box) {
                rows[k].line.put(w, at: s.cell, separator: " ")
            } else {
                let at = Int(w.box.y0.rounded())
                var orphan = orphans[at] ?? GridLine(count: columns.cellCount, top: w.box.y0)
                orphan.put(w, at: s.cell, separator: " ")
                orphans[at] = orphan
            }
        }
        return rows.map { row in
            var line = row.line
            for (cell, ws) in row.texts {
                for w in ws.sorted(by: Self.readingOrder) { line.put(w, at: cell) }
            }
            return line
        } + orphans.values.sorted { $0.top < $1.top }
    }

    /// Top to bottom by printed line, then left to right.
    private static func readingOrder(_ a: PDFWord, _ b: PDFWord) -> Bool {
        if a.box.overlapY(b.box) >= 0.5 * min(a.box.height, b.box.height) { return a.box.x0 < b.box.x0 }
        return a.box.y0 < b.box.y0
    }

    /// Figures a word processor wrapped inside a narrow cell ("90,018,300." over "24", "225,021,778"
    /// over ".19"): pieces stacked in one money cell a line apart are one figure when the upper
    /// cannot end one (a trailing point or comma, a thousands group of fewer than three digits,
    /// fewer decimals than the table's figures have) or the lower cannot start one (a leading
    /// point or comma), and together they read as a number. Read apart, the pieces were two
    /// figures of two rows.
    /// The decimals cue is the weakest (a table in Excel's General format prints 12.5 beside
    /// 12.50): it never joins two pieces that each stand level with a row's labels of their own.
    static func joiningWrappedFigures(_ words: [PDFWord], rowBands: [PageBox], cell: (PDFWord) -> Int?) -> [PDFWord] {
        // First what the pieces' own marks join; then, knowing the decimals most of the table's
        // figures print, a piece with fewer ("9,377,011.0" over "8").
        let marked = joiningWrapped(words, cell: cell, usualDecimals: nil, rowBands: rowBands)
        var decimalCounts: [Int: Int] = [:]
        for w in marked where PrintedNumber.parse(w.text) != nil {
            if let dot = w.text.lastIndex(of: ".") { decimalCounts[w.text.distance(from: dot, to: w.text.endIndex) - 1, default: 0] += 1 }
        }
        guard let usual = decimalCounts.max(by: { ($0.value, $1.key) < ($1.value, $0.key) })?.key else { return marked }
        return joiningWrapped(marked, cell: cell, usualDecimals: usual, rowBands: rowBands)
    }

    private static func joiningWrapped(_ words: [PDFWord], cell: (PDFWord) -> Int?, usualDecimals usual: Int?, rowBands: [PageBox]) -> [PDFWord] {
        func level(_ box: PageBox) -> Int? { rowBands.firstIndex { $0.overlapY(box) > 0.5 * box.height } }
        var byCell: [Int: [PDFWord]] = [:]
        var out: [PDFWord] = []
        for w in words {
            if let c = cell(w) { byCell[c, default: []].append(w) } else { out.append(w) }
        }
        for (_, column) in byCell {
            var pieces = column.sorted { $0.box.y0 < $1.box.y0 }
            var i = 0
            while i + 1 < pieces.count {
                let upper = pieces[i], lower = pieces[i + 1]
                let stacked = lower.box.y0 - upper.box.y1 < 0.6 * upper.box.height && upper.box.overlapX(lower.box) > 0
                let joined = upper.text + lower.text
                let ownRows = usual != nil && level(upper.box) != nil && level(lower.box) != nil && level(upper.box) != level(lower.box)
                if stacked, !ownRows, Self.endsIncomplete(upper.text, usualDecimals: usual) || lower.text.hasPrefix(".") || lower.text.hasPrefix(","),
                   PrintedNumber.parse(joined) != nil || Self.endsIncomplete(joined, usualDecimals: usual) {
                    var w = upper
                    w.text = joined
                    w.box = upper.box.union(lower.box)
                    w.printed = upper.printed.union(lower.printed)
                    pieces[i] = w
                    pieces.remove(at: i + 1)
                } else {
                    i += 1
                }
            }
            out += pieces
        }
        return out
    }

    /// A piece of a figure that cannot be its end: "90,018,300.", "12,345,", "225,021,77",
    /// "9,377,011.0" in a column of two decimals.
    private static func endsIncomplete(_ text: String, usualDecimals: Int?) -> Bool {
        if text.hasSuffix(".") || text.hasSuffix(",") { return true }
        let whole = text.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        if let integer = whole.first, integer.contains(","), integer.split(separator: ",").last?.count != 3 { return true }
        if whole.count == 2, let usual = usualDecimals, whole[1].count < usual { return true }
        return false
    }

    /// A second piece of a number on the same printed line, right after the first ("1971.5" "9").
    private static func continuesNumber(_ previous: PageBox?, _ box: PageBox) -> Bool {
        guard let p = previous else { return true }
        return p.overlapY(box) > 0.5 * box.height && box.x0 >= p.x1 - 0.5 && box.x0 - p.x1 < box.height
    }

    private func nearest(_ rows: [Row], to box: PageBox) -> Int? {
        var best: (Int, Double)?
        for (i, r) in rows.enumerated() {
            let gap = max(r.band.y0 - box.y1, box.y0 - r.band.y1, -r.band.overlapY(box) * 0.001)
            if gap < (best?.1 ?? Double.infinity) { best = (i, gap) }
        }
        return best?.0
    }

    /// A label word into its row: code digits into the code cells, text into its column's cell
    /// (joined in reading order at the end); the row's band grows to cover it.
    private func place(_ w: PDFWord, _ s: GridSlot?, in row: inout Row) {
        guard let s else { return }
        row.band = row.band.union(PageBox(x0: row.band.x0, y0: w.box.y0, x1: row.band.x1, y1: w.box.y1))
        let codeCells = codeCellCount
        if codeCells > 0, Self.isCodeToken(w.text) {
            if s.role == .code && !s.wholeCodes {
                row.line.put(w, at: s.cell)
                return
            }
            let codeStarted = (0..<codeCells).contains { !row.line.cells[$0].isEmpty }
            let textStarted = !(row.texts[s.cell] ?? []).isEmpty
            if s.role == .code || !codeStarted && !textStarted && [3, 5, 7].contains(w.text.count) {
                if codeStarted {
                    // A second digit run in one code cell ("301  2"): the next part, as printed.
                    if let k = (0..<codeCells).first(where: { row.line.cells[$0].isEmpty }) { row.line.put(w, at: k) }
                    return
                }
                for (k, part) in Self.codeParts(w.text, cells: codeCells).enumerated() where !part.isEmpty {
                    var piece = w
                    piece.text = part
                    row.line.put(piece, at: k)
                }
                return
            }
        }
        row.texts[s.cell, default: []].append(w)
    }

    private var codeCellCount: Int { key == .economic ? 2 : (key == .function ? 3 : 0) }

    /// "2080101" -> 208, 01, 01; "30102" -> 301, 02.
    static func codeParts(_ digits: String, cells: Int) -> [String] {
        var parts: [String] = []
        var rest = Substring(digits)
        for width in [3, 2, 2].prefix(cells) {
            let take = rest.prefix(width)
            parts.append(String(take))
            rest = rest.dropFirst(take.count)
        }
        if !rest.isEmpty, let last = parts.indices.last { parts[last] += rest }
        return parts
    }
}
