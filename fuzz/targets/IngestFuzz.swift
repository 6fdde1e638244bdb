// Fuzz target: ingest on mutated corpus snapshots (text forms). The bytes are written to a
// temporary .txt file and loaded through the public SnapshotLoader, so every stage runs:
// format detection, table location, readers, narrative, reconciliation, table building.
import Foundation
import Ingest

let ingestPath: String = {
    let dir = ProcessInfo.processInfo.environment["FUZZ_TMP"] ?? NSTemporaryDirectory()
    return dir + "/budgetql-ingest-fuzz-\(getpid()).txt"
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func ingestFuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Data(UnsafeBufferPointer(start: data, count: size))
    guard FileManager.default.createFile(atPath: ingestPath, contents: bytes) else {
        fatalError("fuzz setup: cannot write \(ingestPath)")
    }
    let report = SnapshotLoader.load(paths: [ingestPath])
    // Touch every cell: a table whose columns disagree on length would trap here.
    for table in report.tables {
        for column in table.columns where column.count != table.rowCount {
            fatalError("table \(table.name): column \(column.name) has \(column.count) values for \(table.rowCount) rows")
        }
        for row in 0..<table.rowCount { _ = table.row(row) }
    }
    _ = report.problems.map(\.description)
    return 0
}
