import Query

/// A report as a Markdown document: title, description, the parameters used, the documents the
/// data came from, then each section's tables and a Unicode bar chart of its main measure.
enum MarkdownReport {
    static func render(_ report: Report) -> String {
        let query = report.query
        var out = "# \(escape(query.title))\n\n"
        if query.title != query.description { out += escape(query.description) + "\n\n" }
        out += "Report `\(query.name)`; rerun with `\(ReportRendering.command(for: report, format: .markdown))`.\n\n"
        if !report.parameters.bound.isEmpty {
            out += "## Parameters\n\n| parameter | value | meaning |\n|---|---|---|\n"
            for bound in report.parameters.bound {
                let meaning = query.parameter(named: bound.name)?.description ?? ""
                out += "| \(bound.name) | \(escape(bound.text)) | \(escape(meaning)) |\n"
            }
            out += "\n"
        }
        out += "## Documents\n\n"
        if report.documents.isEmpty {
            out += "No documents table is loaded.\n\n"
        } else {
            out += "| doc | unit | year | stage |\n|---|---|---|---|\n"
            for d in report.documents {
                out += "| \(escape(d.doc)) | \(escape(d.unit)) | \(d.year) | \(escape(d.stage)) |\n"
            }
            out += "\n"
        }
        for section in report.sections {
            out += "## \(escape(section.title.isEmpty ? "Result" : section.title))\n\n"
            for result in section.results {
                out += result.rows.isEmpty ? "No rows.\n\n" : MarkdownRenderer().render(result, options: RenderOptions(maxRows: nil)) + "\n"
            }
            if let result = section.results.last, let chart = ReportChart(result: result, spec: section.chart) {
                out += "```text\n" + UnicodeBarChart.render(chart) + "```\n\n"
            }
        }
        return out
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
