/// The syntax tree. Every expression carries the span of its source text, so a later phase
/// (binder, executor) can point at exactly the part of the query it objects to. `description`
/// prints canonical BudgetQL, so parser tests round-trip text -> AST -> text.
indirect enum Expression: Sendable, CustomStringConvertible {
    case literal(Literal, SourceSpan)
    case column(table: String?, name: String, SourceSpan)
    case star(table: String?, SourceSpan)
    case parameter(String, SourceSpan)
    case unary(UnaryOperator, Expression, SourceSpan)
    case binary(BinaryOperator, Expression, Expression, SourceSpan)
    case isNull(Expression, negated: Bool, SourceSpan)
    /// `a IS [NOT] DISTINCT FROM b`: equality where NULL equals NULL.
    case isDistinct(Expression, Expression, negated: Bool, SourceSpan)
    /// `x IS [NOT] TRUE|FALSE`: never NULL.
    case isTruth(Expression, Bool, negated: Bool, SourceSpan)
    case inList(Expression, [Expression], negated: Bool, SourceSpan)
    case between(Expression, Expression, Expression, negated: Bool, SourceSpan)
    /// `x [NOT] LIKE|ILIKE pattern [ESCAPE c]`.
    case like(Expression, Expression, caseInsensitive: Bool, negated: Bool, escape: Expression?, SourceSpan)
    case caseWhen(operand: Expression?, [(Expression, Expression)], otherwise: Expression?, SourceSpan)
    case call(FunctionCall)
    case cast(Expression, typeName: String, SourceSpan)
    /// `(SELECT …)` where a value stands: one column, at most one row (NULL when none).
    case subquery(Query, SourceSpan)
    /// `x [NOT] IN (SELECT …)`.
    case inSubquery(Expression, Query, negated: Bool, SourceSpan)
    /// `EXISTS (SELECT …)`.
    case exists(Query, SourceSpan)

    var span: SourceSpan {
        switch self {
        case .literal(_, let s), .column(_, _, let s), .star(_, let s), .parameter(_, let s),
             .unary(_, _, let s), .binary(_, _, _, let s), .isNull(_, _, let s), .inList(_, _, _, let s),
             .between(_, _, _, _, let s), .like(_, _, _, _, _, let s), .caseWhen(_, _, _, let s), .cast(_, _, let s),
             .subquery(_, let s), .inSubquery(_, _, _, let s), .exists(_, let s), .isDistinct(_, _, _, let s), .isTruth(_, _, _, let s):
            return s
        case .call(let c): return c.span
        }
    }

    var description: String {
        switch self {
        case .literal(let l, _): return l.description
        case .column(let t, let n, _): return (t.map { Expression.quoteName($0) + "." } ?? "") + Expression.quoteName(n)
        case .star(let t, _): return (t.map { Expression.quoteName($0) + "." } ?? "") + "*"
        case .parameter(let n, _): return ":" + n
        case .unary(let op, let e, _): return op == .not ? "(NOT \(e))" : "(-\(e))"
        case .binary(let op, let l, let r, _):
            // A left operand at the same left-associative level prints without its own
            // parentheses: `a + b + c` stays flat, so a long chain re-parses within the
            // parser's nesting limit (fuzz F5).
            if case .binary(let inner, _, _, _) = l, let level = op.chainLevel, inner.chainLevel == level {
                return "(\(l.bare) \(op.rawValue) \(r))"
            }
            return "(\(l) \(op.rawValue) \(r))"
        case .isNull(let e, let n, _): return "(\(e) IS \(n ? "NOT " : "")NULL)"
        case .isDistinct(let l, let r, let n, _): return "(\(l) IS \(n ? "NOT " : "")DISTINCT FROM \(r))"
        case .isTruth(let e, let v, let n, _): return "(\(e) IS \(n ? "NOT " : "")\(v ? "TRUE" : "FALSE"))"
        case .inList(let e, let list, let n, _):
            return "(\(e) \(n ? "NOT " : "")IN (\(list.map(\.description).joined(separator: ", "))))"
        case .between(let e, let lo, let hi, let n, _): return "(\(e) \(n ? "NOT " : "")BETWEEN \(lo) AND \(hi))"
        case .like(let e, let p, let ci, let n, let escape, _):
            return "(\(e) \(n ? "NOT " : "")\(ci ? "ILIKE" : "LIKE") \(p)\(escape.map { " ESCAPE \($0)" } ?? ""))"
        case .caseWhen(let operand, let branches, let otherwise, _):
            var s = "CASE"
            if let operand { s += " \(operand)" }
            for (w, t) in branches { s += " WHEN \(w) THEN \(t)" }
            if let otherwise { s += " ELSE \(otherwise)" }
            return s + " END"
        case .call(let c): return c.description
        case .cast(let e, let t, _): return "CAST(\(e) AS \(t.uppercased()))"
        case .subquery(let q, _): return "(\(q))"
        case .inSubquery(let e, let q, let n, _): return "(\(e) \(n ? "NOT " : "")IN (\(q)))"
        case .exists(let q, _): return "EXISTS (\(q))"
        }
    }

    /// The direct subexpressions, in source order: the one traversal every question about a
    /// tree (does it hold an aggregate? a share()?) is asked through. A call's FILTER counts.
    var children: [Expression] {
        switch self {
        // A subquery's expressions belong to its own scope: questions about this one's
        // aggregates or windows do not look inside.
        case .literal, .column, .star, .parameter, .subquery, .exists: return []
        case .inSubquery(let x, _, _, _): return [x]
        case .unary(_, let x, _), .isNull(let x, _, _), .cast(let x, _, _), .isTruth(let x, _, _, _): return [x]
        case .binary(_, let l, let r, _), .isDistinct(let l, let r, _, _): return [l, r]
        case .like(let l, let r, _, _, let escape, _): return [l, r] + (escape.map { [$0] } ?? [])
        case .inList(let x, let list, _, _): return [x] + list
        case .between(let x, let lo, let hi, _, _): return [x, lo, hi]
        case .caseWhen(let operand, let branches, let otherwise, _):
            return (operand.map { [$0] } ?? []) + branches.flatMap { [$0.0, $0.1] } + (otherwise.map { [$0] } ?? [])
        case .call(let c):
            return c.arguments + c.orderBy.map(\.expression) + (c.filter.map { [$0] } ?? [])
                + (c.over.map { $0.partitionBy + $0.orderBy.map(\.expression) } ?? [])
        }
    }

    /// Whether this node or any below it satisfies `predicate`.
    func contains(where predicate: (Expression) -> Bool) -> Bool {
        predicate(self) || children.contains { $0.contains(where: predicate) }
    }

    /// Names that are not plain lower-case words print in double quotes.
    static func quoteName(_ name: String) -> String {
        let plain = name.unicodeScalars.allSatisfy { $0.properties.isAlphabetic || $0 == "_" || ("0"..."9").contains($0) }
            && !(name.first?.isNumber ?? true) && !Keywords.all.contains(name.uppercased())
        return plain ? name : "\"" + name.escaping(["\""]) + "\""
    }

    /// How the column of a result is named when no alias is given: the source text, canonical
    /// but without the outer parentheses the printer adds.
    var displayName: String {
        switch self {
        case .column(_, let n, _): return n
        default: return bare
        }
    }

    /// Canonical text without the outer parentheses the printer adds (same meaning).
    var bare: String {
        let d = description
        if d.hasPrefix("("), d.hasSuffix(")"), Expression.balanced(d.dropFirst().dropLast()) { return String(d.dropFirst().dropLast()) }
        return d
    }

    private static func balanced(_ s: Substring) -> Bool {
        var depth = 0
        for c in s {
            if c == "(" { depth += 1 }
            if c == ")" { depth -= 1; if depth < 0 { return false } }
        }
        return depth == 0
    }
}

