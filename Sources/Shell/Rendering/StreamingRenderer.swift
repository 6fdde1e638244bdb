import Query
import Store

/// What a streaming renderer needs before the rows: the columns, their types, and the places
/// each decimal column prints with (CellText.decimalPlaces over every row of the result).
public struct ResultLayout: Sendable {
    public let columns: [String]
    public let types: [ColumnType]
    public let places: [Int?]

    public init(columns: [String], types: [ColumnType], places: [Int?]) {
        self.columns = columns
        self.types = types
        self.places = places
    }
}

/// A mode whose text is written while the rows arrive (csv, tsv, json, line, html): a beginning,
/// the rows batch by batch, an end (issue 15, item 19). A whole result's text is the three put
/// together (`render` below), so a streamed result and one rendered whole are the same bytes.
/// The table and markdown modes are not streaming: their column widths need the rows first.
public protocol StreamingRenderer: ResultRenderer {
    func begin(_ layout: ResultLayout, options: RenderOptions) -> String
    /// Text for `rows`, which follow `before` rows already written.
    func rows(_ rows: [[Value]], _ layout: ResultLayout, before: Int, options: RenderOptions) -> String
    func end(_ layout: ResultLayout, rowCount: Int, options: RenderOptions) -> String
}

extension StreamingRenderer {
    public func render(_ result: QueryResult, options: RenderOptions) -> String {
        let layout = ResultLayout(columns: result.columns, types: result.types,
                                  places: CellText.decimalPlaces(of: result.rows, columns: result.columns.count))
        return begin(layout, options: options) + rows(result.rows, layout, before: 0, options: options)
            + end(layout, rowCount: result.rows.count, options: options)
    }
}
