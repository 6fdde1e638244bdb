import Query
import Store

/// What a bound BudgetQL query becomes on Spark: one Spark SQL statement, or, for PIVOT BY, a
/// statement that finds the pivot values and a second one built from them (Spark's own PIVOT
/// needs the values written out, and BudgetQL's come from the data).
public enum SparkStatement: Sendable {
    case select(sql: String, columns: [String], types: [PlanType])
    case pivot(SparkPivot)
}

/// A PIVOT BY query in two steps; `final(values)` is the second statement for the pivot values
/// the first one found.
public struct SparkPivot: Sendable {
    /// The grouped rows (before spreading), one output per column: `o0, o1, ...`.
    let grouped: String
    let pivotColumn: Int
    let pivotType: PlanType
    let rowColumns: [Int]
    let valueColumns: [Int]
    let names: [String]
    let types: [PlanType]
    let order: [PlanSortKey]
    /// ORDER BY keys that name a pivoted column, found once the pivot values are known.
    let orderNames: [Int: (name: String, span: SourceSpan)]
    /// Value columns (counts) that are 0, not NULL, where a pivot value has no rows.
    let zeroWhenMissing: Set<Int>
    let limit: Int?
    let offset: Int
    let distinct: Bool

    /// `SELECT DISTINCT` of the pivot value.
    public var valuesSQL: String { "SELECT DISTINCT o\(pivotColumn) AS v FROM (\(grouped)) g" }

    /// The final statement, its column names and types, for the pivot values in BudgetQL's order.
    public func final(values: [Value]) throws(Diagnostic) -> (sql: String, columns: [String], types: [PlanType]) {
        var items: [String] = rowColumns.map { "o\($0)" }
        var columns = rowColumns.map { names[$0] }
        var types = rowColumns.map { self.types[$0] }
        for v in values {
            let label = v.isNull ? "NULL" : v.description
            let matches = v.isNull ? "o\(pivotColumn) IS NULL" : "o\(pivotColumn) <=> \(SparkTranslator.literal(v, pivotType))"
            for c in valueColumns {
                let cell = "max(CASE WHEN \(matches) THEN o\(c) END)"
                items.append(zeroWhenMissing.contains(c) ? "coalesce(\(cell), 0)" : cell)
                columns.append(valueColumns.count == 1 ? label : "\(label)_\(names[c])")
                types.append(self.types[c])
            }
        }
        var keys = order.isEmpty ? rowColumns.indices.map { PlanSortKey(column: $0, descending: false, nullsFirst: false) } : order
        // ORDER BY "2024": the pivoted column of that name, as the embedded engine finds it.
        for (k, wanted) in orderNames.sorted(by: { $0.key < $1.key }) where k < keys.count {
            guard let c = columns.firstIndex(where: { $0.lowercased() == wanted.name.lowercased() }) else {
                var message = "ORDER BY \(wanted.name): the pivot made no such column"
                if let s = Suggestions.closest(to: wanted.name, among: columns) { message += "; did you mean \"\(s)\"?" }
                throw Diagnostic(kind: .name, message: message, span: wanted.span, hints: ["its columns: " + columns.joined(separator: ", ")])
            }
            keys[k] = PlanSortKey(column: c, descending: keys[k].descending, nullsFirst: keys[k].nullsFirst)
        }
        if let bad = keys.first(where: { $0.column >= columns.count }) {
            throw Diagnostic(kind: .name, message: "ORDER BY position \(bad.column + 1) is not in the result (it has \(columns.count) columns)", span: nil)
        }
        let aliased = items.enumerated().map { "\($1) AS p\($0)" }
        var sql = "SELECT \(distinct ? "DISTINCT " : "")" + aliased.joined(separator: ", ") + " FROM (\(grouped)) g"
        if !rowColumns.isEmpty { sql += " GROUP BY " + rowColumns.map { "o\($0)" }.joined(separator: ", ") }
        sql = "SELECT * FROM (\(sql)) p" + SparkTranslator.orderClause(keys, prefix: "p")
            + SparkTranslator.limitClause(limit, offset)
        return (sql, columns, types)
    }
}

