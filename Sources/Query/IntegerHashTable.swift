/// A hash map from 64-bit keys to dense 32-bit ids: open addressing with linear probing, for the
/// group and join keys the executor looks up once per row. About three times the speed of a
/// Swift Dictionary for this one job, because it never hashes through Hasher. Key and id share
/// one slot, so a probe of a large table (hundreds of thousands of groups) is one cache miss,
/// not two.
struct IntegerHashTable {
    private struct Slot {
        var key: UInt64
        var id: Int32   // -1: empty
    }
    private var slots: [Slot]
    private var mask: Int
    /// 64 - log2(capacity): the slot is the top bits of the product, which depend on every bit
    /// of the key (packed keys differ in their high bits too).
    private var shift: UInt64
    private(set) var count = 0

    init(capacity: Int = 64) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = [Slot](repeating: Slot(key: 0, id: -1), count: size)
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
            let s = slots[i]
            if s.id < 0 {
                let id = make()
                slots[i] = Slot(key: key, id: id)
                count += 1
                if count * 2 > slots.count { grow() }
                return id
            }
            if s.key == key { return s.id }
            i = (i + 1) & mask
        }
    }

    /// Reads the home slot of every key, in a loop whose loads do not depend on each other, so
    /// the processor overlaps the cache misses of a large table; the probes that follow (in
    /// `id(for:make:)`) then mostly hit the cache. The sum only keeps the loads from being
    /// optimised away.
    func touch(_ keys: [UInt64]) -> Int32 {
        var sum: Int32 = 0
        slots.withUnsafeBufferPointer { table in
            for key in keys { sum &+= table[IntegerHashTable.slot(key, shift)].id }
        }
        return sum
    }

    func lookup(_ key: UInt64) -> Int32? {
        var i = IntegerHashTable.slot(key, shift)
        while true {
            let s = slots[i]
            if s.id < 0 { return nil }
            if s.key == key { return s.id }
            i = (i + 1) & mask
        }
    }

    private mutating func grow() {
        let old = slots
        let size = slots.count * 2
        slots = [Slot](repeating: Slot(key: 0, id: -1), count: size)
        mask = size - 1
        shift = UInt64(64 - size.trailingZeroBitCount)
        slots.withUnsafeMutableBufferPointer { table in
            for s in old where s.id >= 0 {
                var i = IntegerHashTable.slot(s.key, shift)
                while table[i].id >= 0 { i = (i + 1) & mask }
                table[i] = s
            }
        }
    }
}
