import Store

/// The arithmetic a disclosure must obey, applied to what was read: within a table (per column
/// class = Σ sections, section = Σ items, 合计 = Σ classes; per row total = Σ parts) and
/// across tables (overview vs spending, spending vs income, appropriation vs general_spending,
/// basic_spending vs spending's basic column). Results are reported, never "fixed".
enum Reconciler {
    static func check(_ table: CodedTable) -> [Check] {
        var checks: [Check] = []
        let name = table.kind.name
        let rows = table.rows
        // Parent of each row: nearest printed ancestor (projects under their item), else 合计.
        var rowOfCode: [ClassificationCode: Int] = [:]
        for (i, r) in rows.enumerated() where r.project == nil {
            if let c = r.code, rowOfCode[c] == nil { rowOfCode[c] = i }
        }
        let totalRow = rows.firstIndex { $0.isTotal }
        var children = [[Int]](repeating: [], count: rows.count)
        for (i, r) in rows.enumerated() {
            guard let c = r.code else { continue }
            if r.project != nil, let own = rowOfCode[c], own != i { children[own].append(i); continue }
            var p = c.parent
            var parent: Int?
            while let q = p {
                if let pr = rowOfCode[q], pr != i { parent = pr; break }
                p = q.parent
            }
            if let pr = parent ?? totalRow { children[pr].append(i) }
        }
        // A table printing one total per panel (人员经费合计 | 公用经费合计): each totals the top
        // rows in its own column.
        let totalRows = rows.indices.filter { rows[$0].isTotal }
        if let first = totalRow { for t in totalRows where t != first { children[t] = children[first] } }
        // A column no row printed (the total of a table that prints only its parts) is derived:
        // checking it would compare the parts with themselves.
        let printedColumns = Set(rows.flatMap { $0.printed.keys })
        for (p, kids) in children.enumerated() where !kids.isEmpty {
            let parent = rows[p]
            let rule: String
            let auditRule: AuditRule
            if parent.isTotal {
                rule = "合计 = Σ top rows"
                auditRule = RuleCatalogue.grandTotal
            } else if let c = parent.code {
                let levelNames = table.kind.key == .economic ? ["class", "section"] : ["class", "section", "item"]
                let projects = table.kind.name == "project_spending" && c.level == 3
                let childLevel = projects ? "projects" : (c.level < levelNames.count ? levelNames[c.level] + "s" : "rows")
                rule = "\(levelNames[min(c.level, levelNames.count) - 1]) = Σ \(childLevel)"
                auditRule = projects ? RuleCatalogue.projectSum : c.level == 1 ? RuleCatalogue.classSum : RuleCatalogue.sectionSum
            } else {
                continue
            }
            for column in table.columns where printedColumns.contains(column.name) {
                // A figure printed as ### is unknown: no sum with it in says anything.
                if ([parent] + kids.map { rows[$0] }).contains(where: { $0.illegible.contains(column.name) }) { continue }
                let parentValue = parent.values[column.name]
                let childValues = kids.compactMap { rows[$0].values[column.name] }
                if parentValue == nil && childValues.isEmpty { continue }
                // A total per panel prints nothing in the other panel's column.
                if parentValue == nil && parent.isTotal && totalRows.count > 1 { continue }
                let expected = parentValue ?? .zero
                let actual = Arithmetic.sum(childValues)
                let unit = unitOf([parent] + kids.map { rows[$0] }, column: column.name, table: table)
                checks.append(Check.compare(table: name, rule: auditRule, expected: expected, actual: actual,
                                            unit: unit, parts: 1,
                                            detail: "\(TableTitles.title(name))「\(parent.code.map { "\($0) " } ?? "")\(parent.name)」\(table.columnLabels[column.name] ?? column.name)（\(name).\(column.name)，\(rule)）：印 \(expected)，下级各行合计 \(actual)",
                                            line: parent.line))
            }
        }
        // Row arithmetic: total = Σ parts.
        let rules = CodedTableReader.rowRules(kind: table.kind, columns: table.columns)
        for row in rows {
            for rule in rules where !([rule.total] + rule.parts).contains(where: { row.illegible.contains(table.columns[$0].name) }) {
                let totalName = table.columns[rule.total].name
                guard let total = row.values[totalName] else { continue }
                let parts = rule.parts.compactMap { row.values[table.columns[$0].name] }
                if parts.isEmpty { continue }
                let sum = Arithmetic.sum(parts)
                checks.append(Check.compare(table: name, rule: RuleCatalogue.rowTotal, expected: total, actual: sum,
                                            unit: unitOf([row], column: nil, table: table), parts: 1,
                                            detail: "\(TableTitles.title(name))「\(row.code.map { "\($0) " } ?? "")\(row.name)」（\(name).\(totalName) = Σ parts）：\(table.columnLabels[totalName] ?? totalName) \(total)，各分项合计 \(sum)",
                                            line: row.line))
            }
        }
        for r in table.repairs {
            checks.append(Check(table: name, rule: RuleCatalogue.repaired, status: .repaired, expected: nil, actual: nil, detail: r.detail, line: r.line))
        }
        for u in table.illegible {
            checks.append(Check(table: name, rule: RuleCatalogue.illegibleFigure, status: .failed, expected: nil, actual: nil,
                                detail: "'\(u.cell)': \(u.reason)", line: u.line, quote: u.cell))
        }
        for u in table.unparsed {
            checks.append(Check(table: name, rule: RuleCatalogue.unparsedNumber, status: .unparsed, expected: nil, actual: nil,
                                detail: "'\(u.cell)': \(u.reason)", line: u.line, quote: u.cell))
        }
        return checks
    }

