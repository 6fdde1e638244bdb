import Store

/// Aggregates in a grouped query: each call becomes a column of the aggregation's output.
extension Binder {
    /// Whether `e` calls an aggregate anywhere (outside one, since aggregates do not nest).
    func containsAggregate(_ e: Expression) -> Bool {
        e.contains { if case .call(let c) = $0 { return c.over == nil && FunctionCatalog.aggregateNames.contains(c.name.lowercased()) } else { return false } }
    }

    /// Whether `e` calls a window function (anything with OVER) anywhere.
    func containsWindow(_ e: Expression) -> Bool {
        e.contains { if case .call(let c) = $0 { return c.over != nil } else { return false } }
    }

    /// Whether `e` calls share() anywhere.
    func isShareCall(_ e: Expression) -> Bool {
        e.contains { if case .call(let c) = $0 { return c.name.lowercased() == "share" } else { return false } }
    }

    func bindAggregate(_ call: FunctionCall, _ ctx: Context, _ state: AggregationState) throws(Diagnostic) -> BoundExpression {
        let name = call.name.lowercased()
        guard let kind = AggregateKind(rawValue: name) else { throw Diagnostic(kind: .name, message: "unknown aggregate \(name)", span: call.nameSpan) }
        var inner = ctx
        inner.aggregation = nil
        inner.allowAggregates = false
        inner.allowShare = false
        inner.windows = nil
        inner.clause = .aggregateArgument
        if kind == .grouping {
            // grouping(a, b): bit i set when the row's grouping leaves argument i out.
            guard !call.arguments.isEmpty, !call.star, call.filter == nil, !call.distinct else {
                throw Diagnostic(kind: .type, message: "grouping() takes one or more GROUP BY expressions", span: call.span,
                                 hints: ["e.g. grouping(class) with GROUP BY ROLLUP (class, code)"])
            }
            var keys: [Int] = []
            var keyContext = inner
            keyContext.clause = .groupBy
            for a in call.arguments {
                let bound = try bindExpression(a, keyContext)
                guard let k = state.keys.firstIndex(of: bound) else {
                    throw Diagnostic(kind: .name, message: "grouping() takes GROUP BY expressions, and \(a.displayName) is not one", span: a.span)
                }
                keys.append(k)
            }
            let spec = AggregateSpec(kind: .grouping, argument: nil, distinct: false, filter: nil, type: .integer,
                                     text: call.description, span: call.span, groupingKeys: keys)
            let index: Int
            if let existing = state.aggregates.firstIndex(where: { $0.computesSame(as: spec) }) { index = existing } else {
                state.aggregates.append(spec)
                index = state.aggregates.count - 1
            }
            return .column(state.keys.count + index, .integer, name: call.description)
        }
        var argument: BoundExpression?
        if call.star {
            guard kind == .count else {
                throw Diagnostic(kind: .type, message: "\(name)(*) is not a thing; only count(*) counts rows", span: call.span,
                                 hints: ["give \(name) a column, e.g. \(name)(amount)"])
            }
        } else if kind.collectsValues {
            argument = try bindCollecting(call, kind, inner, state)
        } else {
            guard call.arguments.count == 1 else {
                throw Diagnostic(kind: .type, message: "\(name)() takes 1 argument, got \(call.arguments.count)", span: call.span,
                                 hints: kind == .count ? ["count(*) counts rows"] : [])
            }
            let bound = try bindExpression(call.arguments[0], inner)
            switch kind {
            case .sum, .avg:
                guard bound.type.isNumeric || bound.type == .null else {
                    throw Diagnostic(kind: .type, message: "\(name)() needs numbers, but \(call.arguments[0].displayName) is \(bound.type)",
                                     span: call.arguments[0].span, hints: textNoteHints(bound, inner) + ["count() counts values of any type"])
                }
            default: break
            }
            argument = bound
        }
        // min and max of the distinct values are min and max: only count, sum and avg differ.
        let distinct = call.distinct && (kind == .count || kind == .sum || kind == .avg)
        var filter: BoundExpression?
        if let f = call.filter {
            var fctx = inner
            fctx.clause = .filter
            let bound = try bindExpression(f, fctx)
            try requireBoolean(bound, f, "FILTER")
            filter = bound
        }
        let argumentType = argument?.type ?? .integer
        let type: SQLType
        switch kind {
        case .count: type = .integer
        case .sum: type = argumentType == .null ? .integer : argumentType
        case .avg: type = .decimal(scale: max(6, argumentType.scale))
        case .min, .max: type = argumentType
        case .grouping: type = .integer
        case .median: type = .decimal(scale: min(argumentType.scale + 1, SQLType.maximumScale))
        case .quantile_cont: type = .decimal(scale: min(argumentType.scale + (try quantile(call).scale), SQLType.maximumScale))
        case .quantile_disc: type = argumentType
        case .variance: type = .decimal(scale: SQLType.quotientScale)
        case .stddev: type = .decimal(scale: 9)
        case .string_agg: type = .text
        }
        if call.distinct && kind.collectsValues {
            throw Diagnostic(kind: .type, message: "DISTINCT is not supported in \(name)()", span: call.span)
        }
        if !call.orderBy.isEmpty && kind != .string_agg {
            throw Diagnostic(kind: .syntax, message: "ORDER BY inside a call applies to string_agg() only", span: call.span)
        }
        var orderBy: [WindowOrderKey] = []
        for item in call.orderBy {
            orderBy.append(WindowOrderKey(expression: try bindExpression(item.expression, inner), descending: item.descending,
                                          nullsFirst: item.nullsFirst ?? false))
        }
        var parameter: ScalarValue?
        switch kind {
        case .median: parameter = .decimal(5, scale: 1)
        case .quantile_cont, .quantile_disc: parameter = try quantile(call).value
        case .string_agg:
            if call.arguments.count > 1 {
                guard case .constant(.text(let separator), _) = try bindExpression(call.arguments[1], inner) else {
                    throw Diagnostic(kind: .type, message: "string_agg() takes a constant text separator", span: call.arguments[1].span)
                }
                parameter = .text(separator)
            } else {
                parameter = .text(",")
            }
        default: break
        }
        let text = "\(name)(\(call.star ? "*" : (call.distinct ? "DISTINCT " : "") + (argument?.description ?? "")))"
            + (filter.map { " FILTER (WHERE \($0))" } ?? "")
        let spec = AggregateSpec(kind: kind, argument: argument, distinct: distinct, filter: filter, type: type, text: text, span: call.span,
                                 parameter: parameter, orderBy: orderBy)
        let index: Int
        if let existing = state.aggregates.firstIndex(where: { $0.computesSame(as: spec) }) {
            index = existing
        } else {
            state.aggregates.append(spec)
            index = state.aggregates.count - 1
        }
        return .column(state.keys.count + index, type, name: call.description)
    }

