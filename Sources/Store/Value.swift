/// One cell value as the query layer and the loaders see it. Columns store these unboxed;
/// `Value` is for rows crossing module boundaries (results, appends), not for hot loops.
public enum Value: Sendable, Hashable, CustomStringConvertible {
    case null
    case integer(Int64)
    case decimal(ExactDecimal)
    case text(String)
    case boolean(Bool)

    public var isNull: Bool { if case .null = self { return true } else { return false } }

    /// Exact plain text: numbers without separators, NULL as "NULL".
    public var description: String {
        switch self {
        case .null: return "NULL"
        case .integer(let i): return String(i)
        case .decimal(let d): return d.description
        case .text(let s): return s
        case .boolean(let b): return b ? "true" : "false"
        }
    }
}
