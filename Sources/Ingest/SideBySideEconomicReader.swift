import Store

/// The 决算 基本支出 table prints two panels side by side (人员经费 on the left, 公用经费 on
/// the right), each "科目编码 科目名称 决算数", and pdftotext displaces pieces of a row onto
/// neighbouring lines: a wrapped name above and below its code, a code alone with its name and
/// amount on the next line. Each panel is read as its own stream of entries.
enum SideBySideEconomicReader {
    /// True when the header repeats the code column (two or more panels).
    static func applies(headerText: String) -> Bool {
        occurrences(of: "科目编码", in: headerText) >= 2 || occurrences(of: "科目名称", in: headerText) >= 2
    }

    static func occurrences(of needle: String, in text: String) -> Int {
        text.components(separatedBy: needle).count - 1
    }

    private struct Entry {
        var code: ClassificationCode?
        var name = ""
        var amount: RowNumber?
        var line: Int
        var nameFromAbove = false
        var isTotal = false
    }

    static func read(kind: TableKind, segments: [TableSegment], document: SnapshotDocument, sourceRows: SourceRows,
                     unit: MoneyUnit) -> CodedTable {
        var panels: [[Entry]] = [[], []]
        var pending = ["", ""]
        var unparsed: [(line: Int, cell: String, reason: String)] = []
        var repairs: [Repair] = []
        var boundary: Int?
        for segment in segments {
            guard let body = segment.lines else { continue }
            var inHeader = true
            for n in body {
                let text = document.lines[n - 1]
                if text.containsUTF8("单位：") || text.containsUTF8("单位:") { continue }
                let cells = sourceRows[n].cells.filter { !$0.text.isEmpty }
                if inHeader {
                    // The second code column's header word marks where the right panel starts.
                    if let second = cells.dropFirst().first(where: { $0.text.withoutSpaces.containsUTF8("科目编码") || $0.text.withoutSpaces.containsUTF8("经济分类") }) {
                        boundary = second.position - second.text.count
                    }
                    let hasCode = cells.contains { econCode(of: $0.text) != nil }
                    if !hasCode { continue }
                    inHeader = false
                }
                let mid = boundary ?? 34
                var onLine: [Int: Int] = [:]  // panel -> entry index started on this line
                for cell in cells {
                    let start = cell.position - cell.text.count
                    // Numbers are right-aligned at the end of their panel, text starts in it.
                    let isNumber = PrintedNumber.parse(cell.text) != nil
                    var panel = isNumber ? (cell.position > mid + 4 ? 1 : 0) : (start >= mid - 4 ? 1 : 0)
                    if let (code, rest) = econCode(of: cell.text) {
                        // Left codes start the line; a second code on a line is the right panel's.
                        panel = onLine[0] != nil || start >= mid / 2 ? 1 : 0
                        var entry = Entry(code: code, line: n)
                        if !pending[panel].isEmpty {
                            entry.name = pending[panel]
                            entry.nameFromAbove = true
                            pending[panel] = ""
                        }
                        entry.name += rest
                        panels[panel].append(entry)
                        onLine[panel] = panels[panel].count - 1
                        continue
                    }
                    if let own = onLine[panel] {
                        attach(cell, to: &panels[panel][own], unparsed: &unparsed, line: n)
                        continue
                    }
                    let compact = cell.text.withoutSpaces
                    if compact.containsUTF8("合计") {
                        var total = Entry(line: n)
                        total.name = compact
                        total.isTotal = true
                        panels[panel].append(total)
                        onLine[panel] = panels[panel].count - 1
                        continue
                    }
                    // A piece displaced from a row of this panel.
                    if let number = PrintedNumber.parse(cell.text) {
                        if number.isPercent {
                            unparsed.append((n, cell.text, "a percentage: the table's columns are money"))
                        } else if let last = panels[panel].indices.last, panels[panel][last].amount == nil {
                            panels[panel][last].amount = RowNumber(number: number, position: cell.position, cell: cell.text)
                            repairs.append(Repair(line: n, detail: "amount \(cell.text) on line \(n) belongs to \(panels[panel][last].code.map { "\($0)" } ?? "the row") on line \(panels[panel][last].line)"))
                        } else {
                            unparsed.append((n, cell.text, "number with no row in its panel"))
                        }
                    } else if let last = panels[panel].indices.last,
                              panels[panel][last].name.isEmpty || panels[panel][last].amount == nil || panels[panel][last].nameFromAbove {
                        panels[panel][last].name += compact
                        panels[panel][last].nameFromAbove = false
                    } else {
                        pending[panel] += compact
                    }
                }
            }
        }
        // Rows: entries in order, left panel then right; personnel or public by panel/class.
        var rows: [CodedRow] = []
        var totalValues: [String: ExactDecimal] = [:]
        var totalPrinted: [String: RowNumber] = [:]
        var totalNumbers: [RowNumber] = []
        var totalLine = 0
        let columns = [CanonicalColumn("amount", ["合计"]), CanonicalColumn("personnel", ["人员经费"]), CanonicalColumn("public", ["公用经费"])]
        for (p, entries) in panels.enumerated() {
            for e in entries {
                guard let amount = e.amount else { continue }
                let value = unit.toWanYuan(amount.number.value)
                if e.isTotal {
                    let column = e.name.containsUTF8("公用") ? "public" : (e.name.containsUTF8("人员") ? "personnel" : "amount")
                    totalValues[column] = value
                    totalPrinted[column] = amount
                    totalNumbers.append(amount)
                    totalLine = e.line
                    continue
                }
                guard let code = e.code else { continue }
                let personnel = p == 0 ? (code.classCode != 302 && code.classCode != 310) : (code.classCode == 301 || code.classCode == 303)
                var row = CodedRow(line: e.line, code: code, name: e.name, values: ["amount": value], printed: ["amount": amount], isTotal: false)
                row.values[personnel ? "personnel" : "public"] = value
                row.printed[personnel ? "personnel" : "public"] = amount
                row.numbers = [amount]
                row.assignment = [0]
                rows.append(row)
            }
        }
        if !totalValues.isEmpty {
            var total = CodedRow(line: totalLine, code: nil, name: "合计", values: totalValues, printed: totalPrinted, isTotal: true)
            total.numbers = totalNumbers
            total.assignment = totalNumbers.map { n in totalPrinted.first { $0.value.position == n.position && $0.value.cell == n.cell }.map { k in columns.firstIndex { $0.name == k.key } ?? 0 } ?? 0 }
            if totalValues["amount"] == nil {
                totalValues["amount"] = Arithmetic.sum(Array(totalValues.values))
                total.values["amount"] = totalValues["amount"]
            }
            rows.append(total)
        }
        // Leaves and the economic hierarchy (class 301, section 30101).
        let codes = Set(rows.compactMap(\.code))
        for i in rows.indices {
            guard let c = rows[i].code else { continue }
            rows[i].isLeaf = !codes.contains { $0.parent == c }
        }
        return CodedTable(kind: kind, title: segments.first?.title ?? kind.name, unit: unit, columns: columns,
                          columnLabels: ["amount": "决算数", "personnel": "人员经费", "public": "公用经费"],
                          rows: rows, repairs: repairs, unparsed: unparsed)
    }

