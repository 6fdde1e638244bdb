import Store

/// Fused loops for the shapes that dominate analyst queries on large tables: a filter that
/// compares a stored number column with a constant (`class = 208`), a filter on a dictionary
/// column decided per dictionary entry (`name LIKE '%就业%'`), and a sum over a stored money
/// column. They read the store's packed arrays directly, with no intermediate vectors.
enum FastPaths {
    // MARK: what EXPLAIN says of them (the executor decides the same from the same shapes)

    /// The stored column a filter `column op constant` reads with the fused compare, if any.
    private static func comparedColumn(_ predicate: BoundExpression, _ source: SourcePlan) -> Column? {
        guard case .scan(let table, _) = source else { return nil }
        let c: Int
        switch predicate {
        case .compare(_, .column(let col, _, _), .constant(let v, _)), .compare(_, .constant(let v, _), .column(let col, _, _)):
            switch v { case .integer, .decimal: c = col; default: return nil }
        default: return nil
        }
        guard c < table.columns.count, table.columns[c].nulls == nil else { return nil }
        switch table.columns[c].storage {
        case .integer, .decimal: return table.columns[c]
        default: return nil
        }
    }

    /// EXPLAIN's note on a WHERE: which fused loop decides it, conjunct by conjunct.
    static func filterNote(_ predicate: BoundExpression, _ source: SourcePlan) -> String {
        var notes: [String] = []
        for conjunct in Binder.conjuncts(predicate) {
            if comparedColumn(conjunct, source) != nil { notes.append("fused compare on \(conjunct)") }
            else if case .scan = source, conjunct.columnsUsed.count == 1, !conjunct.containsSubquery,
                    let c = conjunct.columnsUsed.first, case .scan(let t, _) = source, c < t.columns.count,
                    case .text = t.columns[c].storage {
                notes.append("\(conjunct) decided once per dictionary entry")
            }
        }
        return notes.isEmpty ? "" : " [" + notes.joined(separator: "; ") + "]"
    }

    /// Whether the executor's one-pass filter-and-sum loop (PERF Q1) runs this SELECT: no
    /// grouping, a WHERE that compares a stored number column with a constant, and only
    /// count(*) and sum/avg of stored decimal columns without FILTER or DISTINCT.
    static func fusesFilterAndSum(_ plan: SelectPlan) -> Bool {
        guard let aggregate = plan.aggregate, aggregate.keys.isEmpty, aggregate.groupingSets == nil, !aggregate.aggregates.isEmpty,
              let filter = plan.filter, comparedColumn(filter, plan.source) != nil, case .scan(let table, _) = plan.source else { return false }
        return aggregate.aggregates.allSatisfy { spec in
            guard spec.filter == nil, !spec.distinct else { return false }
            if spec.kind == .count && spec.argument == nil { return true }
            guard spec.kind == .sum || spec.kind == .avg, case .column(let a, _, _)? = spec.argument, a < table.columns.count,
                  table.columns[a].nulls == nil, case .decimal = table.columns[a].storage else { return false }
            return true
        }
    }

    /// The rows of `selection` passing `predicate`, or nil when no fused loop applies.
    static func filter(_ predicate: BoundExpression, _ relation: Relation, _ selection: RowSelection) -> RowSelection? {
        switch predicate {
        case .compare(let op, .column(let c, _, _), .constant(let v, _)):
            return compare(op, c, v, relation, selection)
        case .compare(let op, .constant(let v, _), .column(let c, _, _)):
            return compare(op.flipped, c, v, relation, selection)
        case .dictionaryLookup(let c, let table, .boolean, _):
            guard case .stored(let column) = relation.columns[c], column.nulls == nil,
                  case .text(let codes, _) = column.storage, case .boolean(let flags) = table.storage else { return nil }
            // A NULL result (the last entry is the NULL row; others may be NULL too) never passes.
            var pass = flags
            if let nulls = table.nulls { for i in 0..<pass.count where nulls[i] { pass[i] = false } }
            switch codes {
            case .int8(let a): return select(a, selection) { pass[Int($0)] }
            case .int16(let a): return select(a, selection) { pass[Int($0)] }
            case .int32(let a): return select(a, selection) { pass[Int($0)] }
            case .int64(let a): return select(a, selection) { pass[Int($0)] }
            }
        default:
            return nil
        }
    }

