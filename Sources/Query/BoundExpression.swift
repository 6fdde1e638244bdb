/// An expression after name resolution and type checking: column references are positions in
/// the input relation, every node knows its type, and operands have been widened to a common
/// type. This is what the executor evaluates, batch by batch.
indirect enum BoundExpression: Sendable, CustomStringConvertible {
    case column(Int, SQLType, name: String)
    case constant(ScalarValue, SQLType)
    case negate(BoundExpression, SQLType, SourceSpan)
    case arithmetic(BinaryOperator, BoundExpression, BoundExpression, SQLType, SourceSpan)
    case concat(BoundExpression, BoundExpression)
    case compare(BinaryOperator, BoundExpression, BoundExpression)
    case and(BoundExpression, BoundExpression)
    case or(BoundExpression, BoundExpression)
    case not(BoundExpression)
    case isNull(BoundExpression, negated: Bool)
    case inList(BoundExpression, [BoundExpression], negated: Bool)
    /// The span is the pattern's, for a pattern from a column that turns out to end with its
    /// escape character.
    case like(BoundExpression, pattern: BoundExpression, caseInsensitive: Bool, negated: Bool, escape: Unicode.Scalar?, SourceSpan)
    case caseWhen([CaseBranch], otherwise: BoundExpression?, SQLType)
    case function(ScalarFunction, [BoundExpression], SQLType, SourceSpan)
    case cast(BoundExpression, SQLType, SourceSpan)
    /// share(x): x as a percentage of the total of x over the whole result.
    case share(BoundExpression)
    /// An expression of one dictionary-encoded text column, computed once per dictionary entry
    /// (the executor's rewrite); rows look their value up by code.
    case dictionaryLookup(column: Int, table: Vector, SQLType, original: String)
    /// `(SELECT …)`: run once before the SELECT that holds it, then a constant.
    case scalarSubquery(SubqueryPlan, SQLType)
    /// `x [NOT] IN (SELECT …)`: the subquery runs once; then an IN list of its values.
    case inSubquery(BoundExpression, SubqueryPlan, negated: Bool)
    /// `EXISTS (SELECT …)`: the subquery runs once; then a constant.
    case exists(SubqueryPlan)
    /// Inside a correlated subquery: column `i` of the query around it, a constant for each of
    /// its rows (the executor puts the value in before running the subquery).
    case outerColumn(Int, SQLType, name: String)

    var type: SQLType {
        switch self {
        case .column(_, let t, _), .constant(_, let t), .negate(_, let t, _), .arithmetic(_, _, _, let t, _),
             .caseWhen(_, _, let t), .function(_, _, let t, _), .cast(_, let t, _), .dictionaryLookup(_, _, let t, _),
             .scalarSubquery(_, let t), .outerColumn(_, let t, _):
            return t
        case .concat: return .text
        case .compare, .and, .or, .not, .isNull, .inList, .like, .inSubquery, .exists: return .boolean
        case .share: return .decimal(scale: 2)
        }
    }

    var children: [BoundExpression] {
        switch self {
        case .column, .constant, .dictionaryLookup, .scalarSubquery, .exists, .outerColumn: return []
        case .negate(let e, _, _), .not(let e), .isNull(let e, _), .cast(let e, _, _), .share(let e), .inSubquery(let e, _, _): return [e]
        case .arithmetic(_, let l, let r, _, _), .concat(let l, let r), .compare(_, let l, let r), .and(let l, let r),
             .or(let l, let r): return [l, r]
        case .inList(let e, let list, _): return [e] + list
        case .like(let e, let p, _, _, _, _): return [e, p]
        case .caseWhen(let branches, let otherwise, _):
            return branches.flatMap { [$0.condition, $0.result] } + (otherwise.map { [$0] } ?? [])
        case .function(_, let args, _, _): return args
        }
    }

    /// Input columns this expression reads (a correlated subquery reads its outer columns).
    var columnsUsed: Set<Int> {
        if case .column(let i, _, _) = self { return [i] }
        if case .dictionaryLookup(let i, _, _, _) = self { return [i] }
        if case .scalarSubquery(let q, _) = self { return Set(q.outerColumns) }
        if case .exists(let q) = self { return Set(q.outerColumns) }
        if case .inSubquery(let x, let q, _) = self { return x.columnsUsed.union(q.outerColumns) }
        return children.reduce(into: Set<Int>()) { $0.formUnion($1.columnsUsed) }
    }

    var containsShare: Bool {
        if case .share = self { return true }
        return children.contains { $0.containsShare }
    }

    /// For an expression whose places come from a quotient (`a / b`, `a / b * 100`, …): the
    /// fewest places its values print with. A quotient is computed at 18 places, but its value
    /// prints without trailing zeros, down to the places its operands had, so no zero claims a
    /// precision the value does not have (`10 / 4` prints 2.5, `sum(amount) / 2` at least 2
    /// places). nil for every other expression (money keeps its column's places: 150.10).
    var quotientDisplayScale: Int? { quotientDisplayScale(columns: { _ in nil }) }

    /// The same, where `columns(i)` gives the display places of input column `i` when that
    /// column is itself a quotient (an aggregate over one: `sum(a / b)`).
    func quotientDisplayScale(columns: (Int) -> Int?) -> Int? {
        func places(_ e: BoundExpression) -> Int { e.quotientDisplayScale(columns: columns) ?? e.type.scale }
        switch self {
        case .column(let i, _, _): return columns(i)
        case .arithmetic(.divide, let l, let r, _, _): return max(places(l), places(r))
        case .arithmetic(let op, let l, let r, let t, _):
            guard l.quotientDisplayScale(columns: columns) != nil || r.quotientDisplayScale(columns: columns) != nil else { return nil }
            return min(op == .multiply ? places(l) + places(r) : max(places(l), places(r)), t.scale)
        case .negate(let e, _, _): return e.quotientDisplayScale(columns: columns)
        case .function(.abs, let args, _, _), .function(.coalesce, let args, _, _), .function(.nullif, let args, _, _):
            let scales = args.compactMap { $0.quotientDisplayScale(columns: columns) }
            return scales.isEmpty ? nil : args.map(places).max()
        case .caseWhen(let branches, let otherwise, _):
            let results = branches.map(\.result) + (otherwise.map { [$0] } ?? [])
            return results.contains { $0.quotientDisplayScale(columns: columns) != nil } ? results.map(places).max() : nil
        case .cast(let e, let t, _):
            // Widening a quotient keeps it one; an explicit DECIMAL(p, s) sets the places.
            if case .decimal(let s) = t, s >= SQLType.quotientScale { return e.quotientDisplayScale(columns: columns) }
            return nil
        default: return nil
        }
    }

    /// The same expression with column `i` renumbered by `map(i)`.
    func remapped(_ map: (Int) -> Int) -> BoundExpression {
        switch self {
        case .column(let i, let t, let n): return .column(map(i), t, name: n)
        case .dictionaryLookup(let i, let table, let t, let o): return .dictionaryLookup(column: map(i), table: table, t, original: o)
        default: return replacingChildren { $0.remapped(map) }
        }
    }

    /// The same node with each direct child transformed (the one rebuilding traversal; with
    /// `children`, every rewrite and question is written once, not once per node kind).
    func replacingChildren(_ f: (BoundExpression) -> BoundExpression) -> BoundExpression {
        switch self {
        case .column, .constant, .dictionaryLookup, .scalarSubquery, .exists, .outerColumn: return self
        case .inSubquery(let e, let q, let n): return .inSubquery(f(e), q, negated: n)
        case .negate(let e, let t, let s): return .negate(f(e), t, s)
        case .arithmetic(let op, let l, let r, let t, let s): return .arithmetic(op, f(l), f(r), t, s)
        case .concat(let l, let r): return .concat(f(l), f(r))
        case .compare(let op, let l, let r): return .compare(op, f(l), f(r))
        case .and(let l, let r): return .and(f(l), f(r))
        case .or(let l, let r): return .or(f(l), f(r))
        case .not(let e): return .not(f(e))
        case .isNull(let e, let n): return .isNull(f(e), negated: n)
        case .inList(let e, let list, let n): return .inList(f(e), list.map(f), negated: n)
        case .like(let e, let p, let ci, let n, let c, let s): return .like(f(e), pattern: f(p), caseInsensitive: ci, negated: n, escape: c, s)
        case .caseWhen(let branches, let otherwise, let t):
            return .caseWhen(branches.map { CaseBranch(condition: f($0.condition), result: f($0.result)) }, otherwise: otherwise.map(f), t)
        case .function(let fn, let args, let t, let s): return .function(fn, args.map(f), t, s)
        case .cast(let e, let t, let s): return .cast(f(e), t, s)
        case .share(let e): return .share(f(e))
        }
    }

    /// Canonical text, used by EXPLAIN and to match a select item to a GROUP BY key.
    var description: String {
        switch self {
        case .column(let i, _, let n): return "\(n)#\(i)"
        case .constant(let v, _):
            switch v {
            case .text(let s): return "'" + s.escaping(["'"]) + "'"
            default: return v.value.description
            }
        case .negate(let e, _, _): return "(-\(e))"
        case .arithmetic(let op, let l, let r, _, _): return "(\(l) \(op.rawValue) \(r))"
        case .concat(let l, let r): return "(\(l) || \(r))"
        case .compare(let op, let l, let r): return "(\(l) \(op.rawValue) \(r))"
        case .and(let l, let r): return "(\(l) AND \(r))"
        case .or(let l, let r): return "(\(l) OR \(r))"
        case .not(let e): return "(NOT \(e))"
        case .isNull(let e, let n): return "(\(e) IS \(n ? "NOT " : "")NULL)"
        case .inList(let e, let list, let n): return "(\(e) \(n ? "NOT " : "")IN (\(list.map(\.description).joined(separator: ", "))))"
        case .like(let e, let p, let ci, let n, let c, _):
            return "(\(e) \(n ? "NOT " : "")\(ci ? "ILIKE" : "LIKE") \(p)\(c.map { " ESCAPE '" + String($0).escaping(["'"]) + "'" } ?? ""))"
        case .caseWhen(let branches, let otherwise, _):
            return "CASE" + branches.map { " WHEN \($0.condition) THEN \($0.result)" }.joined()
                + (otherwise.map { " ELSE \($0)" } ?? "") + " END"
        case .function(let f, let args, _, _): return "\(f.rawValue)(\(args.map(\.description).joined(separator: ", ")))"
        case .cast(let e, let t, _): return "CAST(\(e) AS \(t))"
        case .share(let e): return "share(\(e))"
        case .dictionaryLookup(_, _, _, let o): return o
        case .scalarSubquery(let q, _): return "(\(q))"
        case .inSubquery(let e, let q, let n): return "(\(e) \(n ? "NOT " : "")IN (\(q)))"
        case .exists(let q): return "EXISTS (\(q))"
        case .outerColumn(let i, _, let n): return "outer.\(n)#\(i)"
        }
    }
}

