import Store

/// A row of a code-keyed table after repair: its code, name and the values by column.
struct CodedRow: Sendable {
    let line: Int
    let code: ClassificationCode?
    let name: String
    /// Values in 万元 by canonical column name.
    var values: [String: ExactDecimal]
    /// Values as printed (table unit), by column name, for facts and tolerances.
    var printed: [String: RowNumber]
    let isTotal: Bool
    /// True for the rows stored in the typed table (no child rows under it).
    var isLeaf: Bool = false
    /// The printed numbers, their column (index into the table's columns) and the other
    /// placements that keep the row's arithmetic.
    var numbers: [RowNumber] = []
    var assignment: [Int] = []
    var alternatives: [[Int]] = []
    /// True when the row's cells sit exactly under the header cells (tab text): never moved.
    var isTrusted = false
    /// False when no placement of the row's numbers keeps its own arithmetic (the document's
    /// own inconsistency): such a row is no evidence for other rows' columns.
    var keepsArithmetic = true
    /// The project a row of project_spending is about; nil for subtotal rows.
    var project: String?
    /// Figures printed beside the row's own columns (facts only).
    var sideNumbers: [SideFigure] = []
    /// Columns whose figure is printed as ### and that the row's arithmetic could not give:
    /// unknown, neither blank nor zero (checks leave them out).
    var illegible: Set<String> = []

    /// The row as a reviewer names it: "2010101 行政运行", "合计".
    var label: String { code.map { "\($0) \(name)" } ?? name }
}

/// One table read from its segments: the unit, the columns it prints, its rows, and what it
/// took to read it.
struct CodedTable: Sendable {
    let kind: TableKind
    let title: String
    let unit: MoneyUnit
    let columns: [CanonicalColumn]
    /// The header word that named each column, by column name.
    let columnLabels: [String: String]
    var rows: [CodedRow]
    var repairs: [Repair]
    /// Numbers that could not be placed in a column: (line, cell text, why).
    var unparsed: [(line: Int, cell: String, reason: String)]
    /// Figures printed as ### that nothing could give: (line, cell text, where).
    var illegible: [(line: Int, cell: String, reason: String)] = []
    /// True when the table's title was found but it prints no rows (an empty table with a note).
    var isEmpty: Bool { rows.isEmpty }
}

/// Reads the tables keyed by function or economic code (spending, income, general_spending,
/// basic_spending …): header -> columns, lines -> rows, code repair, column assignment.
struct CodedTableReader {
    let document: SnapshotDocument
    let sourceRows: SourceRows
    let dictionary: CodeDictionary
    let defaultUnit: MoneyUnit

