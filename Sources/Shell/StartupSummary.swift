import Foundation
import Ingest
import Store

/// The line or two the REPL prints after loading: documents, rows, failed checks, problems.
enum StartupSummary {
    /// Tables that describe the load rather than hold disclosure rows.
    static let bookkeepingTables: Set<String> = ["docs", "checks", "facts", "classes"]

    static func text(catalog: Catalog, problems: [LoadProblem], paths: [String]) -> String {
        let documents = catalog.table(named: "docs")?.rowCount
        let dataTables = catalog.tables.filter { !bookkeepingTables.contains($0.name.lowercased()) && $0.rowCount > 0 }
        let rows = dataTables.reduce(0) { $0 + $1.rowCount }
        var failed = 0
        if let checks = catalog.table(named: "checks"), let status = checks.column(named: "status") {
            for i in 0..<checks.rowCount where isFailure(status.value(at: i)) { failed += 1 }
        }
        let where_ = paths.joined(separator: ", ")
        var parts: [String] = []
        if let documents { parts.append(count(documents, "document")) }
        parts.append("\(count(rows, "row")) in \(count(dataTables.count, "table"))")
        parts.append(count(failed, "failed check"))
        var text = "Loaded " + parts.joined(separator: ", ") + " from \(where_.isEmpty ? "nothing" : where_)."
        if failed > 0 { text += " (.checks lists them)" }
        if !problems.isEmpty {
            text += "\n\(count(problems.count, "problem")) while loading; first: \(problems[0]) (.problems lists them)"
        }
        return text
    }

    /// What one `.load` added, compared with the catalog before it: documents, rows, failed
    /// checks and the problems that are new (old ones are not repeated; `.problems` lists all).
    static func added(before: Catalog, after: Catalog, newProblems: [LoadProblem], path: String) -> String {
        func documents(_ c: Catalog) -> Int { c.table(named: "docs")?.rowCount ?? 0 }
        func rows(_ c: Catalog) -> Int {
            c.tables.filter { !bookkeepingTables.contains($0.name.lowercased()) }.reduce(0) { $0 + $1.rowCount }
        }
        func failed(_ c: Catalog) -> Int {
            guard let checks = c.table(named: "checks"), let status = checks.column(named: "status") else { return 0 }
            return (0..<checks.rowCount).filter { isFailure(status.value(at: $0)) }.count
        }
        let newFailed = failed(after) - failed(before)
        var text = "Added \(count(documents(after) - documents(before), "document")), \(count(rows(after) - rows(before), "row"))"
        text += ", \(count(newFailed, "failed check")) from \(path); now \(count(documents(after), "document"))."
        if newFailed > 0 { text += " (.checks lists them)" }
        if !newProblems.isEmpty {
            text += "\n\(count(newProblems.count, "problem")) while loading; first: \(newProblems[0]) (.problems lists them)"
        }
        return text
    }

    /// A check that did not pass: anything but ok, a repair made, or a one-cent rounding difference.
    static func isFailure(_ status: Value) -> Bool {
        guard case .text(let s) = status else { return false }
        return !["ok", "repaired", "rounding"].contains(s)
    }

    static func count(_ n: Int, _ noun: String) -> String {
        "\(CellText.grouped(String(n))) \(noun)\(n == 1 ? "" : "s")"
    }
}
