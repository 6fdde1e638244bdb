/// The binary form of loaded tables: a versioned, checksummed header, then each column as typed
/// blocks (packed codes, decimal units, null bitmap, dictionary bytes) copied in bulk.
///
/// Layout (little-endian): magic "BQLTABLE", format version, payload length, XXH64 of the
/// payload, XXH64 of the header; the payload holds the notes (texts the loader wants repeated,
/// e.g. its warnings), the fingerprint (64-bit hashes the loader compares across files: ingest's
/// duplicate detection), then the tables. Version 2 added the fingerprint.
public enum TableArchive {
    public static let formatVersion: UInt32 = 2
    static let magic: [UInt8] = Array("BQLTABLE".utf8)
    static let headerSize = 8 + 4 + 4 + 8 + 8 + 8

    enum StorageTag: UInt8 { case int8 = 1, int16, int32, int64, decimal, text, boolean }
    enum TypeTag: UInt8 { case integer = 1, decimal, text, boolean }

    /// The archive of `tables` (and `notes`, `fingerprint`) as bytes.
    public static func encode(_ tables: [Table], notes: [String] = [], fingerprint: [UInt64] = []) -> [UInt8] {
        var payload = ArchiveWriter()
        payload.reserve(tables.reduce(0) { $0 + $1.storageBytes } + 4096)
        payload.append(UInt32(notes.count))
        for note in notes { payload.append(note) }
        payload.appendBlock(fingerprint)
        payload.append(UInt32(tables.count))
        for table in tables {
            payload.append(table.name)
            payload.append(UInt64(table.rowCount))
            payload.append(UInt32(table.columns.count))
            for column in table.columns { encode(column, into: &payload) }
        }
        var out = ArchiveWriter()
        out.reserve(payload.bytes.count + headerSize)
        for b in magic { out.append(b) }
        out.append(formatVersion)
        out.append(UInt32(0))
        out.append(UInt64(payload.bytes.count))
        out.append(XXHash64.hash(payload.bytes))
        let headerHash = XXHash64.hash(out.bytes)
        out.append(headerHash)
        var bytes = out.bytes
        bytes.append(contentsOf: payload.bytes)
        return bytes
    }

    private static func encode(_ column: Column, into w: inout ArchiveWriter) {
        w.append(column.name)
        let type: TypeTag = switch column.type {
        case .integer: .integer
        case .decimal: .decimal
        case .text: .text
        case .boolean: .boolean
        }
        w.append(type.rawValue)
        if let nulls = column.nulls {
            w.append(UInt8(1))
            w.append(UInt64(nulls.count))
            w.appendBlock(nulls.words)
        } else {
            w.append(UInt8(0))
        }
        switch column.storage {
        case .integer(let packed):
            encode(packed, into: &w)
        case .decimal(let units, let scale):
            w.append(StorageTag.decimal.rawValue)
            w.append(UInt32(scale))
            w.appendBlock(units)
        case .text(let codes, let dictionary):
            w.append(StorageTag.text.rawValue)
            encode(codes, into: &w)
            // Lengths as one block, then all the entries' bytes as one block.
            var lengths: [UInt32] = []
            lengths.reserveCapacity(dictionary.count)
            var blob: [UInt8] = []
            for entry in dictionary {
                let before = blob.count
                blob.append(contentsOf: entry.utf8)
                lengths.append(UInt32(blob.count - before))
            }
            w.appendBlock(lengths)
            w.appendBlock(blob)
        case .boolean(let values):
            w.append(StorageTag.boolean.rawValue)
            w.appendBlock(values.map { $0 ? UInt8(1) : UInt8(0) })
        }
    }

    private static func encode(_ packed: PackedIntegers, into w: inout ArchiveWriter) {
        switch packed {
        case .int8(let a): w.append(StorageTag.int8.rawValue); w.appendBlock(a)
        case .int16(let a): w.append(StorageTag.int16.rawValue); w.appendBlock(a)
        case .int32(let a): w.append(StorageTag.int32.rawValue); w.appendBlock(a)
        case .int64(let a): w.append(StorageTag.int64.rawValue); w.appendBlock(a)
        }
    }

    /// Reads an archive back; any damage (wrong magic or version, checksum mismatch, truncation,
    /// inconsistent lengths) is an `ArchiveError`, never a crash.
    public static func decode(_ bytes: UnsafeRawBufferPointer) throws(ArchiveError)
        -> (tables: [Table], notes: [String], fingerprint: [UInt64]) {
        guard bytes.count >= headerSize, let base = bytes.baseAddress else {
            throw ArchiveError("shorter than the header (\(bytes.count) bytes)")
        }
        guard Array(UnsafeRawBufferPointer(start: base, count: 8)) == magic else {
            throw ArchiveError("not a BudgetQL table archive")
        }
        var header = ArchiveReader(bytes, offset: 8)
        let version = try header.read(UInt32.self)
        guard version == formatVersion else {
            throw ArchiveError("format version \(version), this build reads \(formatVersion)")
        }
        _ = try header.read(UInt32.self)
        let payloadLength = try header.read(UInt64.self)
        let payloadHash = try header.read(UInt64.self)
        let headerHash = try header.read(UInt64.self)
        guard XXHash64.hash(UnsafeRawBufferPointer(start: base, count: headerSize - 8)) == headerHash else {
            throw ArchiveError("header checksum mismatch")
        }
        guard payloadLength == UInt64(bytes.count - headerSize) else {
            throw ArchiveError("payload is \(bytes.count - headerSize) bytes, header says \(payloadLength) (truncated?)")
        }
        let payload = UnsafeRawBufferPointer(start: base + headerSize, count: bytes.count - headerSize)
        guard XXHash64.hash(payload) == payloadHash else { throw ArchiveError("payload checksum mismatch") }

        var r = ArchiveReader(payload)
        let noteCount = Int(try r.read(UInt32.self))
        var notes: [String] = []
        for _ in 0..<min(noteCount, r.remaining) { notes.append(try r.readString()) }
        let fingerprint = try r.readBlock(UInt64.self)
        let tableCount = Int(try r.read(UInt32.self))
        guard tableCount <= r.remaining else { throw ArchiveError("table count \(tableCount) is implausible") }
        var tables: [Table] = []
        for _ in 0..<tableCount {
            let name = try r.readString()
            let rows = try r.readCount(limit: Int(Int32.max) * 64)
            let columnCount = Int(try r.read(UInt32.self))
            guard columnCount <= r.remaining else { throw ArchiveError("column count \(columnCount) is implausible") }
            var columns: [Column] = []
            for _ in 0..<columnCount {
                let column = try decodeColumn(&r)
                guard column.count == rows else {
                    throw ArchiveError("\(name).\(column.name) has \(column.count) rows, the table \(rows)")
                }
                columns.append(column)
            }
            tables.append(Table(name: name, columns: columns))
        }
        guard r.remaining == 0 else { throw ArchiveError("\(r.remaining) bytes left over after the last table") }
        return (tables, notes, fingerprint)
    }

