/// ORDER BY across the workers: the rows are cut into one contiguous run per worker, each run
/// sorted on its own thread, and the sorted runs merged. The comparison breaks every tie by row
/// number, so the order is total and the merged result is exactly one thread's sort.
enum ParallelSort {
    /// Below this many rows a sort is quicker on one thread than handed out.
    static let minimumRows = 1 << 16

    static func sortedRows(_ count: Int, before: @escaping (Int, Int) -> Bool, parallelism: Parallelism,
                           cancellation: Cancellation?) throws(Diagnostic) -> [Int] {
        let workers = min(parallelism.threads, max(1, count / max(1, min(minimumRows, parallelism.morselRows))))
        let runs = WorkerSlots<[Int]>(count: workers)
        let failed = Cancellation()
        MorselScheduler.onWorkers(workers) { w in
            let range = count * w / workers..<count * (w + 1) / workers
            var comparisons = 0
            do {
                runs.set(w, try range.sorted { a, b in
                    comparisons &+= 1
                    if comparisons & 0xFFFF == 0, cancellation?.isCancelled == true || failed.isCancelled { throw Executor.cancelled }
                    return before(a, b)
                })
            } catch {
                failed.cancel()
            }
        }
        var merged: [Int] = []
        for w in 0..<workers {
            guard let run = runs.take(w), !failed.isCancelled else { throw Executor.cancelled }
            if cancellation?.isCancelled == true { throw Executor.cancelled }
            merged = merge(merged, run, before)
        }
        return merged
    }

    /// Two sorted runs as one; on a tie the earlier run's row comes first (never happens: rows differ).
    private static func merge(_ a: [Int], _ b: [Int], _ before: (Int, Int) -> Bool) -> [Int] {
        if a.isEmpty { return b }
        var out: [Int] = []
        out.reserveCapacity(a.count + b.count)
        var i = 0, j = 0
        while i < a.count && j < b.count {
            if before(b[j], a[i]) { out.append(b[j]); j += 1 } else { out.append(a[i]); i += 1 }
        }
        out += a[i...]
        out += b[j...]
        return out
    }
}
