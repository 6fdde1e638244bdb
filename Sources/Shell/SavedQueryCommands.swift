import Query
import Foundation
import Store

/// The extension point for saved queries and reports: `.run`/`.queries` in the shell and the
/// `budgetql run NAME` / `budgetql queries` subcommands all go through `Shell.savedQueries`.
/// The reports code (Sources/Shell/Reports) replaces the plain directory reader below by
/// assigning its own implementation there.
public protocol SavedQueryCommands {
    /// Saved query names with their parameters (and defaults), a one-line summary and the folder each is read from.
    func list(in session: Session) -> [(name: String, parameters: String, summary: String, source: String)]
    /// Runs the named saved query with these parameter values (over the session's own); prints
    /// results to the session's output and errors to stderr. False when it failed.
    func run(name: String, arguments: [String: Value], in session: Session) -> Bool
}

/// Plain saved queries: `Queries/NAME.bql`, summary from its first `--` comment line.
public struct QueriesDirectory: SavedQueryCommands {
    public init() {}

    public var directory: String? { DataLocation.queriesDirectory() }

    public func names() -> [String] {
        guard let directory, let files = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return [] }
        return files.filter { $0.hasSuffix(".bql") }.map { String($0.dropLast(4)) }.sorted()
    }

    public func list(in session: Session) -> [(name: String, parameters: String, summary: String, source: String)] {
        names().map { name in
            let text = directory.flatMap { try? String(contentsOfFile: $0 + "/" + name + ".bql", encoding: .utf8) } ?? ""
            let comment = text.split(separator: "\n").first { $0.hasPrefix("--") }
            return (name, "", comment.map { String($0.dropFirst(2)).trimmingCharacters(in: .whitespaces) } ?? "", directory ?? "")
        }
    }

    public func run(name: String, arguments: [String: Value], in session: Session) -> Bool {
        guard let directory else {
            Console.error("no Queries/ directory found (set BUDGETQL_QUERIES)")
            return false
        }
        let path = directory + "/" + name + ".bql"
        guard let source = try? String(contentsOfFile: path, encoding: .utf8) else {
            let nearest = Suggestions.closest(to: name, among: names())
            Console.error("no saved query \"\(name)\"" + (nearest.map { "; did you mean \($0)?" } ?? ""))
            return false
        }
        let saved = session.parameters
        defer { session.parameters = saved }
        session.parameters.merge(arguments) { _, new in new }
        return session.runScript(source, origin: SourceOrigin(name: path), keepGoing: false)
    }
}
