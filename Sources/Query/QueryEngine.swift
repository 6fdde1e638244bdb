import Store

/// What the shell and the reports need from an engine: run BudgetQL text, and the tables it
/// answers over. The embedded `Engine` is the default; `SparkEngine` runs the same bound queries
/// on a Spark cluster.
public protocol QueryEngine: Sendable {
    /// The tables queries bind against (for a remote engine: their schema, with no rows).
    var catalog: Catalog { get }
    /// Runs every statement in `source`, one result per statement; `cancellation` is checked
    /// where the engine can stop.
    func execute(_ source: String, parameters: [String: Value], cancellation: Cancellation?) throws(Diagnostic) -> [QueryResult]
    /// Runs every statement in `source`, handing each result to `body` as a cursor of row
    /// batches (ResultCursor); `body` returns false to stop. An engine that cannot stream
    /// hands over its whole results.
    func stream(_ source: String, parameters: [String: Value], cancellation: Cancellation?,
                _ body: (ResultCursor) throws(Diagnostic) -> Bool) throws(Diagnostic)
    /// How many rows a table holds (`.tables`); nil when the engine does not know.
    func rowCount(of table: String) -> Int?
}

extension QueryEngine {
    public func rowCount(of table: String) -> Int? { catalog.table(named: table)?.rowCount }

    public func stream(_ source: String, parameters: [String: Value], cancellation: Cancellation?,
                       _ body: (ResultCursor) throws(Diagnostic) -> Bool) throws(Diagnostic) {
        for result in try execute(source, parameters: parameters, cancellation: cancellation) {
            guard try body(ResultCursor(result)) else { return }
        }
    }
}

extension Engine: QueryEngine {}

extension QueryEngine {
    /// Runs `source` with no cancellation (saved reports' own look-ups, tests).
    public func execute(_ source: String, parameters: [String: Value] = [:]) throws(Diagnostic) -> [QueryResult] {
        try execute(source, parameters: parameters, cancellation: nil)
    }
}
