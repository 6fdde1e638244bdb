import Store

/// The type of an expression as the binder sees it. Decimals carry their scale statically, so
/// every vector of one expression has one scale and the executor never rescales per row.
enum SQLType: Sendable, Hashable, CustomStringConvertible {
    case integer
    case decimal(scale: Int)
    case text
    case boolean
    /// The type of a bare NULL: fits anywhere.
    case null

    /// The most decimal places a value keeps (ExactDecimal's limit).
    static let maximumScale = 18

    /// The scale of a quotient `a / b`: rounded half away from zero at 18 places, in 128-bit
    /// units, so no digit a budget figure has is lost (PostgreSQL keeps at least 16 significant
    /// digits; here the places are fixed, so the type stays static). The value prints without
    /// the trailing zeros (`10 / 4` is 2.5, `938.9913 / 10000 * 10000` is 938.9913): see
    /// `BoundExpression.quotientDisplayScale`.
    static let quotientScale = 18

    var isNumeric: Bool {
        switch self {
        case .integer, .decimal: return true
        default: return false
        }
    }

    var scale: Int {
        if case .decimal(let s) = self { return s }
        return 0
    }

    var columnType: ColumnType {
        switch self {
        case .integer, .null: return .integer
        case .decimal: return .decimal
        case .text: return .text
        case .boolean: return .boolean
        }
    }

    var description: String {
        switch self {
        case .integer: return "INTEGER"
        case .decimal(let s): return "DECIMAL(\(s))"
        case .text: return "TEXT"
        case .boolean: return "BOOLEAN"
        case .null: return "NULL"
        }
    }

    /// The type both can be widened to (integer + decimal -> decimal, scales to the larger),
    /// or nil when they do not mix.
    static func common(_ a: SQLType, _ b: SQLType) -> SQLType? {
        switch (a, b) {
        case (.null, let x), (let x, .null): return x
        case (.integer, .integer): return .integer
        case (.integer, .decimal(let s)), (.decimal(let s), .integer): return .decimal(scale: s)
        case (.decimal(let x), .decimal(let y)): return .decimal(scale: max(x, y))
        case (.text, .text): return .text
        case (.boolean, .boolean): return .boolean
        default: return nil
        }
    }

    init(column: Column) {
        switch column.storage {
        case .integer: self = .integer
        case .decimal(_, let scale): self = .decimal(scale: scale)
        case .text: self = .text
        case .boolean: self = .boolean
        }
    }
}

/// Powers of ten that fit in 64 bits, for rescaling decimal units.
enum PowersOfTen {
    static let table: [Int64] = {
        var t: [Int64] = [1]
        for _ in 1...18 { t.append(t[t.count - 1] * 10) }
        return t
    }()

    static func of(_ n: Int) -> Int64? { n >= 0 && n < table.count ? table[n] : nil }
}
