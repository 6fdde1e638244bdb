/// Which rows of a column are NULL, one bit per row.
public struct NullMask: Sendable, Hashable {
    public private(set) var words: [UInt64]
    public private(set) var count: Int

    public init(count: Int = 0) {
        self.count = count
        self.words = Array(repeating: 0, count: (count + 63) / 64)
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