/// Translates bound queries (Query's `PlanQuery`) to Spark SQL with the embedded engine's
/// semantics: exact decimals stay DECIMAL and are cast to the scale BudgetQL's type says, `/`
/// rounds half away from zero and gives NULL on zero, NULLs sort last unless NULLS FIRST, share()
/// is a window over the result. Relations are nested SELECTs with positional column names
/// (`c0` source, `g0` grouped, `o0` outputs), because bound expressions refer to positions.
///
/// A construct it has no translation for is an error saying so, never a different query.
public struct SparkTranslator: Sendable {
    public init() {}

    /// The session variable (spark/warehouse.py) holding code -> name for class_name().
    static let classNamesVariable = "budgetql_class_names"

    public func translate(_ query: PlanQuery) throws(Diagnostic) -> SparkStatement {
        try refuseUnknown(query.unknownParts)
        if query.parts.count == 1, let part = query.parts.first, let pivot = part.pivot {
            try refuseUnknown(part.unknownParts)
            return .pivot(SparkPivot(grouped: try outputs(part), pivotColumn: pivot.pivotColumn, pivotType: part.outputs[pivot.pivotColumn].type,
                                     rowColumns: pivot.rowColumns, valueColumns: pivot.valueColumns, names: part.names,
                                     types: part.outputs.map(\.type), order: query.order.isEmpty ? part.order : query.order,
                                     orderNames: pivot.orderNames, zeroWhenMissing: pivot.zeroWhenMissing,
                                     limit: query.limit, offset: query.offset, distinct: part.distinct))
        }
        let (sql, names, types) = try select(query)
        return .select(sql: sql, columns: names, types: types)
    }

    /// A whole query: its parts (combined by UNION, EXCEPT, INTERSECT), sorted and limited;
    /// outputs `o0, o1, ...`.
    func select(_ query: PlanQuery) throws(Diagnostic) -> (String, [String], [PlanType]) {
        try refuseUnknown(query.unknownParts)
        guard let first = query.parts.first else { throw untranslatable("a query with no SELECT") }
        let width = first.visibleCount
        if query.parts.count == 1 {
            if first.pivot != nil { throw untranslatable("PIVOT BY inside another query") }
            let inner = try outputs(first)
            let visible = (0..<width).map { "o\($0)" }.joined(separator: ", ")
            let sql = "SELECT \(visible) FROM (\(inner)) q" + SparkTranslator.orderClause(query.order, prefix: "q")
                + SparkTranslator.limitClause(query.limit, query.offset)
            return (sql, Array(first.names.prefix(width)), first.outputs.prefix(width).map(\.type))
        }
        var types = first.outputs.prefix(width).map(\.type)
        for part in query.parts.dropFirst() {
            if part.pivot != nil { throw untranslatable("PIVOT BY inside a set operation") }
            for c in 0..<width where c < part.outputs.count { types[c] = SparkTranslator.common(types[c], part.outputs[c].type) }
        }
        var pieces: [String] = []
        for part in query.parts {
            let inner = try outputs(part)
            let cast = (0..<width).map { "CAST(o\($0) AS \(SparkTranslator.outputType(types[$0]))) AS o\($0)" }.joined(separator: ", ")
            pieces.append("SELECT \(cast) FROM (\(inner)) u")
        }
        // The embedded engine's order of operations (INTERSECT binds tighter), written out.
        let all = SetOperations.fold(pieces, query.operators, isIntersect: { $0.hasPrefix("INTERSECT") }) { a, op, b in
            "SELECT * FROM (\(a)) a \(op) SELECT * FROM (\(b)) b"
        }
        let sql = "SELECT * FROM (" + all + ") q"
            + SparkTranslator.orderClause(query.order, prefix: "q") + SparkTranslator.limitClause(query.limit, query.offset)
        return (sql, Array(first.names.prefix(width)), types)
    }

