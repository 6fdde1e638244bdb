import Store

/// Fused loops for the shapes that dominate analyst queries on large tables: a filter that
/// compares a stored number column with a constant (`class = 208`), a filter on a dictionary
/// column decided per dictionary entry (`name LIKE '%就业%'`), and a sum over a stored money
/// column. They read the store's packed arrays directly, with no intermediate vectors.
enum FastPaths {
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

    @inline(__always)
    private static func sum<T: BinaryInteger>(_ a: [T], _ selection: RowSelection) -> (Int128, Int) {
        // Accumulate in 64 bits and spill to 128 on overflow: exact, and a plain add per row.
        var total: Int128 = 0
        var partial: Int64 = 0
        a.withUnsafeBufferPointer { p in
            func add(_ x: Int64) {
                let (s, o) = partial.addingReportingOverflow(x)
                if o { total &+= Int128(partial); partial = x } else { partial = s }
            }
            switch selection {
            case .range(let r): for i in r { add(Int64(truncatingIfNeeded: p[i])) }
            case .rows(let rows): for row in rows { add(Int64(truncatingIfNeeded: p[Int(row)])) }
            }
        }
        return (total &+ Int128(partial), selection.count)
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
