import Store

/// Where a SELECT's rows come from: a stored table, or joins of them.
indirect enum SourcePlan: Sendable {
    case scan(Table, qualifier: String)
    /// No table at all (FROM left out and no spending table): one row, no columns.
    case singleRow
    /// A subquery in FROM, run first; its result columns are the relation.
    case derived(QueryPlan, qualifier: String, width: Int)
    /// Keys are bound over each side's own columns; the residual condition over the joined row
    /// (left columns first, then right).
    case join(JoinKind, SourcePlan, SourcePlan, leftKeys: [BoundExpression], rightKeys: [BoundExpression], residual: BoundExpression?)

    var width: Int {
        switch self {
        case .scan(let t, _): return t.columns.count
        case .singleRow: return 0
        case .derived(_, _, let w): return w
        case .join(_, let l, let r, _, _, _): return l.width + r.width
        }
    }
}

struct AggregateSpec: Sendable {
    let kind: AggregateKind
    /// nil for count(*) and grouping().
    let argument: BoundExpression?
    let distinct: Bool
    let filter: BoundExpression?
    let type: SQLType
    let text: String
    /// The call in the query, where an overflow error points.
    let span: SourceSpan
    /// grouping(a, b, …): the arguments' positions among the grouping keys.
    var groupingKeys: [Int] = []
    /// A constant second argument: the quantile of quantile_cont/disc (0.5 for median), the
    /// separator of string_agg.
    var parameter: ScalarValue? = nil
    /// string_agg(… ORDER BY …): the order its values are joined in.
    var orderBy: [WindowOrderKey] = []

    /// The same computation (wherever and however it was written): computed once.
    func computesSame(as other: AggregateSpec) -> Bool {
        kind == other.kind && distinct == other.distinct && argument == other.argument && filter == other.filter
            && groupingKeys == other.groupingKeys && parameter == other.parameter && orderBy == other.orderBy
    }
}

/// Hash aggregation: rows grouped by `keys`; the grouped relation has the key columns first,
/// then one column per aggregate.
struct AggregatePlan: Sendable {
    var keys: [BoundExpression]
    var aggregates: [AggregateSpec]
    /// ROLLUP, CUBE, GROUPING SETS: each grouping's keys as positions in `keys` (the others are
    /// NULL in its rows). nil: one grouping by all keys.
    var groupingSets: [[Int]]? = nil
}

struct SortKey: Sendable {
    let column: Int
    let descending: Bool
    let nullsFirst: Bool
}

/// PIVOT BY: the hidden output `pivotColumn` spreads each of `valueColumns` into one column per
/// distinct pivot value; `rowColumns` identify a result row.
struct PivotPlan: Sendable {
    let pivotColumn: Int
    let rowColumns: [Int]
    let valueColumns: [Int]
    /// Value columns (count aggregates) whose cell is 0, not NULL, when its group has no rows.
    var zeroWhenMissing: Set<Int> = []
    /// ORDER BY keys (by their position in the order) that name a pivoted column, such as
    /// "2024": found among the pivot's columns after it ran.
    var orderNames: [Int: PivotColumnName] = [:]
}

struct PivotColumnName: Sendable {
    let name: String
    let span: SourceSpan
}

struct SelectPlan: Sendable {
    var source: SourcePlan
    var filter: BoundExpression?
    var aggregate: AggregatePlan?
    var having: BoundExpression?
    /// The visible outputs, then hidden ones (sort keys, the pivot value).
    var outputs: [BoundExpression]
    var names: [String]
    var visibleCount: Int
    var distinct: Bool
    var pivot: PivotPlan?
    /// Sort keys of a PIVOT query refer to the pivoted columns; otherwise to `outputs`.
    var order: [SortKey] = []
    /// Window functions, computed after grouping and HAVING; their results are columns appended
    /// to the relation the outputs read (after the groups' or the source's own columns).
    var windows: [WindowFunctionPlan] = []
}

