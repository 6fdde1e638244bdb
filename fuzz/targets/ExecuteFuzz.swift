// Fuzz target: the executor on random valid queries generated from the grammar over the
// seed's tables. A Diagnostic (division by zero, overflow, a type error the generator did
// not foresee) is a fine answer; a trap is a crash; so is a query using more than its CPU budget
// (FuzzOracles). With FUZZ_CANCEL=1 the query runs again with a cancellation at a random point:
// it must end at once with "query cancelled" or its full answer, never trap or run on. Every
// answer is also read as the shell reads it (Engine.stream) and must be the same rows.
import Foundation
import Store
import Query

let executeEngine = Engine(catalog: seedCatalog)
let generator = QueryGenerator(catalog: seedCatalog)
let printQueries = ProcessInfo.processInfo.environment["FUZZ_PRINT"] != nil

@_cdecl("LLVMFuzzerTestOneInput")
public func executeFuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = UnsafeBufferPointer(start: data, count: size)
    var chooser = ByteChooser(Array(bytes))
    let sql = generator.query(&chooser)
    // Printed before running so a crash log names the query that caused it.
    if printQueries { FileHandle.standardError.write(Data((sql + "\n").utf8)) }
    let answer = withinTimeBudget("query \(sql)", inputBytes: size, defaultMilliseconds: 3000) { () -> Result<[QueryResult], Diagnostic> in
        do throws(Diagnostic) { return .success(try executeEngine.execute(sql)) } catch { return .failure(error) }
    }
    if printQueries, case .failure(let error) = answer {
        FileHandle.standardError.write(Data(("  -> \(error.kind): \(error.message)\n").utf8))
    }
    if case .success(let results) = answer {
        withinTimeBudget("streamed query \(sql)", inputBytes: size, defaultMilliseconds: 3000) { streamsTheSame(sql, results) }
    }
    if fuzzCancelMode { cancelAtRandom(sql, bytes: bytes, uncancelled: answer) }
    return 0
}

/// The streaming oracle (issue 15, item 19): the shell prints a result as `Engine.stream` reads
/// it, batch by batch, a plain query straight from its table; every row, every cell and its
/// places must be what `Engine.execute` answered, and a rewound cursor must start again. (A
/// query that failed may stream without the error: a plain query computes no row past its LIMIT.)
func streamsTheSame(_ sql: String, _ results: [QueryResult]) {
    var streamed: [(columns: [String], rows: [[String]], again: [String]?)] = []
    do throws(Diagnostic) {
        try executeEngine.stream(sql, parameters: [:], cancellation: nil) { (cursor) throws(Diagnostic) in
            var rows: [[String]] = []
            while let batch = try cursor.next() { rows += batch.map { $0.map(\.description) } }
            cursor.rewind()
            let again = try cursor.next()?.first?.map(\.description)
            streamed.append((cursor.columns, rows, again))
            return true
        }
    } catch {
        fatalError("streaming failed where execute succeeded: \(error.message): \(sql)")
    }
    guard streamed.count == results.count else { fatalError("streaming gave \(streamed.count) results, execute \(results.count): \(sql)") }
    for (s, r) in zip(streamed, results) {
        let rows = r.rows.map { $0.map(\.description) }
        if s.columns != r.columns { fatalError("streamed columns \(s.columns) differ from \(r.columns): \(sql)") }
        if s.rows != rows { fatalError("streamed rows differ (\(s.rows.count) rows against \(rows.count)): \(sql)") }
        if s.again != rows.first { fatalError("a rewound cursor did not start again: \(sql)") }
    }
}

/// Runs `sql` on a worker and cancels it after a delay chosen from the input. The worker must
/// return within a second of the cancellation; if it was not cancelled in time its answer must
/// be the uncancelled one.
func cancelAtRandom(_ sql: String, bytes: UnsafeBufferPointer<UInt8>, uncancelled: Result<[QueryResult], Diagnostic>) {
    final class Outcome: @unchecked Sendable {
        var result: Result<[QueryResult], Diagnostic>?
        let done = DispatchSemaphore(value: 0)
    }
    let cancellation = Cancellation()
    let outcome = Outcome()
    Thread.detachNewThread {
        do throws(Diagnostic) { outcome.result = .success(try executeEngine.execute(sql, cancellation: cancellation)) } catch { outcome.result = .failure(error) }
        outcome.done.signal()
    }
    Thread.sleep(forTimeInterval: Double(cancellationDelay(bytes).microsecondsValue) / 1e6)
    cancellation.cancel()
    guard outcome.done.wait(timeout: .now() + .seconds(5)) == .success else {
        fatalError("cancelled query still running 5 s after its cancellation: \(sql)")
    }
    switch (outcome.result, uncancelled) {
    case (.failure(let e)?, _) where e.message == "query cancelled":
        break
    case (.success(let a)?, .success(let b)):
        if a.map(\.rows.count) != b.map(\.rows.count) { fatalError("a run that was not cancelled in time answered differently: \(sql)") }
    case (.failure(let a)?, .failure(let b)):
        if a.message != b.message { fatalError("a run that was not cancelled in time failed differently: \(a.message) vs \(b.message): \(sql)") }
    default:
        fatalError("cancelled run and plain run disagree on success: \(sql)")
    }
}

extension DispatchTimeInterval {
    var microsecondsValue: Int {
        switch self {
        case .microseconds(let m): return m
        case .milliseconds(let m): return m * 1000
        case .seconds(let s): return s * 1_000_000
        case .nanoseconds(let n): return n / 1000
        default: return 0
        }
    }
}
