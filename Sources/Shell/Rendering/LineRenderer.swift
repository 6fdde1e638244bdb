import Query
import Store

/// One `column = value` line per column, a blank line between rows (SQLite's line mode): for
/// results with many or long columns. Values exact and complete.
public struct LineRenderer: ResultRenderer {
    public init() {}

    public func render(_ result: QueryResult, options: RenderOptions) -> String {
        let width = result.columns.map { DisplayWidth.of($0) }.max() ?? 0
        var out = ""
        for (r, row) in result.rows.enumerated() {
            if r > 0 { out += "\n" }
            for (i, name) in result.columns.enumerated() {
                let value = i < row.count ? row[i] : .null
                out += DisplayWidth.pad(name, to: width, alignRight: true) + " = " + (CellText.exact(value) ?? "NULL") + "\n"
            }
        }
        return out
    }
}
