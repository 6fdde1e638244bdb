/// The header printed over one cell of a table whose cells are columns (a PDF read by geometry):
/// its header lines' words in that cell, top to bottom. Every typed reader names a figure's
/// column from it, so a figure's column is what is printed over it.
struct CellHeader {
    /// The cell's words on each header line, top to bottom ("" where a line has none).
    let lines: [String]

    /// The header over `cell` when its own words name nothing (小计 alone): read with the group
    /// beside it. A spreadsheet centres a merged cell's word, so 财政拨款收入 over 小计 | 一般公共预算 |
    /// 政府性基金 is printed over the middle column only. On each header line above the cell's own
    /// words where the cell is empty, the nearest group word of that line is taken (a word with
    /// words under it in its own cell: a group, not a cell merged down such as a whole-height
    /// 合计); `rows` are the header lines' cell texts, top to bottom, `cells` the figure cells.
    static func grouped(_ rows: [[String]], cell: Int, cells: Range<Int>) -> CellHeader? {
        func text(_ row: Int, _ c: Int) -> String { c < rows[row].count ? rows[row][c] : "" }
        guard let ownTop = rows.indices.first(where: { !text($0, cell).isEmpty }) else { return nil }
        var lines = rows.indices.map { text($0, cell) }
        var borrowed = false
        for row in 0..<ownTop {
            let groups = cells.filter { c in
                c != cell && !text(row, c).isEmpty && (row + 1..<rows.count).contains { !text($0, c).isEmpty }
            }
            guard let nearest = groups.min(by: { abs($0 - cell) < abs($1 - cell) }) else { continue }
            lines[row] = text(row, nearest)
            borrowed = true
        }
        return borrowed ? CellHeader(lines: lines) : nil
    }

    /// A 决算 cell under 年初预算数 / 调整预算数 / 预算数: the budget printed beside the outturn.
    func isBudget(final: Bool) -> Bool {
        let whole = lines.joined()
        return final && (whole.containsUTF8("预算数") || whole.containsUTF8("年初预算") || whole.containsUTF8("调整预算"))
            && !whole.containsUTF8("决算")
    }

    /// A 决算 cell's measure as printed over it, if it says one: the budget (预算数, 年初预算,
    /// 调整预算) or the outturn (决算数). Nil when its header names neither: a merged 预算数 centred
    /// over several columns stands over only some of them.
    func measure(final: Bool) -> Measure? {
        guard final else { return nil }
        if isBudget(final: final) { return .budget }
        return lines.joined().containsUTF8("决算") ? .outturn : nil
    }

    /// A coded table's measure: a 决算's as above; a 预算's year before (上年预算数, 上年执行数,
    /// 2024年预算数 in a 2025 budget) or the year itself (本年, 2025年预算数), for a 预算 table that
    /// prints last year's figures beside its own.
    func measure(final: Bool, year: Int?) -> Measure? {
        if final { return measure(final: true) }
        let whole = lines.joined()
        // 上年结转 / 上年结余 is money carried into this year (the income table's carryover
        // column), not the year before's figure.
        let carried = whole.containsUTF8("结转") || whole.containsUTF8("结余")
        if !carried, whole.containsUTF8("上年") || year.map({ whole.containsUTF8("\($0 - 1)年") }) == true { return .priorYear }
        if whole.containsUTF8("本年") || year.map({ whole.containsUTF8("\($0)年") }) == true { return .year }
        return nil
    }

    enum Measure: Equatable { case budget, outturn, priorYear, year }

    /// A column of changes (增减额, 增减率, 增长%, 比上年增减): figures derived from two printed
    /// ones, beside the table's own.
    var isChange: Bool {
        let whole = lines.joined()
        return ["增减", "增长", "变动", "比上年"].contains { whole.containsUTF8($0) }
    }

    /// The cell's own (lowest) words.
    var own: String { lines.last { !$0.isEmpty } ?? "" }

    /// Each figure cell's measure in a 决算 table that prints the budget beside the outturn. A
    /// cell whose header prints its measure has it. Where the measures are merged cells over
    /// their own columns (年初预算数 over 合计 | 基本支出 | 项目支出, then 决算数 over the same
    /// again) the word is centred and stands over only some of them: a column name printed once
    /// per measure takes the measures in the order they are printed, left to right.
    /// `names`: what each cell's header names apart from its measure; `markers`: the header
    /// cells that print a measure, by position.
    static func measures<Name: Hashable>(names: [Int: Name], printed: [Int: Measure],
                                         markers: [(position: Int, measure: Measure)]) -> [Int: Measure] {
        var out = printed
        var order: [Measure] = []
        for m in markers.sorted(by: { $0.position < $1.position }).map(\.measure) where order.last != m { order.append(m) }
        guard order.count >= 2 else { return out }
        var cellsByName: [Name: [Int]] = [:]
        for (cell, name) in names { cellsByName[name, default: []].append(cell) }
        for cells in cellsByName.values where cells.count == order.count {
            for (cell, m) in zip(cells.sorted(), order) where printed[cell] == nil { out[cell] = m }
        }
        return out
    }

    /// What the header names, read upwards: the cell's own (lowest) words first, then joined to
    /// the lines above (本年收入合 / 计), so a group over several columns (财政拨款收入 over
    /// 一般公共预算) never outweighs the cell's own words; the longest keyword wins.
    func named<Name>(by names: [(name: Name, keywords: [String])]) -> Name? {
        named { joined in
            var best: (Name, Int)?
            for (name, keywords) in names {
                for k in keywords where joined.contains(k) && k.count > (best?.1 ?? 0) { best = (name, k.count) }
            }
            return best?.0
        }
    }

    /// The same upward reading with a table's own classifier of header text (the 三公 table
    /// names its items by rules, not keywords alone): the first non-empty text it names wins.
    func named<Name>(_ classify: (String) -> Name?) -> Name? {
        var joined = ""
        for text in lines.reversed() {
            joined = text + joined
            guard !joined.isEmpty, let name = classify(joined) else { continue }
            return name
        }
        return nil
    }
}