    /// The table body lines of `segments` (a table continues across pages and repeated titles).
    func read(kind: TableKind, segments: [TableSegment]) -> CodedTable {
        let widths = kind.key == .economic ? [3, 2] : [3, 2, 2]
        var unit: MoneyUnit?
        var headerText = ""
        var headerRows: [SourceRow] = []
        var lines: [TableLine] = []
        var headerNumbers: [(RowNumber, Int)] = []
        let title = segments.first?.title ?? kind.name
        for segment in segments {
            // The unit line sits just before or after the title.
            for n in max(1, segment.titleLine - 2)...(segment.titleLine + 6) {
                if let text = document.line(n), let u = MoneyUnit.stated(in: text) { unit = unit ?? u; break }
            }
            guard let body = segment.lines else { continue }
            var inHeader = true
            for n in body {
                let text = document.lines[n - 1]
                let row = sourceRows[n]
                if FormNumbering.isNumberingLine(row) { continue }
                let tl = CodedRowReader.read(row, format: document.format, codeCells: widths.count)
                if inHeader {
                    if tl.shape == .data && (tl.hasCode || tl.isTotal) || tl.shape == .codeFragment && tl.codeParts.first?.count ?? 0 >= 2 {
                        inHeader = false
                    } else {
                        // Numbers in the header are printed too: accounted for (the 栏次 line's are
                        // the form's numbering, skipped above).
                        for n in tl.numbers { headerNumbers.append((n, tl.line)) }
                        if !text.containsUTF8("单位：") && !text.containsUTF8("单位:") {
                            headerText += text.withoutSpaces
                            headerRows.append(row)
                        }
                        continue
                    }
                }
                lines.append(tl)
            }
        }
        if document.format == .pdf {
            // A header printed over two lines (对个人和家庭的补 / 助) is read cell by cell.
            headerText = (0..<(headerRows.map(\.cells.count).max() ?? 0)).map { Self.headerWords(headerRows, cell: $0) }.joined(separator: "■")
        }
        var (columns, columnLabels) = Self.columnsAndLabels(of: kind, header: headerText)
        let headerCellCount = document.format.cellsAreColumns ? headerRows.map(\.cells.count).max() ?? 0 : 0
        // A PDF read by geometry names each cell's column in its header: the figure's column.
        var printedColumns = document.format == .pdf
            ? Self.printedColumns(columns: columns, headerRows: headerRows, labelCells: widths.count + 1, final: document.stage == "决算",
                                  year: document.year) : nil
        let tableUnit = unit ?? defaultUnit
        var repairs: [Repair] = []
        // Pieces pdftotext displaced (决算 layout text): a wrapped name's first half above its
        // code line and the rest below; numbers on a line of their own next to a coded row
        // that printed none. A PDF's grid has joined every row already: a line of its own there
        // is no piece of a row (a figure outside every row stays reported).
        var merged: [TableLine] = []
        var prefix: (text: String, line: Int)?
        for (i, tl) in lines.enumerated() where document.format != .pdf || tl.shape != .text {
            if document.format == .pdf { merged.append(tl); continue }
            let next = lines[(i + 1)...].first { $0.shape != .blank }
            if tl.shape == .text, !tl.isTotal, tl.name.count <= 20, !tl.name.hasPrefix("注"), !tl.name.hasPrefix("备注") {
                if let n = next, n.shape == .data, n.hasCode, n.name.isEmpty || n.texts.isEmpty {
                    prefix = (tl.name, tl.line)
                    continue
                }
                if let last = merged.last, last.shape == .data {
                    merged[merged.count - 1].name += tl.name
                    // A wrapped project name continues the project cell, a wrapped name the name.
                    if let l = merged[merged.count - 1].texts.indices.last { merged[merged.count - 1].texts[l] += tl.name }
                    continue
                }
            }
            if tl.shape == .numbersOnly, let last = merged.last, last.shape == .data, last.hasCode, last.numbers.isEmpty {
                merged[merged.count - 1].numbers = tl.numbers
                repairs.append(Repair(line: last.line, detail: "numbers of line \(tl.line) belong to the row above (\(last.name))"))
                continue
            }
            var current = tl
            if let p = prefix, current.shape == .data {
                current.name = p.text + current.name
                if current.texts.isEmpty { current.texts = [p.text] } else { current.texts[0] = p.text + current.texts[0] }
                prefix = nil
            }
            merged.append(current)
        }
        lines = merged
        // Without a header over each cell (text), a percentage (增减率) has no column to go to:
        // the table's columns are money.
        var percentages: [(Int, String, String)] = []
        if printedColumns == nil {
            for i in lines.indices where lines[i].numbers.contains(where: \.number.isPercent) {
                for n in lines[i].numbers where n.number.isPercent { percentages.append((lines[i].line, n.cell, "a percentage: the table's columns are money")) }
                lines[i].numbers.removeAll { $0.number.isPercent }
            }
        }
        // 决算 tables of newer templates print 年初预算数/调整预算数 groups before the 决算数
        // group the canonical columns describe: the leading groups are kept as side facts.
        if printedColumns == nil && headerText.containsUTF8("决算数") && headerText.containsUTF8("预算数") {
            for i in lines.indices where lines[i].shape == .data && lines[i].numbers.count > columns.count {
                let extra = lines[i].numbers.count - columns.count
                lines[i].sideNumbers = lines[i].numbers.prefix(extra).map { SideFigure(number: $0, label: "预算数") }
                lines[i].numbers = Array(lines[i].numbers.dropFirst(extra))
            }
        }
        // Codes.
        var repairer = CodeRepairer(widths: widths, dictionary: dictionary)
        let codes = repairer.resolve(&lines)
        repairs += repairer.repairs
        var panelOf: [Int: String] = [:]
        if var printed = printedColumns, kind.key == .economic {
            panelOf = Self.namePanels(&printed, columns: &columns, labels: &columnLabels, kind: kind, lines: lines, codes: codes)
            printedColumns = printed
        }
        // Column positions.
        let anchors = anchorPositions(columns: columns, headerRows: headerRows, lines: lines)
        let assigner = ColumnAssigner(anchors: anchors)
        let rules = Self.rowRules(kind: kind, columns: columns)
        var rows: [CodedRow] = []
        var unparsed: [(Int, String, String)] = headerNumbers.map { ($0.1, $0.0.cell, "number in the table header") } + percentages
        var illegible: [(line: Int, cell: String, reason: String)] = []
        for (i, tl) in lines.enumerated() {
            switch tl.shape {
            case .data:
                if (tl.hasCode && codes[i] == nil) || (!tl.hasCode && !tl.isTotal && kind.key != .label) {
                    for c in tl.illegible { illegible.append((tl.line, c.cell, "in a row that could not be read: \(tl.name)")) }
                }
            case .numbersOnly:
                for n in tl.numbers { unparsed.append((tl.line, n.cell, "number on a line without a row label")) }
                for c in tl.illegible { illegible.append((tl.line, c.cell, "on a line without a row label")) }
                continue
            default:
                continue
            }
            let code = codes[i]
            if tl.hasCode && code == nil {
                for n in tl.numbers { unparsed.append((tl.line, n.cell, "row code '\(tl.codeParts.joined(separator: " "))' could not be read")) }
                continue
            }
            if !tl.hasCode && !tl.isTotal && kind.key != .label {
                // A labelled row in a coded table (e.g. a project under its code): kept in facts.
                for n in tl.numbers { unparsed.append((tl.line, n.cell, "row without a code: \(tl.name)")) }
                continue
            }
            var tl = tl
            if let printed = printedColumns {
                // Each figure in the column its cell stands in; a figure under a header that
                // names no column of this table is reported, never moved to another column.
                var kept: [RowNumber] = []
                for n in tl.numbers {
                    switch printed[n.position] {
                    case .column? where n.number.isPercent:
                        unparsed.append((tl.line, n.cell, "a percentage under '\(Self.headerWords(headerRows, cell: n.position))', a money column"))
                    case .column?: kept.append(n)
                    case .side(let label)?: tl.sideNumbers.append(SideFigure(number: n, label: label))
                    case nil:
                        unparsed.append((tl.line, n.cell, "figure under a header that names no column of \(kind.name): '\(Self.headerWords(headerRows, cell: n.position))'"))
                    }
                }
                tl.numbers = kept
            }
            let values = tl.numbers.map(\.number.value)
            let positions = tl.numbers.map(\.position)
            let candidates: [ColumnAssigner.Candidate]
            if let printed = printedColumns {
                let cols = positions.map { p -> Int in if case .column(let c)? = printed[p] { return c }; return 0 }
                candidates = [ColumnAssigner.Candidate(columns: cols, cost: 0, keepsArithmetic: Self.satisfies(rules: rules, columns: cols, values: values))]
            } else {
                candidates = assigner.candidates(positions: positions, limit: 24) { cols in
                    Self.satisfies(rules: rules, columns: cols, values: values)
                }
            }
            guard let best = candidates.first else {
                for n in tl.numbers { unparsed.append((tl.line, n.cell, "more numbers than the table's \(columns.count) columns")) }
                for c in tl.illegible { illegible.append((tl.line, c.cell, "in a row with more figures than the table's columns: \(tl.name)")) }
                continue
            }
            let isProjectTable = kind.name == "project_spending"
            var row = CodedRow(line: tl.line, code: code,
                               name: isProjectTable ? (tl.texts.first ?? tl.name) : tl.name,
                               values: [:], printed: [:], isTotal: tl.isTotal)
            if isProjectTable && tl.texts.count > 1 { row.project = tl.texts.dropFirst().joined() }
            row.numbers = tl.numbers
            row.sideNumbers = tl.sideNumbers
            // The column each ### stands in: its header's (PDF), or the nearest column the
            // row's figures left free.
            for c in tl.illegible {
                var column: Int?
                if let printed = printedColumns {
                    switch printed[c.position] {
                    case .column(let k)?: column = k
                    case .side(let label)?: illegible.append((tl.line, c.cell, "a \(label) figure of \(tl.name)")); continue
                    case nil: break
                    }
                } else {
                    column = anchors.indices.filter { k in anchors[k] != nil && !best.columns.contains(k) && !row.illegible.contains(columns[k].name) }
                        .min { abs(anchors[$0]! - Double(c.position)) < abs(anchors[$1]! - Double(c.position)) }
                }
                if let k = column { row.illegible.insert(columns[k].name) } else {
                    illegible.append((tl.line, c.cell, "under a header that names no column of \(kind.name)"))
                }
            }
            row.assignment = best.columns
            row.keepsArithmetic = best.keepsArithmetic
            row.alternatives = best.keepsArithmetic ? candidates.filter(\.keepsArithmetic).prefix(12).map(\.columns) : [best.columns]
            // Tab cells that line up with the header exactly leave no doubt.
            row.isTrusted = printedColumns != nil || headerCellCount > 0 && tl.cellCount == headerCellCount
                && zip(positions, best.columns).allSatisfy { p, c in anchors[c].map { Double(p) == $0 } ?? false }
            for n in tl.numbers where n.number.joinedSpaces {
                repairs.append(Repair(line: tl.line, detail: "number '\(n.cell)' split by a space read as \(n.number.value)"))
            }
            rows.append(row)
        }
        ColumnBalancer.balance(&rows, columnNames: columns.map(\.name), repairs: &repairs)
        for i in rows.indices {
            for (j, c) in rows[i].assignment.enumerated() {
                let name = columns[c].name
                rows[i].values[name] = tableUnit.toWanYuan(rows[i].numbers[j].number.value)
                rows[i].printed[name] = rows[i].numbers[j]
            }
        }
        // A two-panel row's figure is its amount and its panel's part; each panel's total row
        // (人员经费合计, 公用经费合计) totals its own part only.
        var panelTotals = Set<Int>()
        for i in rows.indices {
            for n in rows[i].numbers {
                guard let panel = panelOf[n.position] else { continue }
                rows[i].values[panel] = tableUnit.toWanYuan(n.number.value)
                rows[i].printed[panel] = n
                if rows[i].isTotal {
                    rows[i].values["amount"] = nil
                    rows[i].printed["amount"] = nil
                    panelTotals.insert(i)
                }
            }
        }
        Self.recoverIllegible(&rows, rules: rules, columns: columns, repairs: &repairs, illegible: &illegible)
        // A total cell left blank in print: the row's parts say it (recorded as a repair). A
        // table that prints no total column (the 决算 two-panel 基本支出 table) states each row
        // in one part: its total is that part, and nothing was repaired.
        let printsTotal = printedColumns.map { $0.values.contains(.column(0)) } ?? true
        if let total = columns.first?.name {
            // (Each panel's total row, 人员经费合计 and 公用经费合计, checks its own column only.)
            for i in rows.indices where rows[i].values[total] == nil && !rows[i].values.isEmpty && (printsTotal || !rows[i].isTotal)
                && !panelTotals.contains(i) && rows[i].illegible.isEmpty {
                let parts = Arithmetic.sum(Array(rows[i].values.values))
                rows[i].values[total] = parts
                if printsTotal {
                    repairs.append(Repair(line: rows[i].line, detail: "\(total) blank in print; the row's parts sum to \(parts) 万元"))
                }
            }
        }
        // Leaves: coded rows with no child row under them.
        let printedCodes = Set(rows.compactMap(\.code))
        var parents = Set<ClassificationCode>()
        for c in printedCodes {
            var p = c.parent
            while let q = p { parents.insert(q); p = q.parent }
        }
        for i in rows.indices {
            if kind.name == "project_spending" {
                rows[i].isLeaf = rows[i].code != nil && rows[i].project != nil
            } else if let c = rows[i].code, !parents.contains(c) {
                rows[i].isLeaf = true
            }
        }
        return CodedTable(kind: kind, title: title, unit: tableUnit, columns: columns, columnLabels: columnLabels, rows: rows,
                          repairs: repairs, unparsed: unparsed.map { (line: $0.0, cell: $0.1, reason: $0.2) }, illegible: illegible)
    }

