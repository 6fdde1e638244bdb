import Foundation
import Store

/// Rows of a label-keyed table in its SCHEMA.md form, plus every number as a fact.
struct TypedLabelTable: Sendable {
    var table: ReaderTable?
    var facts: [Fact] = []
    /// Published totals the reconciliation compares across tables: (side, class or nil for
    /// the grand total, column, value in 万元, printed unit, line).
    var totals: [(side: String, classCode: Int?, column: String, value: ExactDecimal, unit: ExactDecimal, line: Int)] = []
    /// Figures the typing could not place (checks 'unparsed', like a coded table's): not facts.
    var unparsed: [(line: Int, cell: String, reason: String)] = []
}

/// Types overview, appropriation, three_public and carryover from their label lines. A number
/// the typing cannot place is reported (check 'unparsed', with its cell and line), as a coded
/// table's is; a table of a title the catalogue does not know keeps every number as a fact.
enum LabelTableTyping {
    static func type(_ t: LabelTable, document: SnapshotDocument) -> TypedLabelTable {
        var typed: TypedLabelTable
        switch t.kind.name {
        case "overview": typed = twoSided(t, document: document, moneyColumns: overviewColumns)
        case "appropriation": typed = twoSided(t, document: document, moneyColumns: ["amount", "general", "fund", "soe"])
        case "three_public": typed = threePublic(t, document: document)
        case "carryover": typed = carryover(t, document: document)
        default: return untyped(t)
        }
        // A figure with no column is not a fact of the table: report it (once).
        let reported = Set(typed.unparsed.map { "\($0.line)\t\($0.cell)" })
        for f in typed.facts where f.column.isEmpty && !f.beside {
            guard let cell = f.cell, let text = t.lines.first(where: { $0.line == f.line })?
                .groups.flatMap(\.numbers).first(where: { $0.position == cell })?.cell else { continue }
            if !reported.contains("\(f.line)\t\(text)") {
                typed.unparsed.append((f.line, text, "figure of '\(f.rowLabel)' under a header that names no column of \(t.kind.name): '\(f.columnLabel)'"))
            }
        }
        typed.facts.removeAll { $0.column.isEmpty && !$0.beside }
        return typed
    }

    static func unitOf(_ n: RowNumber, _ t: LabelTable) -> ExactDecimal {
        t.unit.toWanYuan(n.number.value.lastDigitUnit)
    }

    /// Every number as an untyped fact with its label (unknown tables, leftovers).
    static func untyped(_ t: LabelTable, name: String? = nil) -> TypedLabelTable {
        var out = TypedLabelTable()
        for line in t.lines {
            for g in line.groups {
                for n in g.numbers {
                    out.facts.append(Fact(table: name ?? t.kind.name, columnLabel: headerLabel(t, near: n.position), column: "",
                                          rowLabel: g.label, code: nil, economic: false, project: nil,
                                          amount: t.unit.toWanYuan(n.number.value), line: line.line, cell: n.position))
                }
            }
        }
        return out
    }

    /// The header printed above a position (for column_label): the nearest header cell, or
    /// where several header lines stand exactly over it (a PDF's cell under its merged group
    /// cell: 合计 / 预算数), all of them top to bottom.
    static func headerLabel(_ t: LabelTable, near position: Int) -> String {
        var best: (String, Int)?
        for h in t.header {
            let d = abs(h.position - position)
            if let b = best, b.1 <= d { continue }
            best = (h.text, d)
        }
        if best?.1 == 0 {
            return t.header.filter { $0.position == position }.sorted { $0.line < $1.line }.map(\.text).joined()
        }
        return best?.0 ?? ""
    }

    /// Overview and appropriation: income items on the left, spending by class on the right.
    /// Schemas of the label tables, so they exist (empty) even when no document prints them.
    static func schema(of name: String) -> [(name: String, type: ColumnType)]? {
        switch name {
        case "overview": return twoSidedSchema(overviewColumns)
        case "appropriation": return twoSidedSchema(["amount", "general", "fund", "soe"])
        case "three_public": return threePublicSchema
        case "carryover": return carryoverSchema
        default: return nil
        }
    }

