import Store

/// Everything read from one snapshot: its tables by canonical name, in document order, every
/// number as a fact, and the checks.
struct IngestedDocument: Sendable {
    let document: SnapshotDocument
    var codedTables: [CodedTable]
    var labelTables: [TypedLabelTable]
    /// Canonical names of standard tables whose title was found.
    var tablesFound: [String]
    /// Found tables that print no rows (an empty table with its 备注 note).
    var emptyTables: [String]
    var facts: [Fact]
    var checks: [Check]
    /// Numbers printed in the table bodies, counted independently of the readers.
    var printedNumbers: Int
    /// Standard tables the contents page lists and the document does not print; nil when the
    /// document has no contents page (docs.missing then lists the standard tables not found).
    var listedMissing: [String]? = nil
}

/// Reads the tables of one loaded snapshot.
enum DocumentIngest {
    static func ingest(_ document: SnapshotDocument) -> IngestedDocument {
        let segments = TableLocator.segments(in: document)
        let sourceRows = SourceRows(document, segments: segments)
        let defaultUnit = mostStatedUnit(document)
        let dictionary = buildDictionary(document, segments: segments, sourceRows: sourceRows)
        var byKind: [String: [TableSegment]] = [:]
        var order: [String] = []
        var unknown: [TableSegment] = []
        for s in segments {
            guard let kind = s.kind else { unknown.append(s); continue }
            if byKind[kind.name] == nil { order.append(kind.name) }
            byKind[kind.name, default: []].append(s)
        }
        let reader = CodedTableReader(document: document, sourceRows: sourceRows, dictionary: dictionary, defaultUnit: defaultUnit)
        var coded: [CodedTable] = []
        var labelled: [TypedLabelTable] = []
        var facts: [Fact] = []
        var checks: [Check] = []
        var empty: [String] = []
        var codedByName: [String: CodedTable] = [:]
        var labelByName: [String: TypedLabelTable] = [:]
        for name in order {
            guard let kind = TableKind.named(name), let segs = byKind[name] else { continue }
            if kind.key == .label {
                let table = LabelTableReader.read(kind: kind, segments: segs, document: document, sourceRows: sourceRows,
                                                  defaultUnit: defaultUnit)
                let typed = LabelTableTyping.type(table, document: document)
                if typed.facts.isEmpty { empty.append(name) }
                facts += typed.facts
                checks += (typed.unparsed + table.percentages).map { u in
                    Check(table: name, rule: RuleCatalogue.unparsedNumber, status: .unparsed, expected: nil, actual: nil,
                          detail: "'\(u.cell)': \(u.reason)", line: u.line, quote: u.cell)
                }
                checks += table.illegible.map { u in
                    Check(table: name, rule: RuleCatalogue.illegibleFigure, status: .failed, expected: nil, actual: nil,
                          detail: "'\(u.cell)': \(u.reason)", line: u.line, quote: u.cell)
                }
                labelled.append(typed)
                labelByName[name] = typed
            } else {
                let table: CodedTable
                if kind.key == .economic, document.format != .pdf, SideBySideEconomicReader.applies(headerText: headText(document, segs)) {
                    table = SideBySideEconomicReader.read(kind: kind, segments: segs, document: document, sourceRows: sourceRows,
                                                          unit: statedUnit(document, segs) ?? defaultUnit)
                } else {
                    table = reader.read(kind: kind, segments: segs)
                }
                if table.rows.isEmpty { empty.append(name) }
                facts += factsOf(table)
                checks += Reconciler.check(table)
                coded.append(table)
                codedByName[name] = table
            }
        }
        // Tables with titles the catalogue does not know still land in facts.
        for segment in unknown where segment.lines != nil {
            let kind = TableKind(name: segment.title, titleGroups: [], titleExcluding: [], key: .label, columns: [])
            let table = LabelTableReader.read(kind: kind, segments: [segment], document: document, sourceRows: sourceRows,
                                              defaultUnit: defaultUnit)
            facts += LabelTableTyping.untyped(table, name: segment.title).facts
        }
        checks += Reconciler.crossChecks(coded: codedByName, label: labelByName)
        return IngestedDocument(document: document, codedTables: coded, labelTables: labelled, tablesFound: order,
                                emptyTables: empty, facts: facts, checks: checks,
                                printedNumbers: countPrintedNumbers(document, segments: segments, sourceRows: sourceRows))
    }

    /// The first lines of a table's body, spaces removed: enough to see its header.
    static func headText(_ document: SnapshotDocument, _ segments: [TableSegment]) -> String {
        var text = ""
        for s in segments {
            guard let body = s.lines else { continue }
            for n in body.prefix(8) { text += document.lines[n - 1].withoutSpaces }
        }
        return text
    }

    static func statedUnit(_ document: SnapshotDocument, _ segments: [TableSegment]) -> MoneyUnit? {
        for s in segments {
            for n in max(1, s.titleLine - 2)...(s.titleLine + 6) {
                if let text = document.line(n), let u = MoneyUnit.stated(in: text) { return u }
            }
        }
        return nil
    }

