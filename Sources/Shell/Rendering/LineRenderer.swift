import Query
import Store

/// One `column = value` line per column, a blank line between rows (SQLite's line mode): for
/// results with many or long columns. Values exact and complete.
public struct LineRenderer: ResultRenderer {
    public init() {}

    public func render(_ result: QueryResult, options: RenderOptions) -> String {
        let width = result.columns.map { DisplayWidth.of($0) }.max() ?? 0
        let places = CellText.decimalPlaces(of: result.rows, columns: result.columns.count)
        var out = ""
        // Every record ends with a blank line, so records of one result, and the results of
        // statements run one after another, never run together.
        for row in result.rows {
            for (i, name) in result.columns.enumerated() {
                let value = i < row.count ? row[i] : .null
                out += DisplayWidth.pad(name, to: width, alignRight: true) + " = " + (CellText.exact(value, places: places[i]) ?? "NULL") + "\n"
            }
            out += "\n"
        }
        return out
    }
}