    private static func attach(_ cell: SourceCell, to entry: inout Entry, unparsed: inout [(line: Int, cell: String, reason: String)], line: Int) {
        if let number = PrintedNumber.parse(cell.text) {
            if number.isPercent {
                unparsed.append((line, cell.text, "a percentage: the table's columns are money"))
            } else if entry.amount == nil {
                entry.amount = RowNumber(number: number, position: cell.position, cell: cell.text)
            } else {
                unparsed.append((line, cell.text, "second amount for one economic code"))
            }
        } else {
            entry.name += cell.text.withoutSpaces
        }
    }

    /// An economic code (3 or 5 digits starting with 3) at the start of a cell, and the name
    /// glued after it ("30207邮电费").
    static func econCode(of text: String) -> (ClassificationCode, String)? {
        let digits = text.prefix { $0.isASCII && $0.isNumber }
        guard digits.count == 3 || digits.count == 5, digits.first == "3" else { return nil }
        let rest = text.dropFirst(digits.count)
        if let f = rest.first, f == "." || f == "," || f.isNumber { return nil }
        let d = String(digits)
        guard let cls = Int(d.prefix(3)) else { return nil }
        let section = d.count == 5 ? Int(d.suffix(2)) : nil
        return (ClassificationCode(classCode: cls, section: section, item: nil), String(rest).withoutSpaces)
    }
}
