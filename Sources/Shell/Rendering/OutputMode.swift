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

    /// The renderer that writes this mode's rows as they arrive; nil for the table and markdown,
    /// whose column widths need every row first.
    public var streamingRenderer: (any StreamingRenderer)? {
        switch self {
        case .csv, .tsv, .json, .line, .html: return renderer as? any StreamingRenderer
        case .table, .markdown: return nil
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
    /// The terminal's columns: a table wider than this has its widest text columns cut (with an
    /// ellipsis) just enough to fit; numbers are never cut. nil: every column its natural width.
    public var width: Int?
    public var color: Bool
    /// `.headers off`: no header line (table, csv, tsv, markdown).
    public var headers: Bool
    /// How NULL is shown in a table (`.nullvalue`).
    public var nullText: String

    public init(maxRows: Int? = 40, width: Int? = nil, color: Bool = false, headers: Bool = true, nullText: String = "NULL") {
        self.maxRows = maxRows
        self.width = width
        self.color = color
        self.headers = headers
        self.nullText = nullText
    }
}

/// Turns one result into text (ending with a newline when not empty).
public protocol ResultRenderer: Sendable {
    func render(_ result: QueryResult, options: RenderOptions) -> String
}
