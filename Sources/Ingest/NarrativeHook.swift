import Store

/// Where the narrative readers (Narrative/, Reference/, written separately) plug into a load:
/// `changes` from the year-on-year sentences, `targets` from 绩效目标表, and the `classes`
/// reference. The table readers hand them the codes the document prints, so a sentence's
/// 类/款/项 path resolves to the code the tables use; what the readers could not read fully
/// comes back as `checks`.
enum NarrativeHook {
    /// The narrative readers' tables for one document and their diagnostics as checks
    /// (pure: runs in parallel with others).
    static func read(_ document: SnapshotDocument, ingested: IngestedDocument)
        -> (tables: [ReaderTable], checks: [Check], statements: [ChangeStatement]) {
        let read = NarrativeChanges.read(document, documentCodes: documentCodes(ingested))
        let changes = (table: ChangesTable.readerTable(read.statements, of: document), diagnostics: read.diagnostics)
        let targets = TargetsTable.read(document)
        let checks = changes.diagnostics.map { check($0, table: "changes", unparsed: RuleCatalogue.unparsedSentence) }
            + targets.diagnostics.map { check($0, table: "targets", unparsed: RuleCatalogue.unparsedTarget) }
        return ([changes.table, targets.table], checks, read.statements)
    }

    /// Every function code the document's tables print, with every amount printed on its rows
    /// in any of those tables: a narrative usually quotes the general-budget figure
    /// (general_spending, appropriation), not spending's all-funds amount, so all of them count
    /// when deciding whether the tables print the sentence's amount. Each distinct name a
    /// table prints for the code is kept, so any of them matches the sentence's path.
    static func documentCodes(_ ingested: IngestedDocument) -> [DocumentCode] {
        var order: [String] = []
        var names: [String: [String]] = [:]
        var amounts: [String: [ExactDecimal]] = [:]
        for table in ingested.codedTables where table.kind.key == .function {
            for row in table.rows where row.project == nil {
                guard let code = row.code?.description else { continue }
                if names[code] == nil { order.append(code) }
                if !(names[code]?.contains(row.name) ?? false) { names[code, default: []].append(row.name) }
                // Columns in schema order, so the amounts' order does not depend on hashing.
                for column in table.columns {
                    guard let value = row.values[column.name] else { continue }
                    if !(amounts[code]?.contains(value) ?? false) { amounts[code, default: []].append(value) }
                }
            }
        }
        return order.flatMap { code in
            (names[code] ?? []).map { DocumentCode(code: code, name: $0, amounts: amounts[code] ?? []) }
        }
    }

    /// A narrative diagnostic filed like the table readers' repairs and unparsed cells.
    static func check(_ d: NarrativeDiagnostic, table: String, unparsed: AuditRule) -> Check {
        let repaired = d.kind == .repaired
        return Check(table: table, rule: repaired ? RuleCatalogue.narrativeRepaired : unparsed, status: repaired ? .repaired : .unparsed,
                     expected: nil, actual: nil, detail: "\(d.message): \(d.excerpt)", line: d.line, quote: d.excerpt)
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
