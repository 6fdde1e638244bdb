import Store

/// Families 3 and 4 beyond the reconciler's class/section/row sums: two-sided tables balance,
/// no negative figures, and the totals of 收支总表 and 财政拨款收支总表 against the tables they
/// summarise.
enum TableRules {
    static func check(_ context: AuditContext) -> [Check] {
        balance(context) + negatives(context) + overviewTotals(context) + fund(context)
    }

    static func decimal(_ v: Value?) -> ExactDecimal? {
        if case .decimal(let d)? = v { return d }
        return nil
    }

    static func text(_ v: Value?) -> String {
        if case .text(let t)? = v { return t }
        return ""
    }

    static func line(_ v: Value?) -> Int? {
        if case .integer(let n)? = v { return Int(n) }
        return nil
    }

    static func tolerance(_ values: ExactDecimal...) -> ExactDecimal {
        values.map(\.lastDigitUnit).max() ?? .zero
    }

    /// A row of a two-sided table by side and label predicate.
    static func row(_ rows: [[String: Value]], side: String, _ matches: (String) -> Bool) -> [String: Value]? {
        rows.first { text($0["side"]) == side && matches(text($0["item"])) }
    }

    static func isGrandTotal(_ label: String) -> Bool {
        label.hasSuffix("总计") || label == "合计"
    }

    static func balance(_ context: AuditContext) -> [Check] {
        var checks: [Check] = []
        for name in ["overview", "appropriation"] {
            let rows = context.labelRows(name)
            guard let income = row(rows, side: "收入", isGrandTotal), let spending = row(rows, side: "支出", isGrandTotal),
                  let a = decimal(income["amount"]), let b = decimal(spending["amount"]) else { continue }
            checks.append(Check.compare(table: name, rule: RuleCatalogue.balance, expected: a, actual: b, unit: tolerance(a, b), parts: 1,
                                        detail: "\(TableTitles.title(name))：收入总计 \(a.normalized)，支出总计 \(b.normalized)", line: line(spending["line"]),
                                        quote: line(spending["line"]).map { context.quote(line: $0) } ?? ""))
        }
        return checks
    }

    static func negatives(_ context: AuditContext) -> [Check] {
        var checks: [Check] = []
        // A change beside the table's own columns (增减额) is negative when the figure fell.
        for fact in context.ingested.facts where fact.amount.isNegative && fact.table != "carryover"
            && !(fact.column.isEmpty && CellHeader(lines: [fact.columnLabel]).isChange) {
            checks.append(Check(table: fact.table, rule: RuleCatalogue.negative, status: .failed, expected: nil, actual: fact.amount,
                                detail: "\(TableTitles.title(fact.table))「\(fact.rowLabel)」\(fact.columnLabel)为负数 \(fact.amount.normalized)",
                                line: fact.line, quote: context.quote(line: fact.line)))
        }
        return checks
    }

    /// 收支总表's 本年收入 / 本年支出 against 收入表 / 支出表 合计. Where the table prints no
    /// 本年 line, its 总计 stands for it only when no carry-over line is printed on that side.
    static func overviewTotals(_ context: AuditContext) -> [Check] {
        let rows = context.labelRows("overview")
        var checks: [Check] = []
        for (side, table, rule) in [("收入", "income", RuleCatalogue.overviewIncomeTotal), ("支出", "spending", RuleCatalogue.overviewSpendingTotal)] {
            guard var total = context.total(table) else { continue }
            // A 收入表 that prints 上年结转 columns totals them in; 本年收入 does not.
            if table == "income" {
                for carried in ["carryover", "other_carryover"] {
                    if let c = context.total("income", carried)?.value, let less = total.value.subtracting(c) { total.value = less }
                }
            }
            let ownYear = row(rows, side: side) { $0.hasPrefix("本年" + side) }
            let carried = rows.contains { text($0["side"]) == side && (text($0["item"]).containsUTF8("结转") || text($0["item"]).containsUTF8("结余")) }
            guard let printed = ownYear ?? (carried ? nil : row(rows, side: side, isGrandTotal)), let value = decimal(printed["amount"]) else { continue }
            checks.append(Check.compare(table: "overview", rule: rule, expected: value, actual: total.value,
                                        unit: max(tolerance(value), total.unit), parts: 1,
                                        detail: "收支总表「\(text(printed["item"]))」\(value.normalized)，\(TableTitles.title(table))合计 \(total.value.normalized)",
                                        line: line(printed["line"]), quote: line(printed["line"]).map { context.quote(line: $0) } ?? ""))
        }
        return checks
    }

    /// 财政拨款收支总表's 政府性基金 spending against the 政府性基金 table's 合计 (0 when that
    /// table prints no rows).
    static func fund(_ context: AuditContext) -> [Check] {
        let rows = context.labelRows("appropriation")
        guard let grand = row(rows, side: "支出", isGrandTotal), let fund = decimal(grand["fund"]),
              context.coded["fund_spending"] != nil else { return [] }
        let table = context.total("fund_spending")?.value ?? .zero
        return [Check.compare(table: "appropriation", rule: RuleCatalogue.fundAppropriation, expected: fund, actual: table,
                              unit: tolerance(fund, table), parts: 1,
                              detail: "财政拨款收支总表政府性基金支出 \(fund.normalized)，政府性基金支出表合计 \(table.normalized)",
                              line: line(grand["line"]), quote: line(grand["line"]).map { context.quote(line: $0) } ?? "")]
    }
}
