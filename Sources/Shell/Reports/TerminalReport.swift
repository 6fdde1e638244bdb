import Query

/// A report for the terminal (`.run` in the shell, `--format table`): a title line, the
/// parameters and documents in a line or two, then each section's table and a bar chart.
enum TerminalReport {
    /// `width`: the terminal's columns, which wide tables are fitted to; nil: natural widths.
    static func render(_ report: Report, width: Int? = nil, language: ReportLanguage = .zh) -> String {
        let query = report.query
        var out = query.title + "\n"
        if !report.parameters.bound.isEmpty {
            out += "parameters: " + report.parameters.bound.map { "\($0.name)=\($0.text)" }.joined(separator: ", ") + "\n"
        }
        out += "documents: " + (report.documents.isEmpty ? "none loaded" : report.documents.map(\.doc).joined(separator: ", ")) + "\n"
        if !report.failedChecks.isEmpty {
            out += "failed checks: \(report.failedChecks.count) of \(report.checkCount) in these documents (.checks lists them)\n"
        }
        for section in report.sections {
            out += "\n"
            if !section.title.isEmpty { out += "== \(section.title) ==\n" }
            for result in section.results {
                out += TableRenderer().render(result, options: RenderOptions(maxRows: nil, width: width))
            }
            if let result = section.results.last, let chart = ReportChart(result: result, spec: section.chart) {
                out += "\n" + UnicodeBarChart.render(chart, language: language)
            }
        }
        return out
    }
}

/// csv and json: the data only, for other programs. Several results are separated: csv by a
/// blank line and a `# title` line, json as an object with one entry per section.
enum DataOnlyReport {
    static func csv(_ report: Report) -> String {
        let results = report.sections.flatMap { section in section.results.map { (section.title, $0) } }
        if results.count == 1, let only = results.first {
            return DelimitedRenderer(separator: ",").render(only.1, options: RenderOptions(maxRows: nil))
        }
        return results.enumerated().map { i, pair in
            (i > 0 ? "\n" : "") + "# \(pair.0)\n" + DelimitedRenderer(separator: ",").render(pair.1, options: RenderOptions(maxRows: nil))
        }.joined()
    }

    static func json(_ report: Report) -> String {
        var out = "{\"report\":" + JSONRenderer.string(report.query.name)
        out += ",\n\"title\":" + JSONRenderer.string(report.query.title)
        out += ",\n\"parameters\":{" + report.parameters.bound.map {
            JSONRenderer.string($0.name) + ":" + ($0.column == nil ? JSONRenderer.value($0.value) : JSONRenderer.string($0.text))
        }.joined(separator: ",") + "}"
        out += ",\n\"documents\":[" + report.documents.map {
            "{\"doc\":\(JSONRenderer.string($0.doc)),\"unit\":\(JSONRenderer.string($0.unit)),\"year\":\(JSONRenderer.string($0.year)),\"stage\":\(JSONRenderer.string($0.stage))}"
        }.joined(separator: ",") + "]"
        out += ",\n\"sections\":[" + report.sections.map { section in
            "{\"title\":" + JSONRenderer.string(section.title) + ",\"results\":[" + section.results.map {
                JSONRenderer().render($0, options: RenderOptions(maxRows: nil)).trimmingTrailingNewline
            }.joined(separator: ",\n") + "]}"
        }.joined(separator: ",\n") + "]}\n"
        return out
    }
}

extension String {
    fileprivate var trimmingTrailingNewline: String { hasSuffix("\n") ? String(dropLast()) : self }
}
