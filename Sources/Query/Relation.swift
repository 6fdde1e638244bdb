import Store

/// Which rows of a relation a batch covers: a contiguous run (a fresh scan batch) or the
/// survivors of a filter (a selection vector).
enum RowSelection: Sendable {
    case range(Range<Int>)
    case rows([Int32])

    var count: Int {
        switch self {
        case .range(let r): return r.count
        case .rows(let r): return r.count
        }
    }

    /// The row numbers, materialised.
    var indices: [Int32] {
        switch self {
        case .range(let r): return r.map { Int32(truncatingIfNeeded: $0) }
        case .rows(let r): return r
        }
    }

    /// The rows of this selection whose flag is set.
    func keeping(_ keep: [Bool]) -> RowSelection {
        var out: [Int32] = []
        out.reserveCapacity(keep.count)
        switch self {
        case .range(let r):
            var row = Int32(truncatingIfNeeded: r.lowerBound)
            for k in keep {
                if k { out.append(row) }
                row &+= 1
            }
        case .rows(let rows):
            for i in 0..<rows.count where keep[i] { out.append(rows[i]) }
        }
        return .rows(out)
    }
}

/// Rows the executor works on: stored table columns (read in place) or computed vectors
/// (join output, groups).
struct Relation: Sendable {
    enum Source: Sendable {
        case stored(Column)
        case computed(Vector)
    }

    var columns: [Source]
    var rowCount: Int

    init(table: Table) {
        columns = table.columns.map { .stored($0) }
        rowCount = table.rowCount
    }

    init(vectors: [Vector], rowCount: Int) {
        columns = vectors.map { .computed($0) }
        self.rowCount = rowCount
    }

    /// The dictionary of a text column, when it is stored dictionary-encoded.
    func dictionary(of column: Int) -> [String]? {
        guard column < columns.count else { return nil }
        switch columns[column] {
        case .stored(let c):
            if case .text(_, let d) = c.storage { return d }
        case .computed(let v):
            if case .text(_, let d) = v.storage { return d }
        }
        return nil
    }

    /// The values of one column at the selected rows, widened into a batch vector.
    func gather(_ column: Int, _ selection: RowSelection) -> Vector {
        switch columns[column] {
        case .computed(let v):
            switch selection {
            case .range(let r): return v.slice(r)
            case .rows(let rows): return v.gathering(rows)
            }
        case .stored(let c):
            let n = selection.count
            var nulls: [Bool]?
            if let mask = c.nulls {
                switch selection {
                case .range(let r): nulls = r.map { mask[$0] }
                case .rows(let rows): nulls = rows.map { mask[Int($0)] }
                }
            }
            switch c.storage {
            case .integer(let packed):
                return Vector(.integer(Relation.widen(packed, selection)), nulls: nulls, count: n)
            case .decimal(let units, let scale):
                let values: [Int64]
                switch selection {
                case .range(let r): values = Array(units[r])
                case .rows(let rows): values = rows.map { units[Int($0)] }
                }
                return Vector(.decimal(values, scale: scale), nulls: nulls, count: n)
            case .text(let codes, let dictionary):
                let wide = Relation.widen(codes, selection)
                return Vector(.text(wide.map { UInt32(truncatingIfNeeded: $0) }, dictionary: dictionary.isEmpty ? [""] : dictionary), nulls: nulls, count: n)
            case .boolean(let values):
                let picked: [Bool]
                switch selection {
                case .range(let r): picked = Array(values[r])
                case .rows(let rows): picked = rows.map { values[Int($0)] }
                }
                return Vector(.boolean(picked), nulls: nulls, count: n)
            }
        }
    }

    private static func widen(_ packed: PackedIntegers, _ selection: RowSelection) -> [Int64] {
        switch packed {
        case .int8(let a): return widen(a, selection)
        case .int16(let a): return widen(a, selection)
        case .int32(let a): return widen(a, selection)
        case .int64(let a): return widen(a, selection)
        }
    }

    @inline(__always)
    private static func widen<T: BinaryInteger>(_ a: [T], _ selection: RowSelection) -> [Int64] {
        switch selection {
        case .range(let r):
            return a.withUnsafeBufferPointer { p in
                [Int64](unsafeUninitializedCapacity: r.count) { out, count in
                    var j = 0
                    for i in r { out[j] = Int64(truncatingIfNeeded: p[i]); j += 1 }
                    count = r.count
                }
            }
        case .rows(let rows):
            return a.withUnsafeBufferPointer { p in
                [Int64](unsafeUninitializedCapacity: rows.count) { out, count in
                    for j in 0..<rows.count { out[j] = Int64(truncatingIfNeeded: p[Int(rows[j])]) }
                    count = rows.count
                }
            }
        }
    }
}
