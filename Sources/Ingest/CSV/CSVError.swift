/// Why a CSV file could not be loaded, with where: "bench.csv:12: column 3 (amount): ...".
public struct CSVError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file as the user named it.
    public let file: String
    /// 1-based line where the offending record starts; nil for whole-file problems.
    public let line: Int?
    /// 1-based column number and its header name, when one column is at fault.
    public let column: Int?
    public let columnName: String?
    public let message: String

    public init(file: String, line: Int?, column: Int? = nil, columnName: String? = nil, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.columnName = columnName
        self.message = message
    }

    public var description: String {
        var place = file
        if let line { place += ":\(line)" }
        if let column {
            place += ": column \(column)"
            if let columnName, !columnName.isEmpty { place += " (\(columnName))" }
        }
        return "\(place): \(message)"
    }
}
