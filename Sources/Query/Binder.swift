import Store

/// Names and types: turns a parsed query into a plan the executor can run. Every error here is
/// about a name (unknown column, table, function, parameter) or a type, and points at the
/// expression it is about.
struct Binder {
    let catalog: Catalog
    let parameters: [String: Value]
    /// The WITH queries in scope, by lower-cased name: each with the ones it may refer to.
    var ctes: [String: CommonTableBinding] = [:]
    /// For a subquery in an expression: the scope of the query directly around it, whose
    /// columns it may read (a correlated subquery), and which of them it did read.
    var outer: OuterScope?
    /// The session's views, by lower-cased name, and the ones being expanded (a view that
    /// reads itself is an error, not an endless expansion).
    var views: [String: Query] = [:]
    var expanding: Set<String> = []

    final class OuterScope {
        let scope: Scope
        var used: Set<Int> = []
        init(scope: Scope) { self.scope = scope }
    }

    struct CommonTableBinding {
        let query: Query
        let visible: [String: CommonTableBinding]
    }

    init(catalog: Catalog, parameters: [String: Value]) {
        self.catalog = catalog
        self.parameters = parameters
    }

    /// Integer code columns on which a quoted code (`class = '208'`) is accepted.
    static let codeColumns: Set<String> = ["class", "section", "item", "econ_class", "econ_section", "year"]

    /// The clause an expression is bound in: what it may contain, and how errors name it.
    enum Clause: String, Sendable {
        case selectList = "the select list", whereClause = "WHERE", groupBy = "GROUP BY", having = "HAVING"
        case orderBy = "ORDER BY", on = "ON", limit = "LIMIT", offset = "OFFSET"
        case aggregateArgument = "an aggregate's argument", filter = "FILTER"
    }

    /// What the expression binder may see and do in one clause.
    struct Context {
        var scope: Scope
        var aggregation: AggregationState?
        var aliases: [String: Expression] = [:]
        var clause: Clause
        var allowAggregates = false
        var allowShare = false
        /// Collects window functions; nil where they are not allowed (all but the select list
        /// and ORDER BY, and inside a window function).
        var windows: WindowState?
    }

    /// The window functions collected while binding one SELECT's outputs. Until the SELECT is
    /// bound, a window's result is referred to as column `windowColumnBase + k`; then those are
    /// renumbered to follow the relation the outputs read.
    final class WindowState {
        var functions: [WindowFunctionPlan] = []
    }

    static let windowColumnBase = 1 << 24

    /// The grouping keys and the aggregates collected while binding a grouped query's outputs.
    final class AggregationState {
        var keys: [BoundExpression] = []
        var aggregates: [AggregateSpec] = []
        /// ROLLUP, CUBE, GROUPING SETS: the groupings, as positions in `keys`.
        var groupingSets: [[Int]]?
    }

    // MARK: queries

    func bind(_ query: Query) throws(Diagnostic) -> QueryPlan {
        if !query.with.isEmpty {
            // WITH: each query sees the ones before it; the body sees them all. A reference
            // binds the query where it stands, like a subquery in FROM.
            var scoped = self
            var seen: Set<String> = []
            for cte in query.with {
                let key = cte.name.lowercased()
                guard seen.insert(key).inserted else {
                    throw Diagnostic(kind: .name, message: "WITH defines \"\(cte.name)\" twice", span: cte.span)
                }
                scoped.ctes[key] = CommonTableBinding(query: cte.query, visible: scoped.ctes)
            }
            var body = query
            body.with = []
            return try scoped.bind(body)
        }
        if query.parts.count == 1 {
            var part = try bindSelect(query.parts[0], orderBy: query.orderBy)
            let order = part.order
            part.order = []
            return QueryPlan(parts: [part], order: order, limit: try constantCount(query.limit, .limit),
                             offset: try constantCount(query.offset, .offset) ?? 0)
        }
        var parts: [SelectPlan] = []
        // Named after the operation: "UNION ALL parts …", "INTERSECT parts …".
        let operation = query.operatorBefore(1).rawValue
        for (i, p) in query.parts.enumerated() {
            let part = try bindSelect(p, orderBy: [])
            if part.pivot != nil, let pivot = p.pivotBy {
                throw Diagnostic(kind: .name, message: "PIVOT BY cannot be part of \(query.operatorBefore(max(i, 1)).rawValue) (its columns depend on the data)", span: pivot.span)
            }
            parts.append(part)
        }
        let width = parts[0].visibleCount
        for (i, p) in parts.enumerated() where p.visibleCount != width {
            throw Diagnostic(kind: .type, message: "\(query.operatorBefore(i).rawValue) parts must have the same number of columns: the first has \(width), part \(i + 1) has \(p.visibleCount)",
                             span: query.parts[i].span)
        }
        for c in 0..<width {
            var t = parts[0].outputs[c].type
            for (i, p) in parts.enumerated() {
                guard let common = SQLType.common(t, p.outputs[c].type) else {
                    throw Diagnostic(kind: .type, message: "column \(c + 1) of \(operation) mixes \(t) and \(p.outputs[c].type)", span: query.parts[i].span)
                }
                t = common
            }
        }
        var order: [SortKey] = []
        for item in query.orderBy {
            order.append(SortKey(column: try outputPosition(item.expression, names: parts[0].names, width: width, required: true) ?? 0,
                                 descending: item.descending, nullsFirst: item.nullsFirst ?? false))
        }
        return QueryPlan(parts: parts, order: order, limit: try constantCount(query.limit, .limit),
                         offset: try constantCount(query.offset, .offset) ?? 0, operators: query.operators)
    }

    func constantCount(_ e: Expression?, _ clause: Clause) throws(Diagnostic) -> Int? {
        guard let e else { return nil }
        let ctx = Context(scope: Scope(), clause: clause)
        let clause = clause.rawValue
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
    func outputPosition(_ e: Expression, names: [String], width: Int, required: Bool) throws(Diagnostic) -> Int? {
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

}
