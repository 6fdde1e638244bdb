import Dispatch
import Foundation
import Query
import Store
import LineEditor
import Synchronization

/// How one statement ended.
enum ExecutionOutcome: Sendable {
    /// Its results went to the sink (which says whether they were delivered).
    case finished
    case failed(Diagnostic)
    /// Ctrl-C while it ran: the analyst is back at the prompt.
    case cancelled
}

/// Runs a statement and hands its results, a batch of rows at a time, to a sink on the calling
/// thread (issue 15, item 19: rows are printed as they are read, not after the whole result).
///
/// In the REPL, Ctrl-C must stop it: the query runs on a worker thread and sends its batches
/// through a small channel, while the calling thread prints them and watches the interrupt
/// flag; on Ctrl-C the statement's Cancellation is set, the channel closed, and, if the query
/// does not stop within a moment, the shell returns to the prompt and drops the rest. The
/// channel holds a few batches, so a slow reader (a terminal, a pipe) holds the query back
/// instead of letting rows pile up.
///
/// Each statement gets a Cancellation of its own (issue 15, item 6): with one shared token, the
/// next statement's reset un-cancelled a worker that had not stopped yet, and it ran on.
enum QueryExecution {
    /// Workers still running, abandoned ones included (they stop at their next check).
    static let runningWorkers = Atomic<Int>(0)

    /// `placesFirst`: the sink's mode writes rows as they arrive (ResultFeed).
    static func run(_ text: String, engine: any QueryEngine, parameters: [String: Value], cancellable: Bool,
                    placesFirst: Bool, into sink: some ResultSink) -> ExecutionOutcome {
        guard cancellable else {
            do throws(Diagnostic) {
                try engine.stream(text, parameters: parameters, cancellation: nil) { (cursor) throws(Diagnostic) in
                    try ResultFeed.feed(cursor, placesFirst: placesFirst, into: sink)
                }
                return .finished
            } catch {
                return .failed(error)
            }
        }
        let channel = ResultChannel(capacity: 4)
        let done = DispatchSemaphore(value: 0)
        let cancellation = Cancellation()
        let sendableParameters = parameters
        Interrupt.reset()
        runningWorkers.add(1, ordering: .relaxed)
        Thread.detachNewThread {
            var failure: Diagnostic?
            do throws(Diagnostic) {
                try engine.stream(text, parameters: sendableParameters, cancellation: cancellation) { (cursor) throws(Diagnostic) in
                    try ResultFeed.feed(cursor, placesFirst: placesFirst, into: channel)
                }
            } catch {
                failure = error
            }
            _ = channel.send(.finished(failure))
            runningWorkers.subtract(1, ordering: .relaxed)
            done.signal()
        }
        func stop() {
            cancellation.cancel()
            channel.close()
            // Give a cooperative engine a moment to stop on its own.
            _ = done.wait(timeout: .now() + .milliseconds(300))
        }
        while true {
            if Interrupt.isPending {
                Interrupt.reset()
                stop()
                return .cancelled
            }
            guard let event = channel.receive(before: .now() + .milliseconds(20)) else { continue }
            let more: Bool
            switch event {
            case .begin(let header): more = sink.begin(header)
            case .rows(let batch): more = sink.rows(batch)
            case .end: more = sink.end()
            case .finished(let failure): return failure.map { .failed($0) } ?? .finished
            }
            if !more {
                // Ctrl-C interrupted a write that was blocked (a full terminal or pipe): a cancellation.
                if Interrupt.isPending {
                    Interrupt.reset()
                    stop()
                    return .cancelled
                }
                // The output failed or lost its reader: the sink says so; the query stops.
                stop()
                return .finished
            }
        }
    }
}

/// The worker's side of a statement's results: a bounded queue of events to the printing
/// thread. `send` waits while it is full, and gives up once the reader closed it.
final class ResultChannel: ResultSink, Sendable {
    enum Event: Sendable {
        case begin(ResultHeader)
        case rows([[Value]])
        case end
        /// The statement is over (with its error, if it failed).
        case finished(Diagnostic?)
    }

    private let queue = Mutex<(events: [Event], closed: Bool)>(([], false))
    private let waiting = DispatchSemaphore(value: 0)
    private let room: DispatchSemaphore

    init(capacity: Int) {
        // Made at 0 and raised: libdispatch traps when a semaphore is freed below the value it
        // was made with, which a channel closed while full would be.
        room = DispatchSemaphore(value: 0)
        for _ in 0..<capacity { room.signal() }
    }

    /// False when the reader has closed the channel (the event is dropped).
    func send(_ event: Event) -> Bool {
        while room.wait(timeout: .now() + .milliseconds(20)) == .timedOut {
            if queue.withLock({ $0.closed }) { return false }
        }
        let accepted = queue.withLock { state -> Bool in
            guard !state.closed else { return false }
            state.events.append(event)
            return true
        }
        if accepted { waiting.signal() }
        return accepted
    }

    /// The next event, or nil when none came before `deadline`.
    func receive(before deadline: DispatchTime) -> Event? {
        guard waiting.wait(timeout: deadline) == .success else { return nil }
        let event = queue.withLock { $0.events.removeFirst() }
        room.signal()
        return event
    }

    func close() { queue.withLock { $0.closed = true } }

    func begin(_ header: ResultHeader) -> Bool { send(.begin(header)) }
    func rows(_ batch: [[Value]]) -> Bool { send(.rows(batch)) }
    func end() -> Bool { send(.end) }
}
