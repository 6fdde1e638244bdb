import Query
/// Everything that can go wrong finding, reading, binding or running a saved report. Each case
/// carries what is needed to say what went wrong and where, in words an analyst can act on.
public enum ReportError: Error, Sendable, Equatable, CustomStringConvertible {
    /// No `Queries/` directory was found in any of the places searched.
    case libraryNotFound(searched: [String])
    case unknownQuery(name: String, known: [String])
    case unreadable(file: String, reason: String)
    /// A malformed saved-query file: the file, the 1-based line, what is wrong.
    case syntax(file: String, line: Int, message: String)
    case unknownParameter(name: String, query: String, declared: [String])
    case missingParameter(name: String, query: String, description: String)
    case invalidParameterValue(name: String, value: String, expected: ParameterType)
    /// An argument that is not `name=value`.
    case malformedArgument(String)
    /// A statement of the report failed in the engine; `message` is the engine's diagnostic,
    /// `line` the file line of the failing statement.
    case statementFailed(file: String, line: Int, column: Int?, message: String)
    case outputUnwritable(path: String, reason: String)
    /// A value outside a parameter's declared choices.
    case notAChoice(name: String, value: String, choices: [String])
    /// A value found nowhere in the data it must match (`in spending.unit`): the values that
    /// are there, so the analyst can pick one.
    case noMatchingValue(name: String, value: String, column: String, existing: [String], total: Int)

    public var description: String {
        switch self {
        case .libraryNotFound(let searched):
            return "no Queries/ directory found (looked in: \(searched.joined(separator: ", ")))"
        case let .unknownQuery(name, known):
            let hint = Suggestions.closest(to: name, among: known).map { "; did you mean \"\($0)\"?" }
                ?? (known.isEmpty ? "" : " (.queries lists them)")
            return "no saved query \"\(name)\"\(hint)"
        case let .unreadable(file, reason):
            return "\(file): cannot read: \(reason)"
        case let .syntax(file, line, message):
            return "\(file):\(line): \(message)"
        case let .unknownParameter(name, query, declared):
            let known = declared.isEmpty ? "it takes no parameters" : "its parameters are \(declared.joined(separator: ", "))"
            let hint = Suggestions.closest(to: name, among: declared).map { "; did you mean \"\($0)\"?" } ?? ""
            return "\(query) has no parameter \"\(name)\" (\(known))\(hint)"
        case let .missingParameter(name, query, description):
            let what = description.isEmpty ? "" : " (\(description))"
            return "\(query) needs parameter \"\(name)\"\(what): give it as \(name)=VALUE"
        case let .invalidParameterValue(name, value, expected):
            switch expected {
            case .column:
                return "parameter \"\(name)\" must name a column (letters, digits, _) or a function of one, like parent(code), not \"\(value)\""
            default:
                return "parameter \"\(name)\" must be \(expected == .integer ? "an integer" : "a \(expected.rawValue)"), not \"\(value)\""
            }
        case .malformedArgument(let text):
            return "expected a parameter as name=value, got \"\(text)\""
        case let .statementFailed(file, line, column, message):
            return "\(file):\(line):" + (column.map { "\($0):" } ?? "") + " \(message)"
        case let .outputUnwritable(path, reason):
            return "cannot write \(path): \(reason)"
        case let .notAChoice(name, value, choices):
            let hint = Suggestions.closest(to: value, among: choices).map { "; did you mean \"\($0)\"?" } ?? ""
            return "parameter \"\(name)\" is one of \(choices.joined(separator: ", ")), not \"\(value)\"\(hint)"
        case let .noMatchingValue(name, value, column, existing, total):
            guard total > 0 else { return "parameter \"\(name)\" = \"\(value)\": no \(column) is loaded at all" }
            let more = total > existing.count ? ", … (\(total) in all)" : ""
            return "parameter \"\(name)\" = \"\(value)\" matches no \(column) in the loaded data; there are: \(existing.joined(separator: ", "))\(more)"
        }
    }
}