    /// Figures printed as ###: a row rule with one of them among its cells, the others printed
    /// or blank, gives it (total = Σ parts, a part = total - the other parts), as many times as
    /// that goes on helping; what is left is reported and stays unknown in `row.illegible`.
    static func recoverIllegible(_ rows: inout [CodedRow], rules: [(total: Int, parts: [Int])], columns: [CanonicalColumn],
                                 repairs: inout [Repair], illegible: inout [(line: Int, cell: String, reason: String)]) {
        for i in rows.indices where !rows[i].illegible.isEmpty {
            var progress = true
            while progress {
                progress = false
                for rule in rules {
                    let total = columns[rule.total].name, parts = rule.parts.map { columns[$0].name }
                    let unknown = ([total] + parts).filter { rows[i].illegible.contains($0) }
                    guard unknown.count == 1, let missing = unknown.first else { continue }
                    let known = parts.filter { $0 != missing }.compactMap { rows[i].values[$0] }
                    let value: ExactDecimal?
                    if missing == total {
                        value = known.isEmpty ? nil : Arithmetic.sum(known)
                    } else {
                        value = rows[i].values[total].flatMap { $0.subtracting(Arithmetic.sum(known)) }
                    }
                    guard let value else { continue }
                    rows[i].values[missing] = value
                    rows[i].illegible.remove(missing)
                    repairs.append(Repair(line: rows[i].line, detail: "\(missing) of \(rows[i].label) printed as ### (its cell too narrow for the figure); the row's arithmetic gives \(value) 万元"))
                    progress = true
                }
            }
            for name in rows[i].illegible.sorted() {
                illegible.append((rows[i].line, "###", "\(name) of \(rows[i].label) printed as ### (its cell too narrow for the figure); the row's arithmetic cannot give it"))
            }
        }
    }

