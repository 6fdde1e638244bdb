import Store

/// A read-only, public view of a bound query, for engines outside this module (the Spark
/// translator): the query is parsed and bound here, with BudgetQL's errors and suggestions, and
/// another engine only decides how to run it.
///
/// Anything the view does not know (a bound node or plan part added after it was written) becomes
/// `.untranslatable` / `unknownParts`, so an outside engine refuses it instead of answering a
/// different question.
public indirect enum PlanExpression: Sendable {
    case column(Int, PlanType, name: String)
    case constant(Value, PlanType)
    case negate(PlanExpression, PlanType)
    /// `+ - * / %`; the result type says the scale the executor keeps (division rounds half away
    /// from zero to it).
    case arithmetic(String, PlanExpression, PlanExpression, PlanType)
    case concat(PlanExpression, PlanExpression)
    /// `= <> < <= > >=`
    case compare(String, PlanExpression, PlanExpression)
    case and(PlanExpression, PlanExpression)
    case or(PlanExpression, PlanExpression)
    case not(PlanExpression)
    case isNull(PlanExpression, negated: Bool)
    case inList(PlanExpression, [PlanExpression], negated: Bool)
    /// `escape`: the character of `ESCAPE 'c'`, which makes the one after it literal.
    case like(PlanExpression, pattern: PlanExpression, caseInsensitive: Bool, negated: Bool, escape: Unicode.Scalar?)
    case caseWhen([(condition: PlanExpression, result: PlanExpression)], otherwise: PlanExpression?, PlanType)
    /// A scalar function by its BudgetQL name (round, abs, coalesce, ..., class_name, parent),
    /// and where the call is written (for a refusal's caret).
    case function(String, [PlanExpression], PlanType, SourceSpan?)
    case cast(PlanExpression, PlanType)
    /// share(x): 100 · x / total of x over the result, rounded half away from zero to 2 places.
    case share(PlanExpression)
    /// `(SELECT …)` that reads nothing of the query around it.
    case scalarSubquery(PlanQuery, PlanType)
    /// `x [NOT] IN (SELECT …)`, uncorrelated.
    case inSubquery(PlanExpression, PlanQuery, negated: Bool)
    /// `EXISTS (SELECT …)`, uncorrelated.
    case exists(PlanQuery)
    /// A node with no translation, by what it is, and where it is written when known.
    case untranslatable(String, SourceSpan?)

    public var type: PlanType {
        switch self {
        case .column(_, let t, _), .constant(_, let t), .negate(_, let t), .arithmetic(_, _, _, let t),
             .caseWhen(_, _, let t), .function(_, _, let t, _), .cast(_, let t), .scalarSubquery(_, let t):
            return t
        case .concat: return .text
        case .compare, .and, .or, .not, .isNull, .inList, .like, .inSubquery, .exists: return .boolean
        case .share: return .decimal(scale: 2)
        case .untranslatable: return .null
        }
    }
}

/// An expression's type: integer, exact decimal at a scale, text, boolean, or a bare NULL.
public enum PlanType: Sendable, Equatable {
    case integer, decimal(scale: Int), text, boolean, null

    init(_ t: SQLType) {
        switch t {
        case .integer: self = .integer
        case .decimal(let s): self = .decimal(scale: s)
        case .text: self = .text
        case .boolean: self = .boolean
        case .null: self = .null
        }
    }

    /// The type a result column has in `QueryResult.types`.
    public var columnType: ColumnType {
        switch self {
        case .integer, .null: return .integer
        case .decimal: return .decimal
        case .text: return .text
        case .boolean: return .boolean
        }
    }
}

