import Query

/// A report as a Markdown document: title, description, the parameters used, the documents the
/// data came from, their failed checks, then each section's tables and a Unicode bar chart of its
/// main measure. Headers are Chinese over the English name (or English with `--lang en`).
enum MarkdownReport {
    static func render(_ report: Report, language: ReportLanguage = .zh) -> String {
        let query = report.query
        let zh = language == .zh
        var out = "# \(escape(query.title))\n\n"
        if query.title != query.description { out += escape(query.description) + "\n\n" }
        out += "\(zh ? "报告" : "Report") `\(query.name)`; \(zh ? "重新生成" : "rerun with") `\(ReportRendering.command(for: report, format: .markdown, language: language))`.\n\n"
        if !report.parameters.bound.isEmpty {
            out += zh ? "## 参数\n\n| 参数 | 值 | 含义 |\n|---|---|---|\n" : "## Parameters\n\n| parameter | value | meaning |\n|---|---|---|\n"
            for bound in report.parameters.bound {
                let meaning = query.parameter(named: bound.name)?.description ?? ""
                out += "| \(bound.name) | \(escape(bound.text)) | \(escape(meaning)) |\n"
            }
            out += "\n"
        }
        out += zh ? "## 数据来源\n\n" : "## Documents\n\n"
        if report.documents.isEmpty {
            out += zh ? "未载入文件表。\n\n" : "No documents table is loaded.\n\n"
        } else {
            out += zh ? "| 文件 | 单位 | 年度 | 阶段 |\n|---|---|---|---|\n" : "| doc | unit | year | stage |\n|---|---|---|---|\n"
            for d in report.documents {
                out += "| \(escape(d.doc)) | \(escape(d.unit)) | \(d.year) | \(escape(d.stage)) |\n"
            }
            out += "\n"
        }
        if !report.failedChecks.isEmpty {
            out += zh ? "这些文件的 \(report.checkCount) 项核对中有 \(report.failedChecks.count) 项未通过，涉及的数字有争议：见文末“未通过的核对”。\n\n"
                : "\(report.failedChecks.count) of the \(report.checkCount) checks of these documents failed; those figures are disputed: see Failed checks at the end.\n\n"
        }
        for section in report.sections {
            out += "## \(escape(section.title.isEmpty ? (zh ? "结果" : "Result") : section.title))\n\n"
            for result in section.results {
                out += result.rows.isEmpty ? (zh ? "无数据。\n\n" : "No rows.\n\n") : ReportColumns.markdown(result, language: language) + "\n"
            }
            if let result = section.results.last, let chart = ReportChart(result: result, spec: section.chart) {
                out += "```text\n" + UnicodeBarChart.render(chart, language: language) + "```\n\n"
            }
        }
        out += failedChecks(report, language: language)
        return out
    }

    static func failedChecks(_ report: Report, language: ReportLanguage) -> String {
        let zh = language == .zh
        let failed = report.failedChecks
        guard report.checkCount > 0 else { return "" }
        var out = zh ? "## 未通过的核对\n\n" : "## Failed checks\n\n"
        if failed.isEmpty {
            return out + (zh ? "这些文件的 \(report.checkCount) 项核对全部通过。\n\n" : "All \(report.checkCount) checks of these documents passed.\n\n")
        }
        out += zh ? "这些文件的 \(report.checkCount) 项核对中有 \(failed.count) 项未通过：下列数字在文件内部互相矛盾或未能读出，使用时请注意。\n\n"
            : "\(failed.count) of the \(report.checkCount) checks of these documents failed: the figures below disagree within their document or could not be read.\n\n"
        out += zh ? "| 文件 | 核对规则 | 状态 | 应为（万元） | 实为（万元） | 差额（万元） | 位置 | 说明 |\n"
            : "| doc | rule | status | expected (10k yuan) | actual (10k yuan) | diff (10k yuan) | where | detail |\n"
        out += "|---|---|---|---:|---:|---:|---|---|\n"
        for c in failed {
            out += "| " + [c.doc, c.rule, c.status, HTMLReport.grouped(c.expected), HTMLReport.grouped(c.actual), HTMLReport.grouped(c.diff), c.place, c.detail]
                .map(escape).joined(separator: " | ") + " |\n"
        }
        return out + "\n"
    }

    /// Escapes the characters Markdown would read as formatting in running text and table cells.
    private static func escape(_ text: String) -> String {
        var out = ""
        for c in text {
            switch c {
            case "|", "*", "_", "`", "<", ">", "[", "]", "\\": out += "\\" + String(c)
            case "\n", "\r\n": out += " "
            default: out.append(c)
            }
        }
        return out
    }
}