    /// The canonical columns the header names, in the template's order; the first column
    /// (the total) is assumed when the header is unreadable.
    static func columns(of kind: TableKind, header: String) -> [CanonicalColumn] {
        columnsAndLabels(of: kind, header: header).columns
    }

    /// The columns and, for each, the header word that named it (for `facts.column_label`).
    static func columnsAndLabels(of kind: TableKind, header: String) -> (columns: [CanonicalColumn], labels: [String: String]) {
        var labels: [String: String] = [:]
        var found: [CanonicalColumn] = []
        var remaining = header
        // Longer keywords first so 上级一般公共预算安排的转移支付 is not taken for 一般公共预算.
        let ordered = kind.columns.enumerated().flatMap { (i, c) in c.keywords.map { (i, c, $0) } }
            .sorted { $0.2.count > $1.2.count }
        var present = Set<Int>()
        for (i, _, keyword) in ordered where !present.contains(i) {
            if let r = remaining.range(of: keyword) {
                present.insert(i)
                labels[kind.columns[i].name] = keyword
                remaining.replaceSubrange(r, with: "■")
            }
        }
        for (i, c) in kind.columns.enumerated() where present.contains(i) { found.append(c) }
        if found.isEmpty || found.first?.name != kind.columns.first?.name {
            if let first = kind.columns.first { found.insert(first, at: 0) }
        }
        return (found, labels)
    }

