/// The header printed over one cell of a table whose cells are columns (a PDF read by geometry):
/// its header lines' words in that cell, top to bottom. Every typed reader names a figure's
/// column from it, so a figure's column is what is printed over it.
struct CellHeader {
    /// The cell's words on each header line, top to bottom ("" where a line has none).
    let lines: [String]

    /// A 决算 cell under 年初预算数 / 调整预算数 / 预算数: the budget printed beside the outturn.
    func isBudget(final: Bool) -> Bool {
        let whole = lines.joined()
        return final && (whole.containsUTF8("预算数") || whole.containsUTF8("年初预算") || whole.containsUTF8("调整预算"))
            && !whole.containsUTF8("决算")
    }

    /// What the header names, read upwards: the cell's own (lowest) words first, then joined to
    /// the lines above (本年收入合 / 计), so a group over several columns (财政拨款收入 over
    /// 一般公共预算) never outweighs the cell's own words; the longest keyword wins.
    func named<Name>(by names: [(name: Name, keywords: [String])]) -> Name? {
        var joined = ""
        for text in lines.reversed() {
            joined = text + joined
            guard !joined.isEmpty else { continue }
            var best: (Name, Int)?
            for (name, keywords) in names {
                for k in keywords where joined.contains(k) && k.count > (best?.1 ?? 0) { best = (name, k.count) }
            }
            if let b = best { return b.0 }
        }
        return nil
    }
}