    /// The argument of an aggregate over all values: numbers for the statistics, anything (as
    /// text) for string_agg; the second argument is checked by `quantile` or as a separator.
    private func bindCollecting(_ call: FunctionCall, _ kind: AggregateKind, _ inner: Context, _ state: AggregationState) throws(Diagnostic) -> BoundExpression {
        let name = call.name.lowercased()
        let expected: ClosedRange<Int> = kind == .quantile_cont || kind == .quantile_disc ? 2...2 : kind == .string_agg ? 1...2 : 1...1
        guard expected.contains(call.arguments.count) else {
            let count = expected.lowerBound == expected.upperBound ? "\(expected.lowerBound)" : "\(expected.lowerBound) or \(expected.upperBound)"
            throw Diagnostic(kind: .type, message: "\(name)() takes \(count) argument\(expected.upperBound == 1 ? "" : "s"), got \(call.arguments.count)", span: call.span,
                             hints: kind == .quantile_cont || kind == .quantile_disc ? ["e.g. \(name)(amount, 0.9)"] : [])
        }
        let bound = try bindExpression(call.arguments[0], inner)
        if kind == .string_agg { return bound.type == .text ? bound : .cast(bound, .text, call.arguments[0].span) }
        guard bound.type.isNumeric || bound.type == .null else {
            throw Diagnostic(kind: .type, message: "\(name)() needs numbers, but \(call.arguments[0].displayName) is \(bound.type)", span: call.arguments[0].span,
                             hints: textNoteHints(bound, inner))
        }
        return bound
    }

    /// The constant quantile of quantile_cont/disc, from 0 to 1, with its places.
    func quantile(_ call: FunctionCall) throws(Diagnostic) -> (value: ScalarValue, scale: Int) {
        let name = call.name.lowercased()
        guard call.arguments.count == 2 else { return (.decimal(5, scale: 1), 1) }
        let bound = try bindExpression(call.arguments[1], Context(scope: Scope(), clause: .aggregateArgument))
        switch bound {
        case .constant(.integer(let n), _) where n == 0 || n == 1: return (.decimal(n, scale: 0), 0)
        case .constant(.decimal(let u, let s), _) where u >= 0 && u <= (PowersOfTen.of(s) ?? 0): return (.decimal(u, scale: s), s)
        default:
            throw Diagnostic(kind: .type, message: "\(name)() takes a constant quantile from 0 to 1", span: call.arguments[1].span,
                             hints: ["e.g. \(name)(amount, 0.9)"])
        }
    }
}
