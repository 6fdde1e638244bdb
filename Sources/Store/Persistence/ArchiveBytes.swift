/// Appends little-endian scalars and whole typed arrays to a byte buffer: columns are written
/// as one block each, never value by value.
struct ArchiveWriter {
    private(set) var bytes: [UInt8] = []

    mutating func reserve(_ n: Int) { bytes.reserveCapacity(n) }

    mutating func append<T: FixedWidthInteger>(_ value: T) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    mutating func append(_ text: String) {
        let utf8 = Array(text.utf8)
        append(UInt32(utf8.count))
        bytes.append(contentsOf: utf8)
    }

    /// A count, then the elements' bytes as they lie in memory (little-endian hosts only).
    mutating func appendBlock<T: FixedWidthInteger>(_ values: [T]) {
        append(UInt64(values.count))
        values.withUnsafeBytes { bytes.append(contentsOf: $0) }
    }
}

/// Why archive bytes could not be read back.
public struct ArchiveError: Error, Sendable, CustomStringConvertible {
    public let reason: String
    public init(_ reason: String) { self.reason = reason }
    public var description: String { reason }
}

/// Reads what `ArchiveWriter` wrote, checking every length against the bytes left, so a
/// truncated or damaged archive is an error rather than a crash.
struct ArchiveReader {
    private let base: UnsafeRawBufferPointer
    private(set) var offset: Int

    init(_ base: UnsafeRawBufferPointer, offset: Int = 0) {
        self.base = base
        self.offset = offset
    }

    var remaining: Int { base.count - offset }

    mutating func read<T: FixedWidthInteger>(_: T.Type) throws(ArchiveError) -> T {
        let size = MemoryLayout<T>.size
        guard remaining >= size, let start = base.baseAddress else { throw ArchiveError("archive ends early") }
        let v = start.loadUnaligned(fromByteOffset: offset, as: T.self)
        offset += size
        return T(littleEndian: v)
    }

    mutating func readCount(limit: Int) throws(ArchiveError) -> Int {
        let n = try read(UInt64.self)
        guard n <= UInt64(limit) else { throw ArchiveError("a length of \(n) is beyond the archive (\(limit))") }
        return Int(n)
    }

    mutating func readString() throws(ArchiveError) -> String {
        let n = Int(try read(UInt32.self))
        guard n <= remaining, let start = base.baseAddress else { throw ArchiveError("archive ends inside a name") }
        let buffer = UnsafeRawBufferPointer(start: start + offset, count: n)
        offset += n
        guard let s = String(validating: buffer.bindMemory(to: UInt8.self), as: UTF8.self) else {
            throw ArchiveError("a name is not valid UTF-8")
        }
        return s
    }

    /// A block written by `appendBlock`, copied into a new array in one go.
    mutating func readBlock<T: FixedWidthInteger>(_: T.Type) throws(ArchiveError) -> [T] {
        let size = MemoryLayout<T>.size
        let n = try readCount(limit: remaining / size)
        let byteCount = n * size
        guard let start = base.baseAddress else { return [] }
        let source = start + offset
        offset += byteCount
        return [T](unsafeUninitializedCapacity: n) { buffer, initialized in
            if let destination = buffer.baseAddress {
                UnsafeMutableRawPointer(destination).copyMemory(from: source, byteCount: byteCount)
            }
            initialized = n
        }
    }

    /// `length` raw bytes in place (valid while the archive's bytes are).
    mutating func readRaw(_ length: Int) throws(ArchiveError) -> UnsafeRawBufferPointer {
        guard length >= 0, length <= remaining, let start = base.baseAddress else {
            throw ArchiveError("archive ends early")
        }
        let slice = UnsafeRawBufferPointer(start: start + offset, count: length)
        offset += length
        return slice
    }
}