    private static func compare(_ op: BinaryOperator, _ c: Int, _ v: ScalarValue, _ relation: Relation, _ selection: RowSelection) -> RowSelection? {
        guard case .stored(let column) = relation.columns[c], column.nulls == nil else { return nil }
        let constant: Int64
        switch v {
        case .integer(let i): constant = i
        case .decimal(let u, _): constant = u
        default: return nil
        }
        switch column.storage {
        case .integer(let packed):
            switch packed {
            case .int8(let a): return compare(op, a, constant, selection)
            case .int16(let a): return compare(op, a, constant, selection)
            case .int32(let a): return compare(op, a, constant, selection)
            case .int64(let a): return compare(op, a, constant, selection)
            }
        case .decimal(let units, _):
            // The binder gave the constant the column's scale.
            return compare(op, units, constant, selection)
        default:
            return nil
        }
    }

    @inline(__always)
    private static func compare<T: BinaryInteger>(_ op: BinaryOperator, _ a: [T], _ constant: Int64, _ selection: RowSelection) -> RowSelection {
        switch op {
        case .equal: return select(a, selection) { Int64(truncatingIfNeeded: $0) == constant }
        case .notEqual: return select(a, selection) { Int64(truncatingIfNeeded: $0) != constant }
        case .less: return select(a, selection) { Int64(truncatingIfNeeded: $0) < constant }
        case .lessEqual: return select(a, selection) { Int64(truncatingIfNeeded: $0) <= constant }
        case .greater: return select(a, selection) { Int64(truncatingIfNeeded: $0) > constant }
        default: return select(a, selection) { Int64(truncatingIfNeeded: $0) >= constant }
        }
    }

    @inline(__always)
    private static func select<T>(_ a: [T], _ selection: RowSelection, _ keep: (T) -> Bool) -> RowSelection {
        var out = [Int32](repeating: 0, count: selection.count)
        var k = 0
        a.withUnsafeBufferPointer { p in
            out.withUnsafeMutableBufferPointer { o in
                switch selection {
                case .range(let r):
                    for i in r {
                        o[k] = Int32(truncatingIfNeeded: i)
                        k &+= keep(p[i]) ? 1 : 0
                    }
                case .rows(let rows):
                    for row in rows {
                        o[k] = row
                        k &+= keep(p[Int(row)]) ? 1 : 0
                    }
                }
            }
        }
        out.removeLast(out.count - k)
        return .rows(out)
    }

    /// Sum and count of a stored number column (no NULLs) over the selection, or nil.
    static func sum(_ argument: BoundExpression?, _ relation: Relation, _ selection: RowSelection) -> (Int128, Int)? {
        guard case .column(let c, _, _)? = argument, case .stored(let column) = relation.columns[c], column.nulls == nil else { return nil }
        switch column.storage {
        case .decimal(let units, _): return sum(units, selection)
        case .integer(let packed):
            switch packed {
            case .int8(let a): return sum(a, selection)
            case .int16(let a): return sum(a, selection)
            case .int32(let a): return sum(a, selection)
            case .int64(let a): return sum(a, selection)
            }
        default: return nil
        }
    }

