/// Why a row could not be added to a table.
public enum StoreError: Error, Sendable, Equatable, CustomStringConvertible {
    case wrongArity(table: String, expected: Int, got: Int)
    case typeMismatch(table: String, column: String, expected: ColumnType, got: Value)
    case outOfRange(table: String, column: String, value: String)

    public var description: String {
        switch self {
        case let .wrongArity(table, expected, got):
            return "\(table): a row needs \(expected) values, got \(got)"
        case let .typeMismatch(table, column, expected, got):
            return "\(table).\(column): expected \(expected), got \(got)"
        case let .outOfRange(table, column, value):
            return "\(table).\(column): \(value) does not fit the column's 64-bit storage"
        }
    }
}

/// Builds a table row by row, then freezes it into typed columns. Decimal columns take the
/// largest scale seen, so every value is stored exactly.
public struct TableBuilder: Sendable {
    public let name: String
    public let schema: [(name: String, type: ColumnType)]
    private var cells: [[Value]]

    public init(name: String, schema: [(name: String, type: ColumnType)]) {
        self.name = name
        self.schema = schema
        self.cells = Array(repeating: [], count: schema.count)
    }

    public var rowCount: Int { cells.first?.count ?? 0 }

    public mutating func append(_ row: [Value]) throws(StoreError) {
        guard row.count == schema.count else {
            throw .wrongArity(table: name, expected: schema.count, got: row.count)
        }
        for (i, value) in row.enumerated() {
            let type = schema[i].type
            switch (type, value) {
            case (_, .null), (.integer, .integer), (.decimal, .decimal), (.decimal, .integer),
                 (.text, .text), (.boolean, .boolean):
                break
            default:
                throw .typeMismatch(table: name, column: schema[i].name, expected: type, got: value)
            }
        }
        for (i, value) in row.enumerated() { cells[i].append(value) }
    }

    public func build() throws(StoreError) -> Table {
        var columns: [Column] = []
        for (i, (columnName, type)) in schema.enumerated() {
            let values = cells[i]
            var nulls = NullMask()
            for v in values { nulls.append(v.isNull) }
            let mask = nulls.hasNulls ? nulls : nil
            let storage: ColumnStorage
            switch type {
            case .integer:
                storage = .integer(PackedIntegers(values.map { if case .integer(let x) = $0 { x } else { 0 } }))
            case .decimal:
                let decimals = values.map { v -> ExactDecimal in
                    switch v {
                    case .decimal(let d): return d
                    case .integer(let x): return ExactDecimal(x)
                    default: return .zero
                    }
                }
                let scale = decimals.map { $0.normalized.scale }.max() ?? 0
                var units: [Int64] = []
                units.reserveCapacity(decimals.count)
                for d in decimals {
                    guard let r = d.rescaled(to: scale), let u = Int64(exactly: r.units) else {
                        throw .outOfRange(table: name, column: columnName, value: d.description)
                    }
                    units.append(u)
                }
                storage = .decimal(units: units, scale: scale)
            case .text:
                var dictionary: [String] = []
                var index: [String: UInt32] = [:]
                var codes: [Int64] = []
                codes.reserveCapacity(values.count)
                for v in values {
                    let s: String
                    if case .text(let t) = v { s = t } else { s = "" }
                    if let c = index[s] {
                        codes.append(Int64(c))
                    } else {
                        let c = UInt32(dictionary.count)
                        dictionary.append(s)
                        index[s] = c
                        codes.append(Int64(c))
                    }
                }
                storage = .text(codes: PackedIntegers(codes), dictionary: dictionary)
            case .boolean:
                storage = .boolean(values.map { if case .boolean(let b) = $0 { b } else { false } })
            }
            columns.append(Column(name: columnName, type: type, storage: storage, nulls: mask))
        }
        return Table(name: name, columns: columns)
    }
}
