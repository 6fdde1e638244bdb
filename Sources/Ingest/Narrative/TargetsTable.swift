import Store

/// The `targets` table of SCHEMA.md: one row per indicator of a 绩效目标表.
public enum TargetsTable {
    public static let columns: [(name: String, type: ColumnType)] =
        SnapshotDocument.snapshotColumns + [
            ("kind", .text), ("project", .text), ("level1", .text), ("level2", .text), ("indicator", .text),
            ("op", .text), ("target", .decimal), ("target_text", .text), ("target_unit", .text),
            ("weight", .decimal), ("budget", .decimal),
        ] + SnapshotDocument.placementColumns

    public static func readerTable(_ targets: [PerformanceTarget], of document: SnapshotDocument) -> ReaderTable {
        ReaderTable(name: "targets", columns: columns, rows: targets.map { t in
            document.snapshotValues + [
                .text(t.kind), .text(t.project), .text(t.level1), .text(t.level2), .text(t.indicator),
                t.op.map(Value.text) ?? .null, t.target.map(Value.decimal) ?? .null, .text(t.targetText),
                t.targetUnit.map(Value.text) ?? .null, t.weight.map(Value.decimal) ?? .null,
                t.budget.map(Value.decimal) ?? .null,
            ] + document.placementValues(line: t.line)
        })
    }

    /// Reads `document`'s sheets and returns its `targets` rows with the diagnostics.
    public static func read(_ document: SnapshotDocument) -> (table: ReaderTable, diagnostics: [NarrativeDiagnostic]) {
        let result = PerformanceTargets.read(document)
        return (readerTable(result.targets, of: document), result.diagnostics)
    }

    public static func table(_ parts: [ReaderTable]) throws(StoreError) -> Table {
        var builder = TableBuilder(name: "targets", schema: columns)
        for part in parts { for row in part.rows { try builder.append(row) } }
        return try builder.build()
    }
}