    /// One SELECT's outputs (visible and hidden), as `o0, o1, ...`, each cast to its BudgetQL
    /// type, after WHERE, grouping and HAVING; not yet sorted.
    func outputs(_ part: PlanSelect) throws(Diagnostic) -> String {
        try refuseUnknown(part.unknownParts)
        let source = try relation(part.source)
        let sourceColumn: (Int) -> String = { "s.c\($0)" }
        var from = "(\(source)) s"
        var rowColumn = sourceColumn
        var whereClause = try part.filter.map { (f) throws(Diagnostic) in " WHERE " + (try condition(f, sourceColumn)) } ?? ""
        if part.grouped {
            var items: [String] = []
            for (i, k) in part.groupKeys.enumerated() { items.append("\(try expression(k, sourceColumn)) AS g\(i)") }
            var keys: [String] = []
            for k in part.groupKeys { keys.append(try expression(k, sourceColumn)) }
            for (j, a) in part.aggregates.enumerated() {
                items.append("\(try aggregate(a, sourceColumn, keys: keys)) AS g\(part.groupKeys.count + j)")
            }
            if items.isEmpty { items = ["1 AS g0"] }
            var grouped = "SELECT " + items.joined(separator: ", ") + " FROM " + from + whereClause
            if let sets = part.groupingSets {
                // ROLLUP, CUBE, GROUPING SETS as the list of groupings they stand for.
                var keys: [String] = []
                for k in part.groupKeys { keys.append(try expression(k, sourceColumn)) }
                let written = sets.map { "(" + $0.map { keys[$0] }.joined(separator: ", ") + ")" }
                grouped += " GROUP BY GROUPING SETS (" + written.joined(separator: ", ") + ")"
            } else if !part.groupKeys.isEmpty {
                grouped += " GROUP BY " + (1...part.groupKeys.count).map(String.init).joined(separator: ", ")
            }
            from = "(\(grouped)) g"
            rowColumn = { "g.g\($0)" }
            whereClause = try part.having.map { (h) throws(Diagnostic) in " WHERE " + (try condition(h, rowColumn)) } ?? ""
        }
        var items: [String] = []
        for (i, o) in part.outputs.enumerated() {
            items.append("CAST(\(try expression(o, rowColumn)) AS \(SparkTranslator.outputType(o.type))) AS o\(i)")
        }
        if items.isEmpty { throw untranslatable("a SELECT with no columns") }
        return "SELECT \(part.distinct ? "DISTINCT " : "")" + items.joined(separator: ", ") + " FROM " + from + whereClause
    }

    /// A FROM source as a SELECT whose columns are `c0, c1, ...` in BudgetQL's order.
    func relation(_ source: PlanSource) throws(Diagnostic) -> String {
        switch source {
        case .table(let name, let columns):
            let items = columns.enumerated().map { "\(SparkTranslator.identifier($1)) AS c\($0)" }
            return "SELECT " + (items.isEmpty ? "1 AS c0" : items.joined(separator: ", ")) + " FROM " + SparkTranslator.identifier(name)
        case .singleRow:
            return "SELECT 1 AS c0"
        case .subquery(let q, let width):
            let (inner, _, _) = try select(q)
            return "SELECT " + (0..<width).map { "o\($0) AS c\($0)" }.joined(separator: ", ") + " FROM (\(inner)) d"
        case .join(let kind, let left, let right, let leftKeys, let rightKeys, let residual):
            let lw = left.width, rw = right.width
            let joinWord: String
            switch kind {
            case "JOIN": joinWord = "INNER JOIN"
            case "LEFT JOIN": joinWord = "LEFT OUTER JOIN"
            case "RIGHT JOIN": joinWord = "RIGHT OUTER JOIN"
            case "FULL JOIN": joinWord = "FULL OUTER JOIN"
            case "CROSS JOIN": joinWord = "CROSS JOIN"
            default: throw untranslatable(kind)
            }
            var conditions: [String] = []
            for (l, r) in zip(leftKeys, rightKeys) {
                conditions.append("\(try expression(l, { "l.c\($0)" })) = \(try expression(r, { "r.c\($0)" }))")
            }
            if let residual {
                conditions.append(try expression(residual, { $0 < lw ? "l.c\($0)" : "r.c\($0 - lw)" }))
            }
            let items = (0..<lw).map { "l.c\($0) AS c\($0)" } + (0..<rw).map { "r.c\($0) AS c\(lw + $0)" }
            var sql = "SELECT " + items.joined(separator: ", ") + " FROM (\(try relation(left))) l \(joinWord) (\(try relation(right))) r"
            if kind != "CROSS JOIN" { sql += " ON " + (conditions.isEmpty ? "TRUE" : conditions.joined(separator: " AND ")) }
            return sql
        }
    }