    /// What a PDF table's cell holds, read from the header printed over it.
    enum PrintedColumn: Equatable {
        /// A column of the canonical table (index into its columns).
        case column(Int)
        /// A figure printed beside the table's own columns, kept as a fact with no column under
        /// this label: a 决算's budget (预算数), a 预算's year before (2024年预算数), a change (增减额).
        case side(String)
    }

    /// The column of each cell, from the header printed over it: the lowest header lines first
    /// (a cell's own words, e.g. 一般公共预算, before the group over it, e.g. 财政拨款收入),
    /// then the lines above joined to them (本年收入合 / 计), taking the longest keyword.
    static func printedColumns(columns: [CanonicalColumn], headerRows: [SourceRow], labelCells: Int, final: Bool, year: Int?) -> [Int: PrintedColumn] {
        let cellCount = headerRows.map(\.cells.count).max() ?? 0
        var out: [Int: PrintedColumn] = [:]
        var taken = Set<Int>()
        // The code cells and the name cell come first; their header (项目, 科目名称) names no figure.
        let figureCells = min(labelCells, cellCount)..<cellCount
        let rows = headerRows.map { $0.cells.map(\.text.withoutSpaces) }
        var headers: [Int: CellHeader] = [:]
        for cell in figureCells {
            headers[cell] = CellHeader(lines: rows.map { cell < $0.count ? $0[cell] : "" })
        }
        let all = columns.enumerated().map { (name: $0.offset, keywords: $0.element.keywords) }
        let markers = headerRows.flatMap { row in
            row.cells.enumerated().compactMap { cell, c in
                figureCells.contains(cell) ? CellHeader(lines: [c.text.withoutSpaces]).measure(final: final, year: year).map { (position: cell, measure: $0) } : nil
            }
        }
        let measures = CellHeader.measures(names: headers.compactMapValues { $0.named(by: all) },
                                           printed: headers.compactMapValues { $0.measure(final: final, year: year) }, markers: markers)
        for cell in figureCells {
            guard let header = headers[cell] else { continue }
            switch measures[cell] {
            case .budget?: out[cell] = .side("预算数"); continue
            case .priorYear?: out[cell] = .side(header.lines.joined()); continue
            default: break
            }
            // Each canonical column is one cell's: the first (leftmost) cell that names it.
            let open = columns.enumerated().filter { !taken.contains($0.offset) }.map { (name: $0.offset, keywords: $0.element.keywords) }
            if let f = header.named(by: open) ?? CellHeader.grouped(rows, cell: cell, cells: figureCells)?.named(by: open) {
                out[cell] = .column(f)
                taken.insert(f)
            } else if header.isChange {
                out[cell] = .side(header.lines.joined())
            } else if header.own == "小计" || header.own == "合计", !taken.contains(0) {
                // 小计 under a group that names no column (2025年预算数 over 小计 | 基本支出 |
                // 项目支出): the table's own total.
                out[cell] = .column(0)
                taken.insert(0)
            }
        }
        return out
    }

