import Foundation
import Testing
import Query
@testable import LineEditor
@testable import Shell

/// Ctrl-C cancels one statement for good (issue 15, item 6): the shell used one Cancellation for
/// every statement and reset it when the next began, so a worker that had not stopped within the
/// grace period was un-cancelled and ran on for minutes.
@Suite(.serialized) struct StatementCancellationTests {
    @Test(.timeLimit(.minutes(2)))
    func aCancelledWorkerStopsEvenAfterTheNextStatementStarts() throws {
        let session = Session(mode: .csv, interactive: true)
        session.load(paths: [SessionTests.dataDirectory])
        // 28^6 joined rows: minutes of work unless cancelled.
        let endless = "SELECT count(*) FROM spending a JOIN spending b ON true JOIN spending c ON true "
            + "JOIN spending d ON true JOIN spending e ON true JOIN spending f ON true"
        DispatchQueue.global().asyncAfter(deadline: .now() + 0.3) { Interrupt.pending.add(1, ordering: .relaxed) }
        let printer = ResultPrinter(session: session)
        let first = QueryExecution.run(endless, engine: session.engine, parameters: [:], cancellable: true, placesFirst: true, into: printer)
        guard case .cancelled = first else {
            Issue.record("expected the join to be cancelled, got \(first)")
            return
        }
        // The next statement runs while the first worker may still be finishing its batch.
        let next = QueryExecution.run("SELECT 1", engine: session.engine, parameters: [:], cancellable: true, placesFirst: true, into: printer)
        guard case .finished = next else {
            Issue.record("the next statement failed: \(next)")
            return
        }
        let deadline = Date().addingTimeInterval(30)
        while QueryExecution.runningWorkers.load(ordering: .relaxed) > 0, Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        #expect(QueryExecution.runningWorkers.load(ordering: .relaxed) == 0, "the cancelled worker still runs")
    }
}
