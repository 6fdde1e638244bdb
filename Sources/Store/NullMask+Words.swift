extension NullMask {
    /// A mask from packed bits (bit `row % 64` of word `row / 64` set = NULL), as column builders
    /// and the binary cache hold them. Bits past `count` are ignored.
    public init(words: [UInt64], count: Int) {
        self.init()
        for row in 0..<count {
            let w = row >> 6
            append(w < words.count && (words[w] >> UInt64(row & 63)) & 1 == 1)
        }
    }
}