    /// One unit of the last printed digit, in 万元, of the numbers involved.
    static func unitOf(_ rows: [CodedRow], column: String?, table: CodedTable) -> ExactDecimal {
        var scale = 0
        for r in rows {
            for (name, n) in r.printed where column == nil || name == column {
                scale = max(scale, n.number.value.scale)
            }
        }
        return table.unit.toWanYuan(ExactDecimal(units: 1, scale: scale))
    }

    // MARK: across tables

    /// Σ of leaf values by class for a column, and the printed 合计.
    static func classSums(_ table: CodedTable, column: String) -> (byClass: [Int: ExactDecimal], total: ExactDecimal?, totalLine: Int?, unit: ExactDecimal) {
        var byClass: [Int: ExactDecimal] = [:]
        for r in table.rows where r.isLeaf {
            guard let c = r.code, let v = r.values[column] else { continue }
            byClass[c.classCode] = (byClass[c.classCode] ?? .zero).adding(v) ?? byClass[c.classCode]
        }
        let total = table.rows.first { $0.isTotal }
        return (byClass, total?.values[column], total?.line, unitOf(table.rows, column: column, table: table))
    }

    /// A spending table's 基本支出 by class: its basic column, or 人员经费 + 公用经费 where it
    /// prints only the split.
    static func basicSums(_ table: CodedTable) -> (byClass: [Int: ExactDecimal], total: ExactDecimal?, totalLine: Int?, unit: ExactDecimal) {
        let printed = Set(table.columns.map(\.name))
        guard !printed.contains("basic"), printed.contains("personnel") || printed.contains("public") else {
            return classSums(table, column: "basic")
        }
        let p = classSums(table, column: "personnel"), q = classSums(table, column: "public")
        let byClass = p.byClass.merging(q.byClass) { a, b in a.adding(b) ?? a }
        let total = [p.total, q.total].compactMap { $0 }
        return (byClass, total.isEmpty ? nil : Arithmetic.sum(total), p.totalLine ?? q.totalLine, max(p.unit, q.unit))
    }

