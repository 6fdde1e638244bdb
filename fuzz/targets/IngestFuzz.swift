// Fuzz target: ingest on mutated corpus snapshots (text forms). The bytes are written to a
// temporary .txt file and loaded through the public SnapshotLoader, so every stage runs:
// format detection, table location, readers, narrative, reconciliation, table building.
// A load over its CPU budget is a finding (FuzzOracles); with FUZZ_CANCEL=1 the load runs again
// with a LoadCancellation fired at a point chosen from the input: it must come back promptly,
// either cancelled or whole.
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
    // Generous: a whole disclosure (~100 KB) parses in well under a second on one core.
    let report = withinTimeBudget("ingest", inputBytes: size, defaultMilliseconds: 2000, perKilobyte: 20) {
        SnapshotLoader.load(paths: [ingestPath])
    }
    checkTables(report)
    _ = report.problems.map(\.description)
    if fuzzCancelMode {
        let cancellation = LoadCancellation()
        DispatchQueue.global().asyncAfter(deadline: .now() + cancellationDelay(UnsafeBufferPointer(start: data, count: size))) {
            cancellation.cancel()
        }
        let started = Date()
        let again = SnapshotLoader.load(paths: [ingestPath], cancellation: cancellation)
        if !again.cancelled {
            checkTables(again)
            if again.tables.map(\.rowCount) != report.tables.map(\.rowCount) { fatalError("an uncancelled reload gave other tables") }
        }
        // The load checks between files; one text file is parsed whole either way.
        if Date().timeIntervalSince(started) > 30 { fatalError("cancelled load took \(Date().timeIntervalSince(started)) s") }
    }
    return 0
}

/// Touch every cell: a table whose columns disagree on length would trap here.
func checkTables(_ report: LoadReport) {
    for table in report.tables {
        for column in table.columns where column.count != table.rowCount {
            fatalError("table \(table.name): column \(column.name) has \(column.count) values for \(table.rowCount) rows")
        }
        for row in 0..<table.rowCount { _ = table.row(row) }
    }
}
