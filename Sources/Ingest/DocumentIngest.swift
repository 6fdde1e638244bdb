import Store

/// Everything read from one snapshot: its tables by canonical name, in document order.
struct IngestedDocument: Sendable {
    let document: SnapshotDocument
    var codedTables: [CodedTable]
    /// Canonical names of standard tables whose title was found.
    var tablesFound: [String]
}

/// Reads the tables of one loaded snapshot.
enum DocumentIngest {
    static func ingest(_ document: SnapshotDocument) -> IngestedDocument {
        let segments = TableLocator.segments(in: document)
        let defaultUnit = mostStatedUnit(document)
        let dictionary = buildDictionary(document, segments: segments)
        var byKind: [String: [TableSegment]] = [:]
        var order: [String] = []
        for s in segments {
            guard let kind = s.kind else { continue }
            if byKind[kind.name] == nil { order.append(kind.name) }
            byKind[kind.name, default: []].append(s)
        }
        let reader = CodedTableReader(document: document, dictionary: dictionary, defaultUnit: defaultUnit)
        var tables: [CodedTable] = []
        for name in order {
            guard let kind = TableKind.named(name), kind.key != .label, let segs = byKind[name] else { continue }
            tables.append(reader.read(kind: kind, segments: segs))
        }
        return IngestedDocument(document: document, codedTables: tables, tablesFound: order)
    }

    /// The unit most tables state, for tables that do not say.
    static func mostStatedUnit(_ document: SnapshotDocument) -> MoneyUnit {
        var counts: [MoneyUnit: Int] = [:]
        for line in document.lines where line.contains("单位") {
            if let u = MoneyUnit.stated(in: line) { counts[u, default: 0] += 1 }
        }
        return counts.max { $0.value < $1.value }?.key ?? .wanYuan
    }

    /// Whole codes printed anywhere in the document's code-keyed tables, by name.
    static func buildDictionary(_ document: SnapshotDocument, segments: [TableSegment]) -> CodeDictionary {
        var dictionary = CodeDictionary()
        for segment in segments {
            guard let kind = segment.kind, kind.key == .function, let body = segment.lines else { continue }
            let repairer = CodeRepairer(widths: [3, 2, 2], dictionary: CodeDictionary())
            for n in body {
                let row = SourceRow.split(document.lines[n - 1], line: n, format: document.format)
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
