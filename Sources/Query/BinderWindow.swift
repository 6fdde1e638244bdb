import Store

/// Window functions: `f(…) OVER (PARTITION BY … ORDER BY … ROWS|RANGE …)` in the select list
/// or ORDER BY. Arguments, partition and order keys bind like the select list's own expressions
/// (over the groups, in a grouped query), so `rank() OVER (ORDER BY sum(amount) DESC)` works.
extension Binder {
    func bindWindow(_ call: FunctionCall, _ ctx: Context) throws(Diagnostic) -> BoundExpression {
        guard let over = call.over else { return try bindCall(call, ctx) }
        let name = call.name.lowercased()
        guard let state = ctx.windows else {
            var hints: [String] = []
            if ctx.clause == .whereClause || ctx.clause == .having {
                hints.append("filter on a window's result in an outer query: SELECT * FROM (SELECT name, rank() OVER (ORDER BY amount DESC) AS r FROM spending) WHERE r <= 3")
            }
            let place = ctx.windows == nil && (ctx.clause == .selectList || ctx.clause == .orderBy) ? "inside another window function or share()" : "in \(ctx.clause.rawValue)"
            throw Diagnostic(kind: .name, message: "window functions are allowed in the select list and ORDER BY only, not \(place)", span: call.span, hints: hints)
        }
        let kind: WindowFunctionKind
        if let k = WindowFunctionKind.rankingNames[name] { kind = k }
        else if let a = AggregateKind(rawValue: name), a != .grouping { kind = .aggregate(a) }
        else {
            throw Diagnostic(kind: .name, message: "\(call.name)() is not a window function", span: call.nameSpan,
                             hints: ["window functions: " + (WindowFunctionKind.rankingNames.keys.sorted() + ["count", "sum", "avg", "min", "max"]).joined(separator: ", ")])
        }
        // count, sum and avg of the distinct values differ from the plain ones; min and max do not.
        var distinct = false
        if call.distinct {
            guard case .aggregate(let a) = kind, a == .count || a == .sum || a == .avg || a == .min || a == .max else {
                throw Diagnostic(kind: .syntax, message: "DISTINCT is supported in count, sum, avg, min and max only", span: call.span)
            }
            distinct = a == .count || a == .sum || a == .avg
        }
        if !call.orderBy.isEmpty {
            throw Diagnostic(kind: .syntax, message: "ORDER BY inside a window function's call is not supported", span: call.span,
                             hints: ["the window's ORDER BY orders the rows: string_agg(x, ',') OVER (ORDER BY y ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING)"])
        }
        if call.filter != nil, case .aggregate = kind {} else if call.filter != nil {
            throw Diagnostic(kind: .syntax, message: "FILTER applies to aggregates only, not \(name)()", span: call.span)
        }
        var inner = ctx
        inner.windows = nil
        inner.allowShare = false

        var arguments: [BoundExpression] = []
        for a in call.arguments { arguments.append(try bindExpression(a, inner)) }
        func arity(_ range: ClosedRange<Int>) throws(Diagnostic) {
            guard range.contains(arguments.count), !call.star || kind == .aggregate(.count) else {
                let expected = range.lowerBound == range.upperBound ? "\(range.lowerBound)" : "\(range.lowerBound) to \(range.upperBound)"
                throw Diagnostic(kind: .type, message: "\(name)() takes \(expected) argument\(range.upperBound == 1 ? "" : "s"), got \(call.star ? "*" : String(arguments.count))", span: call.span)
            }
        }
        func integer(_ i: Int, _ what: String) throws(Diagnostic) {
            guard arguments[i].type == .integer || arguments[i].type == .null else {
                throw Diagnostic(kind: .type, message: "\(name)() takes \(what) as a whole number, but \(call.arguments[i].displayName) is \(arguments[i].type)", span: call.arguments[i].span)
            }
        }
        let type: SQLType
        var parameter: ScalarValue?
        switch kind {
        case .rowNumber, .rank, .denseRank:
            try arity(0...0)
            type = .integer
        case .ntile:
            try arity(1...1)
            try integer(0, "the number of buckets")
            type = .integer
        case .lag, .lead:
            try arity(1...3)
            if arguments.count > 1 { try integer(1, "the offset") }
            var t = arguments[0].type
            if arguments.count > 2 {
                guard let c = SQLType.common(t, arguments[2].type) else {
                    throw Diagnostic(kind: .type, message: "\(name)()'s default is \(arguments[2].type), but its value is \(t)", span: call.arguments[2].span)
                }
                t = c
                arguments[0] = Binder.widened(arguments[0], to: t, span: call.span)
                arguments[2] = Binder.widened(arguments[2], to: t, span: call.span)
            }
            type = t
        case .firstValue, .lastValue:
            try arity(1...1)
            type = arguments[0].type
        case .aggregate(let a) where a.collectsValues:
            // median, quantiles, variance, stddev, string_agg over the frame: the same rules
            // and types as the aggregates.
            let quantileArgument = a == .quantile_cont || a == .quantile_disc
            try arity(quantileArgument ? 2...2 : a == .string_agg ? 1...2 : 1...1)
            let argumentType = arguments[0].type
            if a == .string_agg {
                if argumentType != .text { arguments[0] = .cast(arguments[0], .text, call.arguments[0].span) }
                if arguments.count > 1 {
                    guard case .constant(.text(let separator), _) = arguments[1] else {
                        throw Diagnostic(kind: .type, message: "string_agg() takes a constant text separator", span: call.arguments[1].span)
                    }
                    parameter = .text(separator)
                } else {
                    parameter = .text(",")
                }
                arguments = [arguments[0]]
                type = .text
            } else {
                guard argumentType.isNumeric || argumentType == .null else {
                    throw Diagnostic(kind: .type, message: "\(name)() needs numbers, but \(call.arguments[0].displayName) is \(argumentType)", span: call.arguments[0].span,
                                     hints: textNoteHints(arguments[0], inner))
                }
                let q = try quantile(call)
                if quantileArgument || a == .median { parameter = q.value }
                arguments = [arguments[0]]
                switch a {
                case .median: type = .decimal(scale: min(argumentType.scale + 1, SQLType.maximumScale))
                case .quantile_cont: type = .decimal(scale: min(argumentType.scale + q.scale, SQLType.maximumScale))
                case .quantile_disc: type = argumentType
                case .variance: type = .decimal(scale: SQLType.quotientScale)
                default: type = .decimal(scale: 9)
                }
            }
        case .aggregate(let a):
            if a == .count && call.star { try arity(0...0) } else { try arity(1...1) }
            let argumentType = arguments.first?.type ?? .integer
            if a == .sum || a == .avg, !(argumentType.isNumeric || argumentType == .null) {
                throw Diagnostic(kind: .type, message: "\(name)() needs numbers, but \(call.arguments[0].displayName) is \(argumentType)", span: call.arguments[0].span,
                                 hints: arguments.first.map { textNoteHints($0, inner) } ?? [])
            }
            switch a {
            case .count: type = .integer
            case .sum: type = argumentType == .null ? .integer : argumentType
            case .avg: type = .decimal(scale: max(6, argumentType.scale))
            case .min, .max: type = argumentType
            default: type = .integer
            }
        }
        var filter: BoundExpression?
        if let f = call.filter {
            var fctx = inner
            fctx.clause = .filter
            let bound = try bindExpression(f, fctx)
            guard bound.type == .boolean || bound.type == .null else {
                throw Diagnostic(kind: .type, message: "FILTER needs a condition (true or false), got \(bound.type)", span: f.span)
            }
            filter = bound
        }
        var partition: [BoundExpression] = []
        for e in over.partitionBy { partition.append(try bindExpression(e, inner)) }
        var order: [WindowOrderKey] = []
        for item in over.orderBy {
            order.append(WindowOrderKey(expression: try bindExpression(item.expression, inner), descending: item.descending,
                                        nullsFirst: item.nullsFirst ?? false))
        }
        let frame = over.frame ?? WindowFunctionPlan.defaultFrame(ordered: !order.isEmpty)
        try checkFrame(frame, call: call, context: inner)
        let plan = WindowFunctionPlan(kind: kind, arguments: arguments, filter: filter, partitionBy: partition, orderBy: order,
                                      frame: frame, type: type, text: call.description, span: call.span, distinct: distinct, parameter: parameter)
        let index: Int
        if let existing = state.functions.firstIndex(of: plan) { index = existing } else {
            state.functions.append(plan)
            index = state.functions.count - 1
        }
        return .column(Binder.windowColumnBase + index, type, name: call.description)
    }

