import Foundation
import Testing

/// A wrong query on one very long line (a generated IN list, a pasted blob) is not echoed whole
/// in its error (issue 15 item 18): the script's error shows the line around the caret and says
/// how much was left out.
@Suite struct LongQueryErrorTests {
    @Test func aLongLineIsShownAroundTheError() throws {
        let dir = NSTemporaryDirectory() + "budgetql-long-query-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let list = (0..<40_000).map { "'\($0)'" }.joined(separator: ", ")
        let query = "SELECT count(*) FROM spending WHERE code IN (\(list)) AND amont > 0\n"
        try query.write(toFile: dir + "/long.sql", atomically: true, encoding: .utf8)
        let outcome = try Binary.run(["-f", "long.sql"], directory: dir)
        #expect(outcome.status == 1)
        #expect(outcome.stderr.utf8.count < 2_000, "\(outcome.stderr.prefix(2_000))")
        #expect(outcome.stderr.contains("long.sql:1:\(query.count - 9): error: no column \"amont\" in spending"), "\(outcome.stderr.prefix(2_000))")
        #expect(outcome.stderr.contains("'39998', '39999') AND amont > 0\n"), "\(outcome.stderr)")
        #expect(outcome.stderr.contains("= note: line 1 has \(query.count - 1) characters; \(query.count - 1 - 60 - 9) before the part shown are left out (...)"),
                "\(outcome.stderr)")
    }
}