public indirect enum PlanSource: Sendable {
    /// A stored table; its columns are numbered in the catalog's order.
    case table(name: String, columns: [String])
    case singleRow
    case subquery(PlanQuery, width: Int)
    /// kind is "JOIN", "LEFT JOIN", "FULL JOIN" or "CROSS JOIN"; keys are bound over each side's
    /// own columns, the residual over the joined row (left columns first).
    case join(kind: String, PlanSource, PlanSource, leftKeys: [PlanExpression], rightKeys: [PlanExpression], residual: PlanExpression?)

    public var width: Int {
        switch self {
        case .table(_, let c): return c.count
        case .singleRow: return 0
        case .subquery(_, let w): return w
        case .join(_, let l, let r, _, _, _): return l.width + r.width
        }
    }
}

public struct PlanAggregate: Sendable {
    /// count, sum, avg, min, max, grouping, or a statistic (median, …, string_agg).
    public let function: String
    /// nil for count(*).
    public let argument: PlanExpression?
    public let distinct: Bool
    public let filter: PlanExpression?
    public let type: PlanType
    /// grouping(a, b, …): the arguments' positions among the grouping keys.
    public let groupingKeys: [Int]
    /// Where the call is written.
    public let span: SourceSpan?
}

/// A part of a plan an outside engine has no translation for: what it is and where.
public struct PlanRefusal: Sendable {
    public let what: String
    public let span: SourceSpan?
}

public struct PlanSortKey: Sendable {
    public let column: Int
    public let descending: Bool
    public let nullsFirst: Bool

    public init(column: Int, descending: Bool, nullsFirst: Bool) {
        self.column = column
        self.descending = descending
        self.nullsFirst = nullsFirst
    }
}

public struct PlanPivot: Sendable {
    public let pivotColumn: Int
    public let rowColumns: [Int]
    public let valueColumns: [Int]
    /// Value columns (counts) whose cell is 0, not NULL, when its group has no rows.
    public let zeroWhenMissing: Set<Int>
    /// ORDER BY keys (by their position in the order) that name a pivoted column ("2024"),
    /// with where the name is written: found among the pivot's columns once they are known.
    public let orderNames: [Int: (name: String, span: SourceSpan)]
}

/// One SELECT. With `groupKeys`/`aggregates` set, `having` and `outputs` read the grouped
/// relation: the keys first, then one column per aggregate.
public struct PlanSelect: Sendable {
    public let source: PlanSource
    public let filter: PlanExpression?
    public let grouped: Bool
    public let groupKeys: [PlanExpression]
    /// ROLLUP, CUBE, GROUPING SETS: each grouping's keys as positions in `groupKeys`; nil: one
    /// grouping by all keys.
    public let groupingSets: [[Int]]?
    public let aggregates: [PlanAggregate]
    public let having: PlanExpression?
    /// Visible outputs first, then hidden ones (sort keys, the pivot value).
    public let outputs: [PlanExpression]
    public let names: [String]
    public let visibleCount: Int
    public let distinct: Bool
    public let pivot: PlanPivot?
    /// With a pivot: sort keys over the pivoted columns.
    public let order: [PlanSortKey]
    /// Plan parts added after this view was written, or not translated (window functions): an
    /// outside engine must refuse the query.
    public let unknownParts: [PlanRefusal]
}

public struct PlanQuery: Sendable {
    /// One part, or the parts of a set operation.
    public let parts: [PlanSelect]
    /// The set operation before part i + 1 ("UNION ALL", "UNION", "EXCEPT [ALL]", "INTERSECT
    /// [ALL]"); INTERSECT binds tighter, the others apply left to right.
    public let operators: [String]
    public let order: [PlanSortKey]
    public let limit: Int?
    public let offset: Int
    /// Per result column, the fewest places a quotient prints with (nil: its type's places):
    /// the embedded engine's rule, so both engines print `10 / 4` as 2.5.
    public let displayPlaces: [Int?]
    public let unknownParts: [PlanRefusal]
}

/// What one statement is, bound.
public enum PlanStatement: Sendable {
    case query(PlanQuery)
    case explain(PlanQuery)
    case describe(String)
}

