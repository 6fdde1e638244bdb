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
                items.append("max(CASE WHEN \(matches) THEN o\(c) END)")
                columns.append(valueColumns.count == 1 ? label : "\(label)_\(names[c])")
                types.append(self.types[c])
            }
        }
        let keys = order.isEmpty ? rowColumns.indices.map { PlanSortKey(column: $0, descending: false, nullsFirst: false) } : order
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
            // A pivoted count of no rows is 0 embedded (issue 13) and NULL in this translation;
            // ORDER BY a pivoted column (also issue 13) is not followed by it.
            if part.aggregates.contains(where: { $0.function == "count" }) { throw untranslatable("PIVOT BY with count (a cell with no rows counts 0)") }
            if !query.order.isEmpty || !part.order.isEmpty { throw untranslatable("ORDER BY with PIVOT BY") }
            return .pivot(SparkPivot(grouped: try outputs(part), pivotColumn: pivot.pivotColumn, pivotType: part.outputs[pivot.pivotColumn].type,
                                     rowColumns: pivot.rowColumns, valueColumns: pivot.valueColumns, names: part.names,
                                     types: part.outputs.map(\.type), order: query.order, limit: query.limit, offset: query.offset,
                                     distinct: part.distinct))
        }
        let (sql, names, types) = try select(query)
        return .select(sql: sql, columns: names, types: types)
    }

    /// A whole query: its parts (UNION ALL), sorted and limited; outputs `o0, o1, ...`.
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
            if part.pivot != nil { throw untranslatable("PIVOT BY inside UNION ALL") }
            for c in 0..<width where c < part.outputs.count { types[c] = SparkTranslator.common(types[c], part.outputs[c].type) }
        }
        var pieces: [String] = []
        for part in query.parts {
            let inner = try outputs(part)
            let cast = (0..<width).map { "CAST(o\($0) AS \(SparkTranslator.sparkType(types[$0]))) AS o\($0)" }.joined(separator: ", ")
            pieces.append("SELECT \(cast) FROM (\(inner)) u")
        }
        let sql = "SELECT * FROM (" + pieces.joined(separator: " UNION ALL ") + ") q"
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
            for (j, a) in part.aggregates.enumerated() {
                items.append("\(try aggregate(a, sourceColumn)) AS g\(part.groupKeys.count + j)")
            }
            if items.isEmpty { items = ["1 AS g0"] }
            var grouped = "SELECT " + items.joined(separator: ", ") + " FROM " + from + whereClause
            if !part.groupKeys.isEmpty { grouped += " GROUP BY " + (1...part.groupKeys.count).map(String.init).joined(separator: ", ") }
            from = "(\(grouped)) g"
            rowColumn = { "g.g\($0)" }
            whereClause = try part.having.map { (h) throws(Diagnostic) in " WHERE " + (try condition(h, rowColumn)) } ?? ""
        }
        var items: [String] = []
        for (i, o) in part.outputs.enumerated() {
            items.append("CAST(\(try expression(o, rowColumn)) AS \(SparkTranslator.sparkType(o.type))) AS o\(i)")
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

    func aggregate(_ a: PlanAggregate, _ column: (Int) -> String) throws(Diagnostic) -> String {
        let filter = try a.filter.map { (f) throws(Diagnostic) in " FILTER (WHERE \(try condition(f, column)))" } ?? ""
        guard let argument = a.argument else {
            guard a.function == "count" else { throw untranslatable("\(a.function)(*)") }
            return "count(*)" + filter
        }
        let x = try expression(argument, column)
        // sum/avg/min/max(DISTINCT) came with the language issue after this translation: refused
        // until translated, never answered without their DISTINCT.
        if a.distinct && a.function != "count" { throw untranslatable("\(a.function)(DISTINCT …)") }
        switch a.function {
        case "count": return "count(\(a.distinct ? "DISTINCT " : "")\(x))" + filter
        case "sum", "min", "max": return "\(a.function)(\(x))" + filter
        case "avg":
            // sum / count, divided exactly and rounded once to the scale BudgetQL gives avg
            // (Spark's own avg of an integer is a double).
            let scale = a.type.decimalScale
            let sum = "CAST(sum(\(x))\(filter) AS DECIMAL(38,\(argument.type.decimalScale)))"
            return "round(\(sum) / CAST(count(\(x))\(filter) AS DECIMAL(20,0)), \(scale))"
        default:
            throw untranslatable("the aggregate \(a.function)()")
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
        case .like(let a, let pattern, let ci, let negated, let escape?):
            // Spark refuses an escape character before anything but %, _ and itself, where
            // BudgetQL (like PostgreSQL) reads it as that character: drop those escapes.
            guard case .constant(.text(let s), _) = pattern else { throw untranslatable("LIKE … ESCAPE with a pattern that is not a constant") }
            return "(\(negated ? "NOT " : "")(\(try x(a)) \(ci ? "ILIKE" : "LIKE") \(SparkTranslator.literal(.text(SparkTranslator.sparkEscapes(s, escape)), .text)) ESCAPE \(SparkTranslator.literal(.text(String(escape)), .text))))"
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
        case .function(let name, let args, let t): return try function(name, args, t, column)
        case .cast(let a, let t): return try cast(try x(a), from: a.type, to: t)
        case .share(let a):
            // 100 · x / (total of x over the result), rounded half away from zero to 2 places;
            // NULL when the total is 0. Operands at 18 digits, as the embedded engine holds them.
            let scale = a.type.decimalScale
            let value = "CAST(\(try x(a)) AS DECIMAL(18,\(scale)))"
            return "round(CAST(\(value) * 100 AS DECIMAL(18,\(scale))) / nullif(CAST(sum(\(value)) OVER () AS DECIMAL(18,\(scale))), 0), 2)"
        case .untranslatable(let text):
            throw untranslatable(text)
        }
    }

    /// A condition: a bare NULL (type NULL in BudgetQL, VOID in Spark) becomes a NULL boolean,
    /// which Spark accepts where it wants a condition.
    func condition(_ e: PlanExpression, _ column: (Int) -> String) throws(Diagnostic) -> String {
        e.type == .null ? "CAST(NULL AS BOOLEAN)" : try expression(e, column)
    }

    func arithmetic(_ op: String, _ l: String, _ lt: PlanType, _ r: String, _ rt: PlanType, _ t: PlanType) throws(Diagnostic) -> String {
        if t == .null { return "NULL" }
        // Operands and results as the embedded engine holds single values (64-bit units, about
        // 19 digits at their scale), so Spark keeps every decimal place and a result that does
        // not fit is an error (ANSI), as it is embedded, never a rounding.
        func operand(_ s: String, _ type: PlanType) -> String {
            switch type {
            case .decimal(let scale): return "CAST(\(s) AS DECIMAL(19,\(scale)))"
            case .integer where t != .integer: return "CAST(\(s) AS DECIMAL(19,0))"
            default: return s
            }
        }
        let a = operand(l, lt), b = operand(r, rt)
        let result: String
        switch op {
        case "+", "-", "*": result = "(\(a) \(op) \(b))"
        case "/":
            // The embedded engine divides exactly to 18 places without trailing zeros (issue 13);
            // Spark's DECIMAL(19,s) neither holds nor prints that: refused until translated.
            throw untranslatable("division (the embedded engine's exact division)")
        case "%": result = "(\(a) % nullif(\(b), 0))"
        default: throw untranslatable("the operator \(op)")
        }
        if case .decimal(let scale) = t { return "CAST(\(result) AS DECIMAL(19,\(scale)))" }
        return result
    }

    func function(_ name: String, _ args: [PlanExpression], _ t: PlanType, _ column: (Int) -> String) throws(Diagnostic) -> String {
        var a: [String] = []
        for arg in args { a.append(try expression(arg, column)) }
        func arg(_ i: Int) throws(Diagnostic) -> String {
            guard i < a.count else { throw untranslatable("\(name)() with \(a.count) arguments") }
            return a[i]
        }
        if args.contains(where: { $0.type == .null }) && name != "coalesce" && name != "nullif" { return "CAST(NULL AS \(SparkTranslator.sparkType(t)))" }
        switch name {
        case "round":
            guard args.first?.type != .integer else { return try arg(0) }
            return "round(\(try arg(0)), \(t.decimalScale))"
        case "abs", "coalesce", "nullif", "lower", "upper", "replace":
            return "\(name)(\(a.joined(separator: ", ")))"
        case "length": return "char_length(\(try arg(0)))"
        case "starts_with": return "startswith(\(try arg(0)), \(try arg(1)))"
        case "substr":
            // SQLite's rule: a start before 1 eats into the length (Spark would count from the end).
            let s = try arg(0), start = try arg(1)
            if a.count > 2 {
                let length = try arg(2)
                return "CASE WHEN \(start) < 1 THEN substr(\(s), 1, greatest(\(length) + \(start) - 1, 0)) ELSE substr(\(s), \(start), greatest(\(length), 0)) END"
            }
            return "CASE WHEN \(start) < 1 THEN \(s) ELSE substr(\(s), \(start)) END"
        case "class_name":
            let key = args.first?.type == .integer ? "CAST(\(try arg(0)) AS STRING)" : "replace(\(try arg(0)), ' ', '')"
            return "try_element_at(\(SparkTranslator.classNamesVariable), \(key))"
        case "parent":
            // 2080101 -> 20801 -> 208 -> NULL.
            if args.first?.type == .integer {
                return "CASE WHEN char_length(CAST(\(try arg(0)) AS STRING)) > 3 THEN \(try arg(0)) div 100 END"
            }
            return "CASE WHEN char_length(\(try arg(0))) > 3 THEN substr(\(try arg(0)), 1, char_length(\(try arg(0))) - 2) END"
        default:
            throw untranslatable("the function \(name)()")
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

    func refuseUnknown(_ parts: [String]) throws(Diagnostic) {
        if let first = parts.first { throw untranslatable("the plan part \"\(first)\"") }
    }

    func untranslatable(_ what: String) -> Diagnostic {
        Diagnostic(kind: .execution, message: "no Spark translation for \(what)", span: nil,
                   hints: ["run it on the embedded engine (leave out --engine spark)"])
    }

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

    static func identifier(_ name: String) -> String { "`" + name.replacingOccurrences(of: "`", with: "``") + "`" }

    /// A Spark SQL literal for a BudgetQL value. Spark reads backslash escapes inside quotes and
    /// joins adjacent literals, so quotes and backslashes are escaped with backslashes.
    /// A LIKE pattern with escape character `c` as Spark reads it: `c` kept only before %, _
    /// and `c` (Spark's rule), dropped before any other character (which it stands for anyway).
    static func sparkEscapes(_ pattern: String, _ c: Character) -> String {
        var out = ""
        var escaped = false
        for ch in pattern {
            if escaped {
                if ch == "%" || ch == "_" || ch == c { out.append(c) }
                out.append(ch)
                escaped = false
            } else if ch == c {
                escaped = true
            } else {
                out.append(ch)
            }
        }
        return out
    }

    static func literal(_ v: Value, _ t: PlanType) -> String {
        switch v {
        case .null: return t == .null ? "NULL" : "CAST(NULL AS \(sparkType(t)))"
        case .integer(let i): return "CAST(\(i) AS BIGINT)"
        case .decimal(let d): return "CAST('\(d.description)' AS DECIMAL(38,\(d.scale)))"
        case .boolean(let b): return b ? "TRUE" : "FALSE"
        case .text(let s):
            return "'" + s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "'", with: "\\'") + "'"
        }
    }

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
