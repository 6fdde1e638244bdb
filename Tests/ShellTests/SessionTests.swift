import Foundation
import Shell
import Testing

/// Dot-commands acting on a real session over the seed: parameters, modes and `.once` files.
@Suite struct SessionTests {
    static let dataDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Data").path

    private func temporaryFile(_ ext: String) -> String {
        NSTemporaryDirectory() + "budgetql-session-\(UUID().uuidString).\(ext)"
    }

    @Test func onceSendsOneResultToAFileInTheCurrentMode() throws {
        let session = Session(mode: .table, interactive: false)
        session.load(paths: [Self.dataDirectory])
        let file = temporaryFile("csv")
        defer { try? FileManager.default.removeItem(atPath: file) }
        let script = """
            .param set c 208
            .mode csv
            .once \(file)
            SELECT sum(amount) AS total WHERE class = :c;
            """
        #expect(session.runScript(script, origin: SourceOrigin(name: "t.bql"), keepGoing: false))
        #expect(try String(contentsOfFile: file, encoding: .utf8) == "total\n6157.25\n")
        #expect(session.mode == .csv)
        #expect(session.parameters["c"] == .integer(208))
    }

    @Test func outputKeepsWritingToTheFileUntilReset() throws {
        let session = Session(mode: .json, interactive: false)
        session.load(paths: [Self.dataDirectory])
        let file = temporaryFile("json")
        defer { try? FileManager.default.removeItem(atPath: file) }
        let script = ".output \(file)\nSELECT count(*) AS n;\nSELECT 1 AS one;\n.output\n"
        #expect(session.runScript(script, origin: SourceOrigin(name: "t.bql"), keepGoing: false))
        #expect(try String(contentsOfFile: file, encoding: .utf8) == "[{\"n\":28}]\n[{\"one\":1}]\n")
    }

    @Test func aFailedDotCommandStopsTheScript() {
        let session = Session(mode: .csv, interactive: false)
        #expect(session.runDotCommand(".mode yaml") == .failed(".mode: no mode \"yaml\" (usage: .mode table|csv|tsv|json|markdown|line|html)"))
        #expect(!session.runScript(".tabels\n.mode json\n", origin: SourceOrigin(name: "t.bql"), keepGoing: false))
        #expect(session.mode == .csv)
    }

    @Test func maxRowsZeroShowsEverything() {
        let session = Session(mode: .table, interactive: false)
        #expect(session.runDotCommand(".maxrows 0") == .done)
        #expect(session.maxRows == nil)
        #expect(session.runDotCommand(".maxrows 5") == .done)
        #expect(session.maxRows == 5)
    }
}