enum Literal: Sendable, CustomStringConvertible {
    case integer(Int64)
    case decimal(ExactDecimalLiteral)
    case string(String)
    case boolean(Bool)
    case null

    var description: String {
        switch self {
        case .integer(let i): return String(i)
        case .decimal(let d): return d.text
        case .string(let s): return "'" + s.escaping(["'"]) + "'"
        case .boolean(let b): return b ? "TRUE" : "FALSE"
        case .null: return "NULL"
        }
    }
}

/// A decimal literal as written (its scale is the number of digits written after the point).
struct ExactDecimalLiteral: Sendable {
    let text: String
}

enum UnaryOperator: Sendable { case negate, not }

enum BinaryOperator: String, Sendable, Hashable {
    case add = "+", subtract = "-", multiply = "*", divide = "/", modulo = "%", concat = "||"
    case equal = "=", notEqual = "<>", less = "<", lessEqual = "<=", greater = ">", greaterEqual = ">="
    case and = "AND", or = "OR"

    var isComparison: Bool {
        switch self {
        case .equal, .notEqual, .less, .lessEqual, .greater, .greaterEqual: return true
        default: return false
        }
    }
    /// The parser's left-associative precedence level (comparisons do not chain: nil).
    var chainLevel: Int? {
        switch self {
        case .or: return 1
        case .and: return 2
        case .concat: return 4
        case .add, .subtract: return 5
        case .multiply, .divide, .modulo: return 6
        default: return nil
        }
    }
    var isArithmetic: Bool {
        switch self {
        case .add, .subtract, .multiply, .divide, .modulo: return true
        default: return false
        }
    }
}

