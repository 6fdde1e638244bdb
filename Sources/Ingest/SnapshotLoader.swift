import Foundation
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
    /// Cancelled before every file was read: the tables are incomplete and must not be used.
    public var cancelled = false
    public var statistics = LoadStatistics()

    public init(tables: [Table], problems: [LoadProblem], cancelled: Bool = false) {
        self.tables = tables
        self.problems = problems
        self.cancelled = cancelled
    }
}

/// One snapshot file's own tables (every SCHEMA.md table, empty when the file does not print
/// it; no reference tables), the problems met reading it, and the fingerprint of its figures
/// that duplicate detection compares: what the cache keeps per file.
public struct FileLoad: Sendable {
    public var tables: [Table]
    public var problems: [LoadProblem]
    /// `DuplicateDisclosures.figures(of:)` of the tables, worked out once when the file is built
    /// (in parallel, with the rest of its work) and kept in its cache entry, so a load from the
    /// cache does not go through every file's facts again.
    public var figures: [UInt64]

    /// A file just built: its fingerprint is taken from its tables.
    public init(tables: [Table], problems: [LoadProblem]) {
        self.init(tables: tables, problems: problems, figures: DuplicateDisclosures.figures(of: tables))
    }

    /// A file as stored (the cache): the fingerprint it was stored with.
    public init(tables: [Table], problems: [LoadProblem], figures: [UInt64]) {
        self.tables = tables
        self.problems = problems
        self.figures = figures
    }
}

/// How a load went: how many files it read, how many of them it parsed (the rest came from the
/// cache) and on how many workers. What `BUDGETQL_LOAD_STATS=1` prints, and what tests read to
/// know a file was parsed rather than guess it from timing.
public struct LoadStatistics: Sendable, Equatable {
    public var files: Int
    public var parsed: Int
    public var workers: Int
    public var fromCache: Int { files - parsed }

    public init(files: Int = 0, parsed: Int = 0, workers: Int = 0) {
        self.files = files
        self.parsed = parsed
        self.workers = workers
    }
}

/// Entry point of ingest: snapshot files or directories -> tables. Each file is read and built
/// on its own (so each can be cached on its own), then the files' tables are put end to end in
/// file order and the reference tables added once.
public enum SnapshotLoader {
    /// Loads every snapshot in `paths` (files, or directories searched for snapshots), `workers`
    /// files at a time (the tables are the same for any number). `progress(done, total, file)`
    /// is called on this thread as each file is finished; `cancellation` stops the load between
    /// files and kills the conversions running (the report then says `cancelled`).
    public static func load(paths: [String], workers: Int = Processors.available,
                            progress: ((Int, Int, String) -> Void)? = nil,
                            cancellation: LoadCancellation? = nil) -> LoadReport {
        var problems: [LoadProblem] = []
        let files = SnapshotFiles.expand(paths, problems: &problems)
        guard let loads = loadFiles(files, workers: workers, progress: progress, cancellation: cancellation) else {
            return LoadReport(tables: [], problems: problems, cancelled: true)
        }
        var report = combine(loads)
        report.problems = problems + report.problems
        report.statistics = LoadStatistics(files: files.count, parsed: files.count, workers: workers)
        return report
    }

    /// Reads and builds each file on its own, `workers` at a time; the loads come back in the
    /// order of `files` whatever order they finished in. Nil when cancelled.
    public static func loadFiles(_ files: [String], workers: Int = Processors.available,
                                 progress: ((Int, Int, String) -> Void)? = nil,
                                 cancellation: LoadCancellation? = nil) -> [FileLoad]? {
        var done = 0
        let loads = IngestWorkers.run(count: files.count, workers: workers, cancellation: cancellation, finished: { i in
            done += 1
            progress?(done, files.count, files[i])
        }) { i in
            fileLoad(files[i], ParsedSnapshot.parse(files[i]))
        }
        // A load cancelled as its last file finished is cancelled all the same.
        guard cancellation?.isCancelled != true else { return nil }
        return loads.compactMap { $0 }
    }

    /// The tables of one parsed file, built alone.
    static func fileLoad(_ file: String, _ parsed: Result<ParsedSnapshot, SnapshotReadError>) -> FileLoad {
        var tables = declaredTables()
        var problems: [LoadProblem] = []
        switch parsed {
        case .success(let parsed):
            let document = parsed.ingested.document
            if document.format == .pdf && document.lines.allSatisfy({ $0.allSatisfy(\.isWhitespace) }) {
                // An image of pages (a scan) has no text for poppler to give: say so, not "not a disclosure".
                problems.append(LoadProblem(file: file, line: nil, message: "no text on its \(document.pages) page\(document.pages == 1 ? "" : "s") (a scanned image?): BudgetQL reads a PDF's text; run OCR first (e.g. ocrmypdf)"))
            } else if parsed.ingested.tablesFound.isEmpty {
                problems.append(LoadProblem(file: file, line: nil, message: "no disclosure tables found (not a 预算/决算 disclosure?)"))
            }
            tables.add(parsed.ingested)
            NarrativeHook.add(parsed.narrative, document: parsed.ingested.document, to: &tables)
        case .failure(let error):
            problems.append(LoadProblem(file: file, line: nil, message: error.reason))
        }
        let (built, buildProblems) = tables.build()
        return FileLoad(tables: built, problems: problems + buildProblems)
    }

