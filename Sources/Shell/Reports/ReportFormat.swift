import Query

/// The forms a report is written in: `--format` of `budgetql run`, the shell's `.mode` for `.run`.
public enum ReportFormat: String, CaseIterable, Sendable {
    /// For the terminal: aligned tables and Unicode bar charts.
    case table
    case markdown, html, csv, json

    /// The report form closest to a shell output mode (line and tsv fall back to table and csv).
    public init(mode: OutputMode) {
        switch mode {
        case .table, .line: self = .table
        case .csv, .tsv: self = .csv
        case .json: self = .json
        case .markdown: self = .markdown
        case .html: self = .html
        }
    }
}

/// Picks the renderer for a format. Every renderer is a pure function of the report: no clock,
/// no environment, so the same data and parameters give byte-identical output.
public enum ReportRendering {
    /// `width`: the terminal's columns, for the table form on a terminal; `language`: the
    /// headers' (Chinese by default, the English names as tooltips or second lines).
    public static func render(_ report: Report, as format: ReportFormat, width: Int? = nil, language: ReportLanguage = .zh) -> String {
        switch format {
        case .table: return TerminalReport.render(report, width: width, language: language)
        case .markdown: return MarkdownReport.render(report, language: language)
        case .html: return HTMLReport.render(report, language: language)
        case .csv: return DataOnlyReport.csv(report)
        case .json: return DataOnlyReport.json(report)
        }
    }

    /// The whole command line that reproduces a report, printed in it so a reader can rerun it
    /// by pasting it into a shell: the data it ran on, every parameter (defaults too, so a later
    /// load with more years still gives the same comparison) and the format.
    static func command(for report: Report, format: ReportFormat, language: ReportLanguage = .zh) -> String {
        var words = ["budgetql", "run", report.query.name]
        for path in report.dataPaths {
            words += ["--data", shellQuoted(path)]
        }
        for bound in report.parameters.bound {
            words.append("--param")
            words.append(shellQuoted("\(bound.name)=\(bound.text)"))
        }
        words += ["--format", format.rawValue]
        if language != .zh { words += ["--lang", language.rawValue] }
        return words.joined(separator: " ")
    }

    /// A word as a POSIX shell reads it back unchanged: plain words as they are, anything else in
    /// single quotes. Non-ASCII letters are plain (no shell treats 商务 specially), but not
    /// non-ASCII spaces or controls.
    static func shellQuoted(_ word: String) -> String {
        let plain = !word.isEmpty && word.unicodeScalars.allSatisfy { s in
            s.value > 0x7F ? !s.properties.isWhitespace && s.properties.generalCategory != .control
                : (s.properties.isAlphabetic || ("0"..."9").contains(s) || "=_-.,:/%+@".unicodeScalars.contains(s))
        }
        return plain ? word : "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