    /// The 收支总表's money columns: the amount, and the spending side's split where printed.
    static let overviewColumns = ["amount", "basic", "personnel", "public", "project"]

    static func twoSidedSchema(_ moneyColumns: [String]) -> [(name: String, type: ColumnType)] {
        var columns = SnapshotDocument.snapshotColumns
        columns += [("side", .text), ("item", .text), ("class", .integer), ("code", .text)]
        columns += moneyColumns.map { ($0, ColumnType.decimal) }
        columns += SnapshotDocument.placementColumns
        return columns
    }

    static let threePublicSchema: [(name: String, type: ColumnType)] = SnapshotDocument.snapshotColumns
        + [("item", .text), ("amount", .decimal), ("general", .decimal), ("fund", .decimal), ("soe", .decimal), ("budget", .decimal)]
        + SnapshotDocument.placementColumns

    static var carryoverSchema: [(name: String, type: ColumnType)] {
        SnapshotDocument.snapshotColumns + [("project", .text)] + carryoverColumns.map { ($0, ColumnType.decimal) }
            + SnapshotDocument.placementColumns
    }

    /// Header words naming the money columns of a two-sided table (a PDF read by geometry
    /// takes each figure's column from the header over its cell).
    static func twoSidedKeywords(_ name: String) -> [(column: String, keywords: [String])] {
        switch name {
        case "overview":
            return [("amount", ["合计", "小计", "总计", "预算数", "决算数", "金额"]), ("basic", ["基本支出"]),
                    ("personnel", ["人员经费"]), ("public", ["公用经费"]), ("project", ["项目支出"])]
        default:
            return [("amount", ["合计", "小计", "总计", "预算数", "决算数", "金额"]), ("general", ["一般公共预算"]),
                    ("fund", ["政府性基金"]), ("soe", ["国有资本经营"])]
        }
    }

    /// The column of each cell from the header printed over it, lowest header line first (a
    /// cell's own words before the group over it), the longest keyword winning. In a 决算, a
    /// cell under 年初预算数 / 调整预算数 / 预算数 holds the budget figure: 'budget'. In a 预算, a
    /// cell under the year before (上年预算数, 2024年预算数) or a change (增减额, 增减率) holds a
    /// figure beside the year's own: "" (a fact with no column).
    static func headerColumns(_ t: LabelTable, keywords: [(column: String, keywords: [String])], final: Bool, year: Int?) -> [Int: String] {
        var stacks: [Int: [(line: Int, text: String)]] = [:]
        for h in t.header { stacks[h.position, default: []].append((h.line, h.text)) }
        let headers = stacks.mapValues { CellHeader(lines: $0.sorted { $0.line < $1.line }.map(\.text)) }
        let named = keywords.map { (name: $0.column, keywords: $0.keywords) }
        let rows = headerRows(t)
        let cells = 0..<(rows.map(\.count).max() ?? 0)
        let names = headers.compactMapValues { $0.named(by: named) }.merging(
            cells.compactMap { c in CellHeader.grouped(rows, cell: c, cells: cells)?.named(by: named).map { (c, $0) } },
            uniquingKeysWith: { own, _ in own })
        let markers = t.header.compactMap { h in
            h.text.containsUTF8("三公") ? nil : CellHeader(lines: [h.text]).measure(final: final, year: year).map { (position: h.position, measure: $0) }
        }
        let measures = CellHeader.measures(names: names, printed: headers.compactMapValues { $0.measure(final: final, year: year) }, markers: markers)
        var out = names
        for (cell, m) in measures {
            if m == .budget { out[cell] = "budget" }
            if m == .priorYear { out[cell] = beside }
        }
        for (cell, header) in headers where header.isChange { out[cell] = beside }
        return out
    }

    /// headerColumns' name for a figure printed beside the table's own columns.
    static let beside = "(beside)"

