/// A named set of equally long columns.
public struct Table: Sendable {
    public let name: String
    public let columns: [Column]
    public let rowCount: Int
    /// Why a column is TEXT when its file began it as numbers, by lowercased column name (the
    /// CSV loader's note, "amount is TEXT because bench.csv:57 has "n/a?" …"): shown with an
    /// error that refuses the column as text. Not stored in the cache's archive; the loader
    /// puts it back from the entry's notes.
    public var textNotes: [String: String] = [:]

    public init(name: String, columns: [Column]) {
        self.name = name
        self.columns = columns
        self.rowCount = columns.first?.count ?? 0
    }

    /// Column lookup is case-insensitive, as SQL identifiers are.
    public func column(named name: String) -> Column? {
        let key = name.lowercased()
        return columns.first { $0.name.lowercased() == key }
    }

    public func row(_ index: Int) -> [Value] { columns.map { $0.value(at: index) } }
}

/// All the tables a session can query, by name.
public struct Catalog: Sendable {
    public private(set) var tables: [Table] = []

    public init(tables: [Table] = []) {
        for t in tables { add(t) }
    }

    /// Adds a table, replacing one of the same name.
    public mutating func add(_ table: Table) {
        if let i = tables.firstIndex(where: { $0.name.lowercased() == table.name.lowercased() }) {
            tables[i] = table
        } else {
            tables.append(table)
        }
    }

    public func table(named name: String) -> Table? {
        let key = name.lowercased()
        return tables.first { $0.name.lowercased() == key }
    }

    public var tableNames: [String] { tables.map(\.name) }
}
