/// Why tables could not be put end to end.
public enum ConcatenationError: Error, Sendable, Equatable, CustomStringConvertible {
    case typeConflict(table: String, column: String, first: ColumnType, other: ColumnType)
    case decimalOutOfRange(table: String, column: String)

    public var description: String {
        switch self {
        case let .typeConflict(table, column, first, other):
            return "\(table).\(column) is \(first) in one part and \(other) in another"
        case let .decimalOutOfRange(table, column):
            return "\(table).\(column): an amount does not fit 64-bit units at the common scale"
        }
    }
}

extension Table {
    /// The rows of `parts` one after another, as one table named `name`: how per-file tables of
    /// the same name (one per snapshot) become the one table an analyst queries.
    ///
    /// Columns are matched by name (case-insensitively) in order of first appearance; a part
    /// without a column contributes NULLs. Integer and decimal parts make a decimal column at the
    /// largest scale; text dictionaries are merged and the codes renumbered.
    public static func concatenating(_ parts: [Table], name: String) throws(ConcatenationError) -> Table {
        if parts.count == 1, let only = parts.first {
            return Table(name: name, columns: only.columns)
        }
        var order: [String] = []
        var seen: [String: Int] = [:]
        for part in parts {
            for column in part.columns where seen[column.name.lowercased()] == nil {
                seen[column.name.lowercased()] = order.count
                order.append(column.name)
            }
        }
        var columns: [Column] = []
        columns.reserveCapacity(order.count)
        for columnName in order {
            let pieces = parts.map { (rows: $0.rowCount, column: $0.column(named: columnName)) }
            columns.append(try concatenate(pieces, name: columnName, table: name))
        }
        return Table(name: name, columns: columns)
    }

    private static func concatenate(_ pieces: [(rows: Int, column: Column?)], name: String,
                                    table: String) throws(ConcatenationError) -> Column {
        // The common type: equal types stay; integer + decimal widen to decimal; anything else conflicts.
        var type: ColumnType?
        for case let (_, column?) in pieces {
            guard let t = type else { type = column.type; continue }
            if t == column.type { continue }
            if (t == .integer && column.type == .decimal) || (t == .decimal && column.type == .integer) {
                type = .decimal
            } else {
                throw .typeConflict(table: table, column: name, first: t, other: column.type)
            }
        }
        let resultType = type ?? .text
        let total = pieces.reduce(0) { $0 + $1.rows }

        var nullWords = [UInt64](repeating: 0, count: (total + 63) / 64)
        var anyNull = false
        var offset = 0
        for (rows, column) in pieces {
            for r in 0..<rows where column.map({ $0.isNull(r) }) ?? true {
                let row = offset + r
                nullWords[row >> 6] |= 1 << UInt64(row & 63)
                anyNull = true
            }
            offset += rows
        }
        let nulls = anyNull ? NullMask(words: nullWords, count: total) : nil

        let storage: ColumnStorage
        switch resultType {
        case .integer:
            var values: [Int64] = []
            values.reserveCapacity(total)
            for (rows, column) in pieces {
                if case .integer(let v)? = column?.storage { values.append(contentsOf: v.widened) }
                else { values.append(contentsOf: repeatElement(0, count: rows)) }
            }
            storage = .integer(PackedIntegers(values))
        case .decimal:
            var scale = 0
            for case let (_, column?) in pieces {
                if case .decimal(_, let s) = column.storage { scale = max(scale, s) }
            }
            var units: [Int64] = []
            units.reserveCapacity(total)
            for (rows, column) in pieces {
                let (values, from): ([Int64], Int)
                switch column?.storage {
                case .decimal(let u, let s)?: (values, from) = (u, s)
                case .integer(let v)?: (values, from) = (v.widened, 0)
                default: (values, from) = (Array(repeating: 0, count: rows), scale)
                }
                var factor: Int64 = 1
                for _ in 0..<(scale - from) { factor *= 10 }
                for v in values {
                    let (u, overflow) = v.multipliedReportingOverflow(by: factor)
                    if overflow { throw .decimalOutOfRange(table: table, column: name) }
                    units.append(u)
                }
            }
            storage = .decimal(units: units, scale: scale)
        case .text:
            var dictionary: [String] = []
            var index: [String: Int64] = [:]
            var codes: [Int64] = []
            codes.reserveCapacity(total)
            for (rows, column) in pieces {
                guard case .text(let partCodes, let partDictionary)? = column?.storage else {
                    codes.append(contentsOf: repeatElement(0, count: rows))
                    continue
                }
                // Renumber once per dictionary entry, then map codes through the table.
                var renumber: [Int64] = []
                renumber.reserveCapacity(partDictionary.count)
                for s in partDictionary {
                    if let c = index[s] { renumber.append(c); continue }
                    let c = Int64(dictionary.count)
                    dictionary.append(s)
                    index[s] = c
                    renumber.append(c)
                }
                for r in 0..<rows {
                    let old = Int(partCodes[r])
                    codes.append(old < renumber.count ? renumber[old] : 0)
                }
            }
            if dictionary.isEmpty && total > 0 { dictionary = [""] }
            storage = .text(codes: PackedIntegers(codes), dictionary: dictionary)
        case .boolean:
            var values: [Bool] = []
            values.reserveCapacity(total)
            for (rows, column) in pieces {
                if case .boolean(let v)? = column?.storage { values.append(contentsOf: v) }
                else { values.append(contentsOf: repeatElement(false, count: rows)) }
            }
            storage = .boolean(values)
        }
        return Column(name: name, type: resultType, storage: storage, nulls: nulls)
    }
}
