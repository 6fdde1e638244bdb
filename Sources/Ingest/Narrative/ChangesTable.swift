import Store

/// The `changes` table of SCHEMA.md: one row per narrative statement of change.
public enum ChangesTable {
    /// Snapshot columns, then code (text) and its parts, the path and reason, the figures, the
    /// verdict, what was compared with, the 决算 completion ratio, whether the document's tables
    /// print the same amount for the code, and the source line.
    public static let columns: [(name: String, type: ColumnType)] =
        SnapshotDocument.snapshotColumns + [
            ("code", .text), ("class", .integer), ("section", .integer), ("item", .integer),
            ("path", .text), ("reason", .text),
            ("amount", .decimal), ("prior", .decimal), ("change", .decimal), ("pct", .decimal),
            ("consistent", .boolean), ("basis", .text), ("completion", .decimal), ("in_tables", .boolean),
        ] + SnapshotDocument.placementColumns

    /// The rows for `statements` read from `document`.
    public static func readerTable(_ statements: [ChangeStatement], of document: SnapshotDocument) -> ReaderTable {
        ReaderTable(name: "changes", columns: columns, rows: statements.map { row($0, document) })
    }

    /// Reads `document`'s narrative and returns its `changes` rows with the diagnostics.
    public static func read(_ document: SnapshotDocument, documentCodes: [DocumentCode] = []) -> (table: ReaderTable, diagnostics: [NarrativeDiagnostic]) {
        let result = NarrativeChanges.read(document, documentCodes: documentCodes)
        return (readerTable(result.statements, of: document), result.diagnostics)
    }

    /// A finished table of one or more documents' rows.
    public static func table(_ parts: [ReaderTable]) throws(StoreError) -> Table {
        var builder = TableBuilder(name: "changes", schema: columns)
        for part in parts { for row in part.rows { try builder.append(row) } }
        return try builder.build()
    }

    static func row(_ s: ChangeStatement, _ document: SnapshotDocument) -> [Value] {
        let parts = CodeParts(s.code)
        return document.snapshotValues + [
            s.code.map(Value.text) ?? .null, parts.classCode, parts.section, parts.item,
            .text(s.pathText), s.reason.map(Value.text) ?? .null,
            money(s.amount), money(s.prior), money(s.change), money(s.pct),
            s.consistent.map(Value.boolean) ?? .null, s.basis.map(Value.text) ?? .null, money(s.completion),
            s.inTables.map(Value.boolean) ?? .null,
        ] + document.placementValues(line: s.line)
    }

    static func money(_ d: ExactDecimal?) -> Value { d.map(Value.decimal) ?? .null }
}

/// class / section / item integers of a code text ('2080101' -> 208, 1, 1), NULL where absent.
struct CodeParts {
    let classCode: Value
    let section: Value
    let item: Value

    init(_ code: String?) {
        let digits = Array((code ?? "").utf8).map { Int64($0) - 48 }
        let valid = digits.allSatisfy { (0...9).contains($0) }
        func number(_ r: Range<Int>) -> Value {
            guard valid, digits.count >= r.upperBound else { return .null }
            return .integer(digits[r].reduce(0) { $0 * 10 + $1 })
        }
        classCode = number(0..<3)
        section = number(3..<5)
        item = number(5..<7)
    }
}
