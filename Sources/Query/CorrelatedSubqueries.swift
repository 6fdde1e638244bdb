import Store

/// Correlated subqueries (ones that read columns of the query around them): each is run per
/// distinct combination of the outer values it reads, with those values put in as constants;
/// its results become a column appended to the source rows, and the subquery's place in the
/// plan reads that column. `WHERE amount > (SELECT avg(amount) FROM spending t WHERE t.class =
/// s.class)` runs the subquery once per class, not once per row.
struct CorrelatedSubqueries {
    let executor: Executor

    func attach(_ plan: SelectPlan, _ relation: Relation) throws(Diagnostic) -> (SelectPlan, Relation) {
        var found: [BoundExpression] = []
        func collect(_ e: BoundExpression) {
            switch e {
            case .scalarSubquery(let q, _) where q.isCorrelated, .exists(let q) where q.isCorrelated, .inSubquery(_, let q, _) where q.isCorrelated:
                if !found.contains(e) { found.append(e) }
            default:
                e.children.forEach(collect)
            }
        }
        _ = try plan.mapExpressions { (e) throws(Diagnostic) in collect(e); return e }
        guard !found.isEmpty else { return (plan, relation) }
        var extended = relation
        var replacements: [BoundExpression: BoundExpression] = [:]
        for node in found {
            let column = try values(of: node, over: relation)
            replacements[node] = .column(extended.columns.count, node.type, name: node.description)
            extended.columns.append(.computed(column))
        }
        func replace(_ e: BoundExpression) -> BoundExpression {
            if let r = replacements[e] { return r }
            return e.replacingChildren(replace)
        }
        return (try plan.mapExpressions { (e) throws(Diagnostic) in replace(e) }, extended)
    }

    /// The subquery's value for every row of `relation`.
    private func values(of node: BoundExpression, over relation: Relation) throws(Diagnostic) -> Vector {
        let n = relation.rowCount
        let all = RowSelection.range(0..<n)
        let q: SubqueryPlan
        var tested: Vector?
        switch node {
        case .scalarSubquery(let s, _), .exists(let s): q = s
        case .inSubquery(let x, let s, _):
            q = s
            tested = try Evaluator(relation: relation, classNames: executor.classNames).evaluate(x, all)
        default: return Vector.allNull(n)
        }
        let outerValues = q.outerColumns.map { relation.gather($0, all) }
        var memo: [[ScalarValue]: Executor.Output] = [:]
        var builder = VectorBuilder(type: node.type)
        for r in 0..<n {
            let key = outerValues.map { $0.scalar(at: r) }
            let out: Executor.Output
            if let known = memo[key] { out = known } else {
                var bound: [Int: ScalarValue] = [:]
                for (k, c) in q.outerColumns.enumerated() { bound[c] = key[k] }
                var plan = q.plan
                plan.parts = try plan.parts.map { (part) throws(Diagnostic) in
                    try part.mapExpressions { (e) throws(Diagnostic) in CorrelatedSubqueries.substituting(e, bound) }
                }
                if case .exists = node { plan.limit = 1 }
                out = try executor.runVectors(plan)
                memo[key] = out
            }
            switch node {
            case .scalarSubquery(_, let type):
                guard out.rowCount <= 1 else {
                    throw Diagnostic(kind: .execution, message: "a subquery used as a value returned \(out.rowCount) rows for one outer row (at most 1)", span: q.span,
                                     hints: ["aggregate it (SELECT max(…)), or add LIMIT 1"])
                }
                builder.append(out.rowCount == 0 || out.columns.isEmpty ? .null : FunctionCatalog.widen(out.columns[0].scalar(at: 0), to: type))
            case .exists:
                builder.append(.boolean(out.rowCount > 0))
            case .inSubquery(let x, _, let negated):
                // SQL's IN: true on a match; false for no rows at all; else NULL when the value or a
                // listed value is NULL.
                let v = tested?.scalar(at: r) ?? .null
                var match = false, sawNull = false
                if let column = out.columns.first {
                    for k in 0..<out.rowCount {
                        let w = FunctionCatalog.widen(column.scalar(at: k), to: x.type)
                        if w == .null { sawNull = true } else if ScalarCompare.equal(v, w) == true { match = true; break }
                    }
                }
                if match { builder.append(.boolean(!negated)) }
                else if out.rowCount > 0 && (v == .null || sawNull) { builder.append(.null) }
                else { builder.append(.boolean(negated)) }
            default:
                builder.append(.null)
            }
        }
        return builder.build()
    }

    /// `e` with each outer column replaced by its value for one outer row.
    static func substituting(_ e: BoundExpression, _ values: [Int: ScalarValue]) -> BoundExpression {
        if case .outerColumn(let i, let t, _) = e {
            let v = values[i] ?? .null
            return .constant(FunctionCatalog.widen(v, to: t), t)
        }
        return e.replacingChildren { substituting($0, values) }
    }
}