/// Structural identity: the same operators, types, constants and column positions, whatever
/// the source spans and display names. GROUP BY keys, repeated aggregates and ORDER BY
/// expressions are matched this way (`GROUP BY class` matches `class` in the select list).
extension BoundExpression: Hashable {
    static func == (a: BoundExpression, b: BoundExpression) -> Bool {
        switch (a, b) {
        case (.column(let i, let t, _), .column(let j, let u, _)): return i == j && t == u
        case (.constant(let v, let t), .constant(let w, let u)): return v == w && t == u
        case (.negate(let x, let t, _), .negate(let y, let u, _)), (.cast(let x, let t, _), .cast(let y, let u, _)):
            return t == u && x == y
        case (.arithmetic(let o, let l, let r, let t, _), .arithmetic(let p, let m, let s, let u, _)):
            return o == p && t == u && l == m && r == s
        case (.compare(let o, let l, let r), .compare(let p, let m, let s)): return o == p && l == m && r == s
        case (.concat(let l, let r), .concat(let m, let s)), (.and(let l, let r), .and(let m, let s)), (.or(let l, let r), .or(let m, let s)):
            return l == m && r == s
        case (.not(let x), .not(let y)), (.share(let x), .share(let y)): return x == y
        case (.isNull(let x, let n), .isNull(let y, let m)): return n == m && x == y
        case (.inList(let x, let l, let n), .inList(let y, let k, let m)): return n == m && x == y && l == k
        case (.like(let x, let p, let c, let n, let e, _), .like(let y, let q, let d, let m, let f, _)): return c == d && n == m && e == f && x == y && p == q
        case (.caseWhen(let bs, let o, let t), .caseWhen(let cs, let p, let u)): return t == u && bs == cs && o == p
        case (.function(let f, let x, let t, _), .function(let g, let y, let u, _)): return f == g && t == u && x == y
        case (.dictionaryLookup(let c, _, let t, let o), .dictionaryLookup(let d, _, let u, let p)): return c == d && t == u && o == p
        case (.scalarSubquery(let q, let t), .scalarSubquery(let r, let u)): return q == r && t == u
        case (.inSubquery(let x, let q, let n), .inSubquery(let y, let r, let m)): return q == r && n == m && x == y
        case (.exists(let q), .exists(let r)): return q == r
        case (.outerColumn(let i, let t, _), .outerColumn(let j, let u, _)): return i == j && t == u
        default: return false
        }
    }

