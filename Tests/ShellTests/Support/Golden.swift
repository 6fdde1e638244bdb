import Foundation
import Testing

/// Compares text with a golden file under Tests/ShellTests/RenderGolden; with
/// BUDGETQL_RECORD_GOLDEN=1 in the environment it writes the file instead (then review the diff).
enum Golden {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("RenderGolden")

    static func check(_ actual: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let url = directory.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["BUDGETQL_RECORD_GOLDEN"] == "1" {
            try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            do { try actual.write(to: url, atomically: true, encoding: .utf8) } catch {
                Issue.record("cannot record \(url.path): \(error)", sourceLocation: sourceLocation)
            }
            return
        }
        guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
            Issue.record("no golden file \(name); run with BUDGETQL_RECORD_GOLDEN=1 to record it", sourceLocation: sourceLocation)
            return
        }
        if actual != expected {
            Issue.record("""
                output differs from golden file \(name) (BUDGETQL_RECORD_GOLDEN=1 re-records)
                --- expected
                \(expected)
                --- actual
                \(actual)
                """, sourceLocation: sourceLocation)
        }
    }
}
