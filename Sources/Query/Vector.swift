import Store

/// A batch of values of one type, unboxed: the unit the executor works on. Decimals are 64-bit
/// units at one scale (aggregates accumulate in 128 bits); text is dictionary codes plus the
/// dictionary, so text predicates can be decided per dictionary entry.
struct Vector: Sendable {
    enum Storage: Sendable {
        case integer([Int64])
        case decimal([Int64], scale: Int)
        /// 128-bit units: only sums too large for 64 bits (a sum of any size is exact).
        case wideDecimal([Int128], scale: Int)
        case text([UInt32], dictionary: [String])
        case boolean([Bool])
    }

    var storage: Storage
    /// nil when no value is NULL.
    var nulls: [Bool]?
    let count: Int

    init(_ storage: Storage, nulls: [Bool]?, count: Int) {
        self.storage = storage
        self.nulls = nulls.flatMap { $0.contains(true) ? $0 : nil }
        self.count = count
    }

    @inline(__always) func isNull(_ i: Int) -> Bool { nulls?[i] ?? false }

    static func allNull(_ count: Int) -> Vector {
        Vector(.integer([Int64](repeating: 0, count: count)), nulls: [Bool](repeating: true, count: count), count: count)
    }

    /// A vector that repeats one value.
    static func constant(_ value: ScalarValue, type: SQLType, count: Int) -> Vector {
        switch value {
        case .null:
            switch type {
            case .decimal(let s): return Vector(.decimal([Int64](repeating: 0, count: count), scale: s), nulls: [Bool](repeating: true, count: count), count: count)
            case .text: return Vector(.text([UInt32](repeating: 0, count: count), dictionary: [""]), nulls: [Bool](repeating: true, count: count), count: count)
            case .boolean: return Vector(.boolean([Bool](repeating: false, count: count)), nulls: [Bool](repeating: true, count: count), count: count)
            default: return allNull(count)
            }
        case .integer(let i): return Vector(.integer([Int64](repeating: i, count: count)), nulls: nil, count: count)
        case .wideDecimal(let u, let s): return Vector(.wideDecimal([Int128](repeating: u, count: count), scale: s), nulls: nil, count: count)
        case .decimal(let u, let s): return Vector(.decimal([Int64](repeating: u, count: count), scale: s), nulls: nil, count: count)
        case .text(let t): return Vector(.text([UInt32](repeating: 0, count: count), dictionary: [t]), nulls: nil, count: count)
        case .boolean(let b): return Vector(.boolean([Bool](repeating: b, count: count)), nulls: nil, count: count)
        }
    }

    /// One value, boxed: for results, keys of small tables and tests.
    func value(at i: Int) -> Value {
        if isNull(i) { return .null }
        switch storage {
        case .integer(let v): return .integer(v[i])
        case .decimal(let v, let s): return .decimal(ExactDecimal(units: Int128(v[i]), scale: s))
        case .wideDecimal(let v, let s): return .decimal(ExactDecimal(units: v[i], scale: s))
        case .text(let c, let d): return .text(d[Int(c[i])])
        case .boolean(let v): return .boolean(v[i])
        }
    }

    func scalar(at i: Int) -> ScalarValue {
        if isNull(i) { return .null }
        switch storage {
        case .integer(let v): return .integer(v[i])
        case .decimal(let v, let s): return .decimal(v[i], scale: s)
        case .wideDecimal(let v, let s): return Int64(exactly: v[i]).map { .decimal($0, scale: s) } ?? .wideDecimal(v[i], scale: s)
        case .text(let c, let d): return .text(d[Int(c[i])])
        case .boolean(let v): return .boolean(v[i])
        }
    }

    /// The rows at `indices`; an index of -1 gives NULL (the missing side of an outer join).
    func gathering(_ indices: [Int32]) -> Vector {
        var outNulls: [Bool]?
        if nulls != nil || indices.contains(-1) {
            outNulls = indices.map { $0 < 0 || (nulls?[Int($0)] ?? false) }
        }
        func pick<T>(_ a: [T], _ zero: T) -> [T] { indices.map { $0 < 0 ? zero : a[Int($0)] } }
        switch storage {
        case .integer(let v): return Vector(.integer(pick(v, 0)), nulls: outNulls, count: indices.count)
        case .decimal(let v, let s): return Vector(.decimal(pick(v, 0), scale: s), nulls: outNulls, count: indices.count)
        case .wideDecimal(let v, let s): return Vector(.wideDecimal(pick(v, 0), scale: s), nulls: outNulls, count: indices.count)
        case .text(let c, let d):
            return Vector(.text(pick(c, 0), dictionary: d.isEmpty ? [""] : d), nulls: outNulls, count: indices.count)
        case .boolean(let v): return Vector(.boolean(pick(v, false)), nulls: outNulls, count: indices.count)
        }
    }

