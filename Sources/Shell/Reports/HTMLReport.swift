import Query

/// A report as one self-contained HTML page (no scripts, no external files): title, parameters,
/// documents, the failed checks of those documents, each section's tables and an inline SVG
/// chart of its main measure. Headers are Chinese with the English name as a tooltip (or English
/// with `--lang en`); money says 万元, percentages %.
enum HTMLReport {
    /// CJK fonts named first (Noto on Debian and Chromium's images, WenQuanYi on older Debian,
    /// the system fonts of macOS and Windows), then any sans-serif, so Chinese never falls back
    /// to boxes where one of them is installed.
    static let style = """
    body{font-family:"Noto Sans CJK SC","Noto Sans SC","Source Han Sans SC","WenQuanYi Micro Hei","PingFang SC","Microsoft YaHei",sans-serif;margin:2em;color:#222}
    table{border-collapse:collapse;margin:0.5em 0 1.5em}
    th,td{border:1px solid #ccc;padding:3px 8px;text-align:left}
    th{background:#f3f3f3}
    th[title]{text-decoration:underline dotted #999}
    .num{text-align:right;font-variant-numeric:tabular-nums}
    .null{color:#999}
    tr.total td{font-weight:bold;border-top:2px solid #888}
    .command{font-family:monospace;background:#f6f6f6;padding:4px 6px;word-break:break-all}
    .disputed{color:#a33}
    td.doc{white-space:nowrap}
    svg{font-size:12px;display:block;margin-bottom:1.5em}
    svg .bar{fill:#4e79a7} svg .negative{fill:#e15759}
    svg .axis{stroke:#555} svg .chart-title{font-weight:bold} svg .value{fill:#333} svg .note{fill:#777}
    """

    static func render(_ report: Report, language: ReportLanguage = .zh) -> String {
        let query = report.query
        let e = HTMLRenderer.escape
        let zh = language == .zh
        var out = "<!DOCTYPE html>\n<html lang=\"\(zh ? "zh-CN" : "en")\">\n<head>\n<meta charset=\"utf-8\">\n"
        out += "<title>\(e(query.title))</title>\n<style>\n\(style)\n</style>\n</head>\n<body>\n"
        out += "<h1>\(e(query.title))</h1>\n"
        if query.title != query.description { out += "<p>\(e(query.description))</p>\n" }
        out += "<p>\(zh ? "报告" : "Report") <code>\(e(query.name))</code>; \(zh ? "重新生成" : "rerun with") <span class=\"command\">\(e(ReportRendering.command(for: report, format: .html, language: language)))</span></p>\n"
        if !report.parameters.bound.isEmpty {
            out += "<h2>\(zh ? "参数" : "Parameters")</h2>\n<table>\n<thead><tr><th>\(zh ? "参数" : "parameter")</th><th>\(zh ? "值" : "value")</th><th>\(zh ? "含义" : "meaning")</th></tr></thead>\n<tbody>\n"
            for bound in report.parameters.bound {
                let meaning = query.parameter(named: bound.name)?.description ?? ""
                out += "<tr><td>\(e(bound.name))</td><td>\(e(bound.text))</td><td>\(e(meaning))</td></tr>\n"
            }
            out += "</tbody>\n</table>\n"
        }
        out += "<h2>\(zh ? "数据来源" : "Documents")</h2>\n"
        if report.documents.isEmpty {
            out += "<p>\(zh ? "未载入文件表。" : "No documents table is loaded.")</p>\n"
        } else {
            out += "<table>\n<thead><tr><th>\(zh ? "文件" : "doc")</th><th>\(zh ? "单位" : "unit")</th><th>\(zh ? "年度" : "year")</th><th>\(zh ? "阶段" : "stage")</th></tr></thead>\n<tbody>\n"
            for d in report.documents {
                out += "<tr><td>\(e(d.doc))</td><td>\(e(d.unit))</td><td>\(e(d.year))</td><td>\(e(d.stage))</td></tr>\n"
            }
            out += "</tbody>\n</table>\n"
        }
        // The count up front, with a link; the list after the results, which come first.
        if !report.failedChecks.isEmpty {
            out += "<p class=\"disputed\">" + (zh
                ? "这些文件的 \(report.checkCount) 项核对中有 \(report.failedChecks.count) 项未通过，涉及的数字有争议：见<a href=\"#failed-checks\">未通过的核对</a>。"
                : "\(report.failedChecks.count) of the \(report.checkCount) checks of these documents failed; those figures are disputed: see <a href=\"#failed-checks\">Failed checks</a>.") + "</p>\n"
        }
        for section in report.sections {
            out += "<section>\n<h2>\(e(section.title.isEmpty ? (zh ? "结果" : "Result") : section.title))</h2>\n"
            if let result = section.results.last, let chart = ReportChart(result: result, spec: section.chart) {
                out += SVGBarChart.render(chart, language: language)
            }
            for result in section.results {
                out += result.rows.isEmpty ? "<p>\(zh ? "无数据。" : "No rows.")</p>\n" : ReportColumns.html(result, language: language)
            }
            out += "</section>\n"
        }
        out += failedChecks(report, language: language)
        return out + "</body>\n</html>\n"
    }

    /// How many checks of the documents failed, and which: the figures a reader should treat as
    /// disputed.
    static func failedChecks(_ report: Report, language: ReportLanguage) -> String {
        let e = HTMLRenderer.escape
        let zh = language == .zh
        let failed = report.failedChecks
        guard report.checkCount > 0 else { return "" }
        var out = "<h2 id=\"failed-checks\">\(zh ? "未通过的核对" : "Failed checks")</h2>\n"
        if failed.isEmpty {
            return out + "<p>\(zh ? "这些文件的 \(report.checkCount) 项核对全部通过。" : "All \(report.checkCount) checks of these documents passed.")</p>\n"
        }
        out += "<p class=\"disputed\">" + (zh
            ? "这些文件的 \(report.checkCount) 项核对中有 \(failed.count) 项未通过：下列数字在文件内部互相矛盾或未能读出，使用时请注意。"
            : "\(failed.count) of the \(report.checkCount) checks of these documents failed: the figures below disagree within their document or could not be read.") + "</p>\n"
        let headers = zh ? ["文件", "核对规则", "状态", "应为（万元）", "实为（万元）", "差额（万元）", "位置", "说明"]
            : ["doc", "rule", "status", "expected (10k yuan)", "actual (10k yuan)", "diff (10k yuan)", "where", "detail"]
        let numeric = [false, false, false, true, true, true, false, false]
        out += "<table>\n<thead><tr>" + zip(headers, numeric).map { "<th\($1 ? " class=\"num\"" : "")>\(e($0))</th>" }.joined() + "</tr></thead>\n<tbody>\n"
        for check in failed {
            let cells = [check.doc, check.rule, check.status, grouped(check.expected), grouped(check.actual), grouped(check.diff), check.place, check.detail]
            out += "<tr><td class=\"doc\">\(e(cells[0]))</td>" + zip(cells.dropFirst(), numeric.dropFirst()).map { "<td\($1 ? " class=\"num\"" : "")>\(e($0))</td>" }.joined() + "</tr>\n"
        }
        return out + "</tbody>\n</table>\n"
    }

    static func grouped(_ number: String) -> String { number.isEmpty ? "" : CellText.grouped(number) }
}