    /// A fact of a label table, in the column its header names; beside the table's own columns
    /// when that is `beside`.
    static func fact(_ t: LabelTable, _ n: RowNumber, column: String, rowLabel: String, code: ClassificationCode? = nil,
                     amount: ExactDecimal, line: Int) -> Fact {
        var f = Fact(table: t.kind.name, columnLabel: headerLabel(t, near: n.position), column: column == beside ? "" : column,
                     rowLabel: rowLabel, code: code, economic: false, project: nil, amount: amount, line: line, cell: n.position)
        f.beside = column == beside
        return f
    }

    /// The header's lines as rows of cell texts, top to bottom.
    static func headerRows(_ t: LabelTable) -> [[String]] {
        let lines = Set(t.header.map(\.line)).sorted()
        let width = (t.header.map(\.position).max() ?? -1) + 1
        var rows = Array(repeating: Array(repeating: "", count: width), count: lines.count)
        for h in t.header {
            if let r = lines.firstIndex(of: h.line) { rows[r][h.position] += h.text }
        }
        return rows
    }

    static func twoSided(_ t: LabelTable, document: SnapshotDocument, moneyColumns: [String]) -> TypedLabelTable {
        var table = ReaderTable(name: t.kind.name, columns: twoSidedSchema(moneyColumns))
        var out = TypedLabelTable()
        // A PDF read by geometry: the side is the label's column (the right-hand label column
        // is the spending side), and each figure's column is named by the header over it.
        let byCells = document.format == .pdf
        let cellColumns = byCells ? headerColumns(t, keywords: twoSidedKeywords(t.kind.name), final: document.stage == "决算", year: document.year) : [:]
        let labelColumns = Set(t.lines.flatMap { $0.groups.filter { !$0.label.isEmpty }.map(\.labelPosition) })
        let spendingColumn = byCells && labelColumns.count >= 2 ? labelColumns.max() : nil
        let onlyFinalFigure = t.header.contains { $0.text.containsUTF8("决算数") } && t.header.contains { $0.text.containsUTF8("预算数") }
        for line in t.lines {
            for (gi, g) in line.groups.enumerated() where !g.numbers.isEmpty {
                let label = g.label
                let isSpending: Bool
                if let spending = spendingColumn {
                    isSpending = g.labelPosition >= spending
                } else if label.containsUTF8("支出") && !label.containsUTF8("收入") {
                    isSpending = true
                } else if label.containsUTF8("收入") || label.containsUTF8("结转") || label.containsUTF8("结余") {
                    isSpending = false
                } else if LabelText.functionClass(label) != nil {
                    isSpending = true
                } else {
                    isSpending = line.groups.count > 1 && gi > 0
                }
                let side = isSpending ? "支出" : "收入"
                let cls = isSpending ? LabelText.functionClass(label) : nil
                // Income side: one amount. Spending side: total then sources in order.
                // Text forms type the first figure of each side (the split of a 收支总表's spending
                // side is read from a PDF's header only).
                let placed = isSpending && t.kind.name != "overview" ? moneyColumns : ["amount"]
                var values = document.snapshotValues
                values += [.text(side), .text(LabelText.stripped(label)), cls.map { .integer(Int64($0)) } ?? .null,
                           cls.map { .text(String($0)) } ?? .null]
                var money = [String: ExactDecimal]()
                // A 决算 overview that prints 年初预算数 beside 决算数: the last figure is the amount.
                let offset = onlyFinalFigure && placed.count == 1 ? g.numbers.count - 1 : 0
                for (j, n) in g.numbers.enumerated() {
                    // Before the offset: 年初预算数 printed beside the 决算数.
                    var column = j < offset ? "budget" : j - offset < placed.count ? placed[j - offset] : ""
                    if byCells {
                        column = cellColumns[n.position] ?? ""
                        if !isSpending && column != "amount" && column != "budget" && column != beside { column = "" }
                    }
                    let value = t.unit.toWanYuan(n.number.value)
                    out.facts.append(fact(t, n, column: column, rowLabel: label,
                                          code: cls.map { ClassificationCode(classCode: $0, section: nil, item: nil) }, amount: value, line: line.line))
                    if column == beside { continue }
                    if !column.isEmpty && column != "budget" { money[column] = value }
                    let isGrandTotal = label.containsUTF8("总计") || label.containsUTF8("合计")
                    if !column.isEmpty && column != "budget" && (cls != nil || isGrandTotal) {
                        out.totals.append((side: side, classCode: cls, column: column, value: value, unit: unitOf(n, t), line: line.line))
                    }
                }
                values += moneyColumns.map { money[$0].map { Value.decimal($0) } ?? .null }
                values += document.placementValues(line: line.line)
                table.rows.append(values)
            }
        }
        out.table = table
        return out
    }

