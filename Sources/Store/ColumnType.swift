/// The logical type of a column. Decimal columns keep one scale for all their values.
public enum ColumnType: Sendable, Hashable, CustomStringConvertible {
    case integer
    case decimal
    case text
    case boolean

    public var description: String {
        switch self {
        case .integer: return "INTEGER"
        case .decimal: return "DECIMAL"
        case .text: return "TEXT"
        case .boolean: return "BOOLEAN"
        }
    }
}
