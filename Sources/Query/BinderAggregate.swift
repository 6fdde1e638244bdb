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
                                     span: call.arguments[0].span, hints: ["count() counts values of any type"])
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
        }
        let text = "\(name)(\(call.star ? "*" : (call.distinct ? "DISTINCT " : "") + (argument?.description ?? "")))"
            + (filter.map { " FILTER (WHERE \($0))" } ?? "")
        let spec = AggregateSpec(kind: kind, argument: argument, distinct: distinct, filter: filter, type: type, text: text, span: call.span)
        let index: Int
        if let existing = state.aggregates.firstIndex(where: { $0.computesSame(as: spec) }) {
            index = existing
        } else {
            state.aggregates.append(spec)
            index = state.aggregates.count - 1
        }
        return .column(state.keys.count + index, type, name: call.description)
    }
}