    /// The canonical 三公 item a label or header word names; "" for totals and subtotals.
    static func threePublicItem(_ label: String) -> String? {
        let s = label.withoutSpaces
        if s.containsUTF8("合计") || s.containsUTF8("小计") || s.containsUTF8("购置及运行") { return "" }
        if s.containsUTF8("出国") || s.containsUTF8("出境") { return "因公出国（境）费" }
        if s.containsUTF8("接待") { return "公务接待费" }
        if s.containsUTF8("机关运行") { return "机关运行经费" }
        if s.containsUTF8("购置") { return "公务用车购置费" }
        if s.containsUTF8("运行") { return "公务用车运行费" }
        return nil
    }

    static func threePublic(_ t: LabelTable, document: SnapshotDocument) -> TypedLabelTable {
        var table = ReaderTable(name: t.kind.name, columns: threePublicSchema)
        var out = TypedLabelTable()
        let rowOriented = t.lines.contains { l in l.groups.contains { threePublicItem($0.label) != nil && !$0.numbers.isEmpty } }
        if rowOriented {
            // A PDF names each figure's column by the header over it (上年预算数 | 本年预算数 |
            // 增减, 预算数 | 决算数): never by its order on the line.
            let cellColumns = document.format == .pdf
                ? headerColumns(t, keywords: threePublicRowKeywords, final: document.stage == "决算", year: document.year) : [:]
            for line in t.lines {
                for g in line.groups where !g.numbers.isEmpty {
                    let item = threePublicItem(g.label)
                    let names = ["amount", "general", "fund", "soe"]
                    var money = [String: ExactDecimal]()
                    for (j, n) in g.numbers.enumerated() {
                        var column = item != nil && j < names.count ? names[j] : ""
                        if !cellColumns.isEmpty { column = item != nil ? cellColumns[n.position] ?? "" : "" }
                        let value = t.unit.toWanYuan(n.number.value)
                        if !column.isEmpty && column != beside { money[column] = value }
                        out.facts.append(fact(t, n, column: column, rowLabel: threePublicRow(g.label), amount: value, line: line.line))
                    }
                    if let item, !item.isEmpty {
                        table.rows.append(document.snapshotValues + [.text(item)]
                                          + (names + ["budget"]).map { money[$0].map { Value.decimal($0) } ?? .null } + document.placementValues(line: line.line))
                    }
                }
            }
        } else if document.format == .pdf {
            columnOrientedByCells(t, document: document, table: &table, out: &out)
        } else {
            columnOriented(t, document: document, table: &table, out: &out)
        }
        out.table = table
        return out
    }