    private func checkFrame(_ frame: WindowFrame, call: FunctionCall, context: Context) throws(Diagnostic) {
        if frame.start == .unboundedFollowing || frame.end == .unboundedPreceding || frame.start.rank > frame.end.rank {
            throw Diagnostic(kind: .syntax, message: "the window frame \(frame) ends before it starts", span: call.span,
                             hints: ["e.g. ROWS BETWEEN 2 PRECEDING AND CURRENT ROW"])
        }
        if frame.unit == .range, frame.hasOffset {
            // The offset is measured on the one ORDER BY value, which must be a number.
            guard let over = call.over, over.orderBy.count == 1 else {
                throw Diagnostic(kind: .syntax, message: "a RANGE frame with n PRECEDING/FOLLOWING needs exactly one ORDER BY expression", span: call.span,
                                 hints: ["e.g. sum(amount) OVER (ORDER BY year RANGE BETWEEN 1 PRECEDING AND CURRENT ROW), or count rows with ROWS"])
            }
            let key = try bindExpression(over.orderBy[0].expression, context)
            guard key.type.isNumeric || key.type == .null else {
                throw Diagnostic(kind: .type, message: "a RANGE frame with an offset orders by a number, but \(over.orderBy[0].expression.displayName) is \(key.type)",
                                 span: over.orderBy[0].expression.span, hints: ["count rows instead: ROWS BETWEEN n PRECEDING AND CURRENT ROW"])
            }
        }
    }

    /// Renumbers the window results (`windowColumnBase + k`) to follow the `width` columns of
    /// the relation the outputs read, and hands the functions to the plan.
    func placeWindows(_ state: WindowState, into plan: inout SelectPlan) {
        guard !state.functions.isEmpty else { return }
        let width = plan.aggregate.map { $0.keys.count + $0.aggregates.count } ?? plan.source.width
        plan.outputs = plan.outputs.map { $0.remapped { $0 >= Binder.windowColumnBase ? width + $0 - Binder.windowColumnBase : $0 } }
        plan.windows = state.functions
    }
}