    func aggregate(_ a: PlanAggregate, _ column: (Int) -> String, keys: [String]) throws(Diagnostic) -> String {
        let filter = try a.filter.map { (f) throws(Diagnostic) in " FILTER (WHERE \(try condition(f, column)))" } ?? ""
        if a.function == "grouping" {
            // One bit per argument, the first the highest (Spark's grouping_id takes only all
            // the grouping keys, so the bits are added up from grouping() of each).
            let arguments = a.groupingKeys.compactMap { $0 < keys.count ? keys[$0] : nil }
            let bits = arguments.enumerated().map { i, k in "CAST(grouping(\(k)) AS BIGINT) * \(1 << (arguments.count - 1 - i))" }
            return "(" + (bits.isEmpty ? ["CAST(0 AS BIGINT)"] : bits).joined(separator: " + ") + ")"
        }
        guard let argument = a.argument else {
            guard a.function == "count" else { throw untranslatable("\(a.function)(*)", a.span) }
            return "count(*)" + filter
        }
        var x = try expression(argument, column)
        // Sums run in 38 digits, as the embedded engine's 128-bit ones do (Spark's sum of a
        // BIGINT is a BIGINT and overflows).
        if argument.type == .integer && (a.function == "sum" || a.function == "avg") { x = "CAST(\(x) AS DECIMAL(38,0))" }
        let distinct = a.distinct ? "DISTINCT " : ""
        switch a.function {
        case "count": return "count(\(distinct)\(x))" + filter
        case "sum", "min", "max": return "\(a.function)(\(distinct)\(x))" + filter
        case "avg":
            // sum / count, divided exactly and rounded once to the scale BudgetQL gives avg
            // (Spark's own avg of an integer is a double).
            let sum = "sum(\(distinct)\(x))\(filter)", count = "count(\(distinct)\(x))\(filter)"
            return SparkTranslator.quotient(sum, argument.type.decimalScale, count, 0, scale: a.type.decimalScale)
        default:
            throw untranslatable("the aggregate \(a.function)()", a.span)
        }
    }

    // MARK: expressions

