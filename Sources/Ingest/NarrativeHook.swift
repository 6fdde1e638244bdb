/// Where the narrative readers (Narrative/, Reference/, written separately) plug into a load:
/// `changes` from the year-on-year sentences, `targets` from 绩效目标表, and the `classes`
/// reference. The table readers hand them the codes the document prints, so a sentence's
/// 类/款/项 path resolves to the code the tables use.
enum NarrativeHook {
    /// The narrative readers' tables for one document (pure: runs in parallel with others).
    static func read(_ document: SnapshotDocument, ingested: IngestedDocument) -> [ReaderTable] {
        var codes: [DocumentCode] = []
        var seen = Set<String>()
        for table in ingested.codedTables where table.kind.key == .function {
            for row in table.rows where row.project == nil {
                guard let code = row.code, !seen.contains(code.description) else { continue }
                seen.insert(code.description)
                codes.append(DocumentCode(code: code.description, name: row.name,
                                          amounts: row.values["amount"].map { [$0] } ?? []))
            }
        }
        return [ChangesTable.read(document, documentCodes: codes).table, TargetsTable.read(document).table]
    }

    static func add(_ narrative: [ReaderTable], document: SnapshotDocument, to tables: inout DisclosureTables) {
        for table in narrative { tables.add(table, file: document.file) }
    }

    static func declare(in tables: inout DisclosureTables) {
        tables.declare("changes", schema: ChangesTable.columns)
        tables.declare("targets", schema: TargetsTable.columns)
    }

    static func addReference(to tables: inout DisclosureTables) {
        tables.add(ClassificationTable.readerTable(), file: "classes")
    }
}
