import Store

/// How a snapshot file was written: the loader reads all three into the same source lines.
public enum SnapshotFormat: String, Sendable {
    /// A PDF, turned into layout text by `pdftotext -layout`.
    case pdf
    /// Layout text as pdftotext writes it: cells separated by runs of spaces, columns by position.
    case layoutText = "layout"
    /// Text from other extractors: cells separated by tabs (the seed, *.pdfparse.txt).
    case tabText = "tab"
}

/// A loaded snapshot as every table reader (tables, narrative, targets) sees it: its source
/// lines and what the document says about itself. Stable API: the narrative readers build on it.
public struct SnapshotDocument: Sendable {
    /// Snapshot id: the file's base name without extension (e.g. "kashgar-party-mass-work-dept-2024-budget").
    public let id: String
    /// The path the snapshot was read from.
    public let file: String
    public let format: SnapshotFormat
    /// The source lines in order; `lines[i]` is line `i + 1`. For a PDF these are the lines of
    /// `pdftotext -layout` output, for text snapshots the file's own lines.
    public let lines: [String]
    /// The budget unit's full name (编制单位 / 预算单位 / title), "" when the document does not say.
    public var unit: String
    /// The budget year from the title, nil when not found.
    public var year: Int?
    /// '预算' or '决算'.
    public var stage: String
    /// '部门' or '单位'.
    public var scope: String
    /// Page count: from pdfinfo-style form feeds or page markers; 0 when unknown.
    public var pages: Int

    public init(id: String, file: String, format: SnapshotFormat, lines: [String],
                unit: String = "", year: Int? = nil, stage: String = "预算", scope: String = "部门", pages: Int = 0) {
        self.id = id
        self.file = file
        self.format = format
        self.lines = lines
        self.unit = unit
        self.year = year
        self.stage = stage
        self.scope = scope
        self.pages = pages
    }

    /// The text of 1-based line `number`, or nil outside the document.
    public func line(_ number: Int) -> String? {
        guard number >= 1, number <= lines.count else { return nil }
        return lines[number - 1]
    }

    /// The snapshot columns every table starts with, in SCHEMA.md order, except `line`, which
    /// every table ends with: doc, unit, year, stage, scope.
    public static let snapshotColumns: [(name: String, type: ColumnType)] = [
        ("doc", .text), ("unit", .text), ("year", .integer), ("stage", .text), ("scope", .text),
    ]

    /// The values of `snapshotColumns` for this document.
    public var snapshotValues: [Value] {
        [.text(id), .text(unit), year.map { .integer(Int64($0)) } ?? .null, .text(stage), .text(scope)]
    }

    /// The `line` column: the 1-based source line a row was read from (for a PDF, the line of
    /// its layout text). Integer, so `ORDER BY line` follows the document.
    public static let lineColumn: (name: String, type: ColumnType) = ("line", .integer)

    public func lineValue(_ number: Int) -> Value { .integer(Int64(number)) }
}

/// Rows for one table produced by a reader (narrative, targets, reference): the loader appends
/// them to the table of that name. `columns` follow `SnapshotDocument.snapshotColumns` +
/// table-specific columns + `line`, unless the table is not per-document (e.g. `classes`).
public struct ReaderTable: Sendable {
    public let name: String
    public let columns: [(name: String, type: ColumnType)]
    public var rows: [[Value]]

    public init(name: String, columns: [(name: String, type: ColumnType)], rows: [[Value]] = []) {
        self.name = name
        self.columns = columns
        self.rows = rows
    }
}
