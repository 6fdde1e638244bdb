import Store
import Synchronization

/// The tables and views made with CREATE in one session: they live as long as the session
/// (not saved in the cache), beside the loaded tables, whose names they cannot take.
final class SessionObjects: Sendable {
    struct Contents: Sendable {
        var tables: [String: Table] = [:]
        /// Lower-cased name -> the view's query.
        var views: [String: Query] = [:]
    }

    private let contents = Mutex(Contents())

    var snapshot: Contents { contents.withLock { $0 } }

    func update(_ change: (inout Contents) -> Void) {
        contents.withLock { change(&$0) }
    }
}

extension Engine {
    /// The loaded tables and the session's own.
    var visibleCatalog: Catalog {
        let own = session.snapshot.tables
        guard !own.isEmpty else { return catalog }
        var c = catalog
        for t in own.values { c.add(t) }
        return c
    }

    func binder(_ parameters: [String: Value]) -> Binder {
        var b = Binder(catalog: visibleCatalog, parameters: parameters)
        b.views = session.snapshot.views
        return b
    }

    /// CREATE TABLE runs the query and keeps its rows; CREATE VIEW keeps the query (checked
    /// now, run each time it is read). Neither may take a loaded table's name.
    func create(_ kind: SessionObjectKind, name: String, query: Query, replace: Bool, span: SourceSpan,
                parameters: [String: Value], cancellation: Cancellation?) throws(Diagnostic) -> QueryResult {
        let key = name.lowercased()
        if catalog.table(named: name) != nil {
            throw Diagnostic(kind: .name, message: "a loaded table is called \(name); give the new \(kind.rawValue.lowercased()) another name", span: span)
        }
        let existing = session.snapshot
        if !replace, existing.tables[key] != nil || existing.views[key] != nil {
            throw Diagnostic(kind: .name, message: "\(name) already exists in this session", span: span,
                             hints: ["CREATE OR REPLACE \(kind.rawValue) \(name) AS …, or DROP it first"])
        }
        let plan = try binder(parameters).bind(query)
        switch kind {
        case .view:
            session.update { $0.tables[key] = nil; $0.views[key] = query }
            return QueryResult(columns: ["result"], types: [.text], rows: [[.text("created view \(name)")]])
        case .table:
            let result = try executor(cancellation).run(plan)
            var builder = TableBuilder(name: name, schema: Array(zip(result.columns, result.types)).map { (name: $0.0, type: $0.1) })
            let table: Table
            do throws(StoreError) {
                for row in result.rows { try builder.append(row) }
                table = try builder.build()
            } catch {
                throw Diagnostic(kind: .execution, message: "cannot keep the rows as a table: \(error)", span: span,
                                 hints: ["CAST the column to a type that holds it"])
            }
            session.update { $0.views[key] = nil; $0.tables[key] = table }
            return QueryResult(columns: ["result"], types: [.text],
                               rows: [[.text("created table \(name): \(table.rowCount) row\(table.rowCount == 1 ? "" : "s"), \(table.columns.count) column\(table.columns.count == 1 ? "" : "s")")]])
        }
    }

    func drop(_ kind: SessionObjectKind, name: String, ifExists: Bool, span: SourceSpan) throws(Diagnostic) -> QueryResult {
        let key = name.lowercased()
        let existing = session.snapshot
        let found = kind == .table ? existing.tables[key] != nil : existing.views[key] != nil
        guard found else {
            if ifExists { return QueryResult(columns: ["result"], types: [.text], rows: [[.text("no \(kind.rawValue.lowercased()) \(name) to drop")]]) }
            if catalog.table(named: name) != nil {
                throw Diagnostic(kind: .name, message: "\(name) is a loaded table; only what CREATE made can be dropped", span: span)
            }
            throw Diagnostic(kind: .name, message: "no \(kind.rawValue.lowercased()) \(name) in this session", span: span,
                             hints: ["DROP \(kind.rawValue) IF EXISTS \(name) does nothing when it is missing"])
        }
        session.update { if kind == .table { $0.tables[key] = nil } else { $0.views[key] = nil } }
        return QueryResult(columns: ["result"], types: [.text], rows: [[.text("dropped \(kind.rawValue.lowercased()) \(name)")]])
    }
}