extension Engine {
    /// Parses and binds `source` against the catalog (errors as in `execute`), without running it.
    public func bindStatements(_ source: String, parameters: [String: Value] = [:]) throws(Diagnostic) -> [PlanStatement] {
        var result: [PlanStatement] = []
        for statement in try Parser.parse(source) {
            let binder = Binder(catalog: catalog, parameters: parameters)
            switch statement {
            case .query(let q): result.append(.query(PlanQuery(try binder.bind(q))))
            case .explain(let q): result.append(.explain(PlanQuery(try binder.bind(q))))
            case .describe(let name, _):
                _ = try run(statement, parameters: parameters, cancellation: nil)  // an unknown table is an error here
                result.append(.describe(name))
            case .create(_, _, _, _, let span), .drop(_, _, _, let span), .copy(_, _, let span):
                // Session tables and files belong to the embedded engine: say so, run nothing.
                throw Diagnostic(kind: .execution, message: "no Spark translation for CREATE, DROP or COPY (session tables and files are the embedded engine's)",
                                 span: span, hints: ["run it on the embedded engine (leave out --engine spark)"])
            }
        }
        return result
    }
}

/// Fields of a plan struct this view knows; another field appearing means the language grew.
private func unknownFields(of value: Any, known: Set<String>) -> [PlanRefusal] {
    Mirror(reflecting: value).children.compactMap(\.label).filter { !known.contains($0) }
        .map { PlanRefusal(what: "the plan part \"\($0)\"", span: nil) }
}

extension PlanQuery {
    init(_ plan: QueryPlan) {
        parts = plan.parts.map(PlanSelect.init)
        operators = (1..<max(plan.parts.count, 1)).map { plan.operatorBefore($0).rawValue }
        order = plan.order.map(PlanSortKey.init)
        limit = plan.limit
        offset = plan.offset
        displayPlaces = Executor.quotientPlaces(plan, width: plan.parts.first?.visibleCount ?? 0)
        unknownParts = unknownFields(of: plan, known: ["parts", "order", "limit", "offset", "operators"])
    }
}

extension PlanQuery {
    /// A quotient as the embedded engine prints it: without trailing zeros beyond `minimum`
    /// places (its `displayPlaces`).
    public static func displayed(_ d: ExactDecimal, minimum: Int) -> ExactDecimal { Executor.trimmed(d, minimum: minimum) }
}

extension PlanSortKey {
    init(_ k: SortKey) { self.init(column: k.column, descending: k.descending, nullsFirst: k.nullsFirst) }
}

extension PlanSelect {
    init(_ s: SelectPlan) {
        source = PlanSource(s.source)
        filter = s.filter.map(PlanExpression.init)
        grouped = s.aggregate != nil
        groupKeys = s.aggregate?.keys.map(PlanExpression.init) ?? []
        groupingSets = s.aggregate?.groupingSets
        aggregates = s.aggregate?.aggregates.map { a in
            PlanAggregate(function: a.kind.rawValue, argument: a.argument.map(PlanExpression.init), distinct: a.distinct,
                          filter: a.filter.map(PlanExpression.init), type: PlanType(a.type), groupingKeys: a.groupingKeys, span: a.span)
        } ?? []
        having = s.having.map(PlanExpression.init)
        outputs = s.outputs.map(PlanExpression.init)
        names = s.names
        visibleCount = s.visibleCount
        distinct = s.distinct
        pivot = s.pivot.map {
            PlanPivot(pivotColumn: $0.pivotColumn, rowColumns: $0.rowColumns, valueColumns: $0.valueColumns, zeroWhenMissing: $0.zeroWhenMissing,
                      orderNames: $0.orderNames.mapValues { ($0.name, $0.span) })
        }
        order = s.order.map(PlanSortKey.init)
        // Window functions have no translation yet: the first one is refused where it is written.
        unknownParts = s.windows.prefix(1).map { PlanRefusal(what: "window functions (\($0.text))", span: $0.span) }
            + unknownFields(of: s, known: ["source", "filter", "aggregate", "having", "outputs", "names",
                                           "visibleCount", "distinct", "pivot", "order", "windows"])
            + (s.aggregate.map { unknownFields(of: $0, known: ["keys", "aggregates", "groupingSets"]) } ?? [])
    }
}

