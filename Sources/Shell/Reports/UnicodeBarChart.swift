import Query
import Store

/// A chart for the terminal and for Markdown: one line per bar, the label padded by display
/// width, then a bar of block characters in eighths of a cell, then the value. Negative values
/// are drawn with shaded cells so a fall reads differently from a rise without colour.
enum UnicodeBarChart {
    static let width = 40
    private static let eighths = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"]

    static func render(_ chart: ReportChart) -> String {
        let labels = chart.bars.map { DisplayWidth.truncate($0.label, to: 24) }
        let labelWidth = labels.map { DisplayWidth.of($0) }.max() ?? 0
        let whole = max(chart.largestPositive, chart.largestNegativeMagnitude)
        var out = "\(chart.valueColumn) by \(chart.labelColumn)\n"
        for (bar, label) in zip(chart.bars, labels) {
            let eighthsLong = ReportChart.steps(bar.value.magnitude, of: whole, in: width * 8)
            let drawn: String
            if eighthsLong == 0 && !bar.value.isZero {
                // Too small for an eighth of a cell, but not nothing: a hairline says so.
                drawn = bar.value.isNegative ? "░" : "▏"
            } else if bar.value.isNegative {
                drawn = String(repeating: "░", count: (eighthsLong + 4) / 8)
            } else {
                drawn = String(repeating: "█", count: eighthsLong / 8) + eighths[eighthsLong % 8]
            }
            out += DisplayWidth.pad(label, to: labelWidth, alignRight: false) + " │" + drawn + " " + bar.caption + "\n"
        }
        if chart.omitted > 0 { out += "(\(chart.omitted) more rows not drawn)\n" }
        return out
    }
}