    func slice(_ range: Range<Int>) -> Vector {
        if range == 0..<count { return self }
        let n = nulls.map { Array($0[range]) }
        switch storage {
        case .integer(let v): return Vector(.integer(Array(v[range])), nulls: n, count: range.count)
        case .decimal(let v, let s): return Vector(.decimal(Array(v[range]), scale: s), nulls: n, count: range.count)
        case .wideDecimal(let v, let s): return Vector(.wideDecimal(Array(v[range]), scale: s), nulls: n, count: range.count)
        case .text(let c, let d): return Vector(.text(Array(c[range]), dictionary: d), nulls: n, count: range.count)
        case .boolean(let v): return Vector(.boolean(Array(v[range])), nulls: n, count: range.count)
        }
    }
}

/// One value outside a vector, unboxed enough for constants and accumulators.
enum ScalarValue: Sendable, Hashable {
    case null
    case integer(Int64)
    case decimal(Int64, scale: Int)
    /// A decimal whose units need more than 64 bits (a very large sum).
    case wideDecimal(Int128, scale: Int)
    case text(String)
    case boolean(Bool)

    var value: Value {
        switch self {
        case .null: return .null
        case .integer(let i): return .integer(i)
        case .decimal(let u, let s): return .decimal(ExactDecimal(units: Int128(u), scale: s))
        case .wideDecimal(let u, let s): return .decimal(ExactDecimal(units: u, scale: s))
        case .text(let t): return .text(t)
        case .boolean(let b): return .boolean(b)
        }
    }
}

/// Builds a vector value by value, for the small outputs (groups, pivots) where values arrive
/// one at a time.
struct VectorBuilder {
    let type: SQLType
    private var ints: [Int64] = []
    private var wide: [Int128] = []
    private var strings: [String] = []
    private var bools: [Bool] = []
    private var nulls: [Bool] = []

    init(type: SQLType) { self.type = type }

    mutating func append(_ v: ScalarValue) {
        nulls.append(v == .null)
        switch type {
        case .integer, .null:
            // An integer past 64 bits arrives as 128-bit units at scale 0.
            switch v {
            case .integer(let i): ints.append(i)
            case .wideDecimal(let u, 0):
                if wide.count < ints.count { wide += ints[wide.count...].map { Int128($0) } }
                wide.append(u)
                ints.append(0)
            case .decimal(let u, 0): ints.append(u)
            default: ints.append(0)
            }
            if !wide.isEmpty, wide.count < ints.count { wide += ints[wide.count...].map { Int128($0) } }
        case .decimal(let target):
            // Values of one expression share its static scale; widen defensively anyway.
            let units: Int128, from: Int
            switch v {
            case .decimal(let u, let s): (units, from) = (Int128(u), s)
            case .wideDecimal(let u, let s): (units, from) = (u, s)
            case .integer(let i): (units, from) = (Int128(i), 0)
            default: (units, from) = (0, target)
            }
            let shift = max(0, target - from)
            wide.append(units.multipliedReportingOverflow(by: Int128(PowersOfTen.of(shift) ?? 1)).partialValue)
        case .text:
            if case .text(let t) = v { strings.append(t) } else { strings.append("") }
        case .boolean:
            if case .boolean(let b) = v { bools.append(b) } else { bools.append(false) }
        }
    }

    func build() -> Vector {
        let n = nulls.count
        switch type {
        case .integer, .null:
            if !wide.isEmpty { return Vector.integer(wide: pad(wide, 0, n), nulls: nulls) }
            return Vector(.integer(pad(ints, 0, n)), nulls: nulls, count: n)
        case .decimal(let s):
            let units = pad(wide, 0, n)
            var narrow = [Int64](repeating: 0, count: n)
            for i in 0..<n {
                guard let u = Int64(exactly: units[i]) else { return Vector(.wideDecimal(units, scale: s), nulls: nulls, count: n) }
                narrow[i] = u
            }
            return Vector(.decimal(narrow, scale: s), nulls: nulls, count: n)
        case .boolean:
            return Vector(.boolean(pad(bools, false, n)), nulls: nulls, count: n)
        case .text:
            var dictionary: [String] = []
            var index: [String: UInt32] = [:]
            var codes: [UInt32] = []
            codes.reserveCapacity(n)
            for (i, s) in pad(strings, "", n).enumerated() {
                let key = nulls[i] ? "" : s
                if let c = index[key] { codes.append(c) } else {
                    let c = UInt32(dictionary.count)
                    dictionary.append(key)
                    index[key] = c
                    codes.append(c)
                }
            }
            if dictionary.isEmpty { dictionary = [""] }
            return Vector(.text(codes, dictionary: dictionary), nulls: nulls, count: n)
        }
    }

    private func pad<T>(_ a: [T], _ zero: T, _ n: Int) -> [T] {
        a.count >= n ? Array(a.prefix(n)) : a + [T](repeating: zero, count: n - a.count)
    }
}
