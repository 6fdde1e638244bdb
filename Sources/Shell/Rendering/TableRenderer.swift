import Query
import Store

/// The human view: columns aligned by display width, numbers right-aligned with thousands
/// separators, NULL marked, long results and wide cells cut visibly, never silently.
public struct TableRenderer: ResultRenderer {
    public init() {}

    public func render(_ result: QueryResult, options: RenderOptions) -> String {
        let columnCount = result.columns.count
        guard columnCount > 0 else { return footer(total: result.rows.count, shown: result.rows.count, options: options) }
        let numeric = (0..<columnCount).map { i in i < result.types.count && CellText.isNumeric(result.types[i]) }
        let shownRows = options.maxRows.map { min($0, result.rows.count) } ?? result.rows.count
        let limit = max(1, options.maxCellWidth)

        let header = result.columns.map { DisplayWidth.truncate(CellText.singleLine($0), to: limit) }
        let places = CellText.decimalPlaces(of: result.rows.prefix(shownRows), columns: columnCount)
        var cells: [[(text: String, isNull: Bool)]] = []
        cells.reserveCapacity(shownRows)
        for row in result.rows.prefix(shownRows) {
            var line: [(text: String, isNull: Bool)] = []
            for i in 0..<columnCount {
                var value = i < row.count ? row[i] : .null
                if case .decimal(let d) = value, let p = places[i] { value = .decimal(d.rescaled(to: p) ?? d) }
                let text = CellText.singleLine(CellText.display(value, column: result.columns[i]))
                line.append((DisplayWidth.truncate(text, to: limit), value.isNull))
            }
            cells.append(line)
        }
        var widths = header.map { DisplayWidth.of($0) }
        for line in cells {
            for i in 0..<columnCount { widths[i] = max(widths[i], DisplayWidth.of(line[i].text)) }
        }
        if shownRows < result.rows.count { widths = widths.map { max($0, 1) } }

        let last = columnCount - 1
        // Pads a cell; the last column, when left-aligned, is not padded (no trailing blanks).
        func pad(_ text: String, _ i: Int) -> String {
            i == last && !numeric[i] ? text : DisplayWidth.pad(text, to: widths[i], alignRight: numeric[i])
        }
        var out = ""
        let headerLine = (0..<columnCount).map { i in paint(pad(header[i], i), "1", options) }
        out += " " + headerLine.joined(separator: " | ") + "\n"
        out += widths.enumerated().map { i, w in String(repeating: "-", count: i == last ? w + 1 : w + 2) }
            .joined(separator: "+") + "\n"
        for line in cells {
            let parts = (0..<columnCount).map { i -> String in
                line[i].isNull ? paint(pad(line[i].text, i), "2", options) : pad(line[i].text, i)
            }
            out += " " + parts.joined(separator: " | ") + "\n"
        }
        if shownRows < result.rows.count {
            let marker = (0..<columnCount).map { i in pad("…", i) }
            out += " " + marker.joined(separator: " | ") + "\n"
        }
        out += footer(total: result.rows.count, shown: shownRows, options: options)
        return out
    }

    private func footer(total: Int, shown: Int, options: RenderOptions) -> String {
        let text: String
        if shown < total {
            text = "\(CellText.grouped(String(total))) rows, \(CellText.grouped(String(shown))) shown; .maxrows to change"
        } else {
            text = total == 1 ? "(1 row)" : "(\(CellText.grouped(String(total))) rows)"
        }
        return paint(text, "2", options) + "\n"
    }

    /// SGR colour around text, only when colour is on (terminal, no NO_COLOR).
    private func paint(_ text: String, _ code: String, _ options: RenderOptions) -> String {
        options.color ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }
}
