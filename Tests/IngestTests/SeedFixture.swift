import Foundation
import Store
@testable import Ingest

/// Paths of the seed in Data/ and of the shared corpus, from this file's location.
enum Fixture {
    static let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let seed = repo.appendingPathComponent("Data/kashgar-party-mass-work-dept-2024-budget.txt").path
    static let corpus = repo.deletingLastPathComponent().appendingPathComponent("shared/corpus")
    static func corpusFile(_ name: String) -> String { corpus.appendingPathComponent(name).path }

    static func table(_ report: LoadReport, _ name: String) -> Table? { report.tables.first { $0.name == name } }

    /// Rows of a table as dictionaries, for readable assertions.
    static func rows(_ table: Table) -> [[String: Value]] {
        (0..<table.rowCount).map { r in
            Dictionary(uniqueKeysWithValues: table.columns.map { ($0.name, $0.value(at: r)) })
        }
    }

    /// The rules the narrative readers file their diagnostics under.
    static let narrativeReaderRules: Set<String> = ["R0.unparsed-sentence", "R0.unparsed-target", "R0.narrative-repaired"]

    /// A `checks` row filed by the narrative readers (a sentence or target they could not read).
    static func isNarrativeCheck(_ row: [String: Value]) -> Bool {
        if case .text(let rule)? = row["rule"] { return narrativeReaderRules.contains(rule) }
        return false
    }

    static func sum(_ table: Table, _ column: String, where keep: ([String: Value]) -> Bool = { _ in true }) -> ExactDecimal {
        var total = ExactDecimal.zero
        for row in rows(table) where keep(row) {
            if case .decimal(let d)? = row[column] { total = total.adding(d) ?? total }
        }
        return total
    }
}