    /// A PDF's column-oriented 三公 table: each cell's item from the header over it, read
    /// upwards from its own words (购置费 under 公务用车 under 公务用车购置及运行维护费), and in a
    /// 决算 its measure from the 预算数 / 决算数 over it (below the items or above them).
    static func columnOrientedByCells(_ t: LabelTable, document: SnapshotDocument, table: inout ReaderTable, out: inout TypedLabelTable) {
        var stacks: [Int: [(line: Int, text: String)]] = [:]
        for h in t.header { stacks[h.position, default: []].append((h.line, h.text)) }
        let final = document.stage == "决算"
        var items: [Int: String] = [:]
        var printedMeasure: [Int: CellHeader.Measure] = [:]
        for (cell, stack) in stacks {
            let header = CellHeader(lines: stack.sorted { $0.line < $1.line }.map(\.text))
            items[cell] = header.named { text -> String? in
                let words = text.replacingOccurrences(of: "预算数", with: "").replacingOccurrences(of: "决算数", with: "")
                return words.isEmpty ? nil : threePublicColumn(words)
            }
            printedMeasure[cell] = header.measure(final: final, year: document.year)
        }
        // 预算数 / 决算数 (a 预算's 2024年预算数 / 2025年预算数) over the items (not a 预算's
        // “三公”经费预算数 title over them all).
        let markers = t.header.compactMap { h in
            h.text.containsUTF8("三公") ? nil : CellHeader(lines: [h.text]).measure(final: final, year: document.year).map { (position: h.position, measure: $0) }
        }
        let measures = CellHeader.measures(names: items, printed: printedMeasure, markers: markers)
        var money: [String: [String: (value: ExactDecimal, printed: String)]] = [:]
        var itemLine: [String: Int] = [:]
        for line in t.lines {
            for n in line.groups.flatMap(\.numbers) {
                let item = items[n.position]
                let measure = item == nil ? "" : measures[n.position] == .budget ? "budget" : "amount"
                let value = t.unit.toWanYuan(n.number.value)
                guard let item else {
                    out.unparsed.append((line.line, n.cell, "figure under a header that names no 三公 item: '\(headerLabel(t, near: n.position))'"))
                    continue
                }
                if measures[n.position] == .priorYear {
                    // The year before, printed beside the year's: a fact of its item, no column.
                    out.facts.append(fact(t, n, column: beside, rowLabel: item, amount: value, line: line.line))
                    continue
                }
                // Two figures for one item and measure: the header was misread; the first is
                // kept and the other reported, never silently overwritten.
                if let first = money[item]?[measure] {
                    out.unparsed.append((line.line, n.cell, "a second figure for \(item) \(measure == "budget" ? "预算数" : "金额") (the first, \(first.printed), is kept)"))
                    continue
                }
                out.facts.append(Fact(table: t.kind.name, columnLabel: headerLabel(t, near: n.position), column: measure,
                                      rowLabel: item, code: nil, economic: false, project: nil, amount: value, line: line.line, cell: n.position))
                money[item, default: [:]][measure] = (value, n.cell)
                itemLine[item] = itemLine[item] ?? line.line
            }
        }
        for item in ["因公出国（境）费", "公务接待费", "公务用车购置费", "公务用车运行费", "机关运行经费"] {
            guard let m = money[item] else { continue }
            table.rows.append(document.snapshotValues + [.text(item)]
                              + ["amount", "general", "fund", "soe", "budget"].map { m[$0].map { Value.decimal($0.value) } ?? .null }
                              + document.placementValues(line: itemLine[item]))
        }
    }

    /// A 三公 row's label as the facts name it, whichever way the table runs: 合计, 小计 (the
    /// vehicles' subtotal) or the item.
    static func threePublicRow(_ label: String) -> String {
        let s = label.withoutSpaces
        if s.containsUTF8("合计") || s.containsUTF8("总计") { return "合计" }
        if s.containsUTF8("小计") || s.containsUTF8("购置及运行") { return "小计" }
        return threePublicItem(label).flatMap { $0.isEmpty ? nil : $0 } ?? label
    }

    /// The columns of a 三公 table with one row per item, by the header over each figure.
    static let threePublicRowKeywords: [(column: String, keywords: [String])] = [
        ("amount", ["合计", "小计", "总计", "预算数", "决算数", "金额"]), ("general", ["一般公共预算"]),
        ("fund", ["政府性基金"]), ("soe", ["国有资本经营"]),
    ]

