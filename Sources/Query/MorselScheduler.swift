import Dispatch
import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// How a query may use the machine: how many worker threads, and how many rows a morsel (the
/// unit of work a worker takes at a time) holds.
public struct Parallelism: Sendable, Equatable {
    public var threads: Int
    /// Rows per morsel; tests make it small so a few thousand corpus rows make many morsels.
    var morselRows: Int

    public init(threads: Int) {
        self.threads = max(1, threads)
        self.morselRows = Parallelism.defaultMorselRows
    }

    init(threads: Int, morselRows: Int) {
        self.threads = max(1, threads)
        self.morselRows = max(1, morselRows)
    }

    /// 16 batches: large enough that taking a morsel (one lock) costs nothing next to its
    /// work, small enough that a 10M-row scan has hundreds to balance across the workers.
    static let defaultMorselRows = 16 * Executor.batchSize

    public static let serial = Parallelism(threads: 1)

}

/// Morsel-driven scheduling (as in HyPer and DuckDB) over one thread pool, GCD's: rows
/// 0..<rowCount are cut into morsels; each worker starts at the front of its own contiguous
/// region and, once that is done, steals the back half of the region with the most left.
/// A worker feeds consecutive morsels to one state (a *run*), so each run covers a contiguous
/// range of rows, and the runs come back sorted by their first row. Combining the runs in that
/// order gives what one thread gives: rows concatenate in table order, and groups first seen
/// in an earlier run come first, exactly as a serial pass would number them.
struct MorselScheduler {
    /// The rows to cover (from 0 unless a caller did a first part itself).
    let rows: Range<Int>
    let parallelism: Parallelism
    let cancellation: Cancellation?

    init(rowCount: Int, parallelism: Parallelism, cancellation: Cancellation?) {
        self.init(rows: 0..<rowCount, parallelism: parallelism, cancellation: cancellation)
    }

    init(rows: Range<Int>, parallelism: Parallelism, cancellation: Cancellation?) {
        self.rows = rows
        self.parallelism = parallelism
        self.cancellation = cancellation
    }

    /// One worker's contiguous share of the rows and the state built from them.
    struct Run<State> {
        var rows: Range<Int>
        var state: State
    }

    /// Runs `process` over every batch (at most `Executor.batchSize` rows) in row order within
    /// each run; `start` makes a run's empty state. Cancellation is looked up before every batch
    /// on every worker; the first error (by row) wins and stops the other workers.
    func runs<State>(start: @escaping () -> State,
                     process: @escaping (inout State, Range<Int>) throws(Diagnostic) -> Void) throws(Diagnostic) -> [Run<State>] {
        let morsel = parallelism.morselRows
        let first = rows.lowerBound, end = rows.upperBound
        let morsels = (rows.count + morsel - 1) / morsel
        let workers = min(parallelism.threads, morsels)
        // Set when a worker fails, so the others stop at their next batch.
        let stop = Cancellation()
        let cancellation = self.cancellation
        // Feeds `rows` batch by batch; false when another worker's error stopped it first.
        let feed = { (state: inout State, rows: Range<Int>) throws(Diagnostic) -> Bool in
            for first in stride(from: rows.lowerBound, to: rows.upperBound, by: Executor.batchSize) {
                if cancellation?.isCancelled == true { throw Executor.cancelled }
                if stop.isCancelled { return false }
                try process(&state, first..<min(rows.upperBound, first + Executor.batchSize))
            }
            return true
        }
        if workers <= 1 {
            var state = start()
            _ = try feed(&state, rows)
            return [Run(rows: rows, state: state)]
        }
        let queue = MorselQueue(morsels: morsels, workers: workers)
        let results = WorkerSlots<[Result<Run<State>, RunFailure>]>(count: workers)
        // The workers share `start`, `process` and the relation they read, which are not
        // Sendable in the type system's eyes: every worker only reads them, and each run's
        // state belongs to the one worker that builds it until all have finished.
        let worker = UncheckedSendable { (worker: Int) in
            var finished: [Result<Run<State>, RunFailure>] = []
            var current: Run<State>?
            while !stop.isCancelled, let m = queue.take(worker: worker) {
                let rows = first + m * morsel..<min(end, first + (m + 1) * morsel)
                var run: Run<State>
                if let open = current, open.rows.upperBound == rows.lowerBound {
                    run = open
                } else {
                    if let open = current { finished.append(.success(open)) }
                    run = Run(rows: rows.lowerBound..<rows.lowerBound, state: start())
                }
                current = nil  // the state is moved, not copied, while it grows
                do throws(Diagnostic) {
                    guard try feed(&run.state, rows) else { break }
                    run.rows = run.rows.lowerBound..<rows.upperBound
                    current = run
                } catch {
                    finished.append(.failure(RunFailure(firstRow: rows.lowerBound, diagnostic: error)))
                    stop.cancel()
                }
            }
            if let open = current { finished.append(.success(open)) }
            results.set(worker, finished)
        }
        DispatchQueue.concurrentPerform(iterations: workers) { worker.value($0) }
        var all: [Run<State>] = []
        var failure: RunFailure?
        for worker in 0..<workers {
            for outcome in results.take(worker) ?? [] {
                switch outcome {
                case .success(let run): all.append(run)
                case .failure(let f): if failure.map({ f.firstRow < $0.firstRow }) ?? true { failure = f }
                }
            }
        }
        if let failure { throw failure.diagnostic }
        if cancellation?.isCancelled == true { throw Executor.cancelled }
        all.sort { $0.rows.lowerBound < $1.rows.lowerBound }
        return all
    }
}