struct FunctionCall: Sendable, CustomStringConvertible {
    let name: String
    let nameSpan: SourceSpan
    let arguments: [Expression]
    let distinct: Bool
    /// `count(*)`.
    let star: Bool
    let filter: Expression?
    /// `OVER (...)`: a window function.
    var over: WindowSpec? = nil
    /// `string_agg(x, ',' ORDER BY y)`: the order the values are taken in.
    var orderBy: [OrderItem] = []
    let span: SourceSpan

    init(name: String, nameSpan: SourceSpan, arguments: [Expression], distinct: Bool, star: Bool, filter: Expression?,
         over: WindowSpec? = nil, orderBy: [OrderItem] = [], span: SourceSpan) {
        self.name = name; self.nameSpan = nameSpan; self.arguments = arguments; self.distinct = distinct
        self.star = star; self.filter = filter; self.over = over; self.orderBy = orderBy; self.span = span
    }

    var description: String {
        // Arguments are delimited by commas and the FILTER by its parentheses, so their outer
        // parentheses are dropped: "sum(amount) FILTER (WHERE basic > 0)", as people write it.
        var s = name.lowercased() + "("
        if star { s += "*" } else {
            if distinct { s += "DISTINCT " }
            s += arguments.map(\.bare).joined(separator: ", ")
            if !orderBy.isEmpty { s += " ORDER BY " + orderBy.map(\.description).joined(separator: ", ") }
        }
        s += ")"
        if let filter { s += " FILTER (WHERE \(filter.bare))" }
        if let over { s += " OVER (\(over))" }
        return s
    }
}

/// The window of `f(...) OVER (PARTITION BY … ORDER BY … ROWS|RANGE …)`.
struct WindowSpec: Sendable, CustomStringConvertible {
    var partitionBy: [Expression] = []
    var orderBy: [OrderItem] = []
    /// nil: the SQL default (with ORDER BY, RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW;
    /// without, the whole partition).
    var frame: WindowFrame?

    var description: String {
        var parts: [String] = []
        if !partitionBy.isEmpty { parts.append("PARTITION BY " + partitionBy.map(\.bare).joined(separator: ", ")) }
        if !orderBy.isEmpty { parts.append("ORDER BY " + orderBy.map(\.description).joined(separator: ", ")) }
        if let frame { parts.append(frame.description) }
        return parts.joined(separator: " ")
    }
}

/// `ROWS|RANGE BETWEEN start AND end`: which rows around the current one a window function sees.
struct WindowFrame: Sendable, Hashable, CustomStringConvertible {
    enum Unit: String, Sendable, Hashable { case rows = "ROWS", range = "RANGE" }
    enum Bound: Sendable, Hashable, CustomStringConvertible {
        case unboundedPreceding
        case preceding(Int64)
        case currentRow
        case following(Int64)
        case unboundedFollowing

        var description: String {
            switch self {
            case .unboundedPreceding: return "UNBOUNDED PRECEDING"
            case .preceding(let n): return "\(n) PRECEDING"
            case .currentRow: return "CURRENT ROW"
            case .following(let n): return "\(n) FOLLOWING"
            case .unboundedFollowing: return "UNBOUNDED FOLLOWING"
            }
        }

        /// Position on the line of rows, for checking that start <= end.
        var rank: Int {
            switch self {
            case .unboundedPreceding: return 0
            case .preceding: return 1
            case .currentRow: return 2
            case .following: return 3
            case .unboundedFollowing: return 4
            }
        }
    }