    func hash(into hasher: inout Hasher) {
        switch self {
        case .column(let i, let t, _): hasher.combine(0); hasher.combine(i); hasher.combine(t)
        case .constant(let v, let t): hasher.combine(1); hasher.combine(v); hasher.combine(t)
        case .arithmetic(let op, _, _, let t, _): hasher.combine(2); hasher.combine(op); hasher.combine(t)
        case .compare(let op, _, _): hasher.combine(3); hasher.combine(op)
        case .function(let f, _, let t, _): hasher.combine(4); hasher.combine(f); hasher.combine(t)
        case .dictionaryLookup(let c, _, let t, let o): hasher.combine(5); hasher.combine(c); hasher.combine(t); hasher.combine(o)
        default: hasher.combine(type); hasher.combine(children.count)
        }
        for c in children { hasher.combine(c) }
    }
}

/// A subquery in an expression, bound; it reads no column of the query around it, so it runs
/// once (the executor replaces it by its value before the SELECT runs). Identified by where it
/// stands in the statement.
struct SubqueryPlan: Sendable, Hashable, CustomStringConvertible {
    let plan: QueryPlan
    let span: SourceSpan
    /// The statement's text of the subquery, for EXPLAIN and messages.
    let text: String
    /// Columns of the query around it that it reads (empty: it runs once).
    var outerColumns: [Int] = []

    var isCorrelated: Bool { !outerColumns.isEmpty }

    static func == (a: SubqueryPlan, b: SubqueryPlan) -> Bool { a.span == b.span && a.text == b.text }
    func hash(into hasher: inout Hasher) { hasher.combine(span); hasher.combine(text) }
    var description: String { text }
}

struct CaseBranch: Sendable, Hashable {
    let condition: BoundExpression
    let result: BoundExpression
}
