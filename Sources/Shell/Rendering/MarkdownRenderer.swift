import Query
import Store

/// A GitHub-flavoured Markdown table: every row, exact values, numbers right-aligned, `|` escaped,
/// NULL written as NULL. Columns are padded by display width so the source reads well too.
public struct MarkdownRenderer: ResultRenderer {
    public init() {}

    public func render(_ result: QueryResult, options: RenderOptions) -> String {
        let count = result.columns.count
        guard count > 0 else { return "" }
        let numeric = (0..<count).map { i in i < result.types.count && CellText.isNumeric(result.types[i]) }
        let header = result.columns.map(escape)
        let places = CellText.decimalPlaces(of: result.rows, columns: count)
        let rows = result.rows.map { row in
            let null = CellText.isTotalRow(row) ? "" : "NULL"
            return (0..<count).map { i in escape(i < row.count ? (CellText.exact(row[i], places: places[i]) ?? null) : null) }
        }
        var widths = header.map { max(3, DisplayWidth.of($0)) }
        for row in rows { for i in 0..<count { widths[i] = max(widths[i], DisplayWidth.of(row[i])) } }
        func line(_ cells: [String]) -> String {
            "| " + (0..<count).map { DisplayWidth.pad(cells[$0], to: widths[$0], alignRight: numeric[$0]) }
                .joined(separator: " | ") + " |\n"
        }
        var out = line(header)
        out += "|" + (0..<count).map { i in
            numeric[i] ? " " + String(repeating: "-", count: widths[i] - 1) + ": " : " " + String(repeating: "-", count: widths[i]) + " "
        }.joined(separator: "|") + "|\n"
        for row in rows { out += line(row) }
        return out
    }

    private func escape(_ text: String) -> String {
        var out = ""
        for c in text {
            switch c {
            case "|": out += "\\|"
            case "\n", "\r\n": out += "<br>"
            case "\r": break
            default: out.append(c)
            }
        }
        return out
    }
}