    /// `sum(x) WHERE c op constant` (and count) over a run of rows in one branch-free pass: the
    /// Q1 shape. nil when the filter or the argument is not a plain stored column.
    static func filteredSum(_ predicate: BoundExpression, _ argument: BoundExpression?, _ relation: Relation, _ rows: Range<Int>) -> (Int128, Int)? {
        var op: BinaryOperator, c: Int, v: ScalarValue
        switch predicate {
        case .compare(let o, .column(let col, _, _), .constant(let value, _)): (op, c, v) = (o, col, value)
        case .compare(let o, .constant(let value, _), .column(let col, _, _)): (op, c, v) = (o.flipped, col, value)
        default: return nil
        }
        guard case .stored(let filterColumn) = relation.columns[c], filterColumn.nulls == nil else { return nil }
        let constant: Int64
        switch v {
        case .integer(let i): constant = i
        case .decimal(let u, _): constant = u
        default: return nil
        }
        // count(*) has no argument: sum a column of zeros' worth, i.e. just count.
        var values: [Int64]?
        if let argument {
            guard case .column(let a, _, _) = argument, case .stored(let valueColumn) = relation.columns[a], valueColumn.nulls == nil,
                  case .decimal(let units, _) = valueColumn.storage else { return nil }
            values = units
        }
        let packed: PackedIntegers
        switch filterColumn.storage {
        case .integer(let p): packed = p
        case .decimal(let units, _): packed = .int64(units)
        default: return nil
        }
        switch packed {
        case .int8(let k): return filteredSum(k, values, op, constant, rows)
        case .int16(let k): return filteredSum(k, values, op, constant, rows)
        case .int32(let k): return filteredSum(k, values, op, constant, rows)
        case .int64(let k): return filteredSum(k, values, op, constant, rows)
        }
    }

    @inline(__always)
    private static func filteredSum<T: BinaryInteger>(_ keys: [T], _ values: [Int64]?, _ op: BinaryOperator, _ constant: Int64,
                                                      _ rows: Range<Int>) -> (Int128, Int) {
        switch op {
        case .equal: return maskedSum(keys, values, rows) { Int64(truncatingIfNeeded: $0) == constant }
        case .notEqual: return maskedSum(keys, values, rows) { Int64(truncatingIfNeeded: $0) != constant }
        case .less: return maskedSum(keys, values, rows) { Int64(truncatingIfNeeded: $0) < constant }
        case .lessEqual: return maskedSum(keys, values, rows) { Int64(truncatingIfNeeded: $0) <= constant }
        case .greater: return maskedSum(keys, values, rows) { Int64(truncatingIfNeeded: $0) > constant }
        default: return maskedSum(keys, values, rows) { Int64(truncatingIfNeeded: $0) >= constant }
        }
    }

    /// Exact without overflow checks: the low and high 32-bit halves of each value are summed
    /// separately (neither can overflow 64 bits within a batch), so the loop vectorises.
    @inline(__always)
    private static func maskedSum<T>(_ keys: [T], _ values: [Int64]?, _ rows: Range<Int>, _ keep: (T) -> Bool) -> (Int128, Int) {
        var low: Int64 = 0, high: Int64 = 0, count = 0
        keys.withUnsafeBufferPointer { k in
            if let values {
                values.withUnsafeBufferPointer { x in
                    for i in rows {
                        let m: Int64 = keep(k[i]) ? -1 : 0
                        let v = x[i] & m
                        low &+= v & 0xFFFF_FFFF
                        high &+= v >> 32
                        count &+= Int(m & 1)
                    }
                }
            } else {
                for i in rows { count &+= keep(k[i]) ? 1 : 0 }
            }
        }
        return (Int128(high) << 32 + Int128(low), count)
    }

    @inline(__always)
    private static func sum<T: BinaryInteger>(_ a: [T], _ selection: RowSelection) -> (Int128, Int) {
        // Low and high 32-bit halves summed apart: exact, no overflow checks, vectorisable.
        var low: Int64 = 0, high: Int64 = 0
        a.withUnsafeBufferPointer { p in
            switch selection {
            case .range(let r):
                for i in r {
                    let v = Int64(truncatingIfNeeded: p[i])
                    low &+= v & 0xFFFF_FFFF
                    high &+= v >> 32
                }
            case .rows(let rows):
                for row in rows {
                    let v = Int64(truncatingIfNeeded: p[Int(row)])
                    low &+= v & 0xFFFF_FFFF
                    high &+= v >> 32
                }
            }
        }
        return (Int128(high) << 32 + Int128(low), selection.count)
    }
}

extension BinaryOperator {
    /// The operator with its operands swapped: 5 < x is x > 5.
    var flipped: BinaryOperator {
        switch self {
        case .less: return .greater
        case .lessEqual: return .greaterEqual
        case .greater: return .less
        case .greaterEqual: return .lessEqual
        default: return self
        }
    }
}