    func expression(_ e: PlanExpression, _ column: (Int) -> String) throws(Diagnostic) -> String {
        func x(_ e: PlanExpression) throws(Diagnostic) -> String { try expression(e, column) }
        switch e {
        case .column(let i, _, _): return column(i)
        case .constant(let v, let t): return SparkTranslator.literal(v, t)
        case .negate(let a, _): return "(- \(try x(a)))"
        case .arithmetic(let op, let l, let r, let t): return try arithmetic(op, try x(l), l.type, try x(r), r.type, t)
        case .concat(let l, let r): return "concat(\(try x(l)), \(try x(r)))"
        case .compare(let op, let l, let r): return "(\(try x(l)) \(op) \(try x(r)))"
        case .and(let l, let r): return "(\(try x(l)) AND \(try x(r)))"
        case .or(let l, let r): return "(\(try x(l)) OR \(try x(r)))"
        case .not(let a): return "(NOT \(try x(a)))"
        case .isNull(let a, let negated): return "(\(try x(a)) IS \(negated ? "NOT " : "")NULL)"
        case .inList(let a, let list, let negated):
            var items: [String] = []
            for item in list { items.append(try x(item)) }
            return "(\(try x(a)) \(negated ? "NOT " : "")IN (\(items.joined(separator: ", "))))"
        case .like(_, .constant(.null, _), _, _, _?):
            return "CAST(NULL AS BOOLEAN)"
        case .like(let a, let pattern, let ci, let negated, let escape?):
            // The pattern is rewritten with Spark's own escape (backslash): Spark refuses an
            // escape before anything but %, _ and itself, and ILIKE lowercases the pattern, so
            // a letter as the escape ('A') would stop being one.
            // PlanView refuses a pattern that is not a constant, with its caret.
            guard case .constant(.text(let s), _) = pattern else { throw untranslatable("LIKE … ESCAPE with a pattern that is not a constant") }
            return "(\(negated ? "NOT " : "")(\(try x(a)) \(ci ? "ILIKE" : "LIKE") \(SparkTranslator.literal(.text(SparkTranslator.sparkPattern(s, escape: escape)), .text))))"
        case .like(let a, let pattern, let ci, let negated, nil):
            // Without ESCAPE, BudgetQL's LIKE has no escape character; Spark's is backslash, so double it.
            let p: String
            if case .constant(.text(let s), _) = pattern {
                p = SparkTranslator.literal(.text(s.replacingOccurrences(of: "\\", with: "\\\\")), .text)
            } else {
                p = "replace(\(try x(pattern)), '\\\\', '\\\\\\\\')"
            }
            return "(\(negated ? "NOT " : "")(\(try x(a)) \(ci ? "ILIKE" : "LIKE") \(p)))"
        case .caseWhen(let branches, let otherwise, _):
            var s = "CASE"
            for b in branches { s += " WHEN \(try condition(b.condition, column)) THEN \(try x(b.result))" }
            if let otherwise { s += " ELSE \(try x(otherwise))" }
            return s + " END"
        case .function(let name, let args, let t, let span): return try function(name, args, t, span, column)
        case .cast(let a, let t): return try cast(try x(a), from: a.type, to: t)
        case .share(let a):
            // 100 · x / (total of x over the result), rounded half away from zero to 2 places;
            // NULL when the total is 0. Operands at 18 digits, as the embedded engine holds them.
            let scale = a.type.decimalScale
            let value = "CAST(\(try x(a)) AS DECIMAL(18,\(scale)))"
            return "round(CAST(\(value) * 100 AS DECIMAL(18,\(scale))) / nullif(CAST(sum(\(value)) OVER () AS DECIMAL(18,\(scale))), 0), 2)"
        case .scalarSubquery(let q, let t):
            // More than one row is an error on both engines; none is NULL.
            let (inner, _, _) = try select(q)
            return "CAST((SELECT o0 FROM (\(inner)) sq) AS \(SparkTranslator.sparkType(t)))"
        case .inSubquery(let a, let q, let negated):
            // SQL's three-valued IN written out over the subquery's rows, each part an
            // uncorrelated scalar subquery (Spark's own IN (SELECT …) in a select list answers
            // false where a NULL makes it unknown): true when a value matches; false when there
            // are no rows; else unknown when the value is NULL or a row is; else false.
            let (inner, _, _) = try select(q)
            let value = try x(a)
            let rows = "(SELECT count(*) FROM (\(inner)) sq)", nulls = "(SELECT count(*) - count(o0) FROM (\(inner)) sq)"
            let values = "(SELECT collect_set(o0) FROM (\(inner)) sq)"
            let test = "CASE WHEN \(rows) = 0 THEN FALSE WHEN \(value) IS NULL THEN CAST(NULL AS BOOLEAN) WHEN array_contains(\(values), \(value)) THEN TRUE "
                + "WHEN \(nulls) > 0 THEN CAST(NULL AS BOOLEAN) ELSE FALSE END"
            return negated ? "(NOT (\(test)))" : "(\(test))"
        case .exists(let q):
            let (inner, _, _) = try select(q)
            return "EXISTS (SELECT 1 FROM (\(inner)) sq)"
        case .untranslatable(let text, let span):
            throw untranslatable(text, span)
        }
    }

    /// A condition: a bare NULL (type NULL in BudgetQL, VOID in Spark) becomes a NULL boolean,
    /// which Spark accepts where it wants a condition.
    func condition(_ e: PlanExpression, _ column: (Int) -> String) throws(Diagnostic) -> String {
        // Translated first, so a node with no translation (typed NULL here) is still refused.
        let sql = try expression(e, column)
        return e.type == .null ? "CAST(NULL AS BOOLEAN)" : sql
    }

