import Store

/// The SELECT clauses: the select list, WHERE, GROUP BY, HAVING, PIVOT BY and ORDER BY of one
/// SELECT, bound over the scope its FROM clause made.
extension Binder {
    func bindSelect(_ s: SelectStatement, orderBy: [OrderItem]) throws(Diagnostic) -> SelectPlan {
        let (source, scope) = try bindSource(s)

        // Expand * and t.* into column references, so they bind like any other item.
        var items: [(expression: Expression, name: String)] = []
        for item in s.items {
            if case .star(let table, let span) = item.expression {
                if let table, !scope.qualifiers.contains(where: { $0.lowercased() == table.lowercased() }) {
                    _ = try scope.resolve(table: table, name: "*", span: span)
                }
                var mergedDone: Set<String> = []
                for c in scope.columns where !c.hidden {
                    if let table, c.qualifier.lowercased() != table.lowercased() { continue }
                    let key = c.name.lowercased()
                    if table == nil, scope.merged[key] != nil {
                        if mergedDone.insert(key).inserted { items.append((.column(table: nil, name: c.name, span), c.name)) }
                        continue
                    }
                    items.append((.column(table: c.qualifier, name: c.name, span), c.name))
                }
                if scope.columns.isEmpty {
                    throw Diagnostic(kind: .name, message: "* needs a FROM table", span: span)
                }
            } else {
                items.append((item.expression, item.alias ?? item.expression.displayName))
            }
        }
        var aliases: [String: Expression] = [:]
        for item in s.items { if let a = item.alias { aliases[a.lowercased()] = item.expression } }

        let isGrouped = s.groupBy != nil || s.pivotBy != nil
            || items.contains { containsAggregate($0.expression) }
            || s.having.map(containsAggregate) == true
            || orderBy.contains { containsAggregate($0.expression) }

        var plan = SelectPlan(source: source, filter: nil, aggregate: nil, having: nil, outputs: [], names: items.map(\.name),
                              visibleCount: items.count, distinct: s.distinct)

        if let w = s.whereClause {
            let ctx = Context(scope: scope, aliases: aliases, clause: .whereClause)
            let bound = try bindExpression(w, ctx)
            try requireBoolean(bound, w, "WHERE")
            plan.filter = bound
        }

        let windows = WindowState()
        var outputContext = Context(scope: scope, aliases: aliases, clause: .selectList, allowShare: true, windows: windows)
        if let p = s.pivotBy, items.contains(where: { containsWindow($0.expression) }) {
            throw Diagnostic(kind: .name, message: "window functions cannot be combined with PIVOT BY", span: p.span,
                             hints: ["compute the window in a subquery, then pivot its rows"])
        }
        if isGrouped {
            let state = AggregationState()
            let keyContext = Context(scope: scope, aliases: aliases, clause: .groupBy)
            @discardableResult
            func addKey(_ e: Expression) throws(Diagnostic) -> Int {
                let bound = try bindExpression(e, keyContext)
                if let k = state.keys.firstIndex(of: bound) { return k }
                state.keys.append(bound)
                return state.keys.count - 1
            }
            switch s.groupBy {
            case .sets(let groupItems, let span)?:
                if s.pivotBy != nil {
                    throw Diagnostic(kind: .name, message: "ROLLUP, CUBE and GROUPING SETS cannot be combined with PIVOT BY", span: span)
                }
                // The groupings are the cross product of the items' sets (GROUP BY a, ROLLUP (b)
                // is (a, b), (a)); each is a list of key positions.
                var sets: [[Int]] = [[]]
                for item in groupItems {
                    var itemSets: [[Int]] = []
                    for grouping in item.groupings {
                        var set: [Int] = []
                        for e in grouping {
                            let k = try addKey(try groupingTarget(e, items: items))
                            if !set.contains(k) { set.append(k) }
                        }
                        itemSets.append(set)
                    }
                    sets = sets.flatMap { a in itemSets.map { b in a + b.filter { !a.contains($0) } } }
                }
                state.groupingSets = sets
            case .expressions(let list)?:
                for e in list {
                    if case .literal(.integer(let n), let span) = e {
                        guard n >= 1 && n <= items.count else {
                            throw Diagnostic(kind: .name, message: "GROUP BY position \(n) is not in the select list (it has \(items.count) column\(items.count == 1 ? "" : "s"))", span: span)
                        }
                        let target = items[Int(n) - 1].expression
                        if containsAggregate(target) {
                            throw Diagnostic(kind: .name, message: "GROUP BY \(n) refers to an aggregate, \(target.displayName)", span: span)
                        }
                        try addKey(target)
                    } else {
                        try addKey(e)
                    }
                }
            case .all?, nil:
                // GROUP BY ALL, and PIVOT without GROUP BY: every item without an aggregate is a key.
                if s.groupBy != nil || s.pivotBy != nil {
                    for item in items where !containsAggregate(item.expression) && !isShareCall(item.expression) && !containsWindow(item.expression) {
                        if case .literal = item.expression { continue }
                        try addKey(item.expression)
                    }
                }
            }
            if let p = s.pivotBy { try addKey(p) }
            outputContext.aggregation = state
            for item in items { plan.outputs.append(try bindExpression(item.expression, outputContext)) }
            if let h = s.having, s.pivotBy != nil {
                // HAVING sees one (row, pivot value) group, so it would blank single cells of a
                // pivoted row; what is meant is a filter on the groups before pivoting, which a
                // subquery says plainly.
                throw Diagnostic(kind: .name, message: "HAVING cannot be combined with PIVOT BY (it would remove single cells, not rows)", span: h.span,
                                 hints: ["filter the groups in a subquery, then pivot its rows, e.g. SELECT class, sum(total) FROM (SELECT class, year, sum(amount) AS total GROUP BY class, year HAVING sum(amount) > 100) PIVOT BY year"])
            }
            if let h = s.having {
                var ctx = outputContext
                ctx.clause = .having
                ctx.allowShare = false
                ctx.windows = nil
                let bound = try bindExpression(h, ctx)
                try requireBoolean(bound, h, "HAVING")
                plan.having = bound
            }
            if let p = s.pivotBy {
                let bound = try bindExpression(p, outputContext)
                plan.outputs.append(bound)
                var rowColumns: [Int] = [], valueColumns: [Int] = []
                for (i, item) in items.enumerated() {
                    if containsAggregate(item.expression) || isShareCall(item.expression) { valueColumns.append(i) } else { rowColumns.append(i) }
                }
                guard !valueColumns.isEmpty else {
                    throw Diagnostic(kind: .name, message: "PIVOT BY needs an aggregate in the select list to spread over its columns", span: p.span,
                                     hints: ["e.g. SELECT class, sum(amount) PIVOT BY year"])
                }
                // A count of no rows is 0, not a blank: count cells missing from the groups show 0.
                let counts = valueColumns.filter { i in
                    if case .call(let c) = items[i].expression, c.name.lowercased() == "count" { return true }
                    return false
                }
                plan.pivot = PivotPlan(pivotColumn: plan.outputs.count - 1, rowColumns: rowColumns, valueColumns: valueColumns,
                                       zeroWhenMissing: Set(counts))
            }
            plan.aggregate = AggregatePlan(keys: state.keys, aggregates: state.aggregates, groupingSets: state.groupingSets)
            // ORDER BY expressions that are not outputs may still need aggregates: bind them now,
            // while the state collects.
            try bindOrder(orderBy, into: &plan, context: outputContext)
            plan.aggregate = AggregatePlan(keys: state.keys, aggregates: state.aggregates, groupingSets: state.groupingSets)
        } else {
            for item in items { plan.outputs.append(try bindExpression(item.expression, outputContext)) }
            if let h = s.having {
                throw Diagnostic(kind: .name, message: "HAVING needs GROUP BY or an aggregate", span: h.span, hints: ["use WHERE to filter rows"])
            }
            try bindOrder(orderBy, into: &plan, context: outputContext)
            // `SELECT 1 + 1` with FROM left out reads no column: one row, not one per spending row.
            if s.from == nil, plan.filter?.columnsUsed.isEmpty ?? true, plan.outputs.allSatisfy({ $0.columnsUsed.isEmpty }) {
                plan.source = .singleRow
            }
        }
        placeWindows(windows, into: &plan)
        return plan
    }