    /// The files' tables end to end (in the order given), every SCHEMA.md table present even
    /// when no file prints it, and the reference tables once.
    public static func combine(_ files: [FileLoad]) -> LoadReport {
        var base = declaredTables()
        NarrativeHook.addReference(to: &base)
        var (tables, problems) = base.build()
        problems += files.flatMap(\.problems)
        // A disclosure loaded twice (two copies, or a PDF and its text) is counted once.
        var duplicates = DuplicateDisclosures()
        let loads = files.map { load -> FileLoad in
            guard let original = duplicates.original(of: load) else { return load }
            let file = load.tables.first { $0.name == "docs" }?.column(named: "file")?.value(at: 0).description ?? ""
            let share = Int((original.agreement * 100).rounded(.down))
            problems.append(LoadProblem(file: file, line: nil,
                                        message: "skipped: the same disclosure as \(original.file) (\(share)% of its figures agree), counted once"))
            return load.markedDuplicate(of: original.id)
        }
        for (index, empty) in tables.enumerated() {
            // Each file declared every table, so its parts carry the schema: the empty one is
            // needed only when no file loaded.
            let parts = loads.compactMap { load in load.tables.first { $0.name == empty.name } }
            guard !parts.isEmpty else { continue }
            do {
                tables[index] = try Table.concatenating(parts, name: empty.name)
            } catch {
                problems.append(LoadProblem(file: empty.name, line: nil, message: error.description))
            }
        }
        return LoadReport(tables: tables, problems: problems)
    }

    /// Every table of SCHEMA.md, declared with its schema and no rows.
    static func declaredTables() -> DisclosureTables {
        var tables = DisclosureTables()
        for kind in TableKind.all {
            if kind.key == .label {
                if let schema = LabelTableTyping.schema(of: kind.name) { tables.declare(kind.name, schema: schema) }
            } else {
                tables.declare(kind.name, schema: DisclosureTables.schema(for: kind))
            }
        }
        NarrativeHook.declare(in: &tables)
        tables.declare("facts", schema: DisclosureTables.factsSchema)
        tables.declare("checks", schema: DisclosureTables.checksSchema)
        tables.declare("docs", schema: DisclosureTables.docsSchema)
        return tables
    }
}

/// Turns the paths given into snapshot files: directories are listed (sorted, not recursed
/// into hidden entries); known reference files in a data directory are skipped quietly.
public enum SnapshotFiles {
    public static func expand(_ paths: [String], problems: inout [LoadProblem]) -> [String] {
        var files: [String] = []
        let fm = FileManager.default
        for path in paths {
            var isDirectory: ObjCBool = false
            guard fm.fileExists(atPath: path, isDirectory: &isDirectory) else {
                problems.append(LoadProblem(file: path, line: nil, message: "no such file or directory"))
                continue
            }
            guard isDirectory.boolValue else {
                files.append(path)
                continue
            }
            let entries: [String]
            do {
                entries = try fm.contentsOfDirectory(atPath: path).sorted()
            } catch {
                problems.append(LoadProblem(file: path, line: nil, message: "cannot list the directory (\(error.localizedDescription))"))
                continue
            }
            for entry in entries where !entry.hasPrefix(".") {
                let full = (path as NSString).appendingPathComponent(entry)
                var sub: ObjCBool = false
                if fm.fileExists(atPath: full, isDirectory: &sub), sub.boolValue { continue }
                if isReferenceFile(entry) || isUserTable(entry) { continue }
                files.append(full)
            }
        }
        return files
    }

    /// Files that live beside the snapshots in Data/ but are not snapshots: the reference
    /// classification and notes about it.
    static func isReferenceFile(_ name: String) -> Bool {
        let lower = name.lowercased()
        if lower.hasPrefix("classes") || lower.hasPrefix("classification") || lower.contains("reference") { return true }
        if lower.hasSuffix(".md") || lower.hasPrefix("readme") || lower.hasPrefix("notice") || lower.hasPrefix("source") { return true }
        return false
    }

    /// Analysts' CSV files in a data directory are tables of their own, loaded by `CSVTable`
    /// (the shell's data sources), not snapshots.
    public static func isUserTable(_ name: String) -> Bool {
        name.lowercased().hasSuffix(".csv")
    }
}

/// One file read and parsed, ready to append: the work that can run in parallel.
struct ParsedSnapshot: Sendable {
    let ingested: IngestedDocument
    let narrative: [ReaderTable]

    static func parse(_ file: String) -> Result<ParsedSnapshot, SnapshotReadError> {
        do {
            let document = try SnapshotReader.read(path: file)
            var ingested = DocumentIngest.ingest(document)
            let narrative = NarrativeHook.read(document, ingested: ingested)
            // The narrative's unread or repaired sentences are checks of the document like the
            // tables' ones, so docs.checks_failed / repairs count them too.
            ingested.checks += narrative.checks
            // The reviewers' rules run on what the readers produced (Audit/).
            let audit = DocumentAudit.audit(document, ingested: ingested, statements: narrative.statements)
            ingested.checks = DocumentAudit.quoted(ingested.checks + audit.checks, in: document)
            ingested.listedMissing = audit.missing
            ingested.emptyTables = audit.statedEmpty
            return .success(ParsedSnapshot(ingested: ingested, narrative: narrative.tables))
        } catch {
            return .failure(error)
        }
    }
}
