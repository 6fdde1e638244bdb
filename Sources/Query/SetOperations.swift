/// UNION, EXCEPT and INTERSECT over whole rows (NULLs equal each other here, as in SQL's set
/// operations). INTERSECT binds tighter than UNION and EXCEPT, which apply left to right. The
/// distinct forms keep the first of equal rows; the ALL forms count copies.
enum SetOperations {
    typealias Row = [ScalarValue]

    static func combine(_ parts: [[Row]], operators: [SetOperator], cancellation: Cancellation?) throws(Diagnostic) -> [Row] {
        guard var current = parts.first else { return [] }
        // INTERSECT first: fold each run of them into its left operand.
        var operands: [[Row]] = []
        var between: [SetOperator] = []
        for (i, op) in operators.enumerated() {
            if cancellation?.isCancelled == true { throw Executor.cancelled }
            if op.isIntersect {
                current = apply(op, current, parts[i + 1])
            } else {
                operands.append(current)
                between.append(op)
                current = parts[i + 1]
            }
        }
        operands.append(current)
        var result = operands[0]
        for (k, op) in between.enumerated() { result = apply(op, result, operands[k + 1]) }
        return result
    }

    static func apply(_ op: SetOperator, _ a: [Row], _ b: [Row]) -> [Row] {
        switch op {
        case .unionAll: return a + b
        case .union: return distinct(a + b)
        case .except:
            let remove = Set(b)
            return distinct(a).filter { !remove.contains($0) }
        case .intersect:
            let keep = Set(b)
            return distinct(a).filter { keep.contains($0) }
        case .exceptAll, .intersectAll:
            var counts: [Row: Int] = [:]
            for row in b { counts[row, default: 0] += 1 }
            var out: [Row] = []
            for row in a {
                let left = counts[row, default: 0]
                if left > 0 { counts[row] = left - 1 }
                if (left > 0) == (op == .intersectAll) { out.append(row) }
            }
            return out
        }
    }

    static func distinct(_ rows: [Row]) -> [Row] {
        var seen = Set<Row>()
        return rows.filter { seen.insert($0).inserted }
    }
}
