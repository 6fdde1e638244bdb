/// The values of one column, unboxed and typed. NULL rows hold a zero (or dictionary code 0)
/// in the storage and are marked in `nulls`.
public enum ColumnStorage: Sendable {
    /// Integers and codes, packed to the narrowest width.
    case integer(PackedIntegers)
    /// Units at one fixed scale: value = units × 10^-scale.
    case decimal(units: [Int64], scale: Int)
    /// Dictionary-encoded text: each row stores a code (an index into `dictionary`), packed to
    /// the narrowest width, so a filter on text is decided once per dictionary entry.
    case text(codes: PackedIntegers, dictionary: [String])
    case boolean([Bool])
}

public struct Column: Sendable {
    public let name: String
    public let type: ColumnType
    public let storage: ColumnStorage
    /// nil when the column has no NULLs.
    public let nulls: NullMask?

    public init(name: String, type: ColumnType, storage: ColumnStorage, nulls: NullMask?) {
        self.name = name
        self.type = type
        self.storage = storage
        self.nulls = nulls
    }

    public var count: Int {
        switch storage {
        case .integer(let v): return v.count
        case .decimal(let v, _): return v.count
        case .text(let codes, _): return codes.count
        case .boolean(let v): return v.count
        }
    }

    public func isNull(_ row: Int) -> Bool { nulls?[row] ?? false }

    /// One cell as a boxed value: for results and tests, not for scans.
    public func value(at row: Int) -> Value {
        if isNull(row) { return .null }
        switch storage {
        case .integer(let v): return .integer(v[row])
        case .decimal(let v, let scale): return .decimal(ExactDecimal(units: Int128(v[row]), scale: scale))
        case .text(let codes, let dictionary): return .text(dictionary[Int(codes[row])])
        case .boolean(let v): return .boolean(v[row])
        }
    }
}