    private static func decodeColumn(_ r: inout ArchiveReader) throws(ArchiveError) -> Column {
        let name = try r.readString()
        guard let typeTag = TypeTag(rawValue: try r.read(UInt8.self)) else { throw ArchiveError("\(name): unknown column type") }
        var nulls: NullMask?
        if try r.read(UInt8.self) == 1 {
            let count = try r.readCount(limit: Int.max / 2)
            let words = try r.readBlock(UInt64.self)
            guard words.count == (count + 63) / 64 else { throw ArchiveError("\(name): null bitmap size mismatch") }
            nulls = NullMask(words: words, count: count)
        }
        guard let tag = StorageTag(rawValue: try r.read(UInt8.self)) else { throw ArchiveError("\(name): unknown storage") }
        let type: ColumnType
        let storage: ColumnStorage
        switch (typeTag, tag) {
        case (.integer, .int8), (.integer, .int16), (.integer, .int32), (.integer, .int64):
            type = .integer
            storage = .integer(try decodePacked(tag, &r))
        case (.decimal, .decimal):
            type = .decimal
            let scale = Int(try r.read(UInt32.self))
            guard scale <= ExactDecimal.maxScale else { throw ArchiveError("\(name): decimal scale \(scale)") }
            storage = .decimal(units: try r.readBlock(Int64.self), scale: scale)
        case (.text, .text):
            type = .text
            guard let codeTag = StorageTag(rawValue: try r.read(UInt8.self)) else { throw ArchiveError("\(name): unknown code width") }
            let codes = try decodePacked(codeTag, &r)
            let lengths = try r.readBlock(UInt32.self)
            let blobLength = try r.readCount(limit: r.remaining)
            let blob = try r.readRaw(blobLength)
            var dictionary: [String] = []
            dictionary.reserveCapacity(lengths.count)
            var at = 0
            for length in lengths {
                let n = Int(length)
                guard at + n <= blob.count, let start = blob.baseAddress else { throw ArchiveError("\(name): dictionary overruns") }
                let entry = UnsafeRawBufferPointer(start: start + at, count: n).bindMemory(to: UInt8.self)
                guard let s = String(validating: entry, as: UTF8.self) else { throw ArchiveError("\(name): dictionary entry is not UTF-8") }
                dictionary.append(s)
                at += n
            }
            // Every code must name an entry: scans index the dictionary without checking.
            let limit = Int64(dictionary.count)
            if codes.count > 0 && !codesFit(codes, below: limit) {
                throw ArchiveError("\(name): a code is outside the dictionary")
            }
            storage = .text(codes: codes, dictionary: dictionary)
        case (.boolean, .boolean):
            type = .boolean
            storage = .boolean(try r.readBlock(UInt8.self).map { $0 != 0 })
        default:
            throw ArchiveError("\(name): storage does not match the column type")
        }
        let column = Column(name: name, type: type, storage: storage, nulls: nulls)
        if let nulls, nulls.count != column.count { throw ArchiveError("\(name): null bitmap covers \(nulls.count) rows of \(column.count)") }
        return column
    }

    private static func decodePacked(_ tag: StorageTag, _ r: inout ArchiveReader) throws(ArchiveError) -> PackedIntegers {
        switch tag {
        case .int8: return .int8(try r.readBlock(Int8.self))
        case .int16: return .int16(try r.readBlock(Int16.self))
        case .int32: return .int32(try r.readBlock(Int32.self))
        case .int64: return .int64(try r.readBlock(Int64.self))
        default: throw ArchiveError("unknown integer width")
        }
    }

    private static func codesFit(_ codes: PackedIntegers, below limit: Int64) -> Bool {
        switch codes {
        case .int8(let a): return fit(a, below: limit)
        case .int16(let a): return fit(a, below: limit)
        case .int32(let a): return fit(a, below: limit)
        case .int64(let a): return fit(a, below: limit)
        }
    }

    /// A branch-free min/max pass (it vectorises), then one comparison.
    private static func fit<T: FixedWidthInteger & SignedInteger>(_ a: [T], below limit: Int64) -> Bool {
        var lo = T.max, hi = T.min
        a.withUnsafeBufferPointer { p in
            for v in p {
                lo = Swift.min(lo, v)
                hi = Swift.max(hi, v)
            }
        }
        return a.isEmpty || (lo >= 0 && Int64(hi) < limit)
    }
}