    let unit: Unit
    let start: Bound
    let end: Bound

    var description: String { "\(unit.rawValue) BETWEEN \(start) AND \(end)" }
}

struct SelectItem: Sendable, CustomStringConvertible {
    let expression: Expression
    let alias: String?
    let aliasSpan: SourceSpan?

    var description: String {
        expression.description + (alias.map { " AS " + Expression.quoteName($0) } ?? "")
    }
}

enum JoinKind: String, Sendable { case inner = "JOIN", left = "LEFT JOIN", right = "RIGHT JOIN", full = "FULL JOIN", cross = "CROSS JOIN" }

struct TableReference: Sendable, CustomStringConvertible {
    let name: String
    let alias: String?
    let span: SourceSpan
    /// `(SELECT ...) alias`: a derived table.
    var subquery: Query? = nil

    var description: String {
        let source = subquery.map { "(\($0))" } ?? Expression.quoteName(name)
        return source + (alias.map { " " + Expression.quoteName($0) } ?? "")
    }
}

enum JoinCondition: Sendable {
    case on(Expression)
    case using([(String, SourceSpan)])
    case none
}

struct Join: Sendable, CustomStringConvertible {
    let kind: JoinKind
    let table: TableReference
    let condition: JoinCondition
    let span: SourceSpan

    var description: String {
        var s = "\(kind.rawValue) \(table)"
        switch condition {
        case .on(let e): s += " ON \(e)"
        case .using(let cols): s += " USING (\(cols.map { Expression.quoteName($0.0) }.joined(separator: ", ")))"
        case .none: break
        }
        return s
    }
}

struct OrderItem: Sendable, CustomStringConvertible {
    let expression: Expression
    let descending: Bool
    /// nil: the default (NULLs sort last, as in DuckDB).
    let nullsFirst: Bool?

    var description: String {
        var s = expression.description + (descending ? " DESC" : "")
        if let nullsFirst { s += nullsFirst ? " NULLS FIRST" : " NULLS LAST" }
        return s
    }
}

enum GroupBy: Sendable {
    case expressions([Expression])
    case all(SourceSpan)
    /// With ROLLUP, CUBE or GROUPING SETS among the items: the groupings are the cross product
    /// of the items' sets.
    case sets([GroupingItem], SourceSpan)
}

/// One item of a GROUP BY that has grouping sets.
enum GroupingItem: Sendable, CustomStringConvertible {
    case expression(Expression)
    /// ROLLUP(a, b, c): (a, b, c), (a, b), (a), ().
    case rollup([Expression])
    /// CUBE(a, b): every subset.
    case cube([Expression])
    /// GROUPING SETS ((a, b), (a), ()).
    case sets([[Expression]])

    var description: String {
        func list(_ es: [Expression]) -> String { es.map(\.bare).joined(separator: ", ") }
        switch self {
        case .expression(let e): return e.description
        case .rollup(let es): return "ROLLUP (\(list(es)))"
        case .cube(let es): return "CUBE (\(list(es)))"
        case .sets(let sets): return "GROUPING SETS (" + sets.map { "(\(list($0)))" }.joined(separator: ", ") + ")"
        }
    }

    /// The grouping sets this item stands for, each a list of expressions.
    var groupings: [[Expression]] {
        switch self {
        case .expression(let e): return [[e]]
        case .rollup(let es): return (0...es.count).reversed().map { Array(es.prefix($0)) }
        case .cube(let es):
            // Larger sets first, each subset in the order written.
            let masks = (0..<(1 << es.count)).sorted { $0.nonzeroBitCount > $1.nonzeroBitCount || ($0.nonzeroBitCount == $1.nonzeroBitCount && $0 > $1) }
            return masks.map { mask in es.enumerated().filter { mask & (1 << (es.count - 1 - $0.offset)) != 0 }.map(\.element) }
        case .sets(let sets): return sets
        }
    }
}

struct SelectStatement: Sendable, CustomStringConvertible {
    var distinct = false
    var items: [SelectItem] = []
    var from: TableReference?
    var joins: [Join] = []
    var whereClause: Expression?
    var groupBy: GroupBy?
    var having: Expression?
    var pivotBy: Expression?
    var span: SourceSpan

