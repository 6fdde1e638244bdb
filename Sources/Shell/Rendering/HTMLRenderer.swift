import Query
import Store

/// An HTML <table> for reports: every row, exact values, numbers in cells of class "num" (for
/// right alignment by a stylesheet), NULL in cells of class "null".
public struct HTMLRenderer: ResultRenderer {
    public init() {}

    public func render(_ result: QueryResult, options: RenderOptions) -> String {
        let numeric = result.columns.indices.map { i in i < result.types.count && CellText.isNumeric(result.types[i]) }
        var out = "<table>\n<thead><tr>"
        for (i, name) in result.columns.enumerated() {
            out += numeric[i] ? "<th class=\"num\">" : "<th>"
            out += HTMLRenderer.escape(name) + "</th>"
        }
        out += "</tr></thead>\n<tbody>\n"
        let places = CellText.decimalPlaces(of: result.rows, columns: result.columns.count)
        for row in result.rows {
            let total = CellText.isTotalRow(row)
            out += total ? "<tr class=\"total\">" : "<tr>"
            for i in result.columns.indices {
                let value = CellText.placed(i < row.count ? row[i] : .null, places[i])
                if value.isNull {
                    out += total ? "<td></td>" : "<td class=\"null\">NULL</td>"
                } else if numeric[i] {
                    // Thousands separators as in the terminal; codes and years stay plain.
                    out += "<td class=\"num\">" + HTMLRenderer.escape(CellText.display(value, column: result.columns[i])) + "</td>"
                } else {
                    out += "<td>" + HTMLRenderer.escape(value.description) + "</td>"
                }
            }
            out += "</tr>\n"
        }
        return out + "</tbody>\n</table>\n"
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
