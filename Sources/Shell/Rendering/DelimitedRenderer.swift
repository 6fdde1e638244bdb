import Query
import Store

/// CSV (RFC 4180 quoting) or TSV (backslash escapes for tab, newline, backslash): a header line,
/// then every row, values exact (decimals with their column's places, as in every mode), NULL as
/// an empty field.
public struct DelimitedRenderer: StreamingRenderer {
    public let separator: Character

    public init(separator: Character) { self.separator = separator }

    public func begin(_ layout: ResultLayout, options: RenderOptions) -> String {
        options.headers ? layout.columns.map(field).joined(separator: String(separator)) + "\n" : ""
    }

    public func rows(_ rows: [[Value]], _ layout: ResultLayout, before: Int, options: RenderOptions) -> String {
        var out = ""
        for row in rows {
            out += row.enumerated().map { i, value in
                CellText.exact(value, places: i < layout.places.count ? layout.places[i] : nil).map(field) ?? ""
            }.joined(separator: String(separator)) + "\n"
        }
        return out
    }

    public func end(_ layout: ResultLayout, rowCount: Int, options: RenderOptions) -> String { "" }

    private func field(_ text: String) -> String {
        if separator == "\t" {
            var escaped = ""
            for c in text {
                switch c {
                case "\\": escaped += "\\\\"
                case "\t": escaped += "\\t"
                case "\n": escaped += "\\n"
                case "\r": escaped += "\\r"
                case "\r\n": escaped += "\\r\\n"
                default: escaped.append(c)
                }
            }
            return escaped
        }
        let needsQuotes = text.contains { $0 == separator || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }
            || text.first == " " || text.last == " "
        guard needsQuotes else { return text }
        var quoted = "\""
        for c in text { quoted += c == "\"" ? "\"\"" : String(c) }
        return quoted + "\""
    }
}