    var description: String {
        var s = "SELECT " + (distinct ? "DISTINCT " : "") + items.map(\.description).joined(separator: ", ")
        if let from { s += " FROM \(from)" }
        for j in joins { s += " \(j)" }
        if let whereClause { s += " WHERE \(whereClause)" }
        switch groupBy {
        case .expressions(let es)?: s += " GROUP BY " + es.map(\.description).joined(separator: ", ")
        case .all?: s += " GROUP BY ALL"
        case .sets(let items, _)?: s += " GROUP BY " + items.map(\.description).joined(separator: ", ")
        case nil: break
        }
        if let having { s += " HAVING \(having)" }
        if let pivotBy { s += " PIVOT BY \(pivotBy)" }
        return s
    }
}

/// A query: one SELECT, or SELECTs joined by UNION ALL, with an ORDER BY/LIMIT that applies to
/// the union as a whole when there is more than one part.
struct Query: Sendable, CustomStringConvertible {
    /// `WITH name AS (…), …`: each may refer to the ones before it.
    var with: [CommonTableExpression] = []
    var parts: [SelectStatement]
    /// The set operation between part i and part i + 1 (UNION ALL when not written).
    var operators: [SetOperator] = []
    var orderBy: [OrderItem] = []
    var limit: Expression?
    var offset: Expression?

    var description: String {
        var s = with.isEmpty ? "" : "WITH " + with.map { "\(Expression.quoteName($0.name)) AS (\($0.query))" }.joined(separator: ", ") + " "
        for (i, part) in parts.enumerated() {
            if i > 0 { s += " \(operatorBefore(i).rawValue) " }
            s += part.description
        }
        if !orderBy.isEmpty { s += " ORDER BY " + orderBy.map(\.description).joined(separator: ", ") }
        if let limit { s += " LIMIT \(limit)" }
        if let offset { s += " OFFSET \(offset)" }
        return s
    }
}

extension Query {
    /// The operation joining part i to what comes before it.
    func operatorBefore(_ i: Int) -> SetOperator { i - 1 < operators.count ? operators[i - 1] : .unionAll }
}

/// UNION, EXCEPT, INTERSECT, each distinct or ALL. INTERSECT binds tighter than the others.
enum SetOperator: String, Sendable, Hashable {
    case unionAll = "UNION ALL", union = "UNION", exceptAll = "EXCEPT ALL", except = "EXCEPT"
    case intersectAll = "INTERSECT ALL", intersect = "INTERSECT"

    var isIntersect: Bool { self == .intersect || self == .intersectAll }
    var keepsDuplicates: Bool { self == .unionAll || self == .exceptAll || self == .intersectAll }
}

/// One `name AS (query)` of a WITH clause.
struct CommonTableExpression: Sendable {
    let name: String
    let query: Query
    let span: SourceSpan
}

enum Statement: Sendable, CustomStringConvertible {
    case query(Query)
    case explain(Query)
    case describe(String, SourceSpan)
    /// `CREATE [OR REPLACE] TABLE|VIEW name AS query`: kept for the session.
    case create(SessionObjectKind, name: String, Query, replace: Bool, SourceSpan)
    /// `DROP TABLE|VIEW [IF EXISTS] name`: only what CREATE made.
    case drop(SessionObjectKind, name: String, ifExists: Bool, SourceSpan)
    /// `COPY (query) TO 'file.csv|tsv|json'`.
    case copy(Query, path: String, SourceSpan)

    var description: String {
        switch self {
        case .query(let q): return q.description
        case .explain(let q): return "EXPLAIN " + q.description
        case .describe(let t, _): return "DESCRIBE " + Expression.quoteName(t)
        case .create(let kind, let name, let q, let replace, _):
            return "CREATE \(replace ? "OR REPLACE " : "")\(kind.rawValue) \(Expression.quoteName(name)) AS \(q)"
        case .drop(let kind, let name, let ifExists, _):
            return "DROP \(kind.rawValue) \(ifExists ? "IF EXISTS " : "")\(Expression.quoteName(name))"
        case .copy(let q, let path, _): return "COPY (\(q)) TO " + Literal.string(path).description
        }
    }
}

/// What CREATE makes: a table holds the rows the query gave; a view runs its query each time.
public enum SessionObjectKind: String, Sendable { case table = "TABLE", view = "VIEW" }
