import Store

/// Names and types: turns a parsed query into a plan the executor can run. Every error here is
/// about a name (unknown column, table, function, parameter) or a type, and points at the
/// expression it is about.
struct Binder {
    let catalog: Catalog
    let parameters: [String: Value]

    /// Integer code columns on which a quoted code (`class = '208'`) is accepted.
    static let codeColumns: Set<String> = ["class", "section", "item", "econ_class", "econ_section", "year"]

    /// What the expression binder may see and do in one clause.
    struct Context {
        var scope: Scope
        var aggregation: AggregationState?
        var aliases: [String: Expression] = [:]
        var clause: String
        var allowAggregates = false
        var allowShare = false
    }

    /// The grouping keys and the aggregates collected while binding a grouped query's outputs.
    final class AggregationState {
        var keys: [BoundExpression] = []
        var keyTexts: [String] = []
        var aggregates: [AggregateSpec] = []
        var aggregateTexts: [String] = []
    }

    // MARK: queries

    func bind(_ query: Query) throws(Diagnostic) -> QueryPlan {
        if query.parts.count == 1 {
            var part = try bindSelect(query.parts[0], orderBy: query.orderBy)
            let order = part.order
            part.order = []
            return QueryPlan(parts: [part], order: order, limit: try constantCount(query.limit, "LIMIT"),
                             offset: try constantCount(query.offset, "OFFSET") ?? 0)
        }
        var parts: [SelectPlan] = []
        for p in query.parts {
            let part = try bindSelect(p, orderBy: [])
            if part.pivot != nil, let pivot = p.pivotBy {
                throw Diagnostic(kind: .name, message: "PIVOT BY cannot be part of UNION ALL (its columns depend on the data)", span: pivot.span)
            }
            parts.append(part)
        }
        let width = parts[0].visibleCount
        for (i, p) in parts.enumerated() where p.visibleCount != width {
            throw Diagnostic(kind: .type, message: "UNION ALL parts must have the same number of columns: the first has \(width), part \(i + 1) has \(p.visibleCount)",
                             span: query.parts[i].span)
        }
        for c in 0..<width {
            var t = parts[0].outputs[c].type
            for (i, p) in parts.enumerated() {
                guard let common = SQLType.common(t, p.outputs[c].type) else {
                    throw Diagnostic(kind: .type, message: "column \(c + 1) of UNION ALL mixes \(t) and \(p.outputs[c].type)", span: query.parts[i].span)
                }
                t = common
            }
        }
        var order: [SortKey] = []
        for item in query.orderBy {
            order.append(SortKey(column: try outputPosition(item.expression, names: parts[0].names, width: width, required: true) ?? 0,
                                 descending: item.descending, nullsFirst: item.nullsFirst ?? false))
        }
        return QueryPlan(parts: parts, order: order, limit: try constantCount(query.limit, "LIMIT"),
                         offset: try constantCount(query.offset, "OFFSET") ?? 0)
    }

    private func constantCount(_ e: Expression?, _ clause: String) throws(Diagnostic) -> Int? {
        guard let e else { return nil }
        let ctx = Context(scope: Scope(), clause: clause)
        if case .column(_, let name, let span) = e {
            throw Diagnostic(kind: .type, message: "\(clause) takes a number of rows, not a column (\(name))", span: span,
                             hints: ["write a number, e.g. \(clause) 10, or a parameter: \(clause) :n"])
        }
        let bound = try bindExpression(e, ctx)
        guard case .constant(let v, _) = bound else {
            throw Diagnostic(kind: .type, message: "\(clause) takes a constant number", span: e.span)
        }
        switch v {
        case .integer(let n) where n >= 0: return Int(n)
        default: throw Diagnostic(kind: .type, message: "\(clause) takes a whole number of rows, not \(v.value)", span: e.span)
        }
    }

    /// ORDER BY 2 or ORDER BY total: the output column meant, if it names one.
    private func outputPosition(_ e: Expression, names: [String], width: Int, required: Bool) throws(Diagnostic) -> Int? {
        if case .literal(.integer(let n), let span) = e {
            guard n >= 1 && n <= width else {
                throw Diagnostic(kind: .name, message: "ORDER BY position \(n) is not in the select list (it has \(width) column\(width == 1 ? "" : "s"))", span: span)
            }
            return Int(n) - 1
        }
        if case .column(nil, let name, let span) = e {
            if let i = names.prefix(width).firstIndex(where: { $0.lowercased() == name.lowercased() }) { return i }
            if required {
                var message = "ORDER BY \(name): no such result column"
                if let s = Suggestions.closest(to: name, among: Array(names.prefix(width))) { message += "; did you mean \"\(s)\"?" }
                throw Diagnostic(kind: .name, message: message, span: span)
            }
        } else if case .column(_, _, let span) = e, required {
            throw Diagnostic(kind: .name, message: "here ORDER BY takes a result column name or position", span: span)
        } else if required {
            throw Diagnostic(kind: .name, message: "here ORDER BY takes a result column name or position", span: e.span)
        }
        return nil
    }

