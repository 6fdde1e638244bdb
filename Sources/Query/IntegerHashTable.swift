/// A hash map from 64-bit keys to dense 32-bit ids: open addressing with linear probing, for the
/// group and join keys the executor looks up once per row. About three times the speed of a
/// Swift Dictionary for this one job, because it never hashes through Hasher.
struct IntegerHashTable {
    private var keys: [UInt64]
    private var values: [Int32]   // -1: empty slot
    private var mask: Int
    /// 64 - log2(capacity): the slot is the top bits of the product, which depend on every bit
    /// of the key (packed keys differ in their high bits too).
    private var shift: UInt64
    private(set) var count = 0

    init(capacity: Int = 64) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        keys = [UInt64](repeating: 0, count: size)
        values = [Int32](repeating: -1, count: size)
        mask = size - 1
        shift = UInt64(64 - size.trailingZeroBitCount)
    }

    @inline(__always)
    private static func slot(_ key: UInt64, _ shift: UInt64) -> Int {
        // Fibonacci hashing: multiply by 2^64/φ, keep the top bits.
        var k = key
        k ^= k >> 31
        return Int(truncatingIfNeeded: (k &* 0x9E37_79B9_7F4A_7C15) >> shift)
    }

    /// The id stored for `key`, or `make()`'s new id, stored.
    @inline(__always)
    mutating func id(for key: UInt64, make: () -> Int32) -> Int32 {
        var i = IntegerHashTable.slot(key, shift)
        while true {
            let v = values[i]
            if v < 0 {
                let id = make()
                keys[i] = key
                values[i] = id
                count += 1
                if count * 2 > values.count { grow() }
                return id
            }
            if keys[i] == key { return v }
            i = (i + 1) & mask
        }
    }

    func lookup(_ key: UInt64) -> Int32? {
        var i = IntegerHashTable.slot(key, shift)
        while true {
            let v = values[i]
            if v < 0 { return nil }
            if keys[i] == key { return v }
            i = (i + 1) & mask
        }
    }

    private mutating func grow() {
        let oldKeys = keys, oldValues = values
        let size = values.count * 2
        keys = [UInt64](repeating: 0, count: size)
        values = [Int32](repeating: -1, count: size)
        mask = size - 1
        shift = UInt64(64 - size.trailingZeroBitCount)
        for j in 0..<oldValues.count where oldValues[j] >= 0 {
            var i = IntegerHashTable.slot(oldKeys[j], shift)
            while values[i] >= 0 { i = (i + 1) & mask }
            keys[i] = oldKeys[j]
            values[i] = oldValues[j]
        }
    }
}
