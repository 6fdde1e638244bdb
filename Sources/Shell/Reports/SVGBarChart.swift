import Query
import Store

/// An inline SVG bar chart for HTML reports: horizontal bars, labels on the left, values at the
/// bar ends, a zero axis that sits left of centre when some values are negative. Coordinates are
/// whole pixels computed exactly, so the file is the same bytes every time.
enum SVGBarChart {
    static let rowHeight = 22
    static let barHeight = 14
    static let barArea = 420
    static let valueArea = 120

    static func render(_ chart: ReportChart, language: ReportLanguage = .zh) -> String {
        // Estimated text width: CJK glyphs take a full em (13px), others about half.
        let labelWidth = min(340, (chart.bars.map { DisplayWidth.of($0.label) }.max() ?? 0) * 7 + 12)
        let positive = chart.largestPositive
        let negative = chart.largestNegativeMagnitude
        let span = positive.adding(negative) ?? positive
        let zeroX = labelWidth + ReportChart.steps(negative, of: span, in: barArea)
        let width = labelWidth + barArea + valueArea
        let height = chart.bars.count * rowHeight + (chart.omitted > 0 ? 48 : 40)
        let title = HTMLRenderer.escape(ReportColumns.chartTitle(chart, language: language))
        var out = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(width)\" height=\"\(height)\" viewBox=\"0 0 \(width) \(height)\" role=\"img\" aria-label=\"\(title)\">\n"
        out += "<text x=\"0\" y=\"14\" class=\"chart-title\">\(title)</text>\n"
        for (i, bar) in chart.bars.enumerated() {
            let y = 24 + i * rowHeight
            // A value too small for a pixel still gets one, so "small" never reads as "none".
            let length = max(bar.value.isZero ? 0 : 1, ReportChart.steps(bar.value.magnitude, of: span, in: barArea))
            let x = bar.value.isNegative ? zeroX - length : zeroX
            let textY = y + barHeight - 2
            let label = HTMLRenderer.escape(DisplayWidth.truncate(bar.label, to: 46))
            out += "<text x=\"\(labelWidth - 6)\" y=\"\(textY)\" text-anchor=\"end\">\(label)</text>"
            out += "<rect x=\"\(x)\" y=\"\(y)\" width=\"\(length)\" height=\"\(barHeight)\" class=\"\(bar.value.isNegative ? "bar negative" : "bar")\"><title>\(label): \(HTMLRenderer.escape(bar.caption))</title></rect>"
            let captionX = bar.value.isNegative ? zeroX + 4 : zeroX + length + 4
            out += "<text x=\"\(captionX)\" y=\"\(textY)\" class=\"value\">\(HTMLRenderer.escape(bar.caption))</text>\n"
        }
        let axisBottom = 24 + chart.bars.count * rowHeight
        out += "<line x1=\"\(zeroX)\" y1=\"20\" x2=\"\(zeroX)\" y2=\"\(axisBottom)\" class=\"axis\"/>\n"
        if chart.omitted > 0 {
            let note = language == .zh ? "另有 \(chart.omitted) 行未画出（见下表）" : "\(chart.omitted) more rows not drawn (see the table)"
            out += "<text x=\"0\" y=\"\(axisBottom + 14)\" class=\"note\">\(note)</text>\n"
        }
        return out + "</svg>\n"
    }
}
