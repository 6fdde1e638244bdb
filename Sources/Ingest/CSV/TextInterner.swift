/// Dictionary-encodes text straight from the file's bytes: each distinct value becomes a String
/// once (checked as UTF-8 then), every other occurrence costs a hash, one probe and a word-wise
/// byte compare. This is what keeps 10M-row loads from allocating a String per cell.
///
/// The storage is manual (raw buffers, no array bounds, uniqueness or exclusivity checks) because
/// this is the innermost loop of a CSV load; every index is kept in range by construction. The
/// owner calls `release()` exactly once.
struct TextInterner {
    private(set) var dictionary: [String] = []
    /// The bytes of each entry, back to back, for comparing candidates without touching Strings.
    private var arena: UnsafeMutablePointer<UInt8>
    private var arenaCount = 0
    private var arenaCapacity = 4096
    private var spans: UnsafeMutablePointer<(start: Int, length: Int)>
    private var spanCapacity = 256
    /// Open addressing, load at most 1/2: high 32 bits of the hash, low 32 bits code + 1; 0 = empty.
    private var slots: UnsafeMutablePointer<UInt64>
    private var slotCount = 1024

    init() {
        arena = .allocate(capacity: arenaCapacity)
        spans = .allocate(capacity: spanCapacity)
        slots = .allocate(capacity: slotCount)
        slots.initialize(repeating: 0, count: slotCount)
    }

    func release() {
        arena.deallocate()
        spans.deallocate()
        slots.deallocate()
    }

    var count: Int { dictionary.count }

    /// The code of `bytes`, adding it when new; nil when the bytes are not valid UTF-8.
    @inline(__always)
    mutating func code(of bytes: UnsafeBufferPointer<UInt8>) -> UInt32? {
        let h = TextInterner.hash(bytes)
        let tag = h & 0xFFFF_FFFF_0000_0000
        let mask = slotCount - 1
        var slot = Int(truncatingIfNeeded: h) & mask
        let n = bytes.count
        while true {
            let s = slots[slot]
            if s == 0 { break }
            if s & 0xFFFF_FFFF_0000_0000 == tag {
                let c = Int(truncatingIfNeeded: s & 0xFFFF_FFFF) - 1
                let span = spans[c]
                if span.length == n && TextInterner.sameBytes(arena + span.start, bytes.baseAddress, n) {
                    return UInt32(c)
                }
            }
            slot = (slot + 1) & mask
        }
        return insert(bytes, tag: tag, slot: slot)
    }

    private mutating func insert(_ bytes: UnsafeBufferPointer<UInt8>, tag: UInt64, slot: Int) -> UInt32? {
        guard let string = String(validating: bytes, as: UTF8.self) else { return nil }
        let c = dictionary.count
        dictionary.append(string)
        if arenaCount + bytes.count > arenaCapacity {
            let capacity = max(arenaCapacity * 2, arenaCount + bytes.count)
            let bigger = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
            bigger.update(from: arena, count: arenaCount)
            arena.deallocate()
            arena = bigger
            arenaCapacity = capacity
        }
        if let source = bytes.baseAddress { (arena + arenaCount).update(from: source, count: bytes.count) }
        if c == spanCapacity {
            let bigger = UnsafeMutablePointer<(start: Int, length: Int)>.allocate(capacity: spanCapacity * 2)
            bigger.moveInitialize(from: spans, count: c)
            spans.deallocate()
            spans = bigger
            spanCapacity *= 2
        }
        (spans + c).initialize(to: (arenaCount, bytes.count))
        arenaCount += bytes.count
        slots[slot] = tag | UInt64(c + 1)
        if (c + 1) * 2 > slotCount { grow() }
        return UInt32(c)
    }

    private mutating func grow() {
        let size = slotCount * 2
        let fresh = UnsafeMutablePointer<UInt64>.allocate(capacity: size)
        fresh.initialize(repeating: 0, count: size)
        let mask = size - 1
        for c in 0..<dictionary.count {
            let span = spans[c]
            let h = TextInterner.hash(UnsafeBufferPointer(start: arena + span.start, count: span.length))
            var slot = Int(truncatingIfNeeded: h) & mask
            while fresh[slot] != 0 { slot = (slot + 1) & mask }
            fresh[slot] = (h & 0xFFFF_FFFF_0000_0000) | UInt64(c + 1)
        }
        slots.deallocate()
        slots = fresh
        slotCount = size
    }

    @inline(__always)
    static func sameBytes(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>?, _ n: Int) -> Bool {
        guard let b else { return n == 0 }
        let ra = UnsafeRawPointer(a), rb = UnsafeRawPointer(b)
        var i = 0
        while i + 8 <= n {
            if ra.loadUnaligned(fromByteOffset: i, as: UInt64.self) != rb.loadUnaligned(fromByteOffset: i, as: UInt64.self) {
                return false
            }
            i += 8
        }
        while i < n {
            if a[i] != b[i] { return false }
            i += 1
        }
        return true
    }

    /// A word-at-a-time multiplicative hash: the cells are short, so speed beats strength here.
    @inline(__always)
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        let n = bytes.count
        var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(n)
        guard let base = bytes.baseAddress else { return h }
        let raw = UnsafeRawPointer(base)
        if n >= 8 {
            var i = 0
            while i + 8 < n {
                h = (h ^ raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* 0x9FB2_1C65_1E98_DF25
                h ^= h >> 29
                i += 8
            }
            // The last word overlaps the previous one rather than finishing byte by byte.
            h = (h ^ raw.loadUnaligned(fromByteOffset: n - 8, as: UInt64.self)) &* 0x9FB2_1C65_1E98_DF25
            h ^= h >> 29
        } else {
            var w: UInt64 = 0
            for i in 0..<n { w |= UInt64(base[i]) << UInt64(i * 8) }
            h = (h ^ w) &* 0x9FB2_1C65_1E98_DF25
            h ^= h >> 29
        }
        h = (h ^ (h >> 32)) &* 0xD6E8_FEB8_6659_FD93
        return h ^ (h >> 32)
    }
}
