import Query
import Store

/// What is known of a result before its rows: what the printer needs to begin.
struct ResultHeader: Sendable {
    let columns: [String]
    let types: [ColumnType]
    let copyTarget: String?
    /// The places each decimal column prints with, found before the first row (for the modes
    /// that write rows as they arrive); nil when the printer finds them itself from the rows.
    let places: [Int?]?
}

/// Where a statement's results go while they are read: the printer, or the channel from the
/// worker thread to it. Each returns false when no more should be sent (the output failed, the
/// reader went away, or the statement was cancelled).
protocol ResultSink {
    func begin(_ header: ResultHeader) -> Bool
    func rows(_ batch: [[Value]]) -> Bool
    func end() -> Bool
}

/// Reads a result cursor into a sink, a batch at a time (issue 15, item 19).
enum ResultFeed {
    /// With `placesFirst` (a mode that writes rows as they arrive) the places of the decimal
    /// columns are settled before the first row: from the columns' scales when no value can need
    /// fewer (money at 2 places or less), otherwise by reading the result once more.
    static func feed(_ cursor: ResultCursor, placesFirst: Bool, into sink: some ResultSink) throws(Diagnostic) -> Bool {
        var places: [Int?]?
        if placesFirst && cursor.copyTarget == nil {
            places = knownPlaces(cursor)
            if places == nil {
                var found = [Int?](repeating: nil, count: cursor.columns.count)
                while let batch = try cursor.next() { CellText.widenDecimalPlaces(&found, toFit: batch) }
                cursor.rewind()
                places = found
            }
        }
        guard sink.begin(ResultHeader(columns: cursor.columns, types: cursor.types, copyTarget: cursor.copyTarget, places: places)) else {
            return false
        }
        while let batch = try cursor.next() {
            guard sink.rows(batch) else { return false }
        }
        return sink.end()
    }

    /// The places CellText.decimalPlaces would find, when the types alone decide them: a decimal
    /// column whose values all have one scale of at most 2 prints with that scale (no value is
    /// shown with fewer than 2). nil when a column's places depend on its values.
    static func knownPlaces(_ cursor: ResultCursor) -> [Int?]? {
        var places: [Int?] = []
        for (c, type) in cursor.types.enumerated() {
            guard type == .decimal else { places.append(nil); continue }
            guard c < cursor.uniformScales.count, let scale = cursor.uniformScales[c], scale <= 2 else { return nil }
            places.append(scale)
        }
        return places
    }
}
