/// Integers stored in the narrowest width that holds every value of the column: a 3-digit class
/// code takes 2 bytes a row, a dictionary code of a 2,000-word name column 2 bytes. Scans switch
/// on the width once per column and then run a tight, specialised loop over the typed array.
public enum PackedIntegers: Sendable {
    case int8([Int8])
    case int16([Int16])
    case int32([Int32])
    case int64([Int64])

    /// Packs `values` into the narrowest width that holds them all.
    public init(_ values: [Int64]) {
        var lo: Int64 = 0, hi: Int64 = 0
        for v in values { lo = min(lo, v); hi = max(hi, v) }
        if lo >= Int64(Int8.min) && hi <= Int64(Int8.max) {
            self = .int8(values.map { Int8(truncatingIfNeeded: $0) })
        } else if lo >= Int64(Int16.min) && hi <= Int64(Int16.max) {
            self = .int16(values.map { Int16(truncatingIfNeeded: $0) })
        } else if lo >= Int64(Int32.min) && hi <= Int64(Int32.max) {
            self = .int32(values.map { Int32(truncatingIfNeeded: $0) })
        } else {
            self = .int64(values)
        }
    }

    public var count: Int {
        switch self {
        case .int8(let a): return a.count
        case .int16(let a): return a.count
        case .int32(let a): return a.count
        case .int64(let a): return a.count
        }
    }

    /// One value widened: convenient, but use the typed arrays in scans.
    @inlinable public subscript(row: Int) -> Int64 {
        switch self {
        case .int8(let a): return Int64(a[row])
        case .int16(let a): return Int64(a[row])
        case .int32(let a): return Int64(a[row])
        case .int64(let a): return a[row]
        }
    }

    /// Bytes per row.
    public var width: Int {
        switch self {
        case .int8: return 1
        case .int16: return 2
        case .int32: return 4
        case .int64: return 8
        }
    }

    /// All values widened to Int64 (allocates: for small tables and tests).
    public var widened: [Int64] {
        switch self {
        case .int8(let a): return a.map(Int64.init)
        case .int16(let a): return a.map(Int64.init)
        case .int32(let a): return a.map(Int64.init)
        case .int64(let a): return a
        }
    }
}