    /// A GROUP BY item: `GROUP BY 2` is the second select item's expression.
    func groupingTarget(_ e: Expression, items: [(expression: Expression, name: String)]) throws(Diagnostic) -> Expression {
        guard case .literal(.integer(let n), let span) = e else { return e }
        guard n >= 1 && n <= items.count else {
            throw Diagnostic(kind: .name, message: "GROUP BY position \(n) is not in the select list (it has \(items.count) column\(items.count == 1 ? "" : "s"))", span: span)
        }
        let target = items[Int(n) - 1].expression
        if containsAggregate(target) {
            throw Diagnostic(kind: .name, message: "GROUP BY \(n) refers to an aggregate, \(target.displayName)", span: span)
        }
        return target
    }

    func bindOrder(_ orderBy: [OrderItem], into plan: inout SelectPlan, context: Context) throws(Diagnostic) {
        for item in orderBy {
            let nullsFirst = item.nullsFirst ?? false
            if plan.pivot != nil {
                // Pivoted columns only exist after the pivot: ORDER BY names a row column.
                let rowNames = plan.pivot.map { $0.rowColumns.map { plan.names[$0] } } ?? []
                if case .literal(.integer(let n), let span) = item.expression {
                    // Positions count the pivoted columns, known only after the pivot: checked then.
                    guard n >= 1, n <= Int64(Int32.max) else {
                        throw Diagnostic(kind: .name, message: "ORDER BY position \(n) is not in the result", span: span)
                    }
                    plan.order.append(SortKey(column: Int(n) - 1, descending: item.descending, nullsFirst: nullsFirst))
                } else if case .column(nil, let name, let span) = item.expression,
                          !plan.names.prefix(plan.visibleCount).contains(where: { $0.lowercased() == name.lowercased() }) {
                    // A pivoted column ("2024"): its place is known after the pivot.
                    plan.pivot?.orderNames[plan.order.count] = PivotColumnName(name: name, span: span)
                    plan.order.append(SortKey(column: 0, descending: item.descending, nullsFirst: nullsFirst))
                } else {
                    let position = try outputPosition(item.expression, names: plan.names, width: plan.visibleCount, required: true) ?? 0
                    guard let rowIndex = rowNames.firstIndex(where: { $0.lowercased() == plan.names[position].lowercased() }) else {
                        throw Diagnostic(kind: .name, message: "with PIVOT BY, ORDER BY names a row column, a pivoted column or a position", span: item.expression.span)
                    }
                    plan.order.append(SortKey(column: rowIndex, descending: item.descending, nullsFirst: nullsFirst))
                }
                continue
            }
            if let position = try outputPosition(item.expression, names: plan.names, width: plan.visibleCount, required: false) {
                plan.order.append(SortKey(column: position, descending: item.descending, nullsFirst: nullsFirst))
                continue
            }
            var ctx = context
            ctx.clause = .orderBy
            let bound = try bindExpression(item.expression, ctx)
            if let same = plan.outputs.prefix(plan.visibleCount).firstIndex(of: bound) {
                plan.order.append(SortKey(column: same, descending: item.descending, nullsFirst: nullsFirst))
                continue
            }
            if plan.distinct {
                throw Diagnostic(kind: .name, message: "with SELECT DISTINCT, ORDER BY expressions must appear in the select list", span: item.expression.span)
            }
            plan.outputs.append(bound)
            plan.names.append(item.expression.displayName)
            plan.order.append(SortKey(column: plan.outputs.count - 1, descending: item.descending, nullsFirst: nullsFirst))
        }
    }

    func requireBoolean(_ bound: BoundExpression, _ e: Expression, _ clause: String) throws(Diagnostic) {
        guard bound.type == .boolean || bound.type == .null else {
            throw Diagnostic(kind: .type, message: "\(clause) needs a condition (true or false), got \(bound.type)", span: e.span,
                             hints: ["compare it, e.g. \(e.displayName) > 0"])
        }
    }
}
