import Foundation
import Synchronization

/// The threads that read and build snapshot files at the same time (issue 16). Each file's work
/// (pdftotext, the readers, the audit, building its tables) is independent of the others', so a
/// bounded number of workers take the next file as they finish one: a slow file holds up one
/// worker, not a whole batch. Results land in the slot of their file, so whatever the finishing
/// order, the caller sees them in file order and the load is the serial one, byte for byte.
public enum IngestWorkers {
    /// Runs `work(i)` for each i in 0..<count on up to `workers` threads and returns the results
    /// by index. `finished(i)` is called on the calling thread as each item completes, in the
    /// order they complete (progress). Once `cancellation` is cancelled no item is started; the
    /// ones under way finish (their conversions are killed by the cancellation itself) and the
    /// call returns after every worker has stopped, so nothing outlives it. Items not run are nil.
    static func run<Result: Sendable>(count: Int, workers: Int, cancellation: LoadCancellation?,
                                      finished: (Int) -> Void,
                                      _ work: @escaping @Sendable (Int) -> Result) -> [Result?] {
        guard count > 0 else { return [] }
        let pool = Pool<Result>(count: count)
        let threads = max(1, min(workers, count))
        for _ in 0..<threads {
            Thread.detachNewThread {
                while cancellation?.isCancelled != true, let i = pool.next() {
                    let result = LoadCancellation.$current.withValue(cancellation) { work(i) }
                    pool.finish(i, result)
                }
                pool.stop()
            }
        }
        var running = threads
        while running > 0 {
            pool.signal.wait()
            let (done, stopped) = pool.drain()
            for i in done { finished(i) }
            running -= stopped
        }
        return pool.results()
    }

    /// The state the workers share: the next item to take, the results, and what finished since
    /// the caller last looked. One signal per finished item and per stopped worker.
    private final class Pool<Result: Sendable>: Sendable {
        private struct State {
            var next = 0
            var results: [Result?]
            var finished: [Int] = []
            var stopped = 0
        }
        private let count: Int
        private let state: Mutex<State>
        let signal = DispatchSemaphore(value: 0)

        init(count: Int) {
            self.count = count
            state = Mutex(State(results: Array(repeating: nil, count: count)))
        }

        func next() -> Int? {
            state.withLock { s in
                guard s.next < count else { return nil }
                defer { s.next += 1 }
                return s.next
            }
        }

        func finish(_ i: Int, _ result: Result) {
            state.withLock { s in
                s.results[i] = result
                s.finished.append(i)
            }
            signal.signal()
        }

        func stop() {
            state.withLock { $0.stopped += 1 }
            signal.signal()
        }

        /// The items finished and the workers stopped since the last call.
        func drain() -> (finished: [Int], stopped: Int) {
            state.withLock { s in
                defer { s.finished = []; s.stopped = 0 }
                return (s.finished, s.stopped)
            }
        }

        func results() -> [Result?] { state.withLock { $0.results } }
    }
}
