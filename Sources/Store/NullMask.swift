/// Which rows of a column are NULL, one bit per row.
public struct NullMask: Sendable, Hashable {
    public private(set) var words: [UInt64]
    public private(set) var count: Int

    public init(count: Int = 0) {
        self.count = count
        self.words = Array(repeating: 0, count: (count + 63) / 64)
    }

    /// A mask from packed bits (bit `row % 64` of word `row / 64` set = NULL), as column builders
    /// and the binary cache hold them: taken whole, with missing words as no NULLs and bits past
    /// `count` cleared, so masks compare equal by value.
    public init(words: [UInt64], count: Int) {
        let needed = (max(0, count) + 63) / 64
        var packed = Array(words.prefix(needed))
        packed.append(contentsOf: repeatElement(0, count: needed - packed.count))
        if count & 63 != 0, let last = packed.indices.last {
            packed[last] &= (1 << UInt64(count & 63)) - 1
        }
        self.words = packed
        self.count = max(0, count)
    }

    public subscript(row: Int) -> Bool {
        (words[row >> 6] >> UInt64(row & 63)) & 1 == 1
    }

    public mutating func append(_ isNull: Bool) {
        if count & 63 == 0 { words.append(0) }
        if isNull { words[count >> 6] |= 1 << UInt64(count & 63) }
        count += 1
    }

    public var hasNulls: Bool { words.contains { $0 != 0 } }
}