    /// Every number of a code-keyed table, placed or not (unplaced ones are checks 'unparsed').
    static func factsOf(_ table: CodedTable) -> [Fact] {
        var facts: [Fact] = []
        for row in table.rows {
            for (j, column) in row.assignment.enumerated() where j < row.numbers.count && column < table.columns.count {
                let name = table.columns[column].name
                facts.append(Fact(table: table.kind.name, columnLabel: table.columnLabels[name] ?? name, column: name,
                                  rowLabel: row.name, code: row.code, economic: table.kind.key == .economic,
                                  project: row.project, amount: table.unit.toWanYuan(row.numbers[j].number.value), line: row.line,
                                  cell: row.numbers[j].position))
            }
            for side in row.sideNumbers {
                let n = side.number
                facts.append(Fact(table: table.kind.name, columnLabel: side.label, column: "", rowLabel: row.name, code: row.code,
                                  economic: table.kind.key == .economic, project: row.project,
                                  amount: n.number.isPercent ? n.number.value : table.unit.toWanYuan(n.number.value), line: row.line,
                                  cell: n.position, beside: true))
            }
        }
        return facts
    }

    /// Numbers in table bodies, counted the plain way (cells that read as numbers, outside the
    /// header and money-unit lines), so a test can prove facts + unparsed account for all.
    static func countPrintedNumbers(_ document: SnapshotDocument, segments: [TableSegment], sourceRows: SourceRows? = nil) -> Int {
        var seen = Set<Int>()
        var count = 0
        for segment in segments {
            guard let body = segment.lines else { continue }
            // Economic codes sit mid-line in the two-panel 基本支出 table.
            let economic = segment.kind?.key == .economic
            var lineNumbers = LineNumbers(cellsAreColumns: document.format.cellsAreColumns)
            for n in body where !seen.contains(n) {
                seen.insert(n)
                let text = document.lines[n - 1]
                if text.containsUTF8("单位：") || text.containsUTF8("单位:") { continue }
                var sawText = false, sawNumber = false
                var leadingCodes = 0
                let printed = sourceRows?[n] ?? SourceRow.split(text, line: n, format: document.format)
                // The form's numbering (a 栏次 line, a 行次 column) is not a figure.
                if FormNumbering.isNumberingLine(printed) { continue }
                lineNumbers.learn(from: printed)
                let cells = lineNumbers.removing(from: printed).cells
                for (i, cell) in cells.enumerated() where !cell.text.isEmpty {
                    let compact = cell.text.withoutSpaces
                    // Leading digit cells are code columns (类/款/项), not amounts.
                    if !sawText && !sawNumber && leadingCodes < 3 && compact.isDigits && compact.count <= 7 {
                        leadingCodes += 1
                        continue
                    }
                    if LabelTableReader.isInlineClassCode(cells, at: i) { continue }
                    if economic && compact.isDigits && (compact.count == 3 || compact.count == 5) && compact.hasPrefix("3") { continue }
                    if PrintedNumber.parse(cell.text) != nil { count += 1; sawNumber = true } else { sawText = true }
                }
            }
        }
        return count
    }

    /// The unit most tables state, for tables that do not say.
    static func mostStatedUnit(_ document: SnapshotDocument) -> MoneyUnit {
        var counts: [MoneyUnit: Int] = [:]
        for line in document.lines where line.containsUTF8("单位") {
            if let u = MoneyUnit.stated(in: line) { counts[u, default: 0] += 1 }
        }
        return counts.max { $0.value < $1.value }?.key ?? .wanYuan
    }

    /// Whole codes printed anywhere in the document's code-keyed tables, by name.
    static func buildDictionary(_ document: SnapshotDocument, segments: [TableSegment], sourceRows: SourceRows? = nil) -> CodeDictionary {
        var dictionary = CodeDictionary()
        for segment in segments {
            guard let kind = segment.kind, kind.key == .function, let body = segment.lines else { continue }
            let repairer = CodeRepairer(widths: [3, 2, 2], dictionary: CodeDictionary())
            for n in body {
                let row = sourceRows?[n] ?? SourceRow.split(document.lines[n - 1], line: n, format: document.format)
                let tl = CodedRowReader.read(row, format: document.format, codeCells: 3)
                guard tl.shape == .data, tl.hasCode, !tl.name.isEmpty else { continue }
                let parts = repairer.levels(of: tl.codeParts)
                guard parts[0].count == 3 else { continue }
                var digits = parts[0]
                if parts[1].count == 2 {
                    digits += parts[1]
                    if parts[2].count == 2 { digits += parts[2] } else if !parts[2].isEmpty { continue }
                } else if !parts[1].isEmpty || !parts[2].isEmpty {
                    continue
                }
                if let code = ClassificationCode(digits: digits) { dictionary.add(code, name: tl.name) }
            }
        }
        return dictionary
    }
}