    func arithmetic(_ op: String, _ l: String, _ lt: PlanType, _ r: String, _ rt: PlanType, _ t: PlanType) throws(Diagnostic) -> String {
        if t == .null { return "NULL" }
        // Operands and results in 38 digits, as the embedded engine widens to 128-bit units
        // (about 38 digits), integers too; with spark.sql.decimalOperations.allowPrecisionLoss
        // off (spark/warehouse.py) Spark keeps every decimal place, and a result that does not
        // fit is an error (ANSI), as it is embedded, never a rounding.
        func operand(_ s: String, _ type: PlanType) -> String {
            switch type {
            case .decimal(let scale): return "CAST(\(s) AS DECIMAL(38,\(scale)))"
            case .integer: return "CAST(\(s) AS DECIMAL(38,0))"
            default: return s
            }
        }
        let a = operand(l, lt), b = operand(r, rt)
        let result: String
        switch op {
        case "+", "-", "*": result = "(\(a) \(op) \(b))"
        case "/": return SparkTranslator.quotient(l, lt.decimalScale, r, rt.decimalScale, scale: t.decimalScale)
        case "%": result = "(\(a) % nullif(\(b), 0))"
        default: throw untranslatable("the operator \(op)")
        }
        switch t {
        case .decimal(let scale): return "CAST(\(result) AS DECIMAL(38,\(scale)))"
        case .integer: return "CAST(\(result) AS DECIMAL(38,0))"
        default: return result
        }
    }

    /// `a / b` at `scale` places, rounded half away from zero, NULL when b is 0: the embedded
    /// engine's quotient. Both operands at one scale s as DECIMAL(38,s) make Spark's quotient
    /// type DECIMAL(38,18) (allowPrecisionLoss off), which Spark rounds HALF_UP (away from
    /// zero) from its quotient at 38 places; rounding twice can only differ from once when the
    /// divisor's units (at scale s) exceed 10^20, so it is exact for every divisor whose units
    /// fit in 64 bits. Another scale k (avg's, max(6, s)) rounds the 18-place value once more:
    /// exact while count · 10^s stays at most 10^(18 - k) (10^10 rows of a 2-place column).
    static func quotient(_ a: String, _ sa: Int, _ b: String, _ sb: Int, scale: Int) -> String {
        let s = max(sa, sb)
        let q = "(CAST(\(a) AS DECIMAL(38,\(s))) / nullif(CAST(\(b) AS DECIMAL(38,\(s))), 0))"
        return scale == 18 ? "CAST(\(q) AS DECIMAL(38,18))" : "CAST(round(\(q), \(scale)) AS DECIMAL(38,\(scale)))"
    }

