#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Dictionary-encodes text straight from the file's bytes: each distinct value becomes a String
/// once (checked as UTF-8 then), every other occurrence costs a hash and a byte compare. This is
/// what keeps 10M-row loads from allocating a String per cell.
struct TextInterner {
    private(set) var dictionary: [String] = []
    /// The bytes of each entry, back to back, for comparing candidates without touching Strings.
    private var arena: [UInt8] = []
    private var starts: [Int] = [0]
    private var hashes: [UInt64] = []
    /// Open addressing: code + 1, 0 = empty slot.
    private var slots: [UInt32] = Array(repeating: 0, count: 1024)
    private var mask = 1023

    var count: Int { dictionary.count }

    /// The code of `bytes`, adding it when new; nil when the bytes are not valid UTF-8.
    mutating func code(of bytes: UnsafeBufferPointer<UInt8>) -> UInt32? {
        let h = TextInterner.hash(bytes)
        var slot = Int(truncatingIfNeeded: h) & mask
        while true {
            let s = slots[slot]
            if s == 0 { break }
            let c = Int(s - 1)
            if hashes[c] == h && equals(entry: c, bytes) { return s - 1 }
            slot = (slot + 1) & mask
        }
        guard let string = String(validating: bytes, as: UTF8.self) else { return nil }
        let c = UInt32(dictionary.count)
        dictionary.append(string)
        arena.append(contentsOf: bytes)
        starts.append(arena.count)
        hashes.append(h)
        slots[slot] = c + 1
        if dictionary.count * 2 > slots.count { grow() }
        return c
    }

    private func equals(entry c: Int, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = starts[c], length = starts[c + 1] - start
        guard length == bytes.count else { return false }
        if length == 0 { return true }
        return arena.withUnsafeBufferPointer { a in
            guard let ab = a.baseAddress, let bb = bytes.baseAddress else { return false }
            return memcmp(ab + start, bb, length) == 0
        }
    }

    private mutating func grow() {
        let size = slots.count * 2
        var fresh = [UInt32](repeating: 0, count: size)
        let m = size - 1
        for c in 0..<dictionary.count {
            var slot = Int(truncatingIfNeeded: hashes[c]) & m
            while fresh[slot] != 0 { slot = (slot + 1) & m }
            fresh[slot] = UInt32(c + 1)
        }
        slots = fresh
        mask = m
    }

    /// A word-at-a-time multiplicative hash: the cells are short, so speed beats strength here.
    @inline(__always)
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(bytes.count)
        guard let base = bytes.baseAddress else { return h }
        let raw = UnsafeRawPointer(base)
        var i = 0
        let n = bytes.count
        while i + 8 <= n {
            let w = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
            h = (h ^ w) &* 0x9FB2_1C65_1E98_DF25
            h ^= h >> 29
            i += 8
        }
        if i < n {
            var w: UInt64 = 0
            var shift: UInt64 = 0
            while i < n { w |= UInt64(base[i]) << shift; shift += 8; i += 1 }
            h = (h ^ w) &* 0x9FB2_1C65_1E98_DF25
            h ^= h >> 29
        }
        h = (h ^ (h >> 32)) &* 0xD6E8_FEB8_6659_FD93
        return h ^ (h >> 32)
    }
}