struct QueryPlan: Sendable {
    var parts: [SelectPlan]
    /// For a single part the keys may point at hidden outputs; for UNION ALL at visible ones.
    var order: [SortKey]
    var limit: Int?
    var offset: Int
    /// The set operation before part i + 1 (UNION ALL when not given).
    var operators: [SetOperator] = []

    func operatorBefore(_ i: Int) -> SetOperator { i - 1 < operators.count ? operators[i - 1] : .unionAll }
}

extension QueryPlan {
    /// EXPLAIN's text: one operator per line, the data source innermost.
    var explanation: [String] {
        var lines: [String] = []
        var depth = 0
        func add(_ s: String) { lines.append(String(repeating: "  ", count: depth) + s); depth += 1 }
        if limit != nil || offset > 0 { add("Limit \(limit.map(String.init) ?? "all")\(offset > 0 ? " offset \(offset)" : "")") }
        if !order.isEmpty {
            let names = parts.first?.names ?? []
            add("Sort " + order.map { k in
                (k.column < names.count ? names[k.column] : "#\(k.column + 1)") + (k.descending ? " DESC" : "") + (k.nullsFirst ? " NULLS FIRST" : "")
            }.joined(separator: ", "))
        }
        if parts.count > 1 {
            let ops = (1..<parts.count).map { operatorBefore($0) }
            add(ops.allSatisfy { $0 == .unionAll } ? "UnionAll \(parts.count) parts" : "SetOperation " + ops.map(\.rawValue).joined(separator: ", "))
        }
        let base = depth
        for part in parts {
            depth = base
            part.explain(into: &lines, depth: &depth)
        }
        return lines
    }
}

extension SelectPlan {
    /// The fewest places an output prints with when it is a quotient (see
    /// `BoundExpression.quotientDisplayScale`); after GROUP BY, a key or a sum, min, max or avg
    /// of a quotient counts as one.
    func quotientDisplayScale(_ output: BoundExpression) -> Int? {
        // A window's median, interpolated quantile or variance prints like the aggregate's.
        let windowBase = aggregate.map { $0.keys.count + $0.aggregates.count } ?? source.width
        func window(_ i: Int) -> Int? {
            guard i >= windowBase, i - windowBase < windows.count, case .aggregate(let kind) = windows[i - windowBase].kind,
                  kind == .median || kind == .quantile_cont || kind == .variance else { return nil }
            return windows[i - windowBase].arguments.first?.type.scale
        }
        guard let aggregate else { return output.quotientDisplayScale(columns: window) }
        return output.quotientDisplayScale { i in
            if i < aggregate.keys.count { return aggregate.keys[i].quotientDisplayScale }
            // Beyond the aggregates: a window's result.
            guard i - aggregate.keys.count < aggregate.aggregates.count else { return window(i) }
            let spec = aggregate.aggregates[i - aggregate.keys.count]
            if spec.kind == .median || spec.kind == .quantile_cont || spec.kind == .variance { return spec.argument?.type.scale ?? 0 }
            guard spec.kind != .count, let argument = spec.argument else { return nil }
            return argument.quotientDisplayScale.map { spec.kind == .avg ? max($0, 6) : $0 }
        }
    }

    func explain(into lines: inout [String], depth: inout Int) {
        func add(_ s: String) { lines.append(String(repeating: "  ", count: depth) + s); depth += 1 }
        if let pivot { add("Pivot by \(outputs[pivot.pivotColumn])") }
        if distinct { add("Distinct") }
        add("Project " + outputs.prefix(visibleCount).map(\.description).joined(separator: ", "))
        if !windows.isEmpty { add("Window " + windows.map(\.text).joined(separator: ", ")) }
        if let having { add("Filter (HAVING) \(having)") }
        if let aggregate {
            var keys = aggregate.keys.isEmpty ? "" : " by " + aggregate.keys.map(\.description).joined(separator: ", ")
            if let sets = aggregate.groupingSets {
                keys += " grouping sets " + sets.map { "(" + $0.map { aggregate.keys[$0].description }.joined(separator: ", ") + ")" }.joined(separator: ", ")
            }
            let fused = FastPaths.fusesFilterAndSum(self) ? " [fused: filter and sums in one pass over the stored columns]" : ""
            add("HashAggregate " + aggregate.aggregates.map(\.text).joined(separator: ", ") + keys + fused)
        }
        if let filter { add("Filter \(filter)" + FastPaths.filterNote(filter, source)) }
        SelectPlan.explain(source, into: &lines, depth: depth)
    }

