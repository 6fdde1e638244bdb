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
