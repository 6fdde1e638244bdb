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

    /// Loads `paths` like `SnapshotLoader.load`, with CSV files as tables of their own and the
    /// snapshots' tables from the cache when none of their files changed.
    /// BUDGETQL_NO_CACHE=1 turns the cache off.
    static func load(paths: [String], progress: ((Int, Int, String) -> Void)? = nil,
                     cancellation: LoadCancellation? = nil) -> LoadReport {
        let isCSV = { (path: String) in SnapshotFiles.isUserTable(path) }
        let snapshots = paths.filter { !isCSV($0) }
        // CSV files inside a data directory load as tables too, like those named on their own.
        let csvFiles = paths.filter(isCSV) + files(in: snapshots).filter { isCSV($0) && !snapshots.contains($0) }.sorted()
        let cache = ProcessInfo.processInfo.environment["BUDGETQL_NO_CACHE"] == nil
            ? SnapshotCache(loaderVersion: loaderVersion) : nil

        var report: LoadReport
        if let cache, !snapshots.isEmpty {
            struct Cancelled: Error {}
            do throws(Cancelled) {
                let entry = try cache.entry(forFilesAt: files(in: snapshots)) { () throws(Cancelled) -> SnapshotCache.Entry in
                    let loaded = SnapshotLoader.load(paths: snapshots, progress: progress, cancellation: cancellation)
                    // Half a load stored under the whole set's key would be served next time.
                    if loaded.cancelled { throw Cancelled() }
                    return SnapshotCache.Entry(tables: loaded.tables, notes: loaded.problems.map(encode))
                }
                report = LoadReport(tables: entry.tables, problems: entry.notes.map(decode))
            } catch {
                return LoadReport(tables: [], problems: [], cancelled: true)
            }
        } else {
            report = SnapshotLoader.load(paths: snapshots, progress: progress, cancellation: cancellation)
            if report.cancelled { return report }
        }

        var catalog = Catalog(tables: report.tables)
        for path in csvFiles {
            if cancellation?.isCancelled == true { return LoadReport(tables: [], problems: [], cancelled: true) }
            do throws(CSVError) {
                let load = { () throws(CSVError) -> [Table] in [try CSVTable.load(path: path)] }
                let tables = if let cache { try cache.tables(forFileAt: path, orLoad: load) } else { try load() }
                // The cache is keyed by content, so a copy of the file under another name hits the
                // entry stored for the first: the name comes from this path, never from the cache.
                let name = CSVTable.tableName(forPath: path)
                for table in tables { catalog.add(Table(name: name, columns: table.columns)) }
            } catch {
                let column = error.column.map { "column \($0)\(error.columnName.map { " (\($0))" } ?? ""): " } ?? ""
                report.problems.append(LoadProblem(file: error.file, line: error.line, message: column + error.message))
            }
        }
        report.tables = catalog.tables
        return report
    }

    /// Whether no input of `paths` loaded: no document in `docs` and none of their CSV files a table.
    static func loadedNothing(from paths: [String], into catalog: Catalog) -> Bool {
        if let docs = catalog.table(named: "docs"), docs.rowCount > 0 { return false }
        let csvFiles = (paths + files(in: paths)).filter { SnapshotFiles.isUserTable($0) }
        return !csvFiles.contains { catalog.table(named: CSVTable.tableName(forPath: $0)) != nil }
    }

    /// The regular files the paths name (directories listed one level deep), for the cache key.
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
