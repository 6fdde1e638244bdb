/// Gives each distinct value of a key column a dense id, across batches: the heart of hash
/// aggregation, hash joins, DISTINCT and count(DISTINCT). Small non-negative integers (codes,
/// years) are looked up in an array; text is interned once per dictionary entry.
final class KeyInterner {
    let type: SQLType
    private var integerIDs = IntegerHashTable()
    /// Direct ids for integers in 0..<directLimit (-1: not seen yet).
    private var directIDs: [Int32] = []
    private static let directLimit: Int64 = 1 << 16
    private var textIDs: [String: Int32] = [:]
    private var wideIDs: [Int128: Int32] = [:]
    private var nullID: Int32?
    private var falseID: Int32?, trueID: Int32?
    private var cachedDictionary: [String]?
    private var cachedCodeIDs: [Int32] = []
    /// For text: each id's code in `cachedDictionary`, while every value came from that one
    /// dictionary (a stored column's); what a merge looks values up by (`valuesAsSourceCodes`).
    private var sourceCodes: [UInt32] = []
    private var sourceCodesValid = true
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
            if v.nulls == nil, let (small, large) = KeyInterner.bounds(x), small >= 0, large < KeyInterner.directLimit {
                // Codes and years: a direct table, no hashing, on a local copy of the table,
                // read and written through pointers (PERF Q2: this loop is the GROUP BY).
                if directIDs.isEmpty { directIDs = [Int32](repeating: -1, count: Int(KeyInterner.directLimit)) }
                var direct = directIDs
                directIDs = []
                x.withUnsafeBufferPointer { xp in
                    out.withUnsafeMutableBufferPointer { op in
                        direct.withUnsafeMutableBufferPointer { dp in
                            for i in 0..<n {
                                let slot = Int(xp[i])
                                var id = dp[slot]
                                if id < 0 {
                                    id = newID(isDecimal.map { .decimal(xp[i], scale: $0) } ?? .integer(xp[i]))
                                    dp[slot] = id
                                }
                                op[i] = id
                            }
                        }
                    }
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
                } else {
                    var table = integerIDs
                    integerIDs = IntegerHashTable()
                    out[i] = table.id(for: UInt64(bitPattern: value)) { newID(isDecimal.map { .decimal(value, scale: $0) } ?? .integer(value)) }
                    integerIDs = table
                }
            }
        case .text(let codes, let dictionary):
            if cachedDictionary.map({ $0 != dictionary }) ?? true {
                if cachedDictionary != nil { sourceCodesValid = false }
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
                        sourceCodes.append(UInt32(code))
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

    /// The smallest and largest value in one pass the compiler can vectorise (the standard
    /// library's min() and max() are two generic passes, and showed in PERF Q2's profile).
    static func bounds(_ x: [Int64]) -> (Int64, Int64)? {
        guard let head = x.first else { return nil }
        return x.withUnsafeBufferPointer { p in
            var small = head, large = head
            for v in p {
                small = v < small ? v : small
                large = v > large ? v : large
            }
            return (small, large)
        }
    }

    /// The values of ids 0..<count as codes into the one dictionary they were read from, or nil
    /// (not text, or read from more than one dictionary). Merging partial aggregations through
    /// these looks each value up by its code, as the partial did: hashing Chinese text (Swift
    /// normalises it first) cost more than the merge saved (PERF Q3 on two threads).
    func valuesAsSourceCodes() -> Vector? {
        guard sourceCodesValid, let dictionary = cachedDictionary, sourceCodes.count == Int(count) else { return nil }
        let nulls = nullID.map { null in (0..<Int(count)).map { $0 == Int(null) } }
        return Vector(.text(sourceCodes, dictionary: dictionary), nulls: nulls, count: Int(count))
    }

    private func nullKey() -> Int32 {
        if let nullID { return nullID }
        if case .text = representatives.type { sourceCodes.append(0) }
        let id = newID(.null)
        nullID = id
        return id
    }
}

/// Dense ids for tuples of keys. Each key's value gets an id from its interner; the ids of a
/// row are packed into one 64-bit word (16 bits each for up to four keys) and looked up in one
/// hash table. When a key outgrows its bits, the index falls back to folding pairs of ids left to
/// right, rebuilt from the groups seen so far.
final class GroupIndex {
    let interners: [KeyInterner]
    private var packed = IntegerHashTable()
    private var usePairs: Bool
    private let bits: Int
    private var pairIDs: [IntegerHashTable]
    private var pairCounts: [Int32]
    /// For each group, the id of each key's value (to rebuild the key columns).
    private(set) var keyIDsOfGroup: [[Int32]]
    private(set) var groupCount = 0
    /// Where `IntegerHashTable.touch` results go (never read): keeps the warming loads alive.
    private var touched: Int32 = 0