    /// The 决算 基本支出 table's two panels (人员经费 | 公用经费), each with its own figure
    /// column under a header that says only 决算数 (the amount; the panel says which part): the
    /// panel is named by its total row
    /// (人员经费合计, 公用经费合计), or else by the economic classes of its rows (301 工资福利,
    /// 303 对个人和家庭的补助 are personnel; the others public).
    static func namePanels(_ printed: inout [Int: PrintedColumn], columns: inout [CanonicalColumn], labels: inout [String: String],
                           kind: TableKind, lines: [TableLine], codes: [ClassificationCode?]) -> [Int: String] {
        var votes: [Int: (personnel: Int, public: Int)] = [:]
        for (i, tl) in lines.enumerated() where tl.shape == .data {
            for n in tl.numbers where printed[n.position] == nil {
                var v = votes[n.position] ?? (0, 0)
                if tl.name.containsUTF8("人员经费") { v.personnel += 100 } else if tl.name.containsUTF8("公用经费") { v.public += 100 }
                if let c = codes[i]?.classCode { if c == 301 || c == 303 { v.personnel += 1 } else { v.public += 1 } }
                votes[n.position] = v
            }
        }
        guard votes.count >= 2 else { return [:] }
        for name in ["personnel", "public"] where !columns.contains(where: { $0.name == name }) {
            if let c = kind.columns.first(where: { $0.name == name }) { columns.append(c) }
        }
        let order = kind.columns.map(\.name)
        columns.sort { (order.firstIndex(of: $0.name) ?? 99) < (order.firstIndex(of: $1.name) ?? 99) }
        var panels: [Int: String] = [:]
        for (cell, v) in votes where v.personnel != v.public {
            // The figure is printed under 决算数: the row's amount, in its panel's part.
            guard let amount = columns.firstIndex(where: { $0.name == "amount" }) else { continue }
            printed[cell] = .column(amount)
            panels[cell] = v.personnel > v.public ? "personnel" : "public"
        }
        if !panels.isEmpty { labels["amount"] = labels["amount"] ?? "决算数" }
        return panels
    }

    static func headerWords(_ headerRows: [SourceRow], cell: Int) -> String {
        headerRows.map { cell < $0.cells.count ? $0.cells[cell].text.withoutSpaces : "" }.joined()
    }

