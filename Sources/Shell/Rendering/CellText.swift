import Foundation
import Store

/// How a single value is written in the different modes.
enum CellText {
    /// Exact text with no decoration: numbers as stored, no separators.
    static func exact(_ value: Value) -> String? {
        value.isNull ? nil : value.description
    }

    /// Whether a column's values are numbers (right-aligned in a table).
    static func isNumeric(_ type: ColumnType) -> Bool {
        type == .integer || type == .decimal
    }

    /// Integer columns that name things rather than count them: a year or a code reads wrong as
    /// "2,024" or "2,080,101", so they get no thousands separators.
    static func isIdentifierLike(column name: String) -> Bool {
        let n = name.lowercased()
        let identifiers: Set<String> = [
            "year", "class", "section", "item", "code", "econ_class", "econ_section", "econ_item",
            "econ_code", "line", "page", "pages", "level", "id",
        ]
        return identifiers.contains(n) || n.hasSuffix("_code") || n.hasSuffix("_id") || n.hasSuffix("year")
    }

    /// Table text for a value: money and counts with thousands separators.
    static func display(_ value: Value, column: String) -> String {
        switch value {
        case .null: return "NULL"
        case .integer(let i):
            return isIdentifierLike(column: column) ? String(i) : grouped(String(i))
        case .decimal(let d): return grouped(d.description)
        case .text(let s): return s
        case .boolean(let b): return b ? "true" : "false"
        }
    }

    /// The places each decimal column shows, in every mode: enough for every value exactly, and
    /// no fewer than the 2 of money where the values carry them. A column stored at 6 places (元
    /// converted to 万元) whose values all end in 0000 prints with 2, as published, and every
    /// value of a column gets the same places so the points line up and a table, a CSV file and
    /// a report agree. nil for columns without decimals.
    static func decimalPlaces(of rows: [[Value]], columns: Int) -> [Int?] {
        var places = [Int?](repeating: nil, count: columns)
        widenDecimalPlaces(&places, toFit: rows)
        return places
    }

    /// `decimalPlaces` a batch at a time: `places` grows to fit `rows` as well.
    static func widenDecimalPlaces(_ places: inout [Int?], toFit rows: [[Value]]) {
        let columns = places.count
        for row in rows {
            for i in 0..<min(columns, row.count) {
                if case .decimal(let d) = row[i] {
                    places[i] = max(places[i] ?? 0, min(d.scale, max(d.normalized.scale, 2)))
                }
            }
        }
    }

    /// A value with its column's places (see `decimalPlaces`); other values as they are.
    static func placed(_ value: Value, _ places: Int?) -> Value {
        if case .decimal(let d) = value, let places { return .decimal(d.rescaled(to: places) ?? d) }
        return value
    }

    /// Exact text of a value with its column's places; nil for NULL.
    static func exact(_ value: Value, places: Int?) -> String? {
        exact(placed(value, places))
    }

    /// A total line (合计, 总计): its label columns hold NULL by construction, which reads as
    /// missing data; they are shown empty instead.
    static func isTotalRow(_ row: [Value]) -> Bool {
        row.contains { value in
            if case .text(let t) = value { return t == "合计" || t == "总计" }
            return false
        }
    }

    /// Inserts "," every three digits of the integer part of plain number text ("-1234.50").
    static func grouped(_ plain: String) -> String {
        var sign = ""
        var body = Substring(plain)
        if body.first == "-" { sign = "-"; body = body.dropFirst() }
        let point = body.firstIndex(of: ".") ?? body.endIndex
        let integer = Array(body[..<point])
        guard integer.count > 3, integer.allSatisfy(\.isNumber) else { return plain }
        var out = ""
        for (i, digit) in integer.enumerated() {
            if i > 0 && (integer.count - i) % 3 == 0 { out.append(",") }
            out.append(digit)
        }
        return sign + out + body[point...]
    }

    /// Readable one-line form for a table cell: line breaks and tabs become visible arrows so a
    /// cell never breaks the table's rows, and other control characters their symbols (␛), so
    /// data cannot drive the terminal.
    static func singleLine(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: VisibleText.isControl) else { return text }
        let arrows = text.replacingOccurrences(of: "\r\n", with: "↵")
            .replacingOccurrences(of: "\n", with: "↵")
            .replacingOccurrences(of: "\r", with: "↵")
            .replacingOccurrences(of: "\t", with: "→")
        return VisibleText.escaped(arrows)
    }
}