    // MARK: SELECT

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
            let ctx = Context(scope: scope, aliases: aliases, clause: "WHERE")
            let bound = try bindExpression(w, ctx)
            try requireBoolean(bound, w, "WHERE")
            plan.filter = bound
        }

        var outputContext = Context(scope: scope, aliases: aliases, clause: "the select list", allowShare: true)
        if isGrouped {
            let state = AggregationState()
            let keyContext = Context(scope: scope, aliases: aliases, clause: "GROUP BY")
            func addKey(_ e: Expression) throws(Diagnostic) {
                let bound = try bindExpression(e, keyContext)
                if !state.keyTexts.contains(bound.description) {
                    state.keys.append(bound)
                    state.keyTexts.append(bound.description)
                }
            }
            switch s.groupBy {
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
                    for item in items where !containsAggregate(item.expression) && !isShareCall(item.expression) {
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
                ctx.clause = "HAVING"
                ctx.allowShare = false
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
            plan.aggregate = AggregatePlan(keys: state.keys, aggregates: state.aggregates)
            // ORDER BY expressions that are not outputs may still need aggregates: bind them now,
            // while the state collects.
            try bindOrder(orderBy, into: &plan, context: outputContext)
            plan.aggregate = AggregatePlan(keys: state.keys, aggregates: state.aggregates)
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
        return plan
    }

    private func bindOrder(_ orderBy: [OrderItem], into plan: inout SelectPlan, context: Context) throws(Diagnostic) {
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
                } else {
                    let position = try outputPosition(item.expression, names: plan.names, width: plan.visibleCount, required: true) ?? 0
                    guard let rowIndex = rowNames.firstIndex(where: { $0.lowercased() == plan.names[position].lowercased() }) else {
                        throw Diagnostic(kind: .name, message: "with PIVOT BY, ORDER BY names a row column or a position", span: item.expression.span)
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
            ctx.clause = "ORDER BY"
            let bound = try bindExpression(item.expression, ctx)
            if let same = plan.outputs.prefix(plan.visibleCount).firstIndex(where: { $0.description == bound.description }) {
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

    private func requireBoolean(_ bound: BoundExpression, _ e: Expression, _ clause: String) throws(Diagnostic) {
        guard bound.type == .boolean || bound.type == .null else {
            throw Diagnostic(kind: .type, message: "\(clause) needs a condition (true or false), got \(bound.type)", span: e.span,
                             hints: ["compare it, e.g. \(e.displayName) > 0"])
        }
    }

    // MARK: FROM and JOIN

    private func table(_ ref: TableReference) throws(Diagnostic) -> Table {
        if let t = catalog.table(named: ref.name) { return t }
        var message = "no table \"\(ref.name)\""
        if let s = Suggestions.closest(to: ref.name, among: catalog.tableNames) { message += "; did you mean \"\(s)\"?" }
        throw Diagnostic(kind: .name, message: message, span: ref.span,
                         hints: catalog.tableNames.isEmpty ? ["no tables are loaded"] : ["tables: " + catalog.tableNames.joined(separator: ", ")])
    }

    private func scopeColumns(of table: Table, qualifier: String, offset: Int) -> [ScopeColumn] {
        table.columns.enumerated().map { i, c in
            ScopeColumn(qualifier: qualifier, name: c.name, type: SQLType(column: c), index: offset + i)
        }
    }

    /// A FROM item: a stored table or a subquery, with its columns and the name it goes by.
    private func reference(_ ref: TableReference) throws(Diagnostic) -> (SourcePlan, [(String, SQLType)], String) {
        if let subquery = ref.subquery {
            let inner = try bind(subquery)
            guard let first = inner.parts.first else { return (.singleRow, [], ref.name) }
            var types = first.outputs.prefix(first.visibleCount).map(\.type)
            for part in inner.parts.dropFirst() {
                for c in types.indices { types[c] = SQLType.common(types[c], part.outputs[c].type) ?? types[c] }
            }
            if first.pivot != nil {
                throw Diagnostic(kind: .name, message: "a PIVOT BY query cannot be a subquery (its columns depend on the data)", span: ref.span)
            }
            let names = Array(first.names.prefix(first.visibleCount))
            return (.derived(inner, qualifier: ref.name, width: names.count), Array(zip(names, types)), ref.name)
        }
        let t = try table(ref)
        let qualifier = ref.alias ?? t.name
        return (.scan(t, qualifier: qualifier), t.columns.map { ($0.name, SQLType(column: $0)) }, qualifier)
    }

    private func columns(_ list: [(String, SQLType)], qualifier: String, offset: Int) -> [ScopeColumn] {
        list.enumerated().map { i, c in ScopeColumn(qualifier: qualifier, name: c.0, type: c.1, index: offset + i) }
    }

    func bindSource(_ s: SelectStatement) throws(Diagnostic) -> (SourcePlan, Scope) {
        guard let from = s.from else {
            if let spending = catalog.table(named: "spending") {
                var scope = Scope()
                scope.qualifiers = [spending.name]
                scope.columns = scopeColumns(of: spending, qualifier: spending.name, offset: 0)
                return (.scan(spending, qualifier: spending.name), scope)
            }
            return (.singleRow, Scope())
        }
        let (firstPlan, firstColumns, firstQualifier) = try reference(from)
        var plan = firstPlan
        var scope = Scope()
        scope.qualifiers = [firstQualifier]
        scope.columns = columns(firstColumns, qualifier: firstQualifier, offset: 0)
        for join in s.joins {
            let (rightPlan, rightColumns, qualifier) = try reference(join.table)
            if scope.qualifiers.contains(where: { $0.lowercased() == qualifier.lowercased() }) {
                throw Diagnostic(kind: .name, message: "table name \"\(qualifier)\" appears twice in FROM", span: join.table.span,
                                 hints: ["give one of them an alias: \(join.table.name) AS b"])
            }
            let leftWidth = scope.width
            var rightScope = Scope()
            rightScope.qualifiers = [qualifier]
            rightScope.columns = columns(rightColumns, qualifier: qualifier, offset: 0)
            var combined = scope
            combined.qualifiers.append(qualifier)
            combined.columns += columns(rightColumns, qualifier: qualifier, offset: leftWidth)
            var leftKeys: [BoundExpression] = [], rightKeys: [BoundExpression] = []
            var residual: BoundExpression?
            switch join.condition {
            case .on(let condition):
                let ctx = Context(scope: combined, clause: "ON")
                let bound = try bindExpression(condition, ctx)
                try requireBoolean(bound, condition, "ON")
                for conjunct in Binder.conjuncts(bound) {
                    if case .compare(.equal, let a, let b) = conjunct {
                        let ua = a.columnsUsed, ub = b.columnsUsed
                        let aLeft = !ua.isEmpty && ua.allSatisfy { $0 < leftWidth }, aRight = !ua.isEmpty && ua.allSatisfy { $0 >= leftWidth }
                        let bLeft = !ub.isEmpty && ub.allSatisfy { $0 < leftWidth }, bRight = !ub.isEmpty && ub.allSatisfy { $0 >= leftWidth }
                        if aLeft && bRight {
                            leftKeys.append(a); rightKeys.append(b.remapped { $0 - leftWidth }); continue
                        }
                        if aRight && bLeft {
                            leftKeys.append(b); rightKeys.append(a.remapped { $0 - leftWidth }); continue
                        }
                    }
                    residual = residual.map { .and($0, conjunct) } ?? conjunct
                }
            case .using(let columns):
                for (name, span) in columns {
                    guard let l = try scope.resolve(table: nil, name: name, span: span) else {
                        throw Diagnostic(kind: .name, message: "USING column \"\(name)\" is not in the left side of the join", span: span)
                    }
                    guard let r = try rightScope.resolve(table: nil, name: name, span: span) else {
                        throw Diagnostic(kind: .name, message: "USING column \"\(name)\" is not in \(qualifier)", span: span)
                    }
                    guard let common = SQLType.common(l.type, r.type) else {
                        throw Diagnostic(kind: .type, message: "cannot join \(l.type) with \(r.type) on \"\(name)\"", span: span)
                    }
                    leftKeys.append(Binder.widened(l, to: common, span: span))
                    rightKeys.append(Binder.widened(r, to: common, span: span))
                    let key = name.lowercased()
                    if let i = combined.columns.firstIndex(where: { $0.index >= leftWidth && $0.name.lowercased() == key }) {
                        combined.columns[i].hidden = true
                    }
                    let rightInCombined = r.remapped { $0 + leftWidth }
                    let merged: BoundExpression = join.kind == .full
                        ? .function(.coalesce, [Binder.widened(l, to: common, span: span), Binder.widened(rightInCombined, to: common, span: span)], common, span)
                        : l
                    combined.merged[key] = merged
                }
            case .none:
                break
            }
            // Keys of different numeric types meet at their common type.
            for i in leftKeys.indices {
                guard let common = SQLType.common(leftKeys[i].type, rightKeys[i].type) else {
                    throw Diagnostic(kind: .type, message: "cannot join \(leftKeys[i].type) with \(rightKeys[i].type)", span: join.span)
                }
                leftKeys[i] = Binder.widened(leftKeys[i], to: common, span: join.span)
                rightKeys[i] = Binder.widened(rightKeys[i], to: common, span: join.span)
            }
            plan = .join(join.kind, plan, rightPlan, leftKeys: leftKeys, rightKeys: rightKeys, residual: residual)
            scope = combined
        }
        return (plan, scope)
    }

    static func conjuncts(_ e: BoundExpression) -> [BoundExpression] {
        if case .and(let l, let r) = e { return conjuncts(l) + conjuncts(r) }
        return [e]
    }

    /// `e` converted to `type` when it is an integer or a narrower decimal.
    static func widened(_ e: BoundExpression, to type: SQLType, span: SourceSpan) -> BoundExpression {
        if e.type == type || type == .null { return e }
        if case .constant(let v, _) = e {
            let w = FunctionCatalog.widen(v, to: type)
            if w != .null || v == .null { return .constant(w, type) }
        }
        return .cast(e, type, span)
    }

    // MARK: aggregates

    func containsAggregate(_ e: Expression) -> Bool {
        switch e {
        case .call(let c):
            if FunctionCatalog.aggregateNames.contains(c.name.lowercased()) { return true }
            return c.arguments.contains(where: containsAggregate)
        case .literal, .column, .star, .parameter: return false
        case .unary(_, let x, _), .isNull(let x, _, _), .cast(let x, _, _): return containsAggregate(x)
        case .binary(_, let l, let r, _), .like(let l, let r, _, _, _): return containsAggregate(l) || containsAggregate(r)
        case .inList(let x, let list, _, _): return containsAggregate(x) || list.contains(where: containsAggregate)
        case .between(let x, let lo, let hi, _, _): return containsAggregate(x) || containsAggregate(lo) || containsAggregate(hi)
        case .caseWhen(let operand, let branches, let otherwise, _):
            return operand.map(containsAggregate) == true || branches.contains { containsAggregate($0.0) || containsAggregate($0.1) }
                || otherwise.map(containsAggregate) == true
        }
    }

    func isShareCall(_ e: Expression) -> Bool {
        switch e {
        case .call(let c): return c.name.lowercased() == "share" || c.arguments.contains(where: isShareCall)
        case .unary(_, let x, _), .cast(let x, _, _): return isShareCall(x)
        case .binary(_, let l, let r, _): return isShareCall(l) || isShareCall(r)
        default: return false
        }
    }

    private func bindAggregate(_ call: FunctionCall, _ ctx: Context, _ state: AggregationState) throws(Diagnostic) -> BoundExpression {
        let name = call.name.lowercased()
        guard let kind = AggregateKind(rawValue: name) else { throw Diagnostic(kind: .name, message: "unknown aggregate \(name)", span: call.nameSpan) }
        var inner = ctx
        inner.aggregation = nil
        inner.allowAggregates = false
        inner.allowShare = false
        inner.clause = "an aggregate's argument"
        var argument: BoundExpression?
        if call.star {
            guard kind == .count else {
                throw Diagnostic(kind: .type, message: "\(name)(*) is not a thing; only count(*) counts rows", span: call.span,
                                 hints: ["give \(name) a column, e.g. \(name)(amount)"])
            }
        } else {
            guard call.arguments.count == 1 else {
                throw Diagnostic(kind: .type, message: "\(name)() takes 1 argument, got \(call.arguments.count)", span: call.span,
                                 hints: kind == .count ? ["count(*) counts rows"] : [])
            }
            let bound = try bindExpression(call.arguments[0], inner)
            switch kind {
            case .sum, .avg:
                guard bound.type.isNumeric || bound.type == .null else {
                    throw Diagnostic(kind: .type, message: "\(name)() needs numbers, but \(call.arguments[0].displayName) is \(bound.type)",
                                     span: call.arguments[0].span, hints: ["count() counts values of any type"])
                }
            default: break
            }
            argument = bound
        }
        if call.distinct && kind != .count {
            throw Diagnostic(kind: .type, message: "DISTINCT is supported in count() only", span: call.span)
        }
        var filter: BoundExpression?
        if let f = call.filter {
            var fctx = inner
            fctx.clause = "FILTER"
            let bound = try bindExpression(f, fctx)
            try requireBoolean(bound, f, "FILTER")
            filter = bound
        }
        let argumentType = argument?.type ?? .integer
        let type: SQLType
        switch kind {
        case .count: type = .integer
        case .sum: type = argumentType == .null ? .integer : argumentType
        case .avg: type = .decimal(scale: max(6, argumentType.scale))
        case .min, .max: type = argumentType
        }
        let text = "\(name)(\(call.star ? "*" : (call.distinct ? "DISTINCT " : "") + (argument?.description ?? "")))"
            + (filter.map { " FILTER (WHERE \($0))" } ?? "")
        let index: Int
        if let existing = state.aggregateTexts.firstIndex(of: text) {
            index = existing
        } else {
            state.aggregates.append(AggregateSpec(kind: kind, argument: argument, distinct: call.distinct, filter: filter, type: type, text: text, span: call.span))
            state.aggregateTexts.append(text)
            index = state.aggregates.count - 1
        }
        return .column(state.keys.count + index, type, name: call.description)
    }

    // MARK: expressions

    func bindExpression(_ e: Expression, _ ctx: Context) throws(Diagnostic) -> BoundExpression {
        if let state = ctx.aggregation {
            if case .call(let c) = e, FunctionCatalog.aggregateNames.contains(c.name.lowercased()) {
                return try bindAggregate(c, ctx, state)
            }
            if !containsAggregate(e), !isShareCall(e) {
                var input = ctx
                input.aggregation = nil
                if let bound = try? bindExpression(e, input) {
                    if let k = state.keyTexts.firstIndex(of: bound.description) {
                        return .column(k, bound.type, name: e.displayName)
                    }
                    if bound.columnsUsed.isEmpty { return bound }
                }
            }
        }
        switch e {
        case .literal(let l, let span):
            return try bindLiteral(l, span)
        case .parameter(let name, let span):
            guard let v = parameters[name] ?? parameters[name.lowercased()] else {
                throw Diagnostic(kind: .name, message: "parameter :\(name) is not bound", span: span,
                                 hints: ["bind it with .param set \(name) VALUE, or --param \(name)=VALUE on the command line"])
            }
            return try constant(v, span)
        case .column(let table, let name, let span):
            var resolved = try ctx.scope.resolve(table: table, name: name, span: span)
            if resolved == nil, table == nil, let aliased = ctx.aliases[name.lowercased()] {
                var inner = ctx
                inner.aliases[name.lowercased()] = nil
                return try bindExpression(aliased, inner)
            }
            if resolved == nil { throw ctx.scope.unknownColumn(name, span: span, aliases: Array(ctx.aliases.keys)) }
            if ctx.aggregation != nil {
                throw Diagnostic(kind: .name, message: "column \"\(e.displayName)\" must appear in GROUP BY or be used in an aggregate function",
                                 span: span, hints: ["add it to GROUP BY, or write GROUP BY ALL"])
            }
            if case .column(let i, let t, let n)? = resolved { resolved = .column(i, t, name: n) }
            return resolved ?? .constant(.null, .null)
        case .star(_, let span):
            throw Diagnostic(kind: .syntax, message: "* stands only in the select list or in count(*)", span: span)
        case .unary(.negate, let x, let span):
            let b = try bindExpression(x, ctx)
            guard b.type.isNumeric || b.type == .null else {
                throw Diagnostic(kind: .type, message: "cannot negate \(b.type)", span: span)
            }
            if case .constant(.integer(let i), let t) = b, i != .min { return .constant(.integer(-i), t) }
            return .negate(b, b.type, span)
        case .unary(.not, let x, _):
            let b = try bindExpression(x, ctx)
            try requireBoolean(b, x, "NOT")
            return .not(b)
        case .binary(let op, let l, let r, let span):
            return try bindBinary(op, l, r, span, ctx)
        case .isNull(let x, let negated, _):
            return .isNull(try bindExpression(x, ctx), negated: negated)
        case .inList(let x, let list, let negated, _):
            let b = try bindExpression(x, ctx)
            var items: [BoundExpression] = []
            var type = b.type
            for item in list {
                let (_, r) = try coerceComparison(b, try bindExpression(item, ctx), x, item, "IN")
                items.append(r)
                if let c = SQLType.common(type, r.type) { type = c }
            }
            return .inList(Binder.widened(b, to: type, span: x.span), items.map { Binder.widened($0, to: type, span: x.span) }, negated: negated)
        case .between(let x, let lo, let hi, let negated, let span):
            let b = try bindExpression(x, ctx)
            let (l1, r1) = try coerceComparison(b, try bindExpression(lo, ctx), x, lo, "BETWEEN")
            let (l2, r2) = try coerceComparison(b, try bindExpression(hi, ctx), x, hi, "BETWEEN")
            _ = span
            let both: BoundExpression = .and(.compare(.greaterEqual, l1, r1), .compare(.lessEqual, l2, r2))
            return negated ? .not(both) : both
        case .like(let x, let pattern, let ci, let negated, _):
            let b = try bindExpression(x, ctx)
            let p = try bindExpression(pattern, ctx)
            for (bound, source) in [(b, x), (p, pattern)] where bound.type != .text && bound.type != .null {
                throw Diagnostic(kind: .type, message: "LIKE works on text, but \(source.displayName) is \(bound.type)", span: source.span,
                                 hints: bound.type == .integer ? ["for a code prefix use a text code column, e.g. code LIKE '208%', or compare numbers: class = 208"] : [])
            }
            return .like(b, pattern: p, caseInsensitive: ci, negated: negated)
        case .caseWhen(let operand, let branches, let otherwise, let span):
            let boundOperand = try operand.map { (o) throws(Diagnostic) in try bindExpression(o, ctx) }
            var bound: [CaseBranch] = []
            var type = SQLType.null
            var results: [(BoundExpression, Expression)] = []
            for (w, t) in branches {
                var condition = try bindExpression(w, ctx)
                if let boundOperand, let operand {
                    let (l, r) = try coerceComparison(boundOperand, condition, operand, w, "CASE")
                    condition = .compare(.equal, l, r)
                } else {
                    try requireBoolean(condition, w, "WHEN")
                }
                let result = try bindExpression(t, ctx)
                guard let c = SQLType.common(type, result.type) else {
                    throw Diagnostic(kind: .type, message: "CASE branches must have one type: \(type) and \(result.type) do not mix", span: t.span)
                }
                type = c
                bound.append(CaseBranch(condition: condition, result: result))
                results.append((result, t))
            }
            var elseBound: BoundExpression?
            if let otherwise {
                let b = try bindExpression(otherwise, ctx)
                guard let c = SQLType.common(type, b.type) else {
                    throw Diagnostic(kind: .type, message: "CASE branches must have one type: \(type) and \(b.type) do not mix", span: otherwise.span)
                }
                type = c
                elseBound = Binder.widened(b, to: type, span: span)
            }
            bound = bound.map { CaseBranch(condition: $0.condition, result: Binder.widened($0.result, to: type, span: span)) }
            return .caseWhen(bound, otherwise: elseBound, type)
        case .call(let call):
            return try bindCall(call, ctx)
        case .cast(let x, let typeName, let span):
            let b = try bindExpression(x, ctx)
            let target: SQLType
            switch typeName.uppercased() {
            case "INTEGER", "INT", "BIGINT": target = .integer
            case "DECIMAL", "NUMERIC": target = b.type.isNumeric ? .decimal(scale: b.type.scale) : .decimal(scale: 4)
            case "TEXT", "VARCHAR", "STRING": target = .text
            case "BOOLEAN", "BOOL": target = .boolean
            default:
                throw Diagnostic(kind: .type, message: "unknown type \(typeName)", span: span, hints: ["types: INTEGER, DECIMAL, TEXT, BOOLEAN"])
            }
            if b.type == target { return b }
            return .cast(b, target, span)
        }
    }

    private func bindLiteral(_ l: Literal, _ span: SourceSpan) throws(Diagnostic) -> BoundExpression {
        switch l {
        case .integer(let i): return .constant(.integer(i), .integer)
        case .decimal(let d):
            guard let x = ExactDecimal(d.text), let u = Int64(exactly: x.units) else {
                throw Diagnostic(kind: .limit, message: "number \(d.text) has more than 18 digits", span: span)
            }
            return .constant(.decimal(u, scale: x.scale), .decimal(scale: x.scale))
        case .string(let s): return .constant(.text(s), .text)
        case .boolean(let b): return .constant(.boolean(b), .boolean)
        case .null: return .constant(.null, .null)
        }
    }

    private func constant(_ v: Value, _ span: SourceSpan) throws(Diagnostic) -> BoundExpression {
        switch v {
        case .null: return .constant(.null, .null)
        case .integer(let i): return .constant(.integer(i), .integer)
        case .decimal(let d):
            guard let u = Int64(exactly: d.units) else {
                throw Diagnostic(kind: .limit, message: "parameter value \(d) has more than 18 digits", span: span)
            }
            return .constant(.decimal(u, scale: d.scale), .decimal(scale: d.scale))
        case .text(let s): return .constant(.text(s), .text)
        case .boolean(let b): return .constant(.boolean(b), .boolean)
        }
    }

    private func bindCall(_ call: FunctionCall, _ ctx: Context) throws(Diagnostic) -> BoundExpression {
        let name = call.name.lowercased()
        if FunctionCatalog.aggregateNames.contains(name) {
            let message = ctx.clause == "an aggregate's argument"
                ? "aggregates cannot be nested: \(call.description) is inside another aggregate"
                : "aggregate functions are not allowed in \(ctx.clause)"
            throw Diagnostic(kind: .name, message: message, span: call.span,
                             hints: ctx.clause == "WHERE" ? ["filter groups with HAVING, or one aggregate with FILTER (WHERE ...)"] : [])
        }
        if call.filter != nil || call.distinct {
            throw Diagnostic(kind: .syntax, message: "\(call.filter != nil ? "FILTER" : "DISTINCT") applies to aggregates only, not \(name)()", span: call.span)
        }
        if name == "share" {
            guard ctx.allowShare else {
                throw Diagnostic(kind: .name, message: "share() is allowed in the select list and ORDER BY only", span: call.span)
            }
            guard call.arguments.count == 1 else {
                throw Diagnostic(kind: .type, message: "share() takes 1 argument, got \(call.arguments.count)", span: call.span)
            }
            var inner = ctx
            inner.allowShare = false
            let b = try bindExpression(call.arguments[0], inner)
            guard b.type.isNumeric || b.type == .null else {
                throw Diagnostic(kind: .type, message: "share() needs numbers, but \(call.arguments[0].displayName) is \(b.type)", span: call.arguments[0].span)
            }
            return .share(b)
        }
        guard let f = ScalarFunction(rawValue: name) else {
            var message = "no function \(call.name)()"
            if let s = Suggestions.closest(to: name, among: FunctionCatalog.names) { message += "; did you mean \(s)()?" }
            throw Diagnostic(kind: .name, message: message, span: call.nameSpan, hints: ["functions: " + FunctionCatalog.names.joined(separator: ", ")])
        }
        if call.star {
            throw Diagnostic(kind: .syntax, message: "\(name)(*) is not a thing; only count(*) takes *", span: call.span)
        }
        var args: [BoundExpression] = []
        for a in call.arguments { args.append(try bindExpression(a, ctx)) }
        let type = try FunctionCatalog.resultType(f, args, call: call)
        if f == .coalesce || f == .nullif { args = args.map { Binder.widened($0, to: type, span: call.span) } }
        return .function(f, args, type, call.span)
    }

    private func bindBinary(_ op: BinaryOperator, _ l: Expression, _ r: Expression, _ span: SourceSpan, _ ctx: Context) throws(Diagnostic) -> BoundExpression {
        let lb = try bindExpression(l, ctx)
        let rb = try bindExpression(r, ctx)
        switch op {
        case .and, .or:
            try requireBoolean(lb, l, op.rawValue)
            try requireBoolean(rb, r, op.rawValue)
            return op == .and ? .and(lb, rb) : .or(lb, rb)
        case .concat:
            let toText = { (b: BoundExpression, e: Expression) -> BoundExpression in b.type == .text ? b : .cast(b, .text, e.span) }
            return .concat(toText(lb, l), toText(rb, r))
        case .add, .subtract, .multiply, .divide, .modulo:
            for (b, e) in [(lb, l), (rb, r)] where !(b.type.isNumeric || b.type == .null) {
                var hints: [String] = []
                if b.type == .text, op == .add { hints.append("to join text use ||") }
                throw Diagnostic(kind: .type, message: "\(op.rawValue) needs numbers, but \(e.displayName) is \(b.type)", span: e.span, hints: hints)
            }
            let type: SQLType
            switch (lb.type, rb.type, op) {
            case (.null, .null, _): type = .null
            case (_, _, .divide): type = .decimal(scale: SQLType.quotientScale)
            case (.integer, .integer, _), (.null, .integer, _), (.integer, .null, _): type = .integer
            case (_, _, .multiply):
                // Scales add up, to the most a decimal keeps; places beyond are rounded.
                type = .decimal(scale: min(lb.type.scale + rb.type.scale, SQLType.maximumScale))
            default: type = .decimal(scale: max(lb.type.scale, rb.type.scale))
            }
            if case .constant(.integer(let a), _) = lb, case .constant(.integer(let b), _) = rb, type == .integer {
                // Fold constant integer arithmetic; overflow is an error at bind time.
                let (v, o): (Int64, Bool)
                switch op {
                case .add: (v, o) = a.addingReportingOverflow(b)
                case .subtract: (v, o) = a.subtractingReportingOverflow(b)
                case .multiply: (v, o) = a.multipliedReportingOverflow(by: b)
                default: (v, o) = (0, true)
                }
                if !o { return .constant(.integer(v), .integer) }
            }
            return .arithmetic(op, lb, rb, type, span)
        case .equal, .notEqual, .less, .lessEqual, .greater, .greaterEqual:
            let (a, b) = try coerceComparison(lb, rb, l, r, op.rawValue)
            return .compare(op, a, b)
        }
    }

    /// Brings two operands of a comparison to one type. A quoted code against an integer code
    /// column becomes the integer; text against a number is an error that says how to fix it.
    func coerceComparison(_ lb: BoundExpression, _ rb: BoundExpression, _ l: Expression, _ r: Expression, _ what: String) throws(Diagnostic) -> (BoundExpression, BoundExpression) {
        if let common = SQLType.common(lb.type, rb.type) {
            return (Binder.widened(lb, to: common, span: l.span), Binder.widened(rb, to: common, span: r.span))
        }
        func codeColumn(_ b: BoundExpression) -> String? {
            if case .column(_, .integer, let name) = b, Binder.codeColumns.contains(name.lowercased()) { return name }
            return nil
        }
        if codeColumn(lb) != nil, case .constant(.text(let s), _) = rb, let i = Int64(s.trimmingSpaces) {
            return (lb, .constant(.integer(i), .integer))
        }
        if codeColumn(rb) != nil, case .constant(.text(let s), _) = lb, let i = Int64(s.trimmingSpaces) {
            return (.constant(.integer(i), .integer), rb)
        }
        let (textSide, textExpr, numberExpr) = lb.type == .text ? (lb, l, r) : (rb, r, l)
        let numberSide = lb.type == .text ? rb : lb
        var hints: [String] = []
        if case .constant(.text(let s), _) = textSide, ExactDecimal(s.trimmingSpaces) != nil {
            hints.append("remove the quotes to compare numbers: \(s.trimmingSpaces)")
        } else if let code = codeColumn(numberSide) {
            hints.append("\"\(code)\" holds numeric codes: compare with a number (\(code) = 208), or by name with class_name(\(code)) = '...'")
        } else if case .constant(.text, _) = textSide, numberSide.type.isNumeric {
            hints.append("\(numberExpr.displayName) is a number (\(numberSide.type)); compare it with a number")
        } else if case .column(_, .text, let name) = textSide {
            hints.append("\"\(name)\" is text: quote the value ('\(numberExpr.displayName)'), or use starts_with(\(name), '...') for a code prefix")
        } else {
            hints.append("convert one side, e.g. CAST(\(textExpr.displayName) AS INTEGER)")
        }
        throw Diagnostic(kind: .type, message: "cannot compare \(lb.type) with \(rb.type) in \(l.displayName) \(what) \(r.displayName)",
                         span: textExpr.span, hints: hints)
    }
}

extension String {
    var trimmingSpaces: String {
        var s = Substring(self)
        while s.first == " " { s.removeFirst() }
        while s.last == " " { s.removeLast() }
        return String(s)
    }
}
