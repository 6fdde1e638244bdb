import Store

/// The FROM clause: stored tables, subqueries and joins, and the scope of names they make.
extension Binder {
    func table(_ ref: TableReference) throws(Diagnostic) -> Table {
        if let t = catalog.table(named: ref.name) { return t }
        var message = "no table \"\(ref.name)\""
        if let s = Suggestions.closest(to: ref.name, among: catalog.tableNames) { message += "; did you mean \"\(s)\"?" }
        throw Diagnostic(kind: .name, message: message, span: ref.span,
                         hints: catalog.tableNames.isEmpty ? ["no tables are loaded"] : ["tables: " + catalog.tableNames.joined(separator: ", ")])
    }

    func scopeColumns(of table: Table, qualifier: String, offset: Int) -> [ScopeColumn] {
        table.columns.enumerated().map { i, c in
            ScopeColumn(qualifier: qualifier, name: c.name, type: SQLType(column: c), index: offset + i,
                        textNote: table.textNotes[c.name.lowercased()])
        }
    }

    /// A FROM item: a stored table or a subquery, with its columns and the name it goes by.
    func reference(_ ref: TableReference) throws(Diagnostic) -> (SourcePlan, [(String, SQLType)], String) {
        var subquery = ref.subquery
        var binder = self
        binder.outer = nil  // a FROM subquery cannot read the row of a query around it (no LATERAL)
        var qualifier = ref.name
        if subquery == nil, let cte = ctes[ref.name.lowercased()] {
            subquery = cte.query
            binder.ctes = cte.visible
            qualifier = ref.alias ?? ref.name
        } else if subquery == nil, let view = views[ref.name.lowercased()] {
            guard binder.expanding.insert(ref.name.lowercased()).inserted else {
                throw Diagnostic(kind: .name, message: "the view \(ref.name) reads itself", span: ref.span)
            }
            subquery = view
            binder.ctes = [:]
            qualifier = ref.alias ?? ref.name
        }
        if let subquery {
            let inner = try binder.bind(subquery)
            guard let first = inner.parts.first else { return (.singleRow, [], ref.name) }
            var types = first.outputs.prefix(first.visibleCount).map(\.type)
            for part in inner.parts.dropFirst() {
                for c in types.indices { types[c] = SQLType.common(types[c], part.outputs[c].type) ?? types[c] }
            }
            if first.pivot != nil {
                throw Diagnostic(kind: .name, message: "a PIVOT BY query cannot be a subquery (its columns depend on the data)", span: ref.span)
            }
            let names = Array(first.names.prefix(first.visibleCount))
            return (.derived(inner, qualifier: qualifier, width: names.count), Array(zip(names, types)), qualifier)
        }
        let t = try table(ref)
        let tableQualifier = ref.alias ?? t.name
        return (.scan(t, qualifier: tableQualifier), t.columns.map { ($0.name, SQLType(column: $0)) }, tableQualifier)
    }

    /// `source`: a stored table's columns keep its loader's notes on columns read as TEXT.
    func columns(_ list: [(String, SQLType)], qualifier: String, offset: Int, of source: SourcePlan) -> [ScopeColumn] {
        var notes: [String: String] = [:]
        if case .scan(let table, _) = source { notes = table.textNotes }
        return list.enumerated().map { i, c in
            ScopeColumn(qualifier: qualifier, name: c.0, type: c.1, index: offset + i, textNote: notes[c.0.lowercased()])
        }
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
        scope.columns = columns(firstColumns, qualifier: firstQualifier, offset: 0, of: firstPlan)
        for join in s.joins {
            let (rightPlan, rightColumns, qualifier) = try reference(join.table)
            if scope.qualifiers.contains(where: { $0.lowercased() == qualifier.lowercased() }) {
                throw Diagnostic(kind: .name, message: "table name \"\(qualifier)\" appears twice in FROM", span: join.table.span,
                                 hints: ["give one of them an alias: \(join.table.name) AS b"])
            }
            let leftWidth = scope.width
            var rightScope = Scope()
            rightScope.qualifiers = [qualifier]
            rightScope.columns = columns(rightColumns, qualifier: qualifier, offset: 0, of: rightPlan)
            var combined = scope
            combined.qualifiers.append(qualifier)
            combined.columns += columns(rightColumns, qualifier: qualifier, offset: leftWidth, of: rightPlan)
            var leftKeys: [BoundExpression] = [], rightKeys: [BoundExpression] = []
            var residual: BoundExpression?
            switch join.condition {
            case .on(let condition):
                let ctx = Context(scope: combined, clause: .on)
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
                    // The USING column is the left's, the right's for RIGHT JOIN, either for FULL.
                    let merged: BoundExpression
                    switch join.kind {
                    case .full: merged = .function(.coalesce, [Binder.widened(l, to: common, span: span), Binder.widened(rightInCombined, to: common, span: span)], common, span)
                    case .right: merged = rightInCombined
                    default: merged = l
                    }
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
}
