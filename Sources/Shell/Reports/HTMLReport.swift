import Query

/// A report as one self-contained HTML page (no scripts, no external files): title, parameters,
/// documents, each section's tables and an inline SVG chart of its main measure.
enum HTMLReport {
    static let style = """
    body{font-family:"Noto Sans CJK SC","WenQuanYi Micro Hei","PingFang SC",sans-serif;margin:2em;color:#222}
    table{border-collapse:collapse;margin:0.5em 0 1.5em}
    th,td{border:1px solid #ccc;padding:3px 8px;text-align:left}
    th{background:#f3f3f3}
    .num{text-align:right;font-variant-numeric:tabular-nums}
    .null{color:#999}
    .command{font-family:monospace;background:#f6f6f6;padding:4px 6px}
    svg{font-size:12px;display:block;margin-bottom:1.5em}
    svg .bar{fill:#4e79a7} svg .negative{fill:#e15759}
    svg .axis{stroke:#555} svg .chart-title{font-weight:bold} svg .value{fill:#333} svg .note{fill:#777}
    """

    static func render(_ report: Report) -> String {
        let query = report.query
        let e = HTMLRenderer.escape
        var out = "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n"
        out += "<title>\(e(query.title))</title>\n<style>\n\(style)\n</style>\n</head>\n<body>\n"
        out += "<h1>\(e(query.title))</h1>\n"
        if query.title != query.description { out += "<p>\(e(query.description))</p>\n" }
        out += "<p>Report <code>\(e(query.name))</code>; rerun with <span class=\"command\">\(e(ReportRendering.command(for: report, format: .html)))</span></p>\n"
        if !report.parameters.bound.isEmpty {
            out += "<h2>Parameters</h2>\n<table>\n<thead><tr><th>parameter</th><th>value</th><th>meaning</th></tr></thead>\n<tbody>\n"
            for bound in report.parameters.bound {
                let meaning = query.parameter(named: bound.name)?.description ?? ""
                out += "<tr><td>\(e(bound.name))</td><td>\(e(bound.text))</td><td>\(e(meaning))</td></tr>\n"
            }
            out += "</tbody>\n</table>\n"
        }
        out += "<h2>Documents</h2>\n"
        if report.documents.isEmpty {
            out += "<p>No documents table is loaded.</p>\n"
        } else {
            out += "<table>\n<thead><tr><th>doc</th><th>unit</th><th>year</th><th>stage</th></tr></thead>\n<tbody>\n"
            for d in report.documents {
                out += "<tr><td>\(e(d.doc))</td><td>\(e(d.unit))</td><td>\(e(d.year))</td><td>\(e(d.stage))</td></tr>\n"
            }
            out += "</tbody>\n</table>\n"
        }
        for section in report.sections {
            out += "<section>\n<h2>\(e(section.title.isEmpty ? "Result" : section.title))</h2>\n"
            if let result = section.results.last, let chart = ReportChart(result: result, spec: section.chart) {
                out += SVGBarChart.render(chart)
            }
            for result in section.results {
                out += result.rows.isEmpty ? "<p>No rows.</p>\n" : HTMLRenderer().render(result, options: RenderOptions(maxRows: nil))
            }
            out += "</section>\n"
        }
        return out + "</body>\n</html>\n"
    }
}
