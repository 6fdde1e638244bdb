import Store

/// What the audit rules read about one document: its text, tables, narrative sentences,
/// statements of change and contents page.
struct AuditContext {
    let document: SnapshotDocument
    let ingested: IngestedDocument
    let statements: [ChangeStatement]
    let sentences: NarrativeSentences
    let segments: [TableSegment]
    let contents: ContentsPage
    /// The code-keyed tables by canonical name.
    let coded: [String: CodedTable]

    init(document: SnapshotDocument, ingested: IngestedDocument, statements: [ChangeStatement]) {
        self.document = document
        self.ingested = ingested
        self.statements = statements
        sentences = NarrativeSentences(document)
        segments = TableLocator.segments(in: document)
        contents = ContentsPage.read(document)
        coded = Dictionary(ingested.codedTables.map { ($0.kind.name, $0) }, uniquingKeysWith: { a, _ in a })
    }

    /// A label table's rows as column -> value.
    func labelRows(_ name: String) -> [[String: Value]] {
        guard let table = ingested.labelTables.first(where: { $0.table?.name == name })?.table else { return [] }
        return table.rows.map { row in
            Dictionary(zip(table.columns.map(\.name), row).map { ($0, $1) }, uniquingKeysWith: { a, _ in a })
        }
    }

    /// The printed 合计 of a code-keyed table's column.
    func total(_ table: String, _ column: String = "amount") -> (value: ExactDecimal, line: Int, unit: ExactDecimal)? {
        guard let t = coded[table], let row = t.rows.first(where: { $0.isTotal }), let v = row.values[column] else { return nil }
        return (v, row.line, Reconciler.unitOf([row], column: column, table: t))
    }

    /// A table's title as printed: the locator's title drops a leading number ("2025年…" loses
    /// its year with "1."), so the printed line is used when it ends with that title.
    func title(_ segment: TableSegment) -> String {
        guard let line = document.line(segment.titleLine)?.withoutSpaces, line.hasSuffix(segment.title) else { return segment.title }
        return line
    }

    /// The source line's text, trimmed: a finding's quote for a table row.
    func quote(line: Int) -> String { DocumentAudit.quote(document, line: line) }
}

/// Applies every rule of `RuleCatalogue` beyond the reconciler's arithmetic to one document.
/// Pure and per document, so documents are audited in parallel as they load.
enum DocumentAudit {
    struct Result: Sendable {
        var checks: [Check]
        /// Standard tables listed in 目录 and not printed (docs.missing); nil when the document
        /// has no contents page.
        var missing: [String]?
        /// Tables printed with no rows that say so (docs.empty).
        var statedEmpty: [String]
    }

    static func audit(_ document: SnapshotDocument, ingested: IngestedDocument, statements: [ChangeStatement]) -> Result {
        let context = AuditContext(document: document, ingested: ingested, statements: statements)
        let completeness = CompletenessRules.check(context)
        var checks = completeness.checks
        checks += IdentityRules.check(context)
        checks += TableRules.check(context)
        checks += NameRules.check(context)
        checks += NarrativeRules.check(context)
        checks += HygieneRules.check(context)
        return Result(checks: checks, missing: context.contents.line == nil ? nil : completeness.missing,
                      statedEmpty: completeness.statedEmpty)
    }

    /// A source line as a reviewer quotes it: cells separated by one space (layout gaps and tabs
    /// collapsed), at most 160 characters.
    static func quote(_ document: SnapshotDocument, line: Int) -> String {
        guard let text = document.line(line) else { return "" }
        let cells = text.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\u{3000}" })
        return String(cells.joined(separator: " ").prefix(160))
    }

    /// Every check that points at a line gets that line's words as its quote, when its rule
    /// did not quote something more precise (the reconciler's checks, the readers' notes).
    static func quoted(_ checks: [Check], in document: SnapshotDocument) -> [Check] {
        checks.map { check in
            guard check.quote.isEmpty, let line = check.line else { return check }
            var quoted = check
            quoted.quote = quote(document, line: line)
            return quoted
        }
    }
}

/// Reviewers' tolerance for a narrative figure against a table's: the narrative rounds to the
/// places it prints, so they agree when they differ by at most one unit of the narrative's last
/// place (37,151.47万元 agrees with 371,514,655元; 37,151.5万元 too; 37,152万元 too), or of the
/// table's when the table prints fewer places.
enum NarrativeTolerance {
    static func agree(_ stated: NarrativeFigure, _ table: ExactDecimal, tableUnit: ExactDecimal = .zero) -> Bool {
        guard let diff = stated.value.subtracting(table)?.magnitude else { return false }
        return !(max(stated.lastPlace, tableUnit) < diff)
    }

    /// A percentage computed from figures against the printed one: within one unit of its last
    /// place (so 12.38% and 12.4% both agree with 12.384%).
    static func agree(percent stated: ExactDecimal, places: Int, computed: ExactDecimal) -> Bool {
        guard let diff = stated.subtracting(computed)?.magnitude else { return false }
        return !(ExactDecimal(units: 1, scale: places) < diff)
    }

    static func format(_ d: ExactDecimal) -> String { "\(d.normalized)" }
}
