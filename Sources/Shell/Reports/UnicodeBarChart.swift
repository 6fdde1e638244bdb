import Query
import Store

/// A chart for the terminal and for Markdown: one line per bar, the label (code and name) padded
/// by display width, the bar in eighths of a cell, then the value. With negative values the zero
/// axis (│) stands where the falls end and the rises begin, both to one scale, so a fall of 300
/// is drawn as long as a rise of 300; falls are shaded so they read differently without colour.
enum UnicodeBarChart {
    static let width = 40
    private static let eighths = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"]

    static func render(_ chart: ReportChart, language: ReportLanguage = .zh) -> String {
        let labels = chart.bars.map { DisplayWidth.truncate($0.label, to: 32) }
        let labelWidth = labels.map { DisplayWidth.of($0) }.max() ?? 0
        let positive = chart.largestPositive
        let negative = chart.largestNegativeMagnitude
        let span = positive.adding(negative) ?? positive
        // Cells left of the axis for the largest fall; the rest for the largest rise.
        let left = negative.isZero ? 0 : max(1, ReportChart.steps(negative, of: span, in: width))
        var out = ReportColumns.chartTitle(chart, language: language) + "\n"
        for (bar, label) in zip(chart.bars, labels) {
            let cells = ReportChart.steps(bar.value.magnitude, of: span, in: width * 8)
            var fall = ""
            var rise = ""
            if bar.value.isNegative {
                let whole = max(1, (cells + 4) / 8)
                fall = String(repeating: " ", count: max(0, left - whole)) + String(repeating: "░", count: min(whole, left))
            } else {
                fall = String(repeating: " ", count: left)
                if cells == 0 && !bar.value.isZero {
                    rise = "▏"  // too small for an eighth of a cell, but not nothing
                } else {
                    rise = String(repeating: "█", count: cells / 8) + eighths[cells % 8]
                }
            }
            out += DisplayWidth.pad(label, to: labelWidth, alignRight: false) + " " + fall + "│" + rise + " " + bar.caption + "\n"
        }
        if chart.omitted > 0 {
            out += language == .zh ? "（另有 \(chart.omitted) 行未画出）\n" : "(\(chart.omitted) more rows not drawn)\n"
        }
        return out
    }
}
