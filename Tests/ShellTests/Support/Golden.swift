import Foundation
import Testing

/// Compares rendered text with a golden file under Tests/ShellTests/<folder>. With BUDGETQL_RECORD
/// set (the variable every golden test of the package uses) it writes the file instead and the test
/// passes, so a deliberate change of output is one command and a reviewable diff.
enum Golden {
    static let testsDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()

    static var recording: Bool { ProcessInfo.processInfo.environment["BUDGETQL_RECORD"] != nil }

    /// `name` may have subfolders ("corpus/unit_against_unit.md").
    static func check(_ actual: String, named name: String, in folder: String = "RenderGolden",
                      sourceLocation: SourceLocation = #_sourceLocation) {
        let url = testsDirectory.appendingPathComponent(folder).appendingPathComponent(name)
        if recording {
            try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            do { try actual.write(to: url, atomically: true, encoding: .utf8) } catch {
                Issue.record("cannot record \(url.path): \(error)", sourceLocation: sourceLocation)
            }
            return
        }
        guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
            Issue.record("no golden file \(folder)/\(name); run with BUDGETQL_RECORD=1 to create it", sourceLocation: sourceLocation)
            return
        }
        guard expected != actual else { return }
        let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false)
        let first = (0..<min(expectedLines.count, actualLines.count)).first { expectedLines[$0] != actualLines[$0] }
            ?? min(expectedLines.count, actualLines.count)
        let want = first < expectedLines.count ? String(expectedLines[first]) : "<end>"
        let got = first < actualLines.count ? String(actualLines[first]) : "<end>"
        Issue.record("""
            \(folder)/\(name) differs at line \(first + 1) (BUDGETQL_RECORD=1 re-records; review the diff)
              expected: \(want)
              actual:   \(got)
            """, sourceLocation: sourceLocation)
    }
}
