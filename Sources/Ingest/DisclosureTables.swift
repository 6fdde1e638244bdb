import Store

/// The queryable tables of SCHEMA.md, filled document by document.
struct DisclosureTables {
    private(set) var builders: [String: TableBuilder] = [:]
    private(set) var order: [String] = []
    var problems: [LoadProblem] = []

    /// Schema of a code-keyed table: snapshot columns, code columns, name, money, line.
    static func schema(for kind: TableKind) -> [(name: String, type: ColumnType)] {
        var columns = SnapshotDocument.snapshotColumns
        switch kind.key {
        case .economic:
            columns += [("econ_class", .integer), ("econ_section", .integer), ("econ_code", .text), ("name", .text)]
        default:
            columns += [("class", .integer), ("section", .integer), ("item", .integer), ("code", .text), ("name", .text)]
        }
        if kind.name == "project_spending" { columns.append(("project", .text)) }
        columns += kind.columns.map { ($0.name, ColumnType.decimal) }
        columns += SnapshotDocument.placementColumns
        return columns
    }

    mutating func builder(_ name: String, schema: [(name: String, type: ColumnType)]) -> TableBuilder {
        if let b = builders[name] { return b }
        order.append(name)
        let b = TableBuilder(name: name, schema: schema)
        builders[name] = b
        return b
    }

    mutating func append(_ row: [Value], to name: String, schema: [(name: String, type: ColumnType)], file: String, line: Int?) {
        // A number too large for the store's 64-bit units (at the 元→万元 scale) would make the
        // whole column fail to build: it is kept out and reported instead.
        var row = row
        for (i, value) in row.enumerated() {
            guard case .decimal(let d) = value else { continue }
            if d.normalized.rescaled(to: 6).flatMap({ Int64(exactly: $0.units) }) == nil {
                row[i] = .null
                problems.append(LoadProblem(file: file, line: line, message: "\(name): \(d) is too large to store exactly; left NULL"))
            }
        }
        var b = builder(name, schema: schema)
        builders[name] = nil  // keep the builder uniquely referenced while appending
        do {
            try b.append(row)
        } catch {
            problems.append(LoadProblem(file: file, line: line, message: "\(name): \(error)"))
        }
        builders[name] = b
    }

    /// Ensures a table exists (with no rows) so queries on it work even when no document had it.
    mutating func declare(_ name: String, schema: [(name: String, type: ColumnType)]) {
        _ = builder(name, schema: schema)
    }

    /// The leaves of a code-keyed table as rows.
    mutating func add(_ table: CodedTable, of document: SnapshotDocument) {
        let schema = Self.schema(for: table.kind)
        for row in table.rows where row.isLeaf {
            guard let code = row.code else { continue }
            var values = document.snapshotValues
            values.append(.integer(Int64(code.classCode)))
            if table.kind.key == .economic {
                values.append(code.section.map { .integer(Int64($0)) } ?? .null)
            } else {
                values.append(code.section.map { .integer(Int64($0)) } ?? .null)
                values.append(code.item.map { .integer(Int64($0)) } ?? .null)
            }
            values.append(.text(code.description))
            values.append(.text(row.name))
            if table.kind.name == "project_spending" { values.append(.text(row.project ?? "")) }
            for column in table.kind.columns {
                values.append(row.values[column.name].map { .decimal($0) } ?? .null)
            }
            values += document.placementValues(line: row.line)
            append(values, to: table.kind.name, schema: schema, file: document.file, line: row.line)
        }
    }

    /// Rows produced by a reader (label tables, narrative, targets, reference).
    mutating func add(_ table: ReaderTable, file: String) {
        declare(table.name, schema: table.columns)
        for row in table.rows { append(row, to: table.name, schema: table.columns, file: file, line: nil) }
    }

    static let factsSchema: [(name: String, type: ColumnType)] = SnapshotDocument.snapshotColumns + [
        ("table", .text), ("column_label", .text), ("column", .text), ("row_label", .text),
        ("class", .integer), ("section", .integer), ("item", .integer), ("code", .text),
        ("econ_class", .integer), ("econ_section", .integer), ("econ_code", .text),
        ("project", .text), ("amount", .decimal),
    ] + SnapshotDocument.placementColumns

    static let checksSchema: [(name: String, type: ColumnType)] = SnapshotDocument.snapshotColumns + [
        ("table", .text), ("rule", .text), ("severity", .text), ("status", .text), ("expected", .decimal), ("actual", .decimal),
        ("diff", .decimal), ("detail", .text), ("quote", .text),
    ] + SnapshotDocument.placementColumns