    /// `expectedGroups`: an upper bound known in advance (a join's build side), so the table is
    /// sized once instead of growing and rehashing a million groups several times.
    init(types: [SQLType], expectedGroups: Int = 0) {
        interners = types.map { KeyInterner(type: $0) }
        // Only the packed path (2 to 4 keys) uses this table; at most 2^22 slots (64 MB).
        if expectedGroups > 0, (2...4).contains(types.count) { packed = IntegerHashTable(capacity: min(expectedGroups, 1 << 21)) }
        pairIDs = Array(repeating: IntegerHashTable(), count: max(0, types.count - 1))
        pairCounts = Array(repeating: 0, count: max(0, types.count - 1))
        keyIDsOfGroup = Array(repeating: [], count: types.count)
        bits = types.count <= 1 ? 32 : 64 / types.count
        usePairs = types.count > 4
    }

    /// The group of each row; new groups are created as they appear.
    func groupIDs(_ keys: [Vector]) -> [Int32] {
        guard let first = keys.first else { return [] }
        let n = first.count
        let perKey = zip(interners, keys).map { $0.ids($1) }
        if keys.count == 1 {
            let ids = perKey[0]
            for i in 0..<n where Int(ids[i]) == groupCount {
                keyIDsOfGroup[0].append(ids[i])
                groupCount += 1
            }
            return ids
        }
        if !usePairs, interners.allSatisfy({ Int($0.count) < (1 << bits) }) {
            // Locals, not stored properties, inside the loop: no exclusivity checks per row.
            var out = [Int32](repeating: 0, count: n)
            var table = packed
            packed = IntegerHashTable()
            var groupKeys = keyIDsOfGroup
            keyIDsOfGroup = []
            var groups = groupCount
            let width = UInt64(bits), keyCount = keys.count
            var packedKeys = [UInt64](repeating: 0, count: n)
            for k in 0..<keyCount {
                let ids = perKey[k]
                for i in 0..<n { packedKeys[i] = packedKeys[i] << width | UInt64(UInt32(bitPattern: ids[i])) }
            }
            // Hundreds of thousands of groups outgrow the cache: overlap the misses first.
            if table.count > 16_384 { touched &+= table.touch(packedKeys) }
            // New groups' rows are noted and their key ids copied after the loop, key by key:
            // appending to nested arrays inside it paid a uniqueness check per key (PERF Q4).
            var newRows: [Int] = []
            for i in 0..<n {
                let key = packedKeys[i]
                out[i] = table.id(for: key) {
                    let g = Int32(groups)
                    newRows.append(i)
                    groups += 1
                    return g
                }
            }
            for k in 0..<keyCount {
                let ids = perKey[k]
                for i in newRows { groupKeys[k].append(ids[i]) }
            }
            packed = table
            keyIDsOfGroup = groupKeys
            groupCount = groups
            return out
        }
        if !usePairs { switchToPairs() }
        var combined = perKey[0]
        var newGroup = [Bool](repeating: false, count: n)
        for k in 1..<keys.count {
            let next = perKey[k]
            var table = pairIDs[k - 1]
            pairIDs[k - 1] = IntegerHashTable()
            var counter = pairCounts[k - 1]
            let last = k == keys.count - 1
            for i in 0..<n {
                let pair = UInt64(UInt32(bitPattern: combined[i])) << 32 | UInt64(UInt32(bitPattern: next[i]))
                combined[i] = table.id(for: pair) {
                    let id = counter
                    counter += 1
                    if last { newGroup[i] = true }
                    return id
                }
            }
            pairIDs[k - 1] = table
            pairCounts[k - 1] = counter
        }
        for i in 0..<n where newGroup[i] {
            for k in 0..<keys.count { keyIDsOfGroup[k].append(perKey[k][i]) }
            groupCount += 1
        }
        return combined
    }

    /// Rebuilds the pair tables from the groups so far; group ids stay what they were.
    private func switchToPairs() {
        usePairs = true
        let k = interners.count
        for g in 0..<groupCount {
            var combined = keyIDsOfGroup[0][g]
            for j in 1..<k {
                let pair = UInt64(UInt32(bitPattern: combined)) << 32 | UInt64(UInt32(bitPattern: keyIDsOfGroup[j][g]))
                let last = j == k - 1
                var counter = pairCounts[j - 1]
                combined = pairIDs[j - 1].id(for: pair) {
                    let id = last ? Int32(g) : counter
                    counter += 1
                    return id
                }
                pairCounts[j - 1] = counter
            }
        }
    }

    /// The key columns of all groups for another index to look up (PartialAggregation.merge):
    /// text keys as codes into the column's dictionary where they can be, not as new text.
    func keyVectorsForLookup() -> [Vector] {
        interners.enumerated().map { k, interner in
            (interner.valuesAsSourceCodes() ?? interner.representatives.build()).gathering(keyIDsOfGroup[k])
        }
    }

    /// The key columns of all groups, in group order.
    func keyVectors() -> [Vector] {
        interners.enumerated().map { k, interner in
            interner.representatives.build().gathering(keyIDsOfGroup[k])
        }
    }
}
