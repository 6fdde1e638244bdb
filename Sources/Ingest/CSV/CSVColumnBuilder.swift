import Store

/// The type a CSV column is read as. Numbers are tried first; a cell that is not a number makes
/// the whole column text (the loader then reads the file again with that column as text, so the
/// text keeps the cells exactly as written, "007" stays "007").
enum CSVColumnKind: Sendable, Equatable {
    case integer
    case decimal
    /// true/false cells (any letter case); a column starts as integer and becomes boolean when
    /// its first value is one.
    case boolean
    case text
}

/// Why a cell could not go into its column as it is typed now.
enum CellProblem: Error {
    /// Not a number (or too large for 64-bit units): read the column as text.
    case needsText
    /// Text that is not valid UTF-8.
    case invalidUTF8
}

/// Builds one typed column while the file is scanned: integers and decimal units straight into
/// an Int64 array, text into codes through a `TextInterner`, NULLs into a bitmap allocated only
/// once a NULL is seen.
struct CSVColumnBuilder {
    private(set) var kind: CSVColumnKind
    private var numbers: ColumnBuffer<Int64>
    private var scale = 0
    private var codes: ColumnBuffer<UInt32>
    private var interner = TextInterner()
    private var nullWords: [UInt64] = []
    private var sawNull = false
    private(set) var count = 0
    /// Cells that were values (not NULL): a column turns boolean only before its first value.
    private(set) var values = 0

    init(kind: CSVColumnKind, expectedRows: Int) {
        self.kind = kind
        numbers = ColumnBuffer(capacity: kind == .text ? 16 : expectedRows)
        codes = ColumnBuffer(capacity: kind == .text ? expectedRows : 16)
    }

    /// Frees the buffers; call once, after `build` or when the load is abandoned.
    func release() {
        numbers.release()
        codes.release()
        interner.release()
    }

    mutating func reserve(_ rows: Int) {
        if kind == .text { codes.reserve(rows) } else { numbers.reserve(rows) }
    }

    /// Adds one cell; an empty cell is NULL.
    @inline(__always)
    mutating func append(_ cell: UnsafeBufferPointer<UInt8>) throws(CellProblem) {
        if cell.isEmpty {
            appendNull()
            return
        }
        switch kind {
        case .integer:
            if let v = CSVColumnBuilder.parseInteger(cell) {
                numbers.append(v)
            } else if let (units, s) = CSVColumnBuilder.parseDecimal(cell) {
                // Integers so far are units at scale 0: the column becomes decimal in place.
                kind = .decimal
                try appendDecimal(units, s)
            } else {
                // The slower forms analysts' files have: " 12 ", "1,234.50", "NA", "true".
                if CSVColumnBuilder.isNullToken(cell) { appendNull(); return }
                if let (units, s) = CSVColumnBuilder.parseWrittenNumber(cell) {
                    if s == 0 { numbers.append(units) } else { kind = .decimal; try appendDecimal(units, s) }
                } else if values == 0, let b = CSVColumnBuilder.parseBoolean(cell) {
                    kind = .boolean
                    numbers.append(b ? 1 : 0)
                } else {
                    throw .needsText
                }
            }
        case .decimal:
            if let (units, s) = CSVColumnBuilder.parseDecimal(cell) { try appendDecimal(units, s) }
            else if CSVColumnBuilder.isNullToken(cell) { appendNull(); return }
            else if let (units, s) = CSVColumnBuilder.parseWrittenNumber(cell) { try appendDecimal(units, s) }
            else { throw .needsText }
        case .boolean:
            if let b = CSVColumnBuilder.parseBoolean(cell) { numbers.append(b ? 1 : 0) }
            else if CSVColumnBuilder.isNullToken(cell) { appendNull(); return }
            else { throw .needsText }
        case .text:
            guard let c = interner.code(of: cell) else { throw .invalidUTF8 }
            codes.append(c)
        }
        count += 1
        values += 1
    }

