import Query
import Store

/// An HTML <table> for reports: every row, exact values, numbers in cells of class "num" (for
/// right alignment by a stylesheet), NULL in cells of class "null".
public struct HTMLRenderer: StreamingRenderer {
    public init() {}

    public func begin(_ layout: ResultLayout, options: RenderOptions) -> String {
        let numeric = numericColumns(layout)
        var out = "<table>\n<thead><tr>"
        for (i, name) in layout.columns.enumerated() {
            out += numeric[i] ? "<th class=\"num\">" : "<th>"
            out += HTMLRenderer.escape(name) + "</th>"
        }
        return out + "</tr></thead>\n<tbody>\n"
    }

    public func rows(_ rows: [[Value]], _ layout: ResultLayout, before: Int, options: RenderOptions) -> String {
        let numeric = numericColumns(layout)
        var out = ""
        for row in rows {
            let total = CellText.isTotalRow(row)
            out += total ? "<tr class=\"total\">" : "<tr>"
            for i in layout.columns.indices {
                let value = CellText.placed(i < row.count ? row[i] : .null, layout.places[i])
                if value.isNull {
                    out += total ? "<td></td>" : "<td class=\"null\">NULL</td>"
                } else if numeric[i] {
                    // Thousands separators as in the terminal; codes and years stay plain.
                    out += "<td class=\"num\">" + HTMLRenderer.escape(CellText.display(value, column: layout.columns[i])) + "</td>"
                } else {
                    out += "<td>" + HTMLRenderer.escape(value.description) + "</td>"
                }
            }
            out += "</tr>\n"
        }
        return out
    }

    public func end(_ layout: ResultLayout, rowCount: Int, options: RenderOptions) -> String {
        "</tbody>\n</table>\n"
    }

    private func numericColumns(_ layout: ResultLayout) -> [Bool] {
        layout.columns.indices.map { i in i < layout.types.count && CellText.isNumeric(layout.types[i]) }
    }

    public static func escape(_ text: String) -> String {
        var out = ""
        for c in text {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(c)
            }
        }
        return out
    }
}