    /// The 三公 columns in a header, in template order of meaning.
    static func threePublicColumn(_ header: String) -> String? {
        let s = header.withoutSpaces
        if s == "合计" || s == "总计" { return "合计" }
        if s == "小计" { return "小计" }
        if s.containsUTF8("购置及运行") || s.containsUTF8("经费预算数") || s.hasPrefix("“三公”") || s.hasPrefix("财政拨款“三公") { return nil }
        if s.containsUTF8("出国") || s.containsUTF8("出境") { return "因公出国（境）费" }
        if s.containsUTF8("接待") { return "公务接待费" }
        if s.containsUTF8("机关运行") { return "机关运行经费" }
        if s.containsUTF8("购置") { return "公务用车购置费" }
        if s.containsUTF8("运行") { return "公务用车运行费" }
        return nil
    }

    /// Items are header columns and one line of numbers sits below (budget/actual pairs in
    /// 决算). Blank cells leave fewer numbers than columns: position and the table's arithmetic
    /// (合计 = 出国 + 接待 + 小计, 小计 = 购置 + 运行) place them.
    static func columnOriented(_ t: LabelTable, document: SnapshotDocument, table: inout ReaderTable, out: inout TypedLabelTable) {
        var columns: [(key: String, end: Int)] = []
        for h in t.header {
            guard let key = threePublicColumn(h.text), !columns.contains(where: { $0.key == key }) else { continue }
            columns.append((key, h.position + h.text.count))
        }
        columns.sort { $0.end < $1.end }
        // Tab text gives each header line its own cell indexes, so their order across lines
        // is unknown: when a full line of numbers breaks the arithmetic in header order, the
        // templates' own orders are tried.
        let templateOrders = [
            ["合计", "因公出国（境）费", "公务接待费", "小计", "公务用车购置费", "公务用车运行费", "机关运行经费"],
            ["合计", "因公出国（境）费", "小计", "公务用车购置费", "公务用车运行费", "公务接待费"],
        ]
        if let full = t.lines.first(where: { $0.groups.flatMap(\.numbers).count == columns.count }) {
            let values = full.groups.flatMap(\.numbers).map { $0.number.value }
            let identity = Array(0..<columns.count)
            if !threePublicArithmetic(keys: columns.map(\.key), columns: identity, values: values) {
                for order in templateOrders where Set(order) == Set(columns.map(\.key)) {
                    if threePublicArithmetic(keys: order, columns: identity, values: values) {
                        let ends = columns.map(\.end).sorted()
                        columns = zip(order, ends).map { (key: $0, end: $1) }
                        break
                    }
                }
            }
        }
        let pairs = t.header.contains { $0.text.contains("决算数") }
        for line in t.lines {
            let numbers = line.groups.flatMap(\.numbers)
            var placed: [Int?] = Array(repeating: nil, count: numbers.count)
            var isBudget: [Bool] = Array(repeating: false, count: numbers.count)
            if pairs && numbers.count == columns.count * 2 {
                for j in numbers.indices { placed[j] = j / 2; isBudget[j] = j % 2 == 0 }
            } else if !columns.isEmpty && numbers.count <= columns.count {
                let keys = columns.map(\.key)
                let values = numbers.map { $0.number.value }
                let assigner = ColumnAssigner(anchors: columns.map { Double($0.end) })
                if let best = assigner.assign(positions: numbers.map(\.position), satisfiesArithmetic: { cols in
                    threePublicArithmetic(keys: keys, columns: cols, values: values)
                }) {
                    for (j, c) in best.enumerated() { placed[j] = c }
                }
            }
            for (j, n) in numbers.enumerated() {
                let value = t.unit.toWanYuan(n.number.value)
                let key = placed[j].map { columns[$0].key } ?? ""
                let item = threePublicItem(key) ?? ""
                let label = key + (pairs ? (isBudget[j] ? "预算数" : "决算数") : "")
                // Each figure is its item's (合计 and 小计 too, as a PDF's are), in its measure.
                out.facts.append(Fact(table: t.kind.name, columnLabel: label,
                                      column: key.isEmpty ? "" : (isBudget[j] ? "budget" : "amount"),
                                      rowLabel: item.isEmpty ? key : item, code: nil, economic: false, project: nil,
                                      amount: value, line: line.line, cell: n.position))
            }
            // One row per item; a blank cell in print is no spending on that item (0).
            var amounts: [String: ExactDecimal] = [:]
            var budgets: [String: ExactDecimal] = [:]
            for (j, n) in numbers.enumerated() {
                guard let c = placed[j], let item = threePublicItem(columns[c].key), !item.isEmpty else { continue }
                if isBudget[j] { budgets[item] = t.unit.toWanYuan(n.number.value) } else { amounts[item] = t.unit.toWanYuan(n.number.value) }
            }
            guard !amounts.isEmpty || !budgets.isEmpty else { continue }
            for key in columns.map(\.key) {
                guard let item = threePublicItem(key), !item.isEmpty else { continue }
                table.rows.append(document.snapshotValues + [.text(item), .decimal(amounts[item] ?? .zero), .null, .null, .null,
                                                             budgets[item].map { .decimal($0) } ?? .null] + document.placementValues(line: line.line))
            }
        }
    }

