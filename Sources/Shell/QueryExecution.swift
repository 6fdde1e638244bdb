import Dispatch
import Foundation
import Query
import Store
import LineEditor
import Synchronization

/// How one statement ended.
enum ExecutionOutcome: Sendable {
    case results([QueryResult])
    case failed(Diagnostic)
    /// Ctrl-C while it ran: the analyst is back at the prompt.
    case cancelled
}

/// Runs a statement so that Ctrl-C can stop it: the query runs on a worker thread while the
/// main thread watches the interrupt flag; on Ctrl-C the statement's Cancellation is set and, if
/// the query does not stop within a moment, the shell returns to the prompt and drops its result.
///
/// Each statement gets a Cancellation of its own (issue 15, item 6): with one shared token, the
/// next statement's reset un-cancelled a worker that had not stopped yet, and it ran on.
enum QueryExecution {
    /// Workers still running, abandoned ones included (they stop at their next check).
    static let runningWorkers = Atomic<Int>(0)

    static func run(_ text: String, engine: any QueryEngine, parameters: [String: Value], cancellable: Bool) -> ExecutionOutcome {
        guard cancellable else { return execute(text, engine: engine, parameters: parameters, cancellation: nil) }
        final class Box: Sendable {
            let outcome = Mutex<ExecutionOutcome?>(nil)
            let done = DispatchSemaphore(value: 0)
        }
        let box = Box()
        let cancellation = Cancellation()
        let sendableParameters = parameters
        Interrupt.reset()
        runningWorkers.add(1, ordering: .relaxed)
        Thread.detachNewThread {
            let outcome = execute(text, engine: engine, parameters: sendableParameters, cancellation: cancellation)
            box.outcome.withLock { $0 = outcome }
            runningWorkers.subtract(1, ordering: .relaxed)
            box.done.signal()
        }
        while box.done.wait(timeout: .now() + .milliseconds(20)) == .timedOut {
            if Interrupt.isPending {
                Interrupt.reset()
                cancellation.cancel()
                // Give a cooperative engine a moment to stop on its own.
                _ = box.done.wait(timeout: .now() + .milliseconds(300))
                return .cancelled
            }
        }
        return box.outcome.withLock { $0 } ?? .cancelled
    }

    private static func execute(_ text: String, engine: any QueryEngine, parameters: [String: Value],
                                cancellation: Cancellation?) -> ExecutionOutcome {
        do {
            return .results(try engine.execute(text, parameters: parameters, cancellation: cancellation))
        } catch {
            return .failed(error)
        }
    }
}
