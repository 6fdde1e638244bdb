import Foundation
import Store

/// How a snapshot file was written: the loader reads all three into the same source lines.
public enum SnapshotFormat: String, Sendable {
    /// A PDF, read as positioned words (`pdftotext -bbox-layout`): prose one line per printed
    /// line, each table row one line of tab-separated cells placed by their position on the page.
    case pdf
    /// Layout text as pdftotext writes it: cells separated by runs of spaces, columns by position.
    case layoutText = "layout"
    /// Text from other extractors: cells separated by tabs (the seed, *.pdfparse.txt).
    case tabText = "tab"
}

extension SnapshotFormat {
    /// True when a line's cells stand in fixed columns, so a cell's index is its column: tab
    /// text, and a PDF read by geometry. Layout text has only the cells' character positions.
    var cellsAreColumns: Bool { self != .layoutText }
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
    /// For a PDF, where each line was printed (`geometry[i]` for line `i + 1`): its page and
    /// the box of each cell. Empty for text snapshots, which have lines but no pages.
    public var geometry: [LineGeometry?] = []

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

    /// Where 1-based line `number` was printed, for a PDF.
    public func placement(ofLine number: Int) -> LineGeometry? {
        guard number >= 1, number <= geometry.count else { return nil }
        return geometry[number - 1]
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

    /// The columns every table ends with, saying where a row was printed: `line`, the 1-based
    /// source line it was read from (integer, so `ORDER BY line` follows the document), and for
    /// a PDF its `page` and the box `x0, y0, x1, y1` (PDF points from the page's top-left) of
    /// the figure or row; NULL for text snapshots, which have no pages.
    public static let placementColumns: [(name: String, type: ColumnType)] = [
        ("line", .integer), ("page", .integer), ("x0", .decimal), ("y0", .decimal), ("x1", .decimal), ("y1", .decimal),
    ]

    /// The values of `placementColumns` for source line `number`: the box of cell `cell` when
    /// given (a figure), else of the whole line (a row).
    public func placementValues(line number: Int?, cell: Int? = nil) -> [Value] {
        guard let number else { return [.null, .null, .null, .null, .null, .null] }
        guard let placed = placement(ofLine: number) else { return [.integer(Int64(number)), .null, .null, .null, .null, .null] }
        let box = cell.flatMap { placed.cell($0) } ?? placed.box
        func point(_ v: Double?) -> Value {
            guard let v, let d = ExactDecimal(String(format: "%.2f", v)) else { return .null }
            return .decimal(d)
        }
        return [.integer(Int64(number)), .integer(Int64(placed.page)), point(box?.x0), point(box?.y0), point(box?.x1), point(box?.y1)]
    }
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