    static func threePublicArithmetic(keys: [String], columns: [Int], values: [ExactDecimal]) -> Bool {
        var v: [String: ExactDecimal] = [:]
        for (j, c) in columns.enumerated() { v[keys[c]] = values[j] }
        func agree(_ total: String, _ parts: [String]) -> Bool {
            guard let t = v[total] else { return true }
            let present = parts.compactMap { v[$0] }
            // A subtotal printed with none of its parts is not how the template reads.
            if present.isEmpty { return t.isZero || total == "合计" && keys.count <= 1 }
            return Arithmetic.agree(t, Arithmetic.sum(present), parts: 1, unit: t.lastDigitUnit)
        }
        let carParts = ["公务用车购置费", "公务用车运行费"]
        let totalParts = keys.contains("小计") ? ["因公出国（境）费", "公务接待费", "小计"] : ["因公出国（境）费", "公务接待费"] + carParts
        return agree("小计", carParts) && agree("合计", totalParts)
    }

    static let carryoverColumns = ["amount", "fiscal", "fiscal_personnel", "fiscal_public", "fiscal_project",
                                   "nonfiscal", "nonfiscal_personnel", "nonfiscal_public", "nonfiscal_project"]

    /// 上年结转结余情况明细表: one row per project; tab text keeps the template's cell order.
    static func carryover(_ t: LabelTable, document: SnapshotDocument) -> TypedLabelTable {
        var table = ReaderTable(name: t.kind.name, columns: carryoverSchema)
        var out = TypedLabelTable()
        var pendingLabel = ""
        for line in t.lines {
            let numbers = line.groups.flatMap(\.numbers)
            let label = line.groups.map(\.label).filter { !$0.isEmpty }.first ?? ""
            if numbers.isEmpty { pendingLabel += label; continue }
            let project = pendingLabel + label
            pendingLabel = ""
            var money = [String: ExactDecimal]()
            let firstCell = line.groups.first?.labelPosition ?? 0
            for (j, n) in numbers.enumerated() {
                // Tab text: the cell after the label is 总计; layout: numbers in order.
                let index = document.format.cellsAreColumns ? n.position - firstCell - 1 : j
                let column = index >= 0 && index < carryoverColumns.count ? carryoverColumns[index] : ""
                let value = t.unit.toWanYuan(n.number.value)
                if !column.isEmpty { money[column] = value }
                out.facts.append(Fact(table: t.kind.name, columnLabel: headerLabel(t, near: n.position), column: column,
                                      rowLabel: project, code: nil, economic: false, project: project, amount: value, line: line.line, cell: n.position))
            }
            if project.containsUTF8("合计") || project.containsUTF8("总计") { continue }
            if money["amount"] == nil, let f = money["fiscal"] {
                money["amount"] = f.adding(money["nonfiscal"] ?? .zero) ?? f
            }
            table.rows.append(document.snapshotValues + [.text(project)]
                              + carryoverColumns.map { money[$0].map { Value.decimal($0) } ?? .null } + document.placementValues(line: line.line))
        }
        out.table = table
        return out
    }
}
