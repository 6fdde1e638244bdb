import Store

/// Expressions in any clause: names resolved through the clause's scope, types checked and
/// operands widened to a common type.
extension Binder {
    func bindExpression(_ e: Expression, _ ctx: Context) throws(Diagnostic) -> BoundExpression {
        if let state = ctx.aggregation {
            if case .call(let c) = e, c.over == nil, FunctionCatalog.aggregateNames.contains(c.name.lowercased()) {
                return try bindAggregate(c, ctx, state)
            }
            if !containsAggregate(e), !isShareCall(e), !containsWindow(e) {
                var input = ctx
                input.aggregation = nil
                if let bound = try? bindExpression(e, input) {
                    if let k = state.keys.firstIndex(of: bound) {
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
            // A name this query does not know may be a column of the query around a subquery.
            func outerColumn() -> BoundExpression? {
                guard let outer, case .column(let i, let t, let n)? = try? outer.scope.resolve(table: table, name: name, span: span) else { return nil }
                outer.used.insert(i)
                return .outerColumn(i, t, name: n)
            }
            var resolved: BoundExpression?
            do throws(Diagnostic) {
                resolved = try ctx.scope.resolve(table: table, name: name, span: span)
            } catch {
                if let o = outerColumn() { return o }
                throw error
            }
            if resolved == nil, table == nil, let aliased = ctx.aliases[name.lowercased()] {
                var inner = ctx
                inner.aliases[name.lowercased()] = nil
                return try bindExpression(aliased, inner)
            }
            if resolved == nil, let o = outerColumn() { return o }
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
        case .isDistinct(let l, let r, let negated, _):
            // Written out with the existing nodes: both NULL are equal, one NULL differs,
            // otherwise compare (the result is never NULL).
            let (a, b) = try coerceComparison(try bindExpression(l, ctx), try bindExpression(r, ctx), l, r, "IS DISTINCT FROM")
            let bothNull: BoundExpression = .and(.isNull(a, negated: false), .isNull(b, negated: false))
            let oneNull: BoundExpression = .or(.isNull(a, negated: false), .isNull(b, negated: false))
            return .caseWhen([CaseBranch(condition: bothNull, result: .constant(.boolean(negated), .boolean)),
                              CaseBranch(condition: oneNull, result: .constant(.boolean(!negated), .boolean))],
                             otherwise: .compare(negated ? .equal : .notEqual, a, b), .boolean)
        case .isTruth(let x, let value, let negated, _):
            let b = try bindExpression(x, ctx)
            try requireBoolean(b, x, "IS \(value ? "TRUE" : "FALSE")")
            // NOT NULL AND x (or NOT x): false, not NULL, for a NULL x.
            let truth: BoundExpression = .and(.isNull(b, negated: true), value ? b : .not(b))
            return negated ? .not(truth) : truth
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
        case .like(let x, let pattern, let ci, let negated, let escapeExpression, _):
            let b = try bindExpression(x, ctx)
            let p = try bindExpression(pattern, ctx)
            for (bound, source) in [(b, x), (p, pattern)] where bound.type != .text && bound.type != .null {
                throw Diagnostic(kind: .type, message: "LIKE works on text, but \(source.displayName) is \(bound.type)", span: source.span,
                                 hints: bound.type == .integer ? ["for a code prefix use a text code column, e.g. code LIKE '208%', or compare numbers: class = 208"] : [])
            }
            let escape = try escapeExpression.flatMap { (e) throws(Diagnostic) in try likeEscape(e, ctx) }
            // A constant pattern is read now, so one that ends with its escape character is
            // pointed at before any row is read.
            if case .constant(.text(let s), _) = p {
                do { _ = try LikePattern(s, caseInsensitive: ci, escape: escape) } catch {
                    throw Diagnostic(kind: .type, message: error.message, span: pattern.span)
                }
            }
            return .like(b, pattern: p, caseInsensitive: ci, negated: negated, escape: escape, pattern.span)
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
        case .subquery(let q, let span):
            let (plan, type, outerColumns) = try bindValueSubquery(q, span, "a subquery used as a value", ctx)
            return .scalarSubquery(SubqueryPlan(plan: plan, span: span, text: q.description, outerColumns: outerColumns), type)
        case .inSubquery(let x, let q, let negated, let span):
            let b = try bindExpression(x, ctx)
            let (plan, type, outerColumns) = try bindValueSubquery(q, span, "IN (SELECT …)", ctx)
            guard let common = SQLType.common(b.type, type) else {
                throw Diagnostic(kind: .type, message: "cannot compare \(b.type) with the subquery's \(type) in \(x.displayName) IN (SELECT …)", span: x.span,
                                 hints: ["convert one side, e.g. CAST(\(x.displayName) AS \(type))"])
            }
            return .inSubquery(Binder.widened(b, to: common, span: x.span),
                               SubqueryPlan(plan: plan, span: span, text: q.description, outerColumns: outerColumns), negated: negated)
        case .exists(let q, let span):
            let (plan, outerColumns) = try bindSubquery(q, ctx)
            return .exists(SubqueryPlan(plan: plan, span: span, text: q.description, outerColumns: outerColumns))
        case .cast(let x, let typeName, let span):
            let b = try bindExpression(x, ctx)
            let target: SQLType
            let upper = typeName.uppercased()
            if (upper.hasPrefix("DECIMAL(") || upper.hasPrefix("NUMERIC(")), upper.hasSuffix(")") {
                // DECIMAL(p, s): s places; p (at most 38) is the digits the value may have.
                let numbers = upper.dropFirst(8).dropLast().split(separator: ",").map { Int($0) }
                guard let p = numbers.first ?? nil, (1...38).contains(p) else {
                    throw Diagnostic(kind: .type, message: "DECIMAL(p, s) takes a precision from 1 to 38", span: span)
                }
                let s = numbers.count > 1 ? numbers[1] : 0
                guard let s, s >= 0, s <= min(p, SQLType.maximumScale), numbers.count <= 2 else {
                    throw Diagnostic(kind: .type, message: "DECIMAL(\(p), s) takes a scale from 0 to \(min(p, SQLType.maximumScale))", span: span)
                }
                guard b.type.isNumeric || b.type == .text || b.type == .null else {
                    throw Diagnostic(kind: .type, message: "cannot convert \(b.type) to DECIMAL(\(p), \(s))", span: span)
                }
                let bound: BoundExpression = b.type == .decimal(scale: s) ? b : .cast(b, .decimal(scale: s), span)
                return .function(.check_precision, [bound, .constant(.integer(Int64(p)), .integer)], .decimal(scale: s), span)
            }
            switch upper {
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

    func bindLiteral(_ l: Literal, _ span: SourceSpan) throws(Diagnostic) -> BoundExpression {
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

    func constant(_ v: Value, _ span: SourceSpan) throws(Diagnostic) -> BoundExpression {
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

    func bindCall(_ call: FunctionCall, _ ctx: Context) throws(Diagnostic) -> BoundExpression {
        let name = call.name.lowercased()
        if call.over != nil { return try bindWindow(call, ctx) }
        if WindowFunctionKind.rankingNames[name] != nil {
            throw Diagnostic(kind: .name, message: "\(name)() is a window function: it needs OVER (...)", span: call.span,
                             hints: ["e.g. \(name)() OVER (PARTITION BY class ORDER BY amount DESC)"])
        }
        if FunctionCatalog.aggregateNames.contains(name) {
            let message = ctx.clause == .aggregateArgument
                ? "aggregates cannot be nested: \(call.description) is inside another aggregate"
                : "aggregate functions are not allowed in \(ctx.clause.rawValue)"
            throw Diagnostic(kind: .name, message: message, span: call.span,
                             hints: ctx.clause == .whereClause ? ["filter groups with HAVING, or one aggregate with FILTER (WHERE ...)"] : [])
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
        if name == "mod" {
            guard call.arguments.count == 2 else {
                throw Diagnostic(kind: .type, message: "mod() takes 2 arguments, got \(call.arguments.count)", span: call.span)
            }
            return try bindBinary(.modulo, call.arguments[0], call.arguments[1], call.span, ctx)
        }
        guard let f = ScalarFunction(rawValue: name), ScalarFunction.callable.contains(f) else {
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
        if f == .coalesce || f == .nullif || f == .greatest || f == .least { args = args.map { Binder.widened($0, to: type, span: call.span) } }
        if f == .concat { args = args.map { $0.type == .text ? $0 : .cast($0, .text, call.span) } }
        return .function(f, args, type, call.span)
    }

    func bindBinary(_ op: BinaryOperator, _ l: Expression, _ r: Expression, _ span: SourceSpan, _ ctx: Context) throws(Diagnostic) -> BoundExpression {
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
                hints += textNoteHints(b, ctx)
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
            // `x = NULL` is never true (NULL is unknown): almost always IS NULL was meant.
            for (side, other) in [(l, r), (r, l)] {
                if case .literal(.null, let span) = side {
                    let test = op == .notEqual ? "IS NOT NULL" : "IS NULL"
                    throw Diagnostic(kind: .type, message: "\(op.rawValue) NULL is never true (NULL is an unknown value)", span: span,
                                     hints: op == .equal || op == .notEqual ? ["write \(other.displayName) \(test)"] : ["compare with IS NULL, or with a value"])
                }
            }
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

extension Binder {
    /// A subquery inside an expression. It sees the WITH queries in scope and the columns of the
    /// query directly around it (a correlated subquery), unless that query is grouped or the
    /// subquery stands in a JOIN's ON; which outer columns it read come back with it.
    func bindSubquery(_ q: Query, _ ctx: Context) throws(Diagnostic) -> (QueryPlan, [Int]) {
        var inner = self
        let mayCorrelate = ctx.aggregation == nil && ctx.clause != .on
        inner.outer = mayCorrelate ? OuterScope(scope: ctx.scope) : nil
        let plan: QueryPlan
        do throws(Diagnostic) {
            plan = try inner.bind(q)
        } catch {
            // Say why an outer column is not seen here, rather than only that it is unknown.
            var probe = self
            probe.outer = OuterScope(scope: ctx.scope)
            if !mayCorrelate, (try? probe.bind(q)) != nil {
                throw Diagnostic(kind: .name, message: "a subquery \(ctx.aggregation != nil ? "in a grouped query" : "in ON") cannot read the outer query's columns",
                                 span: error.span, hints: ["compute the per-row value in a WITH query and JOIN it, or move the subquery to WHERE"])
            }
            throw error
        }
        if let pivot = q.parts.first(where: { $0.pivotBy != nil })?.pivotBy {
            throw Diagnostic(kind: .name, message: "a PIVOT BY query cannot be a subquery (its columns depend on the data)", span: pivot.span)
        }
        return (plan, inner.outer.map { $0.used.sorted() } ?? [])
    }

    /// A subquery that gives values: one column; its type.
    func bindValueSubquery(_ q: Query, _ span: SourceSpan, _ what: String, _ ctx: Context) throws(Diagnostic) -> (QueryPlan, SQLType, [Int]) {
        let (plan, outerColumns) = try bindSubquery(q, ctx)
        guard let first = plan.parts.first, first.visibleCount == 1 else {
            throw Diagnostic(kind: .type, message: "\(what) must select one column, not \(plan.parts.first?.visibleCount ?? 0)", span: span)
        }
        var type = first.outputs[0].type
        for part in plan.parts.dropFirst() { type = SQLType.common(type, part.outputs[0].type) ?? type }
        return (plan, type, outerColumns)
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

extension Binder {
    /// The character of `LIKE … ESCAPE 'c'`: one character in quotes, known when the query is
    /// bound (a per-row escape character would make every row's pattern a different language).
    /// `ESCAPE ''` means no escape character, as in PostgreSQL and DuckDB.
    func likeEscape(_ e: Expression, _ ctx: Context) throws(Diagnostic) -> Unicode.Scalar? {
        let bound = try bindExpression(e, ctx)
        guard case .constant(.text(let s), _) = bound else {
            let what = bound.type == .null ? "not NULL" : "but \(e.displayName) is \(bound.type == .text ? "not a constant" : "\(bound.type)")"
            throw Diagnostic(kind: .type, message: "ESCAPE takes one character in quotes, \(what)",
                             span: e.span, hints: ["write LIKE '100!%' ESCAPE '!' to match a literal %"])
        }
        if s.isEmpty { return nil }
        guard s.unicodeScalars.count == 1, let c = s.unicodeScalars.first else {
            throw Diagnostic(kind: .type, message: "ESCAPE takes one character, but '\(s)' has \(s.count == 1 ? "\(s.unicodeScalars.count) code points" : "\(s.count) characters")",
                             span: e.span, hints: ["write LIKE '100!%' ESCAPE '!' to match a literal %"])
        }
        return c
    }
}

extension Binder {
    /// Where a stored column that its file began as numbers became TEXT (the CSV loader's note),
    /// for an error that refuses it as text: `sum(amount)` then says which cell did it.
    func textNoteHints(_ bound: BoundExpression, _ ctx: Context) -> [String] {
        guard case .column(let i, .text, _) = bound,
              let note = ctx.scope.columns.first(where: { $0.index == i })?.textNote else { return [] }
        return [note]
    }
}
