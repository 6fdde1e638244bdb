/// UNION, EXCEPT and INTERSECT over whole rows (NULLs equal each other here, as in SQL's set
/// operations). INTERSECT binds tighter than UNION and EXCEPT, which apply left to right. The
/// distinct forms keep the first of equal rows; the ALL forms count copies.
public enum SetOperations {
    typealias Row = [ScalarValue]

    static func combine(_ parts: [[Row]], operators: [SetOperator], cancellation: Cancellation?) throws(Diagnostic) -> [Row] {
        guard !parts.isEmpty else { return [] }
        return try fold(parts, operators, isIntersect: \.isIntersect) { (a, op, b) throws(Diagnostic) in
            if cancellation?.isCancelled == true { throw Executor.cancelled }
            return apply(op, a, b)
        }
    }

    /// The order of operations, for any operands (rows here, Spark SQL text in the Spark
    /// translation): each run of INTERSECTs folds into its left operand first, then UNION and
    /// EXCEPT apply left to right. `parts` is not empty.
    public static func fold<Part, Operator, Failure: Error>(_ parts: [Part], _ operators: [Operator], isIntersect: (Operator) -> Bool,
                                                          _ apply: (Part, Operator, Part) throws(Failure) -> Part) throws(Failure) -> Part {
        var current = parts[0]
        var operands: [Part] = []
        var between: [Operator] = []
        for (i, op) in operators.enumerated() where i + 1 < parts.count {
            if isIntersect(op) {
                current = try apply(current, op, parts[i + 1])
            } else {
                operands.append(current)
                between.append(op)
                current = parts[i + 1]
            }
        }
        operands.append(current)
        var result = operands[0]
        for (k, op) in between.enumerated() { result = try apply(result, op, operands[k + 1]) }
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