    /// Cells that mean "no value" in analysts' files: NA, N/A, NULL, a lone - or — (any case,
    /// surrounding spaces allowed). In a number or boolean column they are NULL; in a text
    /// column they stay as written.
    static func isNullToken(_ cell: UnsafeBufferPointer<UInt8>) -> Bool {
        guard cell.count <= 8 else { return false }
        let word = String(decoding: cell, as: UTF8.self).trimmingSpaces.uppercased()
        return ["NA", "N/A", "NULL", "-", "—", "--"].contains(word)
    }

    static func parseBoolean(_ cell: UnsafeBufferPointer<UInt8>) -> Bool? {
        guard cell.count <= 8 else { return nil }
        switch String(decoding: cell, as: UTF8.self).trimmingSpaces.lowercased() {
        case "true": return true
        case "false": return false
        default: return nil
        }
    }

    /// A number as people write it: surrounding spaces, and thousands separators in groups of
    /// three ("1,234,567.50"); units and scale, or nil.
    static func parseWrittenNumber(_ cell: UnsafeBufferPointer<UInt8>) -> (Int64, Int)? {
        var text = Array(String(decoding: cell, as: UTF8.self).trimmingSpaces.utf8)
        guard !text.isEmpty else { return nil }
        if text.contains(UInt8(ascii: ",")) {
            // Only digit groups of three after the first (of one to three), before any point.
            let sign = text.first == UInt8(ascii: "-") || text.first == UInt8(ascii: "+") ? 1 : 0
            let point = text.firstIndex(of: UInt8(ascii: ".")) ?? text.count
            let groups = text[sign..<point].split(separator: UInt8(ascii: ","), omittingEmptySubsequences: false)
            guard groups.count > 1, let first = groups.first, (1...3).contains(first.count),
                  groups.dropFirst().allSatisfy({ $0.count == 3 }),
                  !text[point...].contains(UInt8(ascii: ",")) else { return nil }
            text.removeAll { $0 == UInt8(ascii: ",") }
        }
        return text.withUnsafeBufferPointer { parseDecimal($0) }
    }

    private mutating func appendNull() {
        let row = count
        while nullWords.count <= row >> 6 { nullWords.append(0) }
        nullWords[row >> 6] |= 1 << UInt64(row & 63)
        sawNull = true
        if kind == .text { codes.append(0) } else { numbers.append(0) }
        count += 1
    }

    @inline(__always)
    private mutating func appendDecimal(_ units: Int64, _ s: Int) throws(CellProblem) {
        if s == scale { numbers.append(units); return }
        if s < scale {
            let (u, o) = units.multipliedReportingOverflow(by: CSVColumnBuilder.powersOfTen[scale - s])
            if o { throw .needsText }
            numbers.append(u)
            return
        }
        // A value with more places: every earlier value moves to the new scale (rare, so a full pass).
        let factor = CSVColumnBuilder.powersOfTen[s - scale]
        for i in 0..<numbers.count {
            let (u, o) = numbers[i].multipliedReportingOverflow(by: factor)
            if o { throw .needsText }
            numbers[i] = u
        }
        scale = s
        numbers.append(units)
    }

    static let powersOfTen: [Int64] = {
        var p: [Int64] = [1]
        for _ in 1...18 { p.append(p[p.count - 1] &* 10) }
        return p
    }()

    /// Optional sign and 1-18 digits (19 with an overflow check); nil for anything else.
    @inline(__always)
    static func parseInteger(_ cell: UnsafeBufferPointer<UInt8>) -> Int64? {
        var i = 0
        let n = cell.count
        var negative = false
        if cell[0] == UInt8(ascii: "-") || cell[0] == UInt8(ascii: "+") {
            negative = cell[0] == UInt8(ascii: "-")
            i = 1
        }
        let digits = n - i
        guard digits > 0 && digits <= 19 else { return nil }
        var v: Int64 = 0
        if digits <= 18 {
            while i < n {
                let d = cell[i] &- 48
                if d > 9 { return nil }
                v = v &* 10 &+ Int64(d)
                i += 1
            }
        } else {
            while i < n {
                let d = cell[i] &- 48
                if d > 9 { return nil }
                let (m, o1) = v.multipliedReportingOverflow(by: 10)
                let (a, o2) = m.addingReportingOverflow(Int64(d))
                if o1 || o2 { return nil }
                v = a
                i += 1
            }
        }
        return negative ? -v : v
    }

