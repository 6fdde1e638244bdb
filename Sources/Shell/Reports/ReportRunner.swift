import Foundation
import Store
import Query

/// Runs saved queries: what `.run NAME k=v` / `.queries` in the shell and `budgetql run NAME
/// --param k=v` / `budgetql queries` call.
public struct ReportRunner: Sendable {
    public let library: QueryLibrary
    public let engine: any QueryEngine
    /// The paths the engine's data was loaded from, as the analyst gave them (see `Report.dataPaths`).
    public let dataPaths: [String]

    public init(library: QueryLibrary, engine: any QueryEngine, dataPaths: [String] = []) {
        self.library = library
        self.engine = engine
        self.dataPaths = dataPaths
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
        try checkValuesExist(binding, of: query)
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
            // A chart naming a column the statement does not return would silently draw nothing.
            if let chart = section.chart, !chart.isNone, let last = results.last {
                let columns = last.columns.map { $0.lowercased() }
                for wanted in [chart.labelColumn, chart.valueColumn] where !columns.contains(wanted.lowercased()) {
                    let hint = Suggestions.closest(to: wanted, among: last.columns).map { "; did you mean \"\($0)\"?" } ?? ""
                    throw .syntax(file: query.file, line: chart.line,
                                  message: "the chart names \"\(wanted)\", which the statement does not return (its columns: \(last.columns.joined(separator: ", ")))\(hint)")
                }
            }
            sections.append(RanSection(title: section.title, results: results.map { ReportRunner.labelled($0, by: binding) },
                                       chart: section.chart))
        }
        let checks = ReportRunner.checks(in: engine.catalog)
        return Report(query: query, parameters: binding, documents: ReportRunner.documents(in: engine.catalog), sections: sections,
                      dataPaths: dataPaths, failedChecks: checks.failed, checkCount: checks.count)
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

    /// Each parameter declared `in TABLE.COLUMN` / `like TABLE.COLUMN` must match a loaded value:
    /// a misspelt unit or a year that is not loaded would otherwise compare against nothing and
    /// show every line as new or gone. The error lists the values there are.
    private func checkValuesExist(_ binding: ReportParameters, of query: SavedQuery) throws(ReportError) {
        for declaration in query.parameters {
            guard let source = declaration.values, let bound = binding.bound.first(where: { $0.name == declaration.name }) else { continue }
            let column = source.column.hasPrefix(":") ? (binding.columns[String(source.column.dropFirst())] ?? source.column) : source.column
            let shownColumn = "\(source.table).\(column)"
            guard engine.catalog.table(named: source.table) != nil else {
                throw .noMatchingValue(name: bound.name, value: bound.text, column: shownColumn, existing: [], total: 0)
            }
            let existing: [Value]
            do {
                existing = try engine.execute("SELECT DISTINCT \(column) FROM \(source.table) WHERE \(column) IS NOT NULL ORDER BY 1").last?.rows.compactMap(\.first) ?? []
            } catch {
                throw .statementFailed(file: query.file, line: declaration.line, column: nil, message: "the values of \"\(declaration.name)\": " + error.message)
            }
            let found: Bool
            if source.isPattern {
                do {
                    let count = try engine.execute("SELECT count(*) FROM \(source.table) WHERE \(column) LIKE :pattern",
                                                   parameters: ["pattern": .text(bound.text)]).last?.rows.first?.first
                    found = count.map { $0 != .integer(0) } ?? false
                } catch {
                    throw .statementFailed(file: query.file, line: declaration.line, column: nil, message: "the values of \"\(declaration.name)\": " + error.message)
                }
            } else {
                found = existing.contains { $0.description == bound.text }
            }
            guard !found else { continue }
            let shown = existing.prefix(12).map(\.description)
            throw .noMatchingValue(name: bound.name, value: bound.text, column: shownColumn, existing: Array(shown), total: existing.count)
        }
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

    /// The failed checks of the loaded documents (in document and line order) and how many
    /// checks there are in all; none when no checks table is loaded.
    static func checks(in catalog: Catalog) -> (failed: [ReportCheck], count: Int) {
        guard let checks = catalog.table(named: "checks"), let status = checks.column(named: "status") else { return ([], 0) }
        func text(_ column: String, _ row: Int) -> String {
            guard let c = checks.column(named: column) else { return "" }
            let v = c.value(at: row)
            return v.isNull ? "" : v.description
        }
        func value(_ column: String, _ row: Int) -> Value { checks.column(named: column)?.value(at: row) ?? .null }
        let rows = (0..<checks.rowCount).filter { StartupSummary.isFailure(status.value(at: $0)) }
        // The numbers with one rule of places per column, as every table prints them.
        let numbers = rows.map { row in ["expected", "actual", "diff"].map { value($0, row) } }
        let places = CellText.decimalPlaces(of: numbers, columns: 3)
        func place(_ row: Int) -> String {
            if !text("page", row).isEmpty { return "p.\(text("page", row))" }
            return text("line", row).isEmpty ? "" : "l.\(text("line", row))"
        }
        let failed = zip(rows, numbers).map { row, n in
            ReportCheck(doc: text("doc", row), rule: text("rule", row), status: text("status", row),
                        expected: CellText.exact(n[0], places: places[0]) ?? "", actual: CellText.exact(n[1], places: places[1]) ?? "",
                        diff: CellText.exact(n[2], places: places[2]) ?? "", place: place(row), detail: text("detail", row))
        }
        return (failed, checks.rowCount)
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
