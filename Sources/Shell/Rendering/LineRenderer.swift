import Query
import Store

/// One `column = value` line per column, a blank line between rows (SQLite's line mode): for
/// results with many or long columns. Values exact and complete.
public struct LineRenderer: StreamingRenderer {
    public init() {}

    public func begin(_ layout: ResultLayout, options: RenderOptions) -> String { "" }

    public func rows(_ rows: [[Value]], _ layout: ResultLayout, before: Int, options: RenderOptions) -> String {
        let width = layout.columns.map { DisplayWidth.of($0) }.max() ?? 0
        var out = ""
        // Every record ends with a blank line, so records of one result, and the results of
        // statements run one after another, never run together.
        for row in rows {
            for (i, name) in layout.columns.enumerated() {
                let value = i < row.count ? row[i] : .null
                out += DisplayWidth.pad(name, to: width, alignRight: true) + " = " + (CellText.exact(value, places: layout.places[i]) ?? "NULL") + "\n"
            }
            out += "\n"
        }
        return out
    }

    public func end(_ layout: ResultLayout, rowCount: Int, options: RenderOptions) -> String { "" }
}
