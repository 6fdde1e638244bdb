import Query

/// How results are printed: `.mode` in the shell, `--format` on the command line.
public enum OutputMode: String, CaseIterable, Sendable {
    case table, csv, tsv, json, markdown, line, html

    /// The mode a file name asks for by its extension (report.html -> html), if any.
    public init?(fileExtensionOf path: String) {
        guard let dot = path.lastIndex(of: "."), !path[dot...].contains("/") else { return nil }
        switch path[path.index(after: dot)...].lowercased() {
        case "html", "htm": self = .html
        case "md", "markdown": self = .markdown
        case "csv": self = .csv
        case "tsv": self = .tsv
        case "json": self = .json
        case "txt": self = .table
        default: return nil
        }
    }

    /// The renderer for this mode.
    public var renderer: any ResultRenderer {
        switch self {
        case .table: return TableRenderer()
        case .csv: return DelimitedRenderer(separator: ",")
        case .tsv: return DelimitedRenderer(separator: "\t")
        case .json: return JSONRenderer()
        case .markdown: return MarkdownRenderer()
        case .line: return LineRenderer()
        case .html: return HTMLRenderer()
        }
    }
}

/// What a renderer may vary on; only the table mode abbreviates (rows and cell width) or colours.
public struct RenderOptions: Sendable {
    /// Rows shown before the result is cut with a marker; nil shows all.
    public var maxRows: Int?
    /// Widest cell, in terminal columns, before it is cut with an ellipsis.
    public var maxCellWidth: Int
    public var color: Bool

    public init(maxRows: Int? = 40, maxCellWidth: Int = 40, color: Bool = false) {
        self.maxRows = maxRows
        self.maxCellWidth = maxCellWidth
        self.color = color
    }
}

/// Turns one result into text (ending with a newline when not empty).
public protocol ResultRenderer: Sendable {
    func render(_ result: QueryResult, options: RenderOptions) -> String
}
