import Foundation
import Store

/// The reports behind the shell's saved-query hooks (`Shell.savedQueries`): `.run NAME k=v`,
/// `.queries`, `budgetql run NAME` and `budgetql queries` all land here. A report is run through
/// `ReportRunner` and written in the session's output mode (table, markdown, html, csv, json).
public struct ReportCommands: SavedQueryCommands {
    public init() {}

    public func list(in session: Session) -> [(name: String, parameters: String, summary: String, source: String)] {
        guard let library = try? QueryLibrary.locate() else { return [] }
        return library.names().map { name in
            do throws(ReportError) {
                let query = try library.query(named: name)
                let parameters = query.parameters.map { p in "\(p.name)=\(p.defaultShown)" }
                return (name, parameters.joined(separator: " "), query.description, library.source(of: name))
            } catch {
                return (name, "", "error: " + error.description, library.source(of: name))
            }
        }
    }

    public func run(name: String, arguments: [String: Value], in session: Session) -> Bool {
        var succeeded = false
        do throws(ReportError) {
            let library = try QueryLibrary.locate()
            let query = try library.query(named: name)
            let overrides = ReportCommands.overrides(query: query, arguments: arguments,
                                                     sessionParameters: session.parameters, interactive: session.interactive)
            let report = try ReportRunner(library: library, engine: session.engine, dataPaths: session.dataPaths).run(query, overrides: overrides)
            session.output.write(ReportRendering.render(report, as: ReportFormat(mode: session.effectiveMode), width: session.terminalWidth,
                                                           language: session.reportLanguage))
            succeeded = true
        } catch {
            Console.error("error: " + error.description)
        }
        // A report is one statement to `.once FILE`: the file is committed when it was written
        // whole, and left as it was when the report failed.
        if let failure = session.output.statementFinished(succeeded: succeeded) {
            Console.error(failure)
            return false
        }
        return succeeded
    }

    /// The text of each parameter given. `.run` arguments and, in batch, `--param` values must name
    /// declared parameters (a typo is an error); in the REPL, values set earlier with `.param set`
    /// only fill parameters the report declares, since they were set for other statements too.
    static func overrides(query: SavedQuery, arguments: [String: Value], sessionParameters: [String: Value],
                          interactive: Bool) -> [String: String] {
        var result: [String: String] = [:]
        let declared = Set(query.parameters.map(\.name))
        for (name, value) in sessionParameters where !interactive || declared.contains(name) {
            result[name] = text(of: value)
        }
        for (name, value) in arguments { result[name] = text(of: value) }
        return result
    }

    /// The shell has typed the values already; the report types them again by its declarations,
    /// so they go back to the text the analyst wrote.
    static func text(of value: Value) -> String {
        switch value {
        case .null: return "NULL"
        default: return value.description
        }
    }
}
