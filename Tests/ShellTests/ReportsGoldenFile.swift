import Foundation
import Testing

/// Compares rendered output with a file under Tests/ShellTests/ReportGolden. With BUDGETQL_RECORD
/// set (the variable every golden test of the package uses) it writes the file instead and the
/// test passes, so a deliberate change of output is one command and a reviewable diff.
enum ReportsGoldenFile {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("ReportGolden")

    static var recording: Bool { ProcessInfo.processInfo.environment["BUDGETQL_RECORD"] != nil }

    static func check(_ actual: String, against name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let url = directory.appendingPathComponent(name)
        if recording {
            try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            do { try actual.write(to: url, atomically: true, encoding: .utf8) } catch {
                Issue.record("cannot record \(url.path): \(error)", sourceLocation: sourceLocation)
            }
            return
        }
        guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
            Issue.record("no golden file \(name); run with BUDGETQL_RECORD=1 to create it", sourceLocation: sourceLocation)
            return
        }
        if expected != actual {
            let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
            let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false)
            let firstDifference = (0..<min(expectedLines.count, actualLines.count)).first { expectedLines[$0] != actualLines[$0] } ?? min(expectedLines.count, actualLines.count)
            let want = firstDifference < expectedLines.count ? String(expectedLines[firstDifference]) : "<end>"
            let got = firstDifference < actualLines.count ? String(actualLines[firstDifference]) : "<end>"
            Issue.record("\(name) differs at line \(firstDifference + 1):\n  expected: \(want)\n  actual:   \(got)\n(BUDGETQL_RECORD=1 re-records)", sourceLocation: sourceLocation)
        }
    }
}