    /// Optional sign, digits, one '.', digits (at least one digit in all): units and scale.
    /// nil for anything else or beyond 64-bit units / 18 places.
    @inline(__always)
    static func parseDecimal(_ cell: UnsafeBufferPointer<UInt8>) -> (Int64, Int)? {
        var i = 0
        let n = cell.count
        var negative = false
        if cell[0] == UInt8(ascii: "-") || cell[0] == UInt8(ascii: "+") {
            negative = cell[0] == UInt8(ascii: "-")
            i = 1
        }
        var v: Int64 = 0
        var scale = 0
        var sawPoint = false, sawDigit = false
        while i < n {
            let b = cell[i]
            if b == UInt8(ascii: ".") {
                if sawPoint { return nil }
                sawPoint = true
            } else {
                let d = b &- 48
                if d > 9 { return nil }
                sawDigit = true
                if sawPoint { scale += 1; if scale > 18 { return nil } }
                let (m, o1) = v.multipliedReportingOverflow(by: 10)
                let (a, o2) = m.addingReportingOverflow(Int64(d))
                if o1 || o2 { return nil }
                v = a
            }
            i += 1
        }
        guard sawDigit else { return nil }
        return (negative ? -v : v, scale)
    }

    /// The finished column: integers and codes packed to their narrowest width.
    func build(name: String) -> Column {
        let nulls: NullMask? = sawNull ? NullMask(words: nullWords, count: count) : nil
        switch kind {
        case .integer:
            if count > nullCount {
                return Column(name: name, type: .integer, storage: .integer(PackedIntegers(numbers.array())), nulls: nulls)
            }
            // Only NULLs: nothing says it is a number, so it is (empty) text, as DuckDB reads it.
            let codes = PackedIntegers.int8(Array(repeating: 0, count: count))
            let dictionary = count > 0 ? [""] : []
            return Column(name: name, type: .text, storage: .text(codes: codes, dictionary: dictionary), nulls: nulls)
        case .decimal:
            return Column(name: name, type: .decimal, storage: .decimal(units: numbers.array(), scale: scale), nulls: nulls)
        case .boolean:
            return Column(name: name, type: .boolean, storage: .boolean(numbers.array().map { $0 != 0 }), nulls: nulls)
        case .text:
            var dictionary = interner.dictionary
            // NULL rows hold code 0, which must name an entry.
            if dictionary.isEmpty && count > 0 { dictionary = [""] }
            let packed = CSVColumnBuilder.pack(codes, entries: dictionary.count)
            return Column(name: name, type: .text, storage: .text(codes: packed, dictionary: dictionary), nulls: nulls)
        }
    }

    private var nullCount: Int { nullWords.reduce(0) { $0 + $1.nonzeroBitCount } }

    static func pack(_ codes: ColumnBuffer<UInt32>, entries: Int) -> PackedIntegers {
        if entries <= Int(Int8.max) + 1 { return .int8(codes.map { Int8(truncatingIfNeeded: $0) }) }
        if entries <= Int(Int16.max) + 1 { return .int16(codes.map { Int16(truncatingIfNeeded: $0) }) }
        if entries <= Int(Int32.max) { return .int32(codes.map { Int32(truncatingIfNeeded: $0) }) }
        return .int64(codes.map { Int64($0) })
    }
}

extension String {
    /// Without leading and trailing spaces and tabs.
    var trimmingSpaces: String {
        var s = Substring(self)
        while let c = s.first, c == " " || c == "\t" { s.removeFirst() }
        while let c = s.last, c == " " || c == "\t" { s.removeLast() }
        return String(s)
    }
}
