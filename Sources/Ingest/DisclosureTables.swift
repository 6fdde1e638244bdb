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
        columns += kind.columns.map { ($0.name, ColumnType.decimal) }
        columns.append(SnapshotDocument.lineColumn)
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
            for column in table.kind.columns {
                values.append(row.values[column.name].map { .decimal($0) } ?? .null)
            }
            values.append(document.lineValue(row.line))
            append(values, to: table.kind.name, schema: schema, file: document.file, line: row.line)
        }
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