    static func explain(_ source: SourcePlan, into lines: inout [String], depth: Int) {
        let pad = String(repeating: "  ", count: depth)
        switch source {
        case .scan(let t, let q):
            lines.append(pad + "Scan \(t.name)\(q.lowercased() != t.name.lowercased() ? " AS \(q)" : "") (\(t.rowCount) rows)")
        case .singleRow:
            lines.append(pad + "OneRow")
        case .derived(let plan, let q, _):
            lines.append(pad + "Subquery AS \(q)")
            lines += plan.explanation.map { pad + "  " + $0 }
        case .join(let kind, let l, let r, let lk, let rk, let residual):
            var s = pad + "HashJoin \(kind.rawValue)"
            if !lk.isEmpty { s += " on " + zip(lk, rk).map { "\($0) = \($1)" }.joined(separator: " AND ") }
            if let residual { s += (lk.isEmpty ? " filter " : " and ") + residual.description }
            if lk.isEmpty { s = s.replacing("HashJoin", with: "NestedLoopJoin") }
            lines.append(s)
            explain(l, into: &lines, depth: depth + 1)
            explain(r, into: &lines, depth: depth + 1)
        }
    }
}

extension SelectPlan {
    /// The same plan with `f` applied to every expression it evaluates itself (not those of a
    /// subquery in FROM, which runs as a plan of its own).
    func mapExpressions(_ f: (BoundExpression) throws(Diagnostic) -> BoundExpression) throws(Diagnostic) -> SelectPlan {
        var p = self
        p.source = try SelectPlan.mapExpressions(source, f)
        p.filter = try filter.map(f)
        if let aggregate {
            var specs: [AggregateSpec] = []
            for a in aggregate.aggregates {
                specs.append(AggregateSpec(kind: a.kind, argument: try a.argument.map(f), distinct: a.distinct, filter: try a.filter.map(f),
                                           type: a.type, text: a.text, span: a.span, groupingKeys: a.groupingKeys, parameter: a.parameter,
                                           orderBy: try a.orderBy.map { (k) throws(Diagnostic) in
                                               WindowOrderKey(expression: try f(k.expression), descending: k.descending, nullsFirst: k.nullsFirst)
                                           }))
            }
            p.aggregate = AggregatePlan(keys: try aggregate.keys.map(f), aggregates: specs, groupingSets: aggregate.groupingSets)
        }
        p.having = try having.map(f)
        p.outputs = try outputs.map(f)
        var windows: [WindowFunctionPlan] = []
        for w in self.windows {
            windows.append(WindowFunctionPlan(kind: w.kind, arguments: try w.arguments.map(f), filter: try w.filter.map(f),
                                              partitionBy: try w.partitionBy.map(f),
                                              orderBy: try w.orderBy.map { (k) throws(Diagnostic) in
                                                  WindowOrderKey(expression: try f(k.expression), descending: k.descending, nullsFirst: k.nullsFirst)
                                              },
                                              frame: w.frame, type: w.type, text: w.text, span: w.span, distinct: w.distinct,
                                              parameter: w.parameter))
        }
        p.windows = windows
        return p
    }

    private static func mapExpressions(_ source: SourcePlan, _ f: (BoundExpression) throws(Diagnostic) -> BoundExpression) throws(Diagnostic) -> SourcePlan {
        guard case .join(let kind, let l, let r, let lk, let rk, let residual) = source else { return source }
        return .join(kind, try mapExpressions(l, f), try mapExpressions(r, f), leftKeys: try lk.map(f), rightKeys: try rk.map(f),
                     residual: try residual.map(f))
    }
}

extension BoundExpression {
    var containsSubquery: Bool {
        switch self {
        case .scalarSubquery, .inSubquery, .exists: return true
        default: return children.contains { $0.containsSubquery }
        }
    }
}
