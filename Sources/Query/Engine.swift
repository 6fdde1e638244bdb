import Store

/// A position range in the query text: 1-based line and column of its start, and the
/// UTF-8 offsets it covers.
public struct SourceSpan: Sendable, Hashable {
    public let line: Int
    public let column: Int
    public let range: Range<Int>

    public init(line: Int, column: Int, range: Range<Int>) {
        self.line = line
        self.column = column
        self.range = range
    }
}

/// An error as data: what kind, what went wrong, where, and what might help.
public struct Diagnostic: Error, Sendable {
    public enum Kind: String, Sendable { case syntax, name, type, execution, limit }
    public let kind: Kind
    public let message: String
    public let span: SourceSpan?
    public let hints: [String]

    public init(kind: Kind, message: String, span: SourceSpan?, hints: [String] = []) {
        self.kind = kind
        self.message = message
        self.span = span
        self.hints = hints
    }
}

/// The rows a statement produced.
public struct QueryResult: Sendable {
    public let columns: [String]
    public let types: [ColumnType]
    public let rows: [[Value]]

    public init(columns: [String], types: [ColumnType], rows: [[Value]]) {
        self.columns = columns
        self.types = types
        self.rows = rows
    }
}

/// Runs BudgetQL text against a catalog.
public final class Engine: Sendable {
    public let catalog: Catalog

    public init(catalog: Catalog) {
        self.catalog = catalog
    }

    /// Runs every statement in `source`, returning one result per statement.
    public func execute(_ source: String, parameters: [String: Value] = [:]) throws(Diagnostic) -> [QueryResult] {
        throw Diagnostic(kind: .execution, message: "not implemented yet", span: nil)
    }
}

/// One statement's text inside a larger source, with where it starts (1-based line and column),
/// so a batch run can say "file.bql:12:5" for an error in its third statement.
public struct StatementText: Sendable, Hashable {
    public let text: String
    public let line: Int
    public let column: Int

    public init(text: String, line: Int, column: Int) {
        self.text = text
        self.line = line
        self.column = column
    }
}

/// Set from another thread (the shell's Ctrl-C handler) to stop a running query between batches.
public final class Cancellation: @unchecked Sendable {
    private var flag = false
    public init() {}
    public func cancel() { flag = true }
    public func reset() { flag = false }
    public var isCancelled: Bool { flag }
}

extension Engine {
    /// Splits source text into statements at top-level `;` (not inside strings or comments).
    public static func statements(in source: String) -> [StatementText] {
        [StatementText(text: source, line: 1, column: 1)]
    }

    /// Whether `source` is a complete statement that the REPL may run on Enter: false inside an open
    /// parenthesis, quote or comment, or after a trailing keyword, comma or operator.
    public static func isComplete(_ source: String) -> Bool { true }

    /// Words for Tab completion.
    public static let keywords: [String] = ["SELECT", "FROM", "WHERE", "GROUP", "BY", "ORDER"]
    public static let functionNames: [String] = ["sum", "count", "avg", "min", "max"]
}

extension Diagnostic {
    /// The one renderer of errors: "line:column: message", the statement's line, a caret under the
    /// offending token placed by display width, and hints. Colour only when asked.
    public func rendered(source: String, color: Bool = false) -> String {
        "error: \(message)"
    }
}
