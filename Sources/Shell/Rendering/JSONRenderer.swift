import Query
import Store

/// An array of objects, one per row, keys in column order. Numbers are written from their exact
/// decimal text (never through a Double), NULL as null.
public struct JSONRenderer: StreamingRenderer {
    public init() {}

    /// The array opens with its first row, so an empty result is `[]`.
    public func begin(_ layout: ResultLayout, options: RenderOptions) -> String { "" }

    public func rows(_ rows: [[Value]], _ layout: ResultLayout, before: Int, options: RenderOptions) -> String {
        let keys = layout.columns.map(JSONRenderer.string)
        var out = ""
        for (r, row) in rows.enumerated() {
            out += before + r == 0 ? "[{" : ",\n{"
            for (i, key) in keys.enumerated() {
                if i > 0 { out += "," }
                out += key + ":" + JSONRenderer.value(CellText.placed(i < row.count ? row[i] : .null, layout.places[i]))
            }
            out += "}"
        }
        return out
    }

    public func end(_ layout: ResultLayout, rowCount: Int, options: RenderOptions) -> String {
        rowCount == 0 ? "[]\n" : "]\n"
    }

    static func value(_ value: Value) -> String {
        switch value {
        case .null: return "null"
        case .integer(let i): return String(i)
        case .decimal(let d): return d.description
        case .boolean(let b): return b ? "true" : "false"
        case .text(let s): return string(s)
        }
    }

    static func string(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
