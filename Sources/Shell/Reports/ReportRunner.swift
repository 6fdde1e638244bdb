import Foundation
import Store
import Query

/// Runs saved queries: what `.run NAME k=v` / `.queries` in the shell and `budgetql run NAME
/// --param k=v` / `budgetql queries` call.
public struct ReportRunner: Sendable {
    public let library: QueryLibrary
    public let engine: any QueryEngine

    public init(library: QueryLibrary, engine: any QueryEngine) {
        self.library = library
        self.engine = engine
    }

    /// Runs `name` with `name=value` arguments.
    public func run(name: String, arguments: [String]) throws(ReportError) -> Report {
        let query = try library.query(named: name)
        return try run(query, overrides: try ReportParameters.overrides(from: arguments))
    }

    /// Runs and renders in one step, for callers that only print or write the text.
    public func render(name: String, arguments: [String], format: ReportFormat) throws(ReportError) -> String {
        ReportRendering.render(try run(name: name, arguments: arguments), as: format)
    }

    /// What `.queries` prints.
    public func listing() -> String { library.listing() }

    public func run(_ query: SavedQuery, overrides: [String: String]) throws(ReportError) -> Report {
        let binding = try ReportParameters(query: query, overrides: overrides) { declaration, earlier throws(ReportError) in
            try defaultFromData(declaration, earlier: earlier, file: query.file)
        }
        var sections: [RanSection] = []
        for section in query.sections {
            let source = ParameterReferenceScanner.splicingColumns(binding.columns, into: section.source)
            let results: [QueryResult]
            do {
                results = try engine.execute(source, parameters: binding.values, cancellation: nil)
            } catch {
                // The engine numbers lines within the section; the analyst needs the file's line.
                let line = section.line + max(0, (error.span?.line ?? 1) - 1)
                var message = error.message
                for hint in error.hints { message += "; " + hint }
                throw .statementFailed(file: query.file, line: line, column: error.span?.column, message: message)
            }
            sections.append(RanSection(title: section.title, results: results.map { ReportRunner.labelled($0, by: binding) },
                                       chart: section.chart))
        }
        return Report(query: query, parameters: binding, documents: ReportRunner.documents(in: engine.catalog), sections: sections)
    }

    /// Column names may carry `{name}` for a parameter's value (`AS "{a}"`), so a comparison's
    /// columns read "2024 | 2025" or the two units' names instead of value_a and value_b.
    static func labelled(_ result: QueryResult, by binding: ReportParameters) -> QueryResult {
        guard result.columns.contains(where: { $0.contains("{") }) else { return result }
        let columns = result.columns.map { name in
            binding.bound.reduce(name) { $0.replacingOccurrences(of: "{\($1.name)}", with: $1.text) }
        }
        return QueryResult(columns: columns, types: result.types, rows: result.rows)
    }

    /// The first cell of a parameter's default query, as text; nil when it has no row or is NULL.
    private func defaultFromData(_ declaration: ParameterDeclaration, earlier: ReportParameters, file: String) throws(ReportError) -> String? {
        guard let sql = declaration.defaultQuery else { return nil }
        let source = ParameterReferenceScanner.splicingColumns(earlier.columns, into: sql)
        do {
            let results = try engine.execute(source, parameters: earlier.values, cancellation: nil)
            guard let value = results.last?.rows.first?.first, !value.isNull else { return nil }
            return value.description
        } catch {
            throw .statementFailed(file: file, line: declaration.line, column: nil,
                                   message: "the default of \"\(declaration.name)\": " + error.message)
        }
    }

    /// The `docs` table's snapshots sorted by doc id; empty when no docs table is loaded.
    static func documents(in catalog: Catalog) -> [ReportDocument] {
        guard let docs = catalog.table(named: "docs") else { return [] }
        func text(_ column: String, _ row: Int) -> String {
            guard let c = docs.column(named: column) else { return "" }
            let v = c.value(at: row)
            return v.isNull ? "" : v.description
        }
        var result: [ReportDocument] = []
        for row in 0..<docs.rowCount {
            let doc = text("doc", row).isEmpty ? text("file", row) : text("doc", row)
            result.append(ReportDocument(doc: doc, unit: text("unit", row), year: text("year", row), stage: text("stage", row)))
        }
        return result.sorted { $0.doc.utf8.lexicographicallyPrecedes($1.doc.utf8) }
    }
}
