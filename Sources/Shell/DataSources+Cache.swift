import Foundation
import Ingest
import Store

/// Where a session's tables come from: analysts' CSV files (`--data bench.csv`, `.load
/// bench.csv`: one table each, named after the file) and snapshot files, read through the
/// binary cache so an unchanged corpus starts without parsing text again (PERF.md, issue 7).
enum DataSources {
    /// The loaders' version for the cache: the running executable's identity, so a rebuilt
    /// budgetql (whose Ingest may read the same bytes differently) never trusts old entries.
    static let loaderVersion: String = {
        let exe = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: exe) else { return "unknown" }
        let size = (attributes[.size] as? NSNumber)?.int64Value ?? 0
        let modified = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
        return "budgetql \(exe) \(size) \(modified)"
    }()

    /// Loads `paths` like `SnapshotLoader.load` (`workers` files at a time), with CSV files as
    /// tables of their own and each snapshot's tables from the cache when its file is unchanged.
    /// BUDGETQL_NO_CACHE=1 turns the cache off.
    static func load(paths: [String], workers: Int = Processors.available, progress: ((Int, Int, String) -> Void)? = nil,
                     cancellation: LoadCancellation? = nil, cache: SnapshotCache? = DataSources.standardCache()) -> LoadReport {
        let isCSV = { (path: String) in SnapshotFiles.isUserTable(path) }
        let snapshots = paths.filter { !isCSV($0) }
        // CSV files inside a data directory load as tables too, like those named on their own.
        let csvFiles = paths.filter(isCSV) + files(in: snapshots).filter { isCSV($0) && !snapshots.contains($0) }.sorted()

        var report: LoadReport
        if let cache, !snapshots.isEmpty {
            guard let loaded = loadSnapshots(snapshots, cache: cache, workers: workers, progress: progress,
                                             cancellation: cancellation) else {
                return LoadReport(tables: [], problems: [], cancelled: true)
            }
            report = loaded
        } else {
            report = SnapshotLoader.load(paths: snapshots, workers: workers, progress: progress, cancellation: cancellation)
            if report.cancelled { return report }
        }

        var catalog = Catalog(tables: report.tables)
        for path in csvFiles {
            if cancellation?.isCancelled == true { return LoadReport(tables: [], problems: [], cancelled: true) }
            do throws(CSVError) {
                // The columns that fell back to TEXT travel with the entry as notes, so a cache
                // hit says which cell made them as the first load did.
                let load = { () throws(CSVError) -> SnapshotCache.Entry in
                    let read = try CSVTable.read(path: path)
                    return SnapshotCache.Entry(tables: [read.table], notes: read.textFallbacks.map(\.encoded))
                }
                let entry = if let cache { try cache.entry(forFileAt: path, orLoad: load) } else { try load() }
                let fallbacks = entry.notes.compactMap(CSVTextFallback.init(encoded:))
                // The cache is keyed by content, so a copy of the file under another name hits the
                // entry stored for the first: the name comes from this path, never from the cache.
                let name = CSVTable.tableName(forPath: path)
                for table in entry.tables {
                    var named = Table(name: name, columns: table.columns)
                    for f in fallbacks { named.textNotes[f.columnName.lowercased()] = f.reason(file: path) }
                    catalog.add(named)
                }
                for f in fallbacks { report.problems.append(LoadProblem(file: path, line: f.line, message: f.message)) }
            } catch {
                let column = error.column.map { "column \($0)\(error.columnName.map { " (\($0))" } ?? ""): " } ?? ""
                report.problems.append(LoadProblem(file: error.file, line: error.line, message: column + error.message))
            }
        }
        report.tables = catalog.tables
        return report
    }

    /// The cache under $XDG_CACHE_HOME, or none with BUDGETQL_NO_CACHE=1.
    static func standardCache() -> SnapshotCache? {
        ProcessInfo.processInfo.environment["BUDGETQL_NO_CACHE"] == nil ? SnapshotCache(loaderVersion: loaderVersion) : nil
    }

    /// The snapshots' tables with one cache entry per file (issue 16): adding, changing or
    /// removing one file re-parses only that file. Files without a good entry are parsed
    /// together (`workers` at a time) and stored; a cancelled load stores nothing and returns nil.
    static func loadSnapshots(_ paths: [String], cache: SnapshotCache, workers: Int, progress: ((Int, Int, String) -> Void)?,
                              cancellation: LoadCancellation?) -> LoadReport? {
        var problems: [LoadProblem] = []
        let files = SnapshotFiles.expand(paths, problems: &problems)
        var loads: [FileLoad?] = files.map { file in
            cache.storedEntry(forSnapshotAt: file).map { FileLoad(entry: $0) }
        }
        let missing = files.indices.filter { loads[$0] == nil }
        if !missing.isEmpty {
            guard let fresh = SnapshotLoader.loadFiles(missing.map { files[$0] }, workers: workers, progress: progress,
                                                       cancellation: cancellation) else {
                return nil
            }
            for (index, load) in zip(missing, fresh) {
                loads[index] = load
                // A file that could not be read at all (a conversion past its time limit, say)
                // is tried again next time rather than remembered as failed.
                let read = load.tables.first { $0.name == "docs" }.map { $0.rowCount > 0 } ?? false
                guard read else { continue }
                cache.store(SnapshotCache.Entry(tables: load.tables, notes: load.problems.map(encode), fingerprint: load.figures),
                            forSnapshotAt: files[index])
            }
        }
        var report = SnapshotLoader.combine(loads.compactMap { $0 })
        report.problems = problems + report.problems
        report.statistics = LoadStatistics(files: files.count, parsed: missing.count, workers: workers)
        return report
    }

    /// Whether no input of `paths` loaded: no document in `docs` and none of their CSV files a table.
    static func loadedNothing(from paths: [String], into catalog: Catalog) -> Bool {
        if let docs = catalog.table(named: "docs"), docs.rowCount > 0 { return false }
        let csvFiles = (paths + files(in: paths)).filter { SnapshotFiles.isUserTable($0) }
        return !csvFiles.contains { catalog.table(named: CSVTable.tableName(forPath: $0)) != nil }
    }

    /// The regular files the paths name (directories listed one level deep).
    static func files(in paths: [String]) -> [String] {
        var out: [String] = []
        let fm = FileManager.default
        for path in paths {
            var isDirectory: ObjCBool = false
            guard fm.fileExists(atPath: path, isDirectory: &isDirectory) else { continue }
            guard isDirectory.boolValue else { out.append(path); continue }
            for entry in (try? fm.contentsOfDirectory(atPath: path)) ?? [] where !entry.hasPrefix(".") {
                out.append((path as NSString).appendingPathComponent(entry))
            }
        }
        return out
    }

    /// Problems travel through the cache as text: file, line, message separated by US (0x1F).
    static func encode(_ p: LoadProblem) -> String { "\(p.file)\u{1F}\(p.line.map(String.init) ?? "")\u{1F}\(p.message)" }

    static func decode(_ s: String) -> LoadProblem {
        let parts = s.split(separator: "\u{1F}", maxSplits: 2, omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 3 else { return LoadProblem(file: "", line: nil, message: s) }
        return LoadProblem(file: parts[0], line: Int(parts[1]), message: parts[2])
    }
}

extension FileLoad {
    /// A file's load as the cache gave it back: its problems travel as notes, the fingerprint of
    /// its figures as the entry's fingerprint.
    init(entry: SnapshotCache.Entry) {
        self.init(tables: entry.tables, problems: entry.notes.map(DataSources.decode), figures: entry.fingerprint)
    }
}