    static let docsSchema: [(name: String, type: ColumnType)] = SnapshotDocument.snapshotColumns + [
        ("file", .text), ("format", .text), ("pages", .integer), ("tables_found", .integer), ("tables", .text),
        ("missing", .text), ("empty", .text), ("rows", .integer), ("facts", .integer), ("printed_numbers", .integer),
        ("checks_failed", .integer), ("repairs", .integer), ("unparsed_sentences", .integer), ("duplicate_of", .text),
    ]

    /// The standard tables a disclosure is expected to print (targets and carryover vary).
    static let expectedTables = ["overview", "income", "spending", "appropriation", "general_spending",
                                 "fund_spending", "soe_spending", "basic_spending", "three_public"]

    /// A disclosure already loaded from another file (the PDF and its text extraction, or two
    /// copies): only its `docs` row, naming the document kept, so no figure is counted twice.
    mutating func addDuplicate(_ ingested: IngestedDocument, of kept: String) {
        var row = docsRow(ingested, typedRows: 0)
        row[row.count - 1] = .text(kept)
        append(row, to: "docs", schema: Self.docsSchema, file: ingested.document.file, line: nil)
    }

    mutating func add(_ ingested: IngestedDocument) {
        let document = ingested.document
        var typedRows = 0
        for table in ingested.codedTables {
            let before = builders[table.kind.name]?.rowCount ?? 0
            add(table, of: document)
            typedRows += (builders[table.kind.name]?.rowCount ?? 0) - before
        }
        for typed in ingested.labelTables {
            guard let table = typed.table else { continue }
            add(table, file: document.file)
            typedRows += table.rows.count
        }
        for fact in ingested.facts {
            var row = document.snapshotValues
            row += [.text(fact.table), .text(fact.columnLabel), .text(fact.column), .text(fact.rowLabel)]
            let c = fact.code
            if fact.economic {
                row += [.null, .null, .null, .null]
                row += [c.map { .integer(Int64($0.classCode)) } ?? .null, c?.section.map { .integer(Int64($0)) } ?? .null,
                        c.map { .text($0.description) } ?? .null]
            } else {
                row += [c.map { .integer(Int64($0.classCode)) } ?? .null, c?.section.map { .integer(Int64($0)) } ?? .null,
                        c?.item.map { .integer(Int64($0)) } ?? .null, c.map { .text($0.description) } ?? .null]
                row += [.null, .null, .null]
            }
            row += [fact.project.map { .text($0) } ?? .null, .decimal(fact.amount)] + document.placementValues(line: fact.line, cell: fact.cell)
            append(row, to: "facts", schema: Self.factsSchema, file: document.file, line: fact.line)
        }
        for check in ingested.checks {
            var row = document.snapshotValues
            row += [.text(check.table), .text(check.rule.id), .text(check.severity.rawValue), .text(check.status.rawValue),
                    check.expected.map { .decimal($0) } ?? .null, check.actual.map { .decimal($0) } ?? .null,
                    check.diff.map { .decimal($0) } ?? .null, .text(check.detail), .text(check.quote)]
                    + document.placementValues(line: check.line)
            append(row, to: "checks", schema: Self.checksSchema, file: document.file, line: check.line)
        }
        append(docsRow(ingested, typedRows: typedRows), to: "docs", schema: Self.docsSchema, file: document.file, line: nil)
    }

    private func docsRow(_ ingested: IngestedDocument, typedRows: Int) -> [Value] {
        let document = ingested.document
        let found = ingested.tablesFound
        let failed = ingested.checks.filter { $0.status == .mismatch || $0.status == .failed || $0.status == .unparsed }.count
        let unparsedSentences = ingested.checks.filter { $0.rule == RuleCatalogue.unparsedSentence }.count
        let repairs = ingested.checks.filter { $0.status == .repaired }.count
        var row = document.snapshotValues
        row += [.text(document.file), .text(document.format.rawValue), .integer(Int64(document.pages)),
                .integer(Int64(found.count)), .text(found.joined(separator: ",")),
                .text((ingested.listedMissing ?? Self.expectedTables.filter { !found.contains($0) }).joined(separator: ",")),
                .text(ingested.emptyTables.joined(separator: ",")),
                .integer(Int64(typedRows)), .integer(Int64(ingested.facts.count)),
                .integer(Int64(ingested.printedNumbers)), .integer(Int64(failed)), .integer(Int64(repairs)),
                .integer(Int64(unparsedSentences))]
        return row + [.null]
    }

    func build() -> ([Table], [LoadProblem]) {
        var tables: [Table] = []
        var problems = self.problems
        for name in order {
            guard let b = builders[name] else { continue }
            do {
                tables.append(try b.build())
            } catch {
                problems.append(LoadProblem(file: name, line: nil, message: "\(error)"))
            }
        }
        return (tables, problems)
    }
}
