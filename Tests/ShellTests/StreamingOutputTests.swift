import Foundation
import Query
import Store
import Testing
@testable import Shell

/// Issue 15, item 19: results are printed as their rows are read. What is printed must be the
/// bytes the whole result rendered at once gives (Engine.execute + the mode's renderer, the
/// path every result took before), in every mode, in batch runs and in the REPL (whose query
/// runs on a worker thread and sends its rows through a channel).
@Suite(.serialized) struct StreamingOutputTests {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// 6,000 rows (two batches of 4,096): decimals at 4 places whose printed places depend on
    /// the values, money at 2, NULLs, and text that CSV must quote.
    static func generatedCSV() throws -> String {
        let path = NSTemporaryDirectory() + "budgetql-stream-\(getpid())/gen.csv"
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        var text = "id,grp,amount4,amount2,note\n"
        for i in 0..<6_000 {
            let four = i % 3 == 0 ? "\(i % 977).\(String(format: "%04d", (i * 37) % 10_000))" : "\(i % 977).\((i * 7) % 10)000"
            let two = i % 11 == 0 ? "" : "\(i % 5000).\(String(format: "%02d", i % 100))"
            let note = i % 13 == 0 ? "" : i % 5 == 0 ? "\"say \"\"hi\"\", then go\"" : "n\(i % 17)"
            text += "\(i),\(i % 7),\(four),\(two),\(note)\n"
        }
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    static func session(interactive: Bool) throws -> Session {
        let session = Session(mode: .csv, interactive: interactive)
        let corpus = packageRoot.appendingPathComponent("../shared/corpus/wanli-2025-dept-budget.pdfparse.txt").standardized.path
        session.load(paths: [packageRoot.appendingPathComponent("Data").path, corpus, try generatedCSV()])
        return session
    }

    static let queries = [
        "SELECT * FROM gen",
        "SELECT id, amount2, note FROM gen WHERE grp = 3",
        "SELECT id, amount4 FROM gen WHERE id % 7 = 0 LIMIT 1500 OFFSET 20",
        "SELECT id, amount4 / 3 AS third, amount2 * 2 AS twice, amount2 / 4 AS quarter FROM gen WHERE id > 5000",
        "SELECT * FROM gen WHERE id > 4090 AND id < 4100",
        "SELECT * FROM gen WHERE id < 0",
        "SELECT amount4 FROM gen WHERE amount4 < 1 LIMIT 3",
        "SELECT * FROM gen LIMIT 0",
        "SELECT grp, sum(amount4) AS s, avg(amount2) AS a, count(*) AS n FROM gen GROUP BY grp ORDER BY grp",
        "SELECT id, share(amount2) FROM gen WHERE id < 10",
        "SELECT * FROM gen ORDER BY amount4 DESC, id LIMIT 5",
        "SELECT DISTINCT grp FROM gen ORDER BY grp",
        "SELECT class, count(*) AS n, sum(amount) AS total PIVOT BY year",
        "SELECT * FROM spending",
        "SELECT * FROM facts LIMIT 50",
        "SELECT * FROM docs",
        "SELECT class, class_name(class) AS name, amount, rank() OVER (ORDER BY amount DESC) AS r FROM spending",
        "SELECT 1 AS a UNION ALL SELECT 2",
        "SELECT 1 AS a; SELECT 2.5 AS b",
        "DESCRIBE gen",
        "EXPLAIN SELECT * FROM gen WHERE grp = 1",
        "SELECT class, amount FROM spending WHERE amount > (SELECT avg(amount) FROM spending)",
        "SELECT class, amount FROM spending s WHERE amount = (SELECT max(amount) FROM spending t WHERE t.class = s.class)",
        "SELECT a.id, b.amount4 FROM gen a JOIN gen b ON a.id = b.id WHERE a.id < 5000",
        "SELECT id, NULL AS nothing, note IS NULL AS blank FROM gen WHERE id < 30",
    ]

    /// The whole result rendered at once, with the options a session uses off a terminal.
    static func whole(_ query: String, _ mode: OutputMode, _ session: Session) throws -> String {
        let options = RenderOptions(maxRows: mode == .table ? session.maxRows : nil, width: nil, color: false)
        return try session.engine.execute(query).map { mode.renderer.render($0, options: options) }.joined()
    }

    /// What the session prints for `query`, through a `.once` file with no extension (so the mode is the session's).
    static func streamed(_ query: String, _ mode: OutputMode, _ session: Session) throws -> String {
        let file = NSTemporaryDirectory() + "budgetql-stream-\(getpid())/out-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: file) }
        session.mode = mode
        #expect(session.output.redirect(to: file, once: true) == nil)
        #expect(session.run(StatementText(text: query, line: 1, column: 1), in: query, origin: .prompt), "\(query)")
        return try String(contentsOfFile: file, encoding: .utf8)
    }

    @Test func everyModePrintsWhatTheWholeResultGives() throws {
        let session = try Self.session(interactive: false)
        for mode in OutputMode.allCases {
            for query in Self.queries {
                let expected = try Self.whole(query, mode, session)
                let printed = try Self.streamed(query, mode, session)
                #expect(printed == expected, "\(mode): \(query)")
            }
        }
    }

    @Test func theREPLsWorkerThreadPrintsTheSame() throws {
        let session = try Self.session(interactive: true)
        for mode in [OutputMode.csv, .json, .table, .line] {
            for query in Self.queries {
                #expect(try Self.streamed(query, mode, session) == (try Self.whole(query, mode, session)), "\(mode): \(query)")
            }
        }
    }

    /// A table keeps the rows it shows, but its count, and its decimals' places, are the whole result's.
    @Test func aCutTableCountsEveryRowAndPlacesDecimalsByAll() throws {
        let session = try Self.session(interactive: false)
        let printed = try Self.streamed("SELECT id, amount4 FROM gen WHERE id % 3 = 1", .table, session)
        #expect(printed.hasSuffix("2,000 rows, 40 shown; .maxrows to change\n"), "\(printed)")
        // Those rows' amounts end in 000 (n.d000): shown with 2 places, as the whole result's.
        #expect(printed.contains("|    1.70\n"), "\(printed)")
    }

    /// The cursor of a plain query reads its table batch by batch and stops at the LIMIT; the
    /// others compute their columns first. Both read again from the start after `rewind`.
    @Test func aCursorStopsAtItsLimitAndRewinds() throws {
        let session = try Self.session(interactive: false)
        var batches: [[[Value]]] = []
        try session.engine.stream("SELECT id FROM gen WHERE id % 2 = 0 LIMIT 2100 OFFSET 1", parameters: [:], cancellation: nil) { (cursor) throws(Diagnostic) in
            while let batch = try cursor.next() { batches.append(batch) }
            cursor.rewind()
            #expect(try cursor.next()?.first == [.integer(2)])
            return true
        }
        #expect(batches.map(\.count).reduce(0, +) == 2100)
        #expect(batches.first?.first == [.integer(2)])
        #expect(batches.map(\.count) == [2047, 53])
        #expect(batches.last?.last == [.integer(4200)])
    }

    /// A cancelled statement stops between batches with "query cancelled".
    @Test func aCancelledCursorStops() throws {
        let session = try Self.session(interactive: false)
        let cancellation = Cancellation()
        var read = 0
        do throws(Diagnostic) {
            try session.engine.stream("SELECT * FROM gen", parameters: [:], cancellation: cancellation) { (cursor) throws(Diagnostic) in
                while let batch = try cursor.next() {
                    read += batch.count
                    cancellation.cancel()
                }
                return true
            }
            Issue.record("the query was not cancelled")
        } catch {
            #expect(error.message == "query cancelled")
        }
        #expect(read == 4096)
    }
}