    /// Row rules: total column = sum of part columns, for the columns the table prints.
    static func rowRules(kind: TableKind, columns: [CanonicalColumn]) -> [(total: Int, parts: [Int])] {
        let index = Dictionary(columns.enumerated().map { ($1.name, $0) }, uniquingKeysWith: { a, _ in a })
        func rule(_ total: String, _ parts: [String]) -> (Int, [Int])? {
            guard let t = index[total] else { return nil }
            let p = parts.compactMap { index[$0] }
            return p.isEmpty ? nil : (t, p)
        }
        switch kind.name {
        case "income":
            let fiscalParts = ["general", "transfer", "fund", "fund_transfer", "soe"]
            // The 2025 template groups the unit's own money under 单位资金 with its 小计 (own)
            // over 事业收入, 经营收入, 附属单位上缴收入, 其他收入; older ones print those beside
            // the rest. (Where 上级补助收入 is printed inside the group, amount = Σ parts
            // counts it twice and fails: a false alarm, never a figure accepted wrongly.)
            let ownParts = ["business", "operating", "affiliated", "other"]
            let ownIsGroup = index["own"] != nil && ownParts.contains { index[$0] != nil }
            let rest = ["upper_grant", "special", "own"] + (ownIsGroup ? [] : ownParts) + ["carryover", "other_carryover"]
            var rules: [(Int, [Int])] = []
            if index["fiscal"] != nil {
                if let r = rule("amount", ["fiscal"] + rest) { rules.append(r) }
                if let r = rule("fiscal", fiscalParts) { rules.append(r) }
            } else if let r = rule("amount", fiscalParts + rest) {
                rules.append(r)
            }
            if ownIsGroup, let r = rule("own", ownParts) { rules.append(r) }
            return rules
        case "spending", "general_spending", "fund_spending", "soe_spending":
            // 基本支出 printed split into 人员经费 + 公用经费: with its 小计 the split is checked
            // against it, without one the split stands in its place in the row's total.
            let split = ["personnel", "public"]
            let basic = index["basic"] != nil ? ["basic"] : split
            var rules = rule("amount", basic + ["project", "upper", "operating", "affiliated"]).map { [$0] } ?? []
            if basic == ["basic"], let r = rule("basic", split) { rules.append(r) }
            return rules
        default:
            guard let first = columns.first?.name else { return [] }
            return rule(first, columns.dropFirst().map(\.name)).map { [$0] } ?? []
        }
    }

    static func satisfies(rules: [(total: Int, parts: [Int])], columns: [Int], values: [ExactDecimal]) -> Bool {
        var byColumn: [Int: ExactDecimal] = [:]
        for (j, c) in columns.enumerated() { byColumn[c] = values[j] }
        // Two or more numbers with no total among them cannot be checked: not a placement
        // that keeps the arithmetic (the total column comes first and is rarely blank).
        if let first = rules.first, columns.count >= 2, byColumn[first.total] == nil { return false }
        for rule in rules {
            guard let total = byColumn[rule.total] else { continue }
            let parts = rule.parts.compactMap { byColumn[$0] }
            if parts.isEmpty { continue }
            let unit = ([total] + parts).map(\.scale).max().map { ExactDecimal(units: 1, scale: $0) } ?? .zero
            if !Arithmetic.agree(total, Arithmetic.sum(parts), parts: parts.count, unit: unit) { return false }
        }
        return true
    }

    /// Usual positions of the columns. Tab text: the header cell naming the column when it
    /// is unambiguous, else learned from rows. Layout text: learned from rows that print every
    /// column (or the most columns, taken as the leftmost ones).
    func anchorPositions(columns: [CanonicalColumn], headerRows: [SourceRow], lines: [TableLine]) -> [Double?] {
        var anchors = [Double?](repeating: nil, count: columns.count)
        if document.format == .tabText {
            for (ci, column) in columns.enumerated() {
                var hits = Set<Int>()
                for row in headerRows {
                    for cell in row.cells where !cell.text.isEmpty {
                        let t = cell.text.withoutSpaces
                        if column.keywords.contains(where: { t == $0 || t.hasPrefix($0) }) { hits.insert(cell.position) }
                    }
                }
                if hits.count == 1, let h = hits.first { anchors[ci] = Double(h) }
            }
            // A column between two placed ones sits between them (header cells merge or wrap).
            for ci in anchors.indices where anchors[ci] == nil {
                guard let l = anchors[..<ci].lastIndex(where: { $0 != nil }), let r = anchors[(ci + 1)...].firstIndex(where: { $0 != nil }),
                      let lv = anchors[l], let rv = anchors[r], rv - lv >= Double(r - l) else { continue }
                anchors[ci] = lv + (rv - lv) * Double(ci - l) / Double(r - l)
            }
            if anchors.allSatisfy({ $0 != nil }) { return anchors }
        }
        let data = lines.filter { $0.shape == .data && ($0.hasCode || $0.isTotal) }
        let most = data.map(\.numbers.count).max() ?? 0
        guard most > 0 else { return anchors }
        var samples = [[Int]](repeating: [], count: columns.count)
        for tl in data where tl.numbers.count == min(most, columns.count) {
            for (j, n) in tl.numbers.enumerated() where j < columns.count { samples[j].append(n.position) }
        }
        for ci in columns.indices where anchors[ci] == nil && !samples[ci].isEmpty {
            let s = samples[ci].sorted()
            anchors[ci] = Double(s[s.count / 2])
        }
        return anchors
    }
}
