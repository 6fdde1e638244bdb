import Query
import Store

/// Writes one statement's results in the session's mode as their rows arrive (main thread).
/// csv, tsv, json, line and html are written a batch at a time, so the first line is out at
/// once and memory does not grow with the result. A table keeps only the rows it shows
/// (`.maxrows`) and counts the rest. Markdown (its widths) and COPY (its file is written whole)
/// keep every row.
final class ResultPrinter: ResultSink {
    private let session: Session
    private enum State {
        case idle
        case streaming(any StreamingRenderer, ResultLayout, RenderOptions, written: Int)
        case table(ResultHeader, RenderOptions, kept: [[Value]], total: Int, places: [Int?])
        case whole(ResultHeader, rows: [[Value]])
    }
    private var state = State.idle
    /// False when a result could not be delivered (a COPY file not written).
    private(set) var succeeded = true

    init(session: Session) { self.session = session }

    func begin(_ header: ResultHeader) -> Bool {
        let options = session.renderOptions
        if header.copyTarget == nil, let renderer = session.effectiveMode.streamingRenderer, let places = header.places {
            let layout = ResultLayout(columns: header.columns, types: header.types, places: places)
            state = .streaming(renderer, layout, options, written: 0)
            return write(renderer.begin(layout, options: options))
        }
        if header.copyTarget == nil, session.effectiveMode == .table {
            state = .table(header, options, kept: [], total: 0, places: [Int?](repeating: nil, count: header.columns.count))
        } else {
            state = .whole(header, rows: [])
        }
        return true
    }

    func rows(_ batch: [[Value]]) -> Bool {
        switch state {
        case .idle:
            return true
        case .streaming(let renderer, let layout, let options, let written):
            state = .streaming(renderer, layout, options, written: written + batch.count)
            return write(renderer.rows(batch, layout, before: written, options: options))
        case .table(let header, let options, var kept, let total, var places):
            state = .idle  // `kept` is the only reference while it grows
            CellText.widenDecimalPlaces(&places, toFit: batch)
            if let limit = options.maxRows {
                if kept.count < limit { kept += batch.prefix(limit - kept.count) }
            } else {
                kept += batch
            }
            state = .table(header, options, kept: kept, total: total + batch.count, places: places)
            return true
        case .whole(let header, var rows):
            state = .idle
            rows += batch
            state = .whole(header, rows: rows)
            return true
        }
    }

    func end() -> Bool {
        defer { state = .idle }
        switch state {
        case .idle:
            return true
        case .streaming(let renderer, let layout, let options, let written):
            return write(renderer.end(layout, rowCount: written, options: options))
        case .table(let header, let options, let kept, let total, let places):
            let result = QueryResult(columns: header.columns, types: header.types, rows: kept)
            let text = TableRenderer().render(result, totalRows: total, places: places, options: options)
            // A long table on the terminal goes through the pager when asked (`.pager on`).
            if !(session.pager && session.output.isStandardOutput && Pager.show(text)) {
                return write(text)
            }
            return true
        case .whole(let header, let rows):
            var result = QueryResult(columns: header.columns, types: header.types, rows: rows)
            if let target = header.copyTarget {
                result.copyTarget = target
                // COPY (…) TO 'file' writes its rows there instead of showing them.
                if !session.copy(result, to: target) { succeeded = false }
                return succeeded
            }
            return write(session.render(result))
        }
    }

    /// Writes and hands the text to the reader; false once the output failed or lost its reader.
    private func write(_ text: String) -> Bool {
        if !text.isEmpty {
            session.output.write(text)
            session.output.flush()
        }
        return !session.output.hasFailed
    }
}