    func function(_ name: String, _ args: [PlanExpression], _ t: PlanType, _ span: SourceSpan?, _ column: (Int) -> String) throws(Diagnostic) -> String {
        var a: [String] = []
        for arg in args { a.append(try expression(arg, column)) }
        func arg(_ i: Int) throws(Diagnostic) -> String {
            guard i < a.count else { throw untranslatable("\(name)() with \(a.count) arguments", span) }
            return a[i]
        }
        if args.contains(where: { $0.type == .null }) && name != "coalesce" && name != "nullif" { return "CAST(NULL AS \(SparkTranslator.sparkType(t)))" }
        // Positions and lengths as Spark's INT (an integer expression here may be DECIMAL(38,0)).
        func int(_ i: Int) throws(Diagnostic) -> String { "CAST(\(try arg(i)) AS INT)" }
        switch name {
        case "round":
            // round(x, -n): to a multiple of 10^n, half away from zero, in one rounding from x's
            // own places (1249.99 is 1200), as Spark's round of a decimal does.
            if args.count == 2, case .constant(.integer(let n), _) = args[1], n < 0 {
                let x = "CAST(\(try arg(0)) AS DECIMAL(38,\(args[0].type.decimalScale)))"
                return "CAST(round(\(x), \(n)) AS \(SparkTranslator.outputType(t)))"
            }
            guard args.first?.type != .integer else { return try arg(0) }
            return "round(\(try arg(0)), \(t.decimalScale))"
        case "abs", "coalesce", "nullif", "lower", "upper", "replace":
            return "\(name)(\(a.joined(separator: ", ")))"
        case "length": return "char_length(\(try arg(0)))"
        case "starts_with": return "startswith(\(try arg(0)), \(try arg(1)))"
        case "substr":
            // SQLite's rule: a start before 1 eats into the length (Spark would count from the end);
            // a negative length is an error, as embedded.
            let s = try arg(0), start = try int(1)
            if a.count > 2 {
                let length = try int(2)
                return "CASE WHEN \(length) < 0 THEN raise_error('substr() length is negative') WHEN \(start) < 1 THEN substr(\(s), 1, greatest(\(length) + \(start) - 1, 0)) ELSE substr(\(s), \(start), \(length)) END"
            }
            return "CASE WHEN \(start) < 1 THEN \(s) ELSE substr(\(s), \(start)) END"
        case "class_name":
            let key = args.first?.type == .integer ? "CAST(\(try arg(0)) AS STRING)" : "replace(\(try arg(0)), ' ', '')"
            return "try_element_at(\(SparkTranslator.classNamesVariable), \(key))"
        case "parent":
            // 2080101 -> 20801 -> 208 -> NULL.
            if args.first?.type == .integer {
                let code = "CAST(\(try arg(0)) AS BIGINT)"
                return "CASE WHEN char_length(CAST(\(code) AS STRING)) > 3 THEN \(code) div 100 END"
            }
            return "CASE WHEN char_length(\(try arg(0))) > 3 THEN substr(\(try arg(0)), 1, char_length(\(try arg(0))) - 2) END"
        case "trim", "ltrim", "rtrim":
            // One argument: spaces; two: any of the second's characters.
            guard a.count == 2 else { return "\(name)(\(try arg(0)))" }
            let side = ["trim": "BOTH", "ltrim": "LEADING", "rtrim": "TRAILING"][name] ?? "BOTH"
            return "trim(\(side) \(try arg(1)) FROM \(try arg(0)))"
        case "concat":
            // concat skips NULLs (|| does not): Spark's concat_ws does too.
            return "concat_ws(''" + args.indices.map { ", CAST(\(a[$0]) AS STRING)" }.joined() + ")"
        case "split_part": return "split_part(\(try arg(0)), \(try arg(1)), \(try int(2)))"
        case "strpos": return "CAST(instr(\(try arg(0)), \(try arg(1))) AS BIGINT)"
        case "lpad", "rpad": return "\(name)(\(try arg(0)), \(try int(1))\(a.count > 2 ? ", \(try arg(2))" : ""))"
        case "left", "right":
            // A negative count leaves that many characters off the other end (PostgreSQL).
            let s = try arg(0), n = try int(1)
            let rest = name == "left" ? "substr(\(s), 1, greatest(char_length(\(s)) + \(n), 0))"
                : "substr(\(s), least(1 - \(n), char_length(\(s)) + 1))"
            return "CASE WHEN \(n) < 0 THEN \(rest) ELSE \(name)(\(s), \(n)) END"
        case "floor", "ceil", "trunc":
            let x = try arg(0)
            let rounded = name == "trunc" ? "CASE WHEN \(x) < 0 THEN ceil(\(x)) ELSE floor(\(x)) END" : "\(name)(\(x))"
            return "CAST(\(rounded) AS \(SparkTranslator.outputType(t)))"
        case "sign": return "CAST(sign(\(try arg(0))) AS BIGINT)"
        case "greatest", "least":
            // NULLs are skipped, as embedded; every argument at the common type first.
            return "\(name)(" + a.map { "CAST(\($0) AS \(SparkTranslator.outputType(t)))" }.joined(separator: ", ") + ")"
        case "check_precision":
            // CAST(x AS DECIMAL(p, s)): a value with more than p - s digits before the point is
            // an error on both engines.
            guard case .constant(.integer(let p), _)? = args.dropFirst().first, (1...38).contains(p) else { throw untranslatable("CAST to that DECIMAL", span) }
            return "CAST(CAST(\(try arg(0)) AS DECIMAL(\(p),\(t.decimalScale))) AS DECIMAL(38,\(t.decimalScale)))"
        default:
            throw untranslatable("the function \(name)()", span)
        }
    }

    func cast(_ s: String, from: PlanType, to: PlanType) throws(Diagnostic) -> String {
        switch (from, to) {
        case (.decimal, .integer): return "CAST(round(\(s), 0) AS BIGINT)"
        case (.text, .integer): return "CAST(trim(\(s)) AS BIGINT)"
        case (.text, .decimal(let scale)): return "CAST(trim(\(s)) AS DECIMAL(38,\(scale)))"
        case (.integer, .boolean): return "(\(s) <> 0)"
        case (_, .null): return "NULL"
        default: return "CAST(\(s) AS \(SparkTranslator.sparkType(to)))"
        }
    }

