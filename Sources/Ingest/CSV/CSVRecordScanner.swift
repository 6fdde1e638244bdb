/// Why the bytes of a record could not be split into fields.
enum ScanProblem: Error {
    case unterminatedQuote
    case textAfterClosingQuote
}

/// Splits CSV bytes (RFC 4180: comma-separated, `"` quotes, `""` inside quotes, CRLF or LF)
/// into fields without copying: a field is a view of the file's bytes, except a quoted field
/// with doubled quotes, which is unescaped into a scratch buffer that the next field reuses.
struct CSVRecordScanner: ~Copyable {
    enum Terminator { case comma, endOfRecord }

    private let base: UnsafePointer<UInt8>?
    private let end: Int
    private(set) var position: Int
    /// 1-based line of `position`.
    private(set) var line: Int
    private var scratch: UnsafeMutablePointer<UInt8>
    private var scratchCapacity: Int

    init(_ bytes: UnsafeBufferPointer<UInt8>, position: Int = 0, line: Int = 1) {
        base = bytes.baseAddress
        end = bytes.count
        self.position = position
        self.line = line
        scratchCapacity = 256
        scratch = .allocate(capacity: scratchCapacity)
    }

    deinit { scratch.deallocate() }

    var isAtEnd: Bool { position >= end }

    /// Steps over blank lines; false when no record is left.
    mutating func startRecord() -> Bool {
        guard let base else { return false }
        while position < end {
            let b = base[position]
            if b == 10 { position += 1; line += 1 }
            else if b == 13 {
                position += 1
                if position < end && base[position] == 10 { position += 1 }
                line += 1
            } else { return true }
        }
        return false
    }

    /// Skips a UTF-8 byte order mark at the start of the file.
    mutating func skipByteOrderMark() {
        guard let base, position == 0, end >= 3 else { return }
        if base[0] == 0xEF && base[1] == 0xBB && base[2] == 0xBF { position = 3 }
    }

    /// The next field and what ended it; after `.endOfRecord` the line break has been consumed.
    @inline(__always)
    mutating func nextField() throws(ScanProblem) -> (UnsafeBufferPointer<UInt8>, Terminator) {
        guard let base else { return (UnsafeBufferPointer(start: nil, count: 0), .endOfRecord) }
        if position < end && base[position] == UInt8(ascii: "\"") {
            return try quotedField(base)
        }
        let start = position
        var p = position
        while p < end {
            let b = base[p]
            // One compare rejects most bytes: the three delimiters are all below 45.
            if b <= 44 && (b == 44 || b == 10 || b == 13) { break }
            p += 1
        }
        let field = UnsafeBufferPointer(start: base + start, count: p - start)
        position = p
        return (field, finishField(base))
    }

    /// Consumes the delimiter at `position`: a comma, a line break, or the end of input.
    @inline(__always)
    private mutating func finishField(_ base: UnsafePointer<UInt8>) -> Terminator {
        guard position < end else { return .endOfRecord }
        let b = base[position]
        position += 1
        if b == 44 { return .comma }
        if b == 13 && position < end && base[position] == 10 { position += 1 }
        line += 1
        return .endOfRecord
    }

    private mutating func quotedField(_ base: UnsafePointer<UInt8>) throws(ScanProblem) -> (UnsafeBufferPointer<UInt8>, Terminator) {
        let openingLine = line
        var p = position + 1
        let start = p
        var copied = 0
        var escaped = false
        while true {
            guard p < end else { line = openingLine; throw .unterminatedQuote }
            let b = base[p]
            if b == UInt8(ascii: "\"") {
                if p + 1 < end && base[p + 1] == UInt8(ascii: "\"") {
                    // A doubled quote: from here on the field is unescaped into scratch.
                    if !escaped {
                        escaped = true
                        copied = p - start
                        reserveScratch(copied + 1)
                        scratch.update(from: base + start, count: copied)
                    }
                    reserveScratch(copied + 1)
                    scratch[copied] = b
                    copied += 1
                    p += 2
                    continue
                }
                break
            }
            if b == 10 { line += 1 }
            if escaped {
                reserveScratch(copied + 1)
                scratch[copied] = b
                copied += 1
            }
            p += 1
        }
        let field = escaped
            ? UnsafeBufferPointer(start: UnsafePointer(scratch), count: copied)
            : UnsafeBufferPointer(start: base + start, count: p - start)
        position = p + 1
        if position < end {
            let next = base[position]
            if next != 44 && next != 10 && next != 13 { throw .textAfterClosingQuote }
        }
        return (field, finishField(base))
    }

    private mutating func reserveScratch(_ n: Int) {
        guard n > scratchCapacity else { return }
        let bigger = UnsafeMutablePointer<UInt8>.allocate(capacity: max(n, scratchCapacity * 2))
        bigger.update(from: scratch, count: scratchCapacity)
        scratch.deallocate()
        scratch = bigger
        scratchCapacity = max(n, scratchCapacity * 2)
    }
}
