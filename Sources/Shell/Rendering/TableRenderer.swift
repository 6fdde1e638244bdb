import Query
import Store

/// The human view: columns aligned by display width, numbers right-aligned with thousands
/// separators, NULL marked, long results and wide cells cut visibly, never silently.
public struct TableRenderer: ResultRenderer {
    public init() {}

    public func render(_ result: QueryResult, options: RenderOptions) -> String {
        render(result, totalRows: result.rows.count, places: CellText.decimalPlaces(of: result.rows, columns: result.columns.count),
               options: options)
    }

    /// A table of a result of `totalRows` rows of which `result` holds at least the first
    /// `options.maxRows` (the shell keeps no more of a streamed result); `places` are those of
    /// every row (CellText.decimalPlaces).
    func render(_ result: QueryResult, totalRows: Int, places: [Int?], options: RenderOptions) -> String {
        var columnCount = result.columns.count
        guard columnCount > 0 else { return footer(total: totalRows, shown: totalRows, options: options) }
        var numeric = (0..<columnCount).map { i in i < result.types.count && CellText.isNumeric(result.types[i]) }
        let shownRows = options.maxRows.map { min($0, result.rows.count) } ?? result.rows.count

        var header = result.columns.map { CellText.singleLine($0) }
        var cells: [[(text: String, isNull: Bool)]] = []
        cells.reserveCapacity(shownRows)
        for row in result.rows.prefix(shownRows) {
            let total = CellText.isTotalRow(row)
            var line: [(text: String, isNull: Bool)] = []
            for i in 0..<columnCount {
                let value = CellText.placed(i < row.count ? row[i] : .null, places[i])
                if value.isNull {
                    line.append((total ? "" : options.nullText, !total))
                } else {
                    line.append((CellText.singleLine(CellText.display(value, column: result.columns[i])), false))
                }
            }
            cells.append(line)
        }
        var widths = options.headers ? header.map { DisplayWidth.of($0) } : [Int](repeating: 0, count: columnCount)
        for line in cells {
            for i in 0..<columnCount { widths[i] = max(widths[i], DisplayWidth.of(line[i].text)) }
        }
        if shownRows < totalRows { widths = widths.map { max($0, 1) } }

        // Too wide for the terminal: the text columns are cut to one common limit, the largest
        // that fits, so narrow columns keep their natural width and only the widest give way.
        // A single column (an EXPLAIN plan, a list) is never cut: a wrapped line still says it all.
        if let available = options.width, columnCount > 1 {
            let frame = 3 * columnCount - 2
            let fixed = (0..<columnCount).filter { numeric[$0] }.map { widths[$0] }.reduce(0, +)
            let text = (0..<columnCount).filter { !numeric[$0] }
            if fixed + text.map({ widths[$0] }).reduce(0, +) + frame > available, !text.isEmpty {
                var limit = text.map { widths[$0] }.max() ?? 0
                while limit > TableRenderer.narrowestCut,
                      fixed + text.map({ min(widths[$0], limit) }).reduce(0, +) + frame > available {
                    limit -= 1
                }
                for i in text where widths[i] > limit {
                    widths[i] = limit
                    header[i] = DisplayWidth.truncate(header[i], to: limit)
                    for r in cells.indices { cells[r][i].text = DisplayWidth.truncate(cells[r][i].text, to: limit) }
                }
            }
        }

        // Still too wide (many columns): the columns that fit are shown, then a "…" column, and
        // the footer says how many were left out (as duckdb does); .mode line shows them all.
        var hiddenColumns = 0
        if let available = options.width {
            var kept = columnCount
            func width(of count: Int, marker: Bool) -> Int {
                widths.prefix(count).reduce(0, +) + 3 * count - 2 + (marker ? 4 : 0)
            }
            while kept > 1 && width(of: kept, marker: kept < columnCount) > available { kept -= 1 }
            if kept < columnCount {
                hiddenColumns = columnCount - kept
                header = Array(header.prefix(kept)) + ["…"]
                widths = Array(widths.prefix(kept)) + [1]
                numeric = Array(numeric.prefix(kept)) + [false]
                cells = cells.map { Array($0.prefix(kept)) + [("…", false)] }
                columnCount = kept + 1
            }
        }

        let last = columnCount - 1
        // Pads a cell; the last column, when left-aligned, is not padded (no trailing blanks).
        func pad(_ text: String, _ i: Int) -> String {
            i == last && !numeric[i] ? text : DisplayWidth.pad(text, to: widths[i], alignRight: numeric[i])
        }
        var out = ""
        if options.headers {
            let headerLine = (0..<columnCount).map { i in paint(pad(header[i], i), "1", options) }
            out += " " + headerLine.joined(separator: " | ") + "\n"
            out += widths.enumerated().map { i, w in String(repeating: "-", count: i == last ? w + 1 : w + 2) }
                .joined(separator: "+") + "\n"
        }
        for line in cells {
            let parts = (0..<columnCount).map { i -> String in
                line[i].isNull ? paint(pad(line[i].text, i), "2", options) : pad(line[i].text, i)
            }
            out += " " + parts.joined(separator: " | ") + "\n"
        }
        if shownRows < totalRows {
            let marker = (0..<columnCount).map { i in pad("…", i) }
            out += " " + marker.joined(separator: " | ") + "\n"
        }
        out += footer(total: totalRows, shown: shownRows, hiddenColumns: hiddenColumns, options: options)
        return out
    }

    /// No text column is cut below this many terminal columns (about five Chinese characters):
    /// narrower, a cell says nothing; the table wraps instead.
    static let narrowestCut = 10

    private func footer(total: Int, shown: Int, hiddenColumns: Int = 0, options: RenderOptions) -> String {
        var text: String
        if shown < total {
            text = "\(CellText.grouped(String(total))) rows, \(CellText.grouped(String(shown))) shown; .maxrows to change"
        } else {
            text = total == 1 ? "(1 row)" : "(\(CellText.grouped(String(total))) rows)"
        }
        if hiddenColumns > 0 {
            text += " \(hiddenColumns) more column\(hiddenColumns == 1 ? "" : "s") not shown; .mode line shows every column"
        }
        return paint(text, "2", options) + "\n"
    }

    /// SGR colour around text, only when colour is on (terminal, no NO_COLOR).
    private func paint(_ text: String, _ code: String, _ options: RenderOptions) -> String {
        options.color ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }
}
