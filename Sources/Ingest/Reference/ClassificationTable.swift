import Store

/// The `classes` table of SCHEMA.md: the reference classification as rows.
public enum ClassificationTable {
    public static let columns: [(name: String, type: ColumnType)] = [
        ("code", .text), ("kind", .text), ("level", .integer), ("name", .text), ("name_en", .text),
    ]

    /// The rows of `classes`, in file order (classes before their sections and items).
    public static func readerTable(_ reference: ReferenceClassification = .standard) -> ReaderTable {
        ReaderTable(name: "classes", columns: columns, rows: reference.entries.map { e in
            [.text(e.code), .text(e.kind.rawValue), .integer(Int64(e.level)), .text(e.name), .text(e.nameEnglish)]
        })
    }

    /// The finished `classes` table.
    public static func table(_ reference: ReferenceClassification = .standard) throws(StoreError) -> Table {
        var builder = TableBuilder(name: "classes", schema: columns)
        for row in readerTable(reference).rows { try builder.append(row) }
        return try builder.build()
    }
}
