import Store

/// A column of a CSV file that began as numbers (or true/false) and is read as TEXT because of
/// one cell: the loader says which, so a later `sum(amount)` that refuses a TEXT column is no
/// surprise ("bench.csv:57: column 6 (amount) is read as TEXT: "n/a?" is not a number, the
/// cells above it are"). A column that is text from its first value gets none.
public struct CSVTextFallback: Sendable, Equatable {
    /// 1-based column number and its header name.
    public let column: Int
    public let columnName: String
    /// 1-based line where the record holding the cell starts.
    public let line: Int
    /// The cell as written (shortened when long).
    public let value: String
    /// What the cells above it were: "numbers" or "true/false".
    public let earlier: String

    public init(column: Int, columnName: String, line: Int, value: String, earlier: String) {
        self.column = column
        self.columnName = columnName
        self.line = line
        self.value = value
        self.earlier = earlier
    }

    /// The note without the file, which the caller names (a cached load may come from a copy
    /// of the file under another name).
    public var message: String {
        "column \(column) (\(columnName)) is read as TEXT: \(quotedValue) \(why), the cells above it are \(earlier)"
    }

    /// A number too large for a column's 64-bit units is text as well, but not "not a number".
    private var why: String {
        let digits = value.filter { $0 != "," && $0 != " " }
        let looksNumeric = digits.contains { $0.isASCII && $0.isNumber }
            && digits.allSatisfy { ($0.isASCII && $0.isNumber) || $0 == "." || $0 == "-" || $0 == "+" }
        if looksNumeric { return "is too large for a number column (64-bit units)" }
        return earlier == "numbers" ? "is not a number" : "is not true or false"
    }

    /// The same for a hint at a query over the column: "bench.csv:57 has "n/a?" where ...".
    public func reason(file: String) -> String {
        "\(columnName) is TEXT because \(file):\(line) has \(quotedValue) where the cells above it are \(earlier)"
    }

    var quotedValue: String { "\"" + value + "\"" }

    /// At most this many characters of the cell are kept.
    static let valueLimit = 40

    static func shortened(_ cell: String) -> String {
        cell.count > valueLimit ? String(cell.prefix(valueLimit)) + "…" : cell
    }

    /// One line of text for a cache entry's notes (fields separated by US, 0x1F).
    public var encoded: String { "csv-text\u{1F}\(column)\u{1F}\(line)\u{1F}\(earlier)\u{1F}\(columnName)\u{1F}\(value)" }

    public init?(encoded: String) {
        let parts = encoded.split(separator: "\u{1F}", maxSplits: 5, omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 6, parts[0] == "csv-text", let column = Int(parts[1]), let line = Int(parts[2]) else { return nil }
        self.init(column: column, columnName: parts[4], line: line, value: parts[5], earlier: parts[3])
    }
}

/// A CSV file read as a table, with the notes on columns that fell back to TEXT.
public struct CSVLoad: Sendable {
    public let table: Table
    public let textFallbacks: [CSVTextFallback]
}
