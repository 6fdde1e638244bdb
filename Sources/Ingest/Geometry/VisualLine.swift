/// The words printed on one line of a page: words whose vertical extents overlap the line's
/// band. A visual line is not a table row (a vertically centred figure and a wrapped name sit
/// on different visual lines of one row); the grid decides rows.
struct VisualLine: Sendable {
    var words: [PDFWord]
    var box: PageBox

    /// The words joined as a reader of the page sees them: a space between words, three where
    /// the gap is wide enough to separate cells (so prose stays one run and table text does not).
    var text: String {
        var out = ""
        var previous: PDFWord?
        for w in words {
            if let p = previous {
                let gap = w.box.x0 - p.box.x1
                out += gap > 1.5 * max(p.box.height, w.box.height) ? "   " : " "
            }
            out += w.text
            previous = w
        }
        return out
    }

    var height: Double { box.height }

    /// Groups a page's words into visual lines, top to bottom, each left to right. A word joins
    /// a line when at least half of the shorter of the two overlaps the line's first word, so a
    /// line does not creep downwards through the rows of a table.
    static func lines(of words: [PDFWord]) -> [VisualLine] {
        let sorted = words.sorted { ($0.box.midY, $0.box.x0) < ($1.box.midY, $1.box.x0) }
        var lines: [(reference: PageBox, words: [PDFWord])] = []
        for word in sorted {
            var placed = false
            // Only the last few lines can share a band with a word further down the sort.
            for k in stride(from: lines.count - 1, through: max(0, lines.count - 3), by: -1) {
                let r = lines[k].reference
                if r.overlapY(word.box) >= 0.5 * min(r.height, word.box.height) {
                    lines[k].words.append(word)
                    placed = true
                    break
                }
            }
            if !placed { lines.append((word.box, [word])) }
        }
        return lines.map { line in
            let ws = SpacedLabels.join(line.words.sorted { $0.box.x0 < $1.box.x0 })
            return VisualLine(words: ws, box: PageBox.enclosing(ws.map(\.box)) ?? line.reference)
        }.sorted { $0.box.y0 < $1.box.y0 }
    }
}
