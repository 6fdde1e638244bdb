import Store

/// A problem met while loading one file: what and where. Loading goes on with the other files.
public struct LoadProblem: Sendable, CustomStringConvertible {
    public let file: String
    public let line: Int?
    public let message: String

    public init(file: String, line: Int?, message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    public var description: String {
        if let line { return "\(file):\(line): \(message)" }
        return "\(file): \(message)"
    }
}

/// What a load produced: the queryable tables (spending, income, ..., facts, checks, docs) and
/// the problems met.
public struct LoadReport: Sendable {
    public var tables: [Table]
    public var problems: [LoadProblem]

    public init(tables: [Table], problems: [LoadProblem]) {
        self.tables = tables
        self.problems = problems
    }
}

/// Entry point of ingest: snapshot files or directories -> tables.
public enum SnapshotLoader {
    /// Loads every snapshot in `paths` (files, or directories searched for snapshots).
    /// `progress(done, total, file)` is called after each file.
    public static func load(paths: [String], progress: ((Int, Int, String) -> Void)? = nil) -> LoadReport {
        // Placeholder until the table readers land (issue: foundation / ingest).
        LoadReport(tables: [], problems: [])
    }
}
