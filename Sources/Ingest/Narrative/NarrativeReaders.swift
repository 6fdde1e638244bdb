import Store

/// Everything the narrative readers take from one document: the rows of `changes` and
/// `targets`, and what could not be read fully (for `checks`, with its line).
public struct NarrativeYield: Sendable {
    public var changes: ReaderTable
    public var targets: ReaderTable
    /// Sentences and rows not read fully, and code paths matched only approximately.
    public var diagnostics: [NarrativeDiagnostic]
}

/// The one call the loader makes per document for the narrative side (see also
/// `ClassificationTable.readerTable()` for `classes`, which is loaded once, not per document).
public enum NarrativeReaders {
    /// `documentCodes`: the function codes the document's own tables print, with their amounts
    /// (spending, income, general_spending rows); they decide between look-alike names.
    public static func read(_ document: SnapshotDocument, documentCodes: [DocumentCode] = []) -> NarrativeYield {
        let changes = NarrativeChanges.read(document, documentCodes: documentCodes)
        let targets = PerformanceTargets.read(document)
        return NarrativeYield(changes: ChangesTable.readerTable(changes.statements, of: document),
                              targets: TargetsTable.readerTable(targets.targets, of: document),
                              diagnostics: changes.diagnostics + targets.diagnostics)
    }
}
