/// Gives each distinct value of a key column a dense id, across batches: the heart of hash
/// aggregation, hash joins, DISTINCT and count(DISTINCT). Small non-negative integers (codes,
/// years) are looked up in an array; text is interned once per dictionary entry.
final class KeyInterner {
    let type: SQLType
    private var integerIDs: [Int64: Int32] = [:]
    /// Direct ids for integers in 0..<directLimit (-1: not seen yet).
    private var directIDs: [Int32] = []
    private static let directLimit: Int64 = 1 << 16
    private var textIDs: [String: Int32] = [:]
    private var wideIDs: [Int128: Int32] = [:]
    private var nullID: Int32?
    private var falseID: Int32?, trueID: Int32?
    private var cachedDictionary: [String]?
    private var cachedCodeIDs: [Int32] = []
    private(set) var representatives: VectorBuilder
    private(set) var count: Int32 = 0

    init(type: SQLType) {
        self.type = type
        representatives = VectorBuilder(type: type)
    }

    private func newID(_ v: ScalarValue) -> Int32 {
        let id = count
        count += 1
        representatives.append(v)
        return id
    }

    /// Ids for each value of `v`; NULL gets an id of its own (callers that must not match NULLs
    /// check the vector's nulls themselves).
    func ids(_ v: Vector) -> [Int32] {
        let n = v.count
        var out = [Int32](repeating: 0, count: n)
        switch v.storage {
        case .integer(let x), .decimal(let x, _):
            let isDecimal: Int? = { if case .decimal(_, let s) = v.storage { return s } else { return nil } }()
            if v.nulls == nil, let small = x.min(), small >= 0, let large = x.max(), large < KeyInterner.directLimit {
                // Codes and years: a direct table, no hashing, on a local copy of the table.
                if directIDs.isEmpty { directIDs = [Int32](repeating: -1, count: Int(KeyInterner.directLimit)) }
                var direct = directIDs
                directIDs = []
                for i in 0..<n {
                    let slot = Int(x[i])
                    var id = direct[slot]
                    if id < 0 {
                        id = newID(isDecimal.map { .decimal(x[i], scale: $0) } ?? .integer(x[i]))
                        direct[slot] = id
                    }
                    out[i] = id
                }
                directIDs = direct
                return out
            }
            for i in 0..<n {
                if v.isNull(i) { out[i] = nullKey(); continue }
                let value = x[i]
                if value >= 0 && value < KeyInterner.directLimit {
                    if directIDs.isEmpty { directIDs = [Int32](repeating: -1, count: Int(KeyInterner.directLimit)) }
                    let slot = Int(value)
                    var id = directIDs[slot]
                    if id < 0 {
                        id = newID(isDecimal.map { .decimal(value, scale: $0) } ?? .integer(value))
                        directIDs[slot] = id
                    }
                    out[i] = id
                } else if let id = integerIDs[value] {
                    out[i] = id
                } else {
                    let id = newID(isDecimal.map { .decimal(value, scale: $0) } ?? .integer(value))
                    integerIDs[value] = id
                    out[i] = id
                }
            }
        case .text(let codes, let dictionary):
            if cachedDictionary.map({ $0 != dictionary }) ?? true {
                cachedDictionary = dictionary
                cachedCodeIDs = [Int32](repeating: -1, count: dictionary.count)
            }
            var cache = cachedCodeIDs
            cachedCodeIDs = []
            for i in 0..<n {
                if v.isNull(i) { out[i] = nullKey(); continue }
                let code = Int(codes[i])
                var id = cache[code]
                if id < 0 {
                    let s = dictionary[code]
                    if let existing = textIDs[s] { id = existing } else {
                        id = newID(.text(s))
                        textIDs[s] = id
                    }
                    cache[code] = id
                }
                out[i] = id
            }
            cachedCodeIDs = cache
        case .wideDecimal(let x, let s):
            for i in 0..<n {
                if v.isNull(i) { out[i] = nullKey(); continue }
                if let id = wideIDs[x[i]] { out[i] = id } else {
                    let id = newID(Int64(exactly: x[i]).map { .decimal($0, scale: s) } ?? .wideDecimal(x[i], scale: s))
                    wideIDs[x[i]] = id
                    out[i] = id
                }
            }
        case .boolean(let x):
            for i in 0..<n {
                if v.isNull(i) { out[i] = nullKey(); continue }
                if x[i] {
                    if trueID == nil { trueID = newID(.boolean(true)) }
                    out[i] = trueID ?? 0
                } else {
                    if falseID == nil { falseID = newID(.boolean(false)) }
                    out[i] = falseID ?? 0
                }
            }
        }
        return out
    }

    private func nullKey() -> Int32 {
        if let nullID { return nullID }
        let id = newID(.null)
        nullID = id
        return id
    }
}

/// Dense ids for tuples of keys: one interner per key, then pairs of ids folded left to right.
final class GroupIndex {
    let interners: [KeyInterner]
    private var pairIDs: [[UInt64: Int32]]
    private var pairCounts: [Int32]
    /// For each group, the id of each key's value (to rebuild the key columns).
    private(set) var keyIDsOfGroup: [[Int32]]
    private(set) var groupCount = 0

    init(types: [SQLType]) {
        interners = types.map { KeyInterner(type: $0) }
        pairIDs = Array(repeating: [:], count: max(0, types.count - 1))
        pairCounts = Array(repeating: 0, count: max(0, types.count - 1))
        keyIDsOfGroup = Array(repeating: [], count: types.count)
    }

    /// The group of each row; new groups are created as they appear.
    func groupIDs(_ keys: [Vector]) -> [Int32] {
        guard let first = keys.first else { return [] }
        let n = first.count
        let perKey = zip(interners, keys).map { $0.ids($1) }
        var combined = perKey[0]
        for k in (keys.count > 1 ? 1..<keys.count : 1..<1) {
            let next = perKey[k]
            for i in 0..<n {
                let pair = UInt64(UInt32(bitPattern: combined[i])) << 32 | UInt64(UInt32(bitPattern: next[i]))
                if let id = pairIDs[k - 1][pair] { combined[i] = id } else {
                    let id = pairCounts[k - 1]
                    pairCounts[k - 1] += 1
                    pairIDs[k - 1][pair] = id
                    combined[i] = id
                }
            }
        }
        // Record the key ids of groups seen for the first time.
        for i in 0..<n where Int(combined[i]) >= groupCount {
            let g = Int(combined[i])
            // Ids are handed out in order, so a new group is exactly groupCount.
            if g == groupCount {
                for k in 0..<keys.count { keyIDsOfGroup[k].append(perKey[k][i]) }
                groupCount += 1
            }
        }
        return combined
    }

    /// The key columns of all groups, in group order.
    func keyVectors() -> [Vector] {
        interners.enumerated().map { k, interner in
            interner.representatives.build().gathering(keyIDsOfGroup[k])
        }
    }
}
