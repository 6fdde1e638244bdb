// Shared by the query fuzz targets: the seed catalog, loaded once per process. (The byte-driven
// query generator lives in Tests/QueryTests/PropertyQueryGenerator.swift, shared with the tests.)
import Foundation
import Ingest
import Store
import Query

/// The repository root: FUZZ_REPO if set, else the current directory (fuzz/run cds there).
let fuzzRepository: String = ProcessInfo.processInfo.environment["FUZZ_REPO"] ?? FileManager.default.currentDirectoryPath

/// The seed snapshot's tables: the catalog every query target runs against.
let seedCatalog: Catalog = {
    let report = SnapshotLoader.load(paths: [fuzzRepository + "/Data/kashgar-party-mass-work-dept-2024-budget.txt"])
    guard report.tables.contains(where: { $0.name == "spending" && $0.rowCount > 0 }) else {
        fatalError("fuzz setup: the seed did not load from \(fuzzRepository)/Data (set FUZZ_REPO): \(report.problems)")
    }
    return Catalog(tables: report.tables)
}()