extension PlanSource {
    init(_ s: SourcePlan) {
        switch s {
        case .scan(let t, _): self = .table(name: t.name, columns: t.columns.map(\.name))
        case .singleRow: self = .singleRow
        case .derived(let q, _, let w): self = .subquery(PlanQuery(q), width: w)
        case .join(let kind, let l, let r, let lk, let rk, let residual):
            self = .join(kind: kind.rawValue, PlanSource(l), PlanSource(r), leftKeys: lk.map(PlanExpression.init),
                         rightKeys: rk.map(PlanExpression.init), residual: residual.map(PlanExpression.init))
        }
    }
}

extension PlanExpression {
    init(_ e: BoundExpression) {
        switch e {
        case .column(let i, let t, let n): self = .column(i, PlanType(t), name: n)
        case .constant(let v, let t): self = .constant(v.value, PlanType(t))
        case .negate(let x, let t, _): self = .negate(PlanExpression(x), PlanType(t))
        case .arithmetic(let op, let l, let r, let t, _): self = .arithmetic(op.rawValue, PlanExpression(l), PlanExpression(r), PlanType(t))
        case .concat(let l, let r): self = .concat(PlanExpression(l), PlanExpression(r))
        case .compare(let op, let l, let r): self = .compare(op.rawValue, PlanExpression(l), PlanExpression(r))
        case .and(let l, let r): self = .and(PlanExpression(l), PlanExpression(r))
        case .or(let l, let r): self = .or(PlanExpression(l), PlanExpression(r))
        case .not(let x): self = .not(PlanExpression(x))
        case .isNull(let x, let n): self = .isNull(PlanExpression(x), negated: n)
        case .inList(let x, let list, let n): self = .inList(PlanExpression(x), list.map(PlanExpression.init), negated: n)
        // Spark takes the escape rewritten into a constant pattern only (SparkTranslator.sparkPattern).
        case .like(_, let p, _, _, _?, let span) where !{ if case .constant = p { return true } else { return false } }():
            self = .untranslatable("LIKE … ESCAPE with a pattern that is not a constant", span)
        case .like(let x, let p, let ci, let n, let c, _):
            self = .like(PlanExpression(x), pattern: PlanExpression(p), caseInsensitive: ci, negated: n, escape: c)
        case .caseWhen(let branches, let otherwise, let t):
            self = .caseWhen(branches.map { (PlanExpression($0.condition), PlanExpression($0.result)) },
                             otherwise: otherwise.map(PlanExpression.init), PlanType(t))
        case .function(let f, let args, let t, let span): self = .function(f.rawValue, args.map(PlanExpression.init), PlanType(t), span)
        case .cast(let x, let t, _): self = .cast(PlanExpression(x), PlanType(t))
        case .share(let x): self = .share(PlanExpression(x))
        // A correlated subquery reads the row around it (`outerColumn`), which a translation
        // would have to name across nested SELECTs: refused by the translator, by its text.
        case .scalarSubquery(let q, let t) where !q.isCorrelated: self = .scalarSubquery(PlanQuery(q.plan), PlanType(t))
        case .inSubquery(let x, let q, let n) where !q.isCorrelated: self = .inSubquery(PlanExpression(x), PlanQuery(q.plan), negated: n)
        case .exists(let q) where !q.isCorrelated: self = .exists(PlanQuery(q.plan))
        case .scalarSubquery(let q, _), .inSubquery(_, let q, _), .exists(let q):
            self = .untranslatable("a correlated subquery (one that reads the row around it)", q.span)
        default:
            // The executor's own rewrites (dictionaryLookup) and any node added later.
            self = .untranslatable(e.description, nil)
        }
    }
}
