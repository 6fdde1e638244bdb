import Dispatch
import Foundation
import Ingest
import LineEditor
import Query
import Synchronization

/// Runs a load so that Ctrl-C can stop it: the load runs on a worker thread while this thread
/// watches the interrupt flag; on Ctrl-C the load is cancelled (its pdftotext processes killed)
/// and, unlike a query, waited for, so no conversion outlives it and the next load starts clean.
enum LoadExecution {
    static func run(cancellation: LoadCancellation, _ load: @escaping @Sendable () -> LoadReport) -> LoadReport {
        final class Box: Sendable {
            let report = Mutex<LoadReport?>(nil)
            let done = DispatchSemaphore(value: 0)
        }
        let box = Box()
        Interrupt.reset()
        Thread.detachNewThread {
            let report = load()
            box.report.withLock { $0 = report }
            box.done.signal()
        }
        while box.done.wait(timeout: .now() + .milliseconds(20)) == .timedOut {
            if Interrupt.isPending, !cancellation.isCancelled {
                Interrupt.reset()
                cancellation.cancel()
            }
        }
        let report = box.report.withLock { $0 } ?? LoadReport(tables: [], problems: [], cancelled: true)
        // A Ctrl-C that came as the last file finished still cancels: the analyst asked for it.
        if cancellation.isCancelled { return LoadReport(tables: [], problems: report.problems, cancelled: true) }
        return report
    }
}

/// "loading 3/180 file.pdf" on a terminal once a load takes more than half a second: the count
/// of files finished and the one just finished (files finish out of order when several are read
/// at once); called from the loading thread.
final class LoadProgress: Sendable {
    private let enabled: Bool
    private let started = Date()
    private let shownOnce = Atomic<Bool>(false)

    init(shown: Bool) { enabled = shown }

    var report: @Sendable (Int, Int, String) -> Void {
        { [self] done, total, file in
            guard enabled, total > 1, Date().timeIntervalSince(started) > 0.5 else { return }
            shownOnce.store(true, ordering: .relaxed)
            let name = (file as NSString).lastPathComponent
            Console.status("\r\u{1B}[Kloading \(done)/\(total) \(DisplayWidth.truncate(VisibleText.escaped(name), to: 50))")
        }
    }

    func clear() {
        if shownOnce.load(ordering: .relaxed) { Console.status("\r\u{1B}[K") }
    }

    /// The line BUDGETQL_LOAD_STATS=1 prints after a load: "load: 200 files, 1 parsed, 199 from
    /// the cache, 2 workers, 0.41 s".
    static func statistics(_ s: LoadStatistics, since started: DispatchTime) -> String {
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9
        return "load: \(s.files) file\(s.files == 1 ? "" : "s"), \(s.parsed) parsed, \(s.fromCache) from the cache, "
            + "\(s.workers) worker\(s.workers == 1 ? "" : "s"), \(String(format: "%.2f", seconds)) s"
    }
}