    static func crossChecks(coded: [String: CodedTable], label: [String: TypedLabelTable]) -> [Check] {
        var checks: [Check] = []
        func compareClasses(_ a: (name: String, byClass: [Int: ExactDecimal], unit: ExactDecimal),
                            _ b: (name: String, byClass: [Int: ExactDecimal], unit: ExactDecimal), rule: AuditRule, line: Int?) {
            for cls in Set(a.byClass.keys).union(b.byClass.keys).sorted() {
                let x = a.byClass[cls] ?? .zero, y = b.byClass[cls] ?? .zero
                let unit = max(a.unit, b.unit)
                checks.append(Check.compare(table: a.name, rule: rule, expected: x, actual: y, unit: unit, parts: 1,
                                            detail: "\(cls) 类：\(TableTitles.title(a.name)) \(x)，\(TableTitles.title(b.name)) \(y)", line: line))
            }
        }
        // Overview's spending side by class vs spending.
        if let overview = label["overview"], let spending = coded["spending"] {
            var byClass: [Int: ExactDecimal] = [:]
            var unit = ExactDecimal.zero
            var line: Int?
            for t in overview.totals where t.side == "支出" && t.column == "amount" {
                if let c = t.classCode { byClass[c] = t.value; unit = max(unit, t.unit); line = line ?? t.line }
            }
            let s = classSums(spending, column: "amount")
            if !byClass.isEmpty {
                compareClasses(("overview", byClass, unit), ("spending", s.byClass, s.unit), rule: RuleCatalogue.overviewSpending, line: line)
            }
            // A 收支总表 that splits its spending side (基本支出 or 人员经费 + 公用经费, 项目支出):
            // each part by class against the spending table's column.
            for column in ["basic", "project"] {
                var parts: [Int: ExactDecimal] = [:]
                var partUnit = ExactDecimal.zero
                var partLine: Int?
                let names = column == "basic" ? ["basic", "personnel", "public"] : ["project"]
                for t in overview.totals where t.side == "支出" && names.contains(t.column) {
                    guard let c = t.classCode else { continue }
                    // 基本支出 printed whole wins over its two parts.
                    if t.column == "basic" || !overview.totals.contains(where: { $0.classCode == c && $0.column == "basic" }) {
                        parts[c] = (parts[c] ?? .zero).adding(t.value) ?? parts[c]
                    }
                    partUnit = max(partUnit, t.unit)
                    partLine = partLine ?? t.line
                }
                guard !parts.isEmpty else { continue }
                let sp = column == "basic" ? basicSums(spending) : classSums(spending, column: column)
                compareClasses(("overview", parts, partUnit), ("spending", sp.byClass, sp.unit),
                               rule: RuleCatalogue.overviewSplit, line: partLine)
            }
        }
        // Spending vs income, by class and in total.
        if let spending = coded["spending"], let income = coded["income"] {
            let s = classSums(spending, column: "amount"), i = classSums(income, column: "amount")
            compareClasses(("spending", s.byClass, s.unit), ("income", i.byClass, i.unit), rule: RuleCatalogue.spendingIncomeClass, line: s.totalLine)
            if let st = s.total, let it = i.total {
                checks.append(Check.compare(table: "spending", rule: RuleCatalogue.spendingIncomeTotal, expected: st, actual: it,
                                            unit: max(s.unit, i.unit), parts: 1,
                                            detail: "支出表合计 \(st)，收入表合计 \(it)", line: s.totalLine))
            }
        }
        // Appropriation's spending side vs general_spending.
        if let appropriation = label["appropriation"], let general = coded["general_spending"] {
            var byClass: [Int: ExactDecimal] = [:]
            var unit = ExactDecimal.zero
            var grand: (value: ExactDecimal, line: Int)?
            var grandAmount: (value: ExactDecimal, line: Int)?
            for t in appropriation.totals where t.side == "支出" {
                if let c = t.classCode {
                    if t.column == "general" || t.column == "amount" && byClass[c] == nil { byClass[c] = t.value }
                    unit = max(unit, t.unit)
                } else if t.column == "general" {
                    grand = (t.value, t.line)
                } else if t.column == "amount" {
                    grandAmount = (t.value, t.line)
                }
            }
            let g = classSums(general, column: "amount")
            compareClasses(("appropriation", byClass, unit), ("general_spending", g.byClass, g.unit),
                           rule: RuleCatalogue.appropriationGeneralClass, line: grand?.line)
            if let total = grand ?? grandAmount, let gt = g.total {
                checks.append(Check.compare(table: "appropriation", rule: RuleCatalogue.appropriationGeneralTotal,
                                            expected: total.value, actual: gt, unit: max(unit, g.unit), parts: 1,
                                            detail: "财政拨款收支总表一般公共预算支出 \(total.value)，一般公共预算支出表合计 \(gt)", line: total.line))
            }
        }
        // basic_spending (general budget) 合计 vs the basic column of general_spending, or of
        // spending when the document has no general_spending table.
        // Where both print 基本支出's split, 人员经费 and 公用经费 agree too.
        if let basic = coded["basic_spending"], let spending = coded["general_spending"] ?? coded["spending"] {
            let b = basic.rows.first { $0.isTotal }?.values["amount"] ?? Arithmetic.sum(basic.rows.filter(\.isLeaf).compactMap { $0.values["amount"] })
            let sums = basicSums(spending)
            let s = sums.total ?? Arithmetic.sum(Array(sums.byClass.values))
            checks.append(Check.compare(table: "basic_spending", rule: RuleCatalogue.basicGeneral, expected: s, actual: b,
                                        unit: max(unitOf(basic.rows, column: "amount", table: basic), sums.unit),
                                        parts: 1, detail: "\(TableTitles.title(spending.kind.name))基本支出列合计 \(s)，一般公共预算基本支出表合计 \(b)",
                                        line: basic.rows.first { $0.isTotal }?.line))
            for (column, word) in [("personnel", "人员经费"), ("public", "公用经费")]
            where spending.columns.contains(where: { $0.name == column }) && basic.columns.contains(where: { $0.name == column }) {
                guard let bt = basic.rows.first(where: { $0.isTotal })?.values[column],
                      let st = spending.rows.first(where: { $0.isTotal })?.values[column] else { continue }
                checks.append(Check.compare(table: "basic_spending", rule: RuleCatalogue.basicGeneral, expected: st, actual: bt,
                                            unit: max(unitOf(basic.rows, column: column, table: basic), unitOf(spending.rows, column: column, table: spending)),
                                            parts: 1, detail: "\(TableTitles.title(spending.kind.name))\(word)列合计 \(st)，一般公共预算基本支出表\(word)合计 \(bt)",
                                            line: basic.rows.first { $0.isTotal }?.line))
            }
        }
        return checks
    }
}