    func refuseUnknown(_ parts: [PlanRefusal]) throws(Diagnostic) {
        if let first = parts.first { throw untranslatable(first.what, first.span) }
    }

    /// The one error for a construct with no translation, with a caret where it is written.
    public func untranslatable(_ what: String, _ span: SourceSpan? = nil) -> Diagnostic {
        Diagnostic(kind: .execution, message: SparkTranslator.refusalPrefix + what, span: span,
                   hints: ["run it on the embedded engine (leave out --engine spark)"])
    }

    /// How every refusal's message starts.
    public static let refusalPrefix = "no Spark translation for "


    // MARK: Spark SQL text

    static func orderClause(_ keys: [PlanSortKey], prefix: String) -> String {
        guard !keys.isEmpty else { return "" }
        let column = prefix == "p" ? "p" : "o"
        return " ORDER BY " + keys.map { k in
            "\(prefix).\(column)\(k.column) \(k.descending ? "DESC" : "ASC") NULLS \(k.nullsFirst ? "FIRST" : "LAST")"
        }.joined(separator: ", ")
    }

    static func limitClause(_ limit: Int?, _ offset: Int) -> String {
        var s = ""
        if let limit { s += " LIMIT \(limit)" }
        if offset > 0 { s += " OFFSET \(offset)" }
        return s
    }

    static func identifier(_ name: String) -> String { "`" + name.escaping(["`"]) + "`" }

    /// A Spark SQL literal for a BudgetQL value. Spark reads backslash escapes inside quotes and
    /// joins adjacent literals, so quotes and backslashes are escaped with backslashes.
    /// A LIKE pattern with escape character `c` as Spark reads it: `c` kept only before %, _
    /// and `c` (Spark's rule), dropped before any other character (which it stands for anyway).
    /// A LIKE pattern with escape `c` written with Spark's default escape, backslash: an escaped
    /// % or _ (or backslash) keeps a backslash before it, any other escaped character stands for
    /// itself, a backslash of the text is doubled. (A pattern ending in its escape is refused
    /// when the query is bound.)
    /// Read scalar by scalar, as LikePattern reads it (an escape followed by a combining mark
    /// is still an escape).
    static func sparkPattern(_ pattern: String, escape c: Unicode.Scalar) -> String {
        var out = String.UnicodeScalarView()
        var escaped = false
        for ch in pattern.unicodeScalars {
            if escaped {
                if ch == "%" || ch == "_" || ch == "\\" { out.append("\\") }
                out.append(ch)
                escaped = false
            } else if ch == c {
                escaped = true
            } else {
                if ch == "\\" { out.append("\\") }
                out.append(ch)
            }
        }
        return String(out)
    }

    static func literal(_ v: Value, _ t: PlanType) -> String {
        switch v {
        case .null: return t == .null ? "NULL" : "CAST(NULL AS \(sparkType(t)))"
        case .integer(let i): return "CAST(\(i) AS BIGINT)"
        case .decimal(let d): return "CAST('\(d.description)' AS DECIMAL(38,\(d.scale)))"
        case .boolean(let b): return b ? "TRUE" : "FALSE"
        case .text(let s):
            return "'" + s.escaping(["\\", "'"], with: "\\") + "'"
        }
    }

    /// The type a query's output column is cast to: integers in 38 digits, since the embedded
    /// engine's integer arithmetic widens past 64 bits instead of failing.
    static func outputType(_ t: PlanType) -> String { t == .integer ? "DECIMAL(38,0)" : sparkType(t) }

    static func sparkType(_ t: PlanType) -> String {
        switch t {
        case .integer, .null: return "BIGINT"
        case .decimal(let s): return "DECIMAL(38,\(s))"
        case .text: return "STRING"
        case .boolean: return "BOOLEAN"
        }
    }

    static func common(_ a: PlanType, _ b: PlanType) -> PlanType {
        switch (a, b) {
        case (.null, let x), (let x, .null): return x
        case (.integer, .decimal(let s)), (.decimal(let s), .integer): return .decimal(scale: s)
        case (.decimal(let x), .decimal(let y)): return .decimal(scale: max(x, y))
        default: return a
        }
    }
}

extension PlanType {
    var decimalScale: Int {
        if case .decimal(let s) = self { return s }
        return 0
    }
}