/// A value the compiler cannot prove safe to share, shared where the code above says why it is.
private struct UncheckedSendable<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}

extension MorselScheduler {
    /// Runs `body(0..<workers)` on the pool and returns when all have. The body shares what it
    /// captures across threads: callers give each worker its own slot to write (WorkerSlots).
    static func onWorkers(_ workers: Int, _ body: (Int) -> Void) {
        withoutActuallyEscaping(body) { body in
            let shared = UncheckedSendable(body)
            DispatchQueue.concurrentPerform(iterations: workers) { shared.value($0) }
        }
    }
}

/// Why one run stopped: the error and the first row of the morsel it was working on.
private struct RunFailure: Error {
    let firstRow: Int
    let diagnostic: Diagnostic
}

/// The morsels still to take: one contiguous region per worker, taken from the front by its
/// owner. A worker whose region is empty steals the back half of the region with the most
/// left and goes on from the front of that half, so every worker's morsels stay in long
/// contiguous runs (a few per worker, not one per morsel) and the partial results to merge stay
/// few. A lock per morsel is cheap: a morsel is tens of thousands of rows.
private final class MorselQueue: Sendable {
    private let regions: Mutex<[(front: Int, back: Int)]>

    init(morsels: Int, workers: Int) {
        regions = Mutex((0..<workers).map { w in (front: morsels * w / workers, back: morsels * (w + 1) / workers) })
    }

    func take(worker: Int) -> Int? {
        regions.withLock { regions in
            if regions[worker].front >= regions[worker].back {
                guard let richest = regions.indices.max(by: { regions[$0].back - regions[$0].front < regions[$1].back - regions[$1].front }),
                      regions[richest].front < regions[richest].back else { return nil }
                let victim = regions[richest]
                let middle = victim.front + (victim.back - victim.front) / 2
                regions[worker] = (front: middle, back: victim.back)
                regions[richest].back = middle
            }
            defer { regions[worker].front += 1 }
            return regions[worker].front
        }
    }
}

/// One slot per worker, each written by its worker only and read after all have finished
/// (concurrentPerform returns only then), so no two threads touch a slot at once.
final class WorkerSlots<T>: @unchecked Sendable {
    private let slots: UnsafeMutableBufferPointer<T?>

    init(count: Int) {
        slots = .allocate(capacity: count)
        slots.initialize(repeating: nil)
    }

    deinit {
        slots.deinitialize()
        slots.deallocate()
    }

    func set(_ index: Int, _ value: T) { slots[index] = value }

    func take(_ index: Int) -> T? {
        defer { slots[index] = nil }
        return slots[index]
    }
}
