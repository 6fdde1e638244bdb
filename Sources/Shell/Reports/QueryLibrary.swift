import Foundation

/// The saved queries of one `Queries/` directory: list them, read one by name.
public struct QueryLibrary: Sendable {
    /// The directory holding the `.bql` files.
    public let directory: String

    public init(directory: String) {
        self.directory = directory
    }

    /// Finds `Queries/` the way the shell finds `Data/` (`$BUDGETQL_QUERIES`, the current
    /// directory, then the directories above the executable: `DataLocation`).
    public static func locate() throws(ReportError) -> QueryLibrary {
        guard let directory = DataLocation.queriesDirectory() else {
            throw .libraryNotFound(searched: ["$BUDGETQL_QUERIES", "./Queries", "the directories above the budgetql executable"])
        }
        return QueryLibrary(directory: directory)
    }

    /// The names of the saved queries, sorted (byte order, so the listing is the same everywhere).
    public func names() -> [String] {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        return files.filter { $0.hasSuffix(".bql") }.map { String($0.dropLast(4)) }.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }

    public func path(of name: String) -> String {
        (directory as NSString).appendingPathComponent(name + ".bql")
    }

    /// Reads and parses `NAME.bql`; an unknown name suggests the nearest known one.
    public func query(named name: String) throws(ReportError) -> SavedQuery {
        let known = names()
        // Only names read from the directory are opened, so "../x" cannot reach other files.
        guard known.contains(name) else {
            throw .unknownQuery(name: name, known: known)
        }
        let file = path(of: name)
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: file)) } catch {
            throw .unreadable(file: file, reason: error.localizedDescription)
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw .unreadable(file: file, reason: "not UTF-8 text")
        }
        return try SavedQueryParser.parse(text, name: name, file: displayPath(file))
    }

    /// Every saved query, or the first error (a library with a broken file should say so).
    public func allQueries() throws(ReportError) -> [SavedQuery] {
        var result: [SavedQuery] = []
        for name in names() { result.append(try query(named: name)) }
        return result
    }

    /// The listing `.queries` and `budgetql queries` print: name, parameters with defaults, and
    /// the description; a broken file is listed with its error rather than hiding the others.
    public func listing() -> String {
        let names = self.names()
        guard !names.isEmpty else { return "no saved queries in \(directory)\n" }
        var out = ""
        for name in names {
            do throws(ReportError) {
                let query = try self.query(named: name)
                let parameters = query.parameters.map { p in
                    "\(p.name)=\(p.defaultShown)"
                }.joined(separator: " ")
                out += name + (parameters.isEmpty ? "" : "  " + parameters) + "\n"
                out += "    " + query.description + "\n"
            } catch {
                out += name + "\n    error: " + error.description + "\n"
            }
        }
        return out
    }

    /// `Queries/x.bql` rather than an absolute path when the library is under the current directory.
    private func displayPath(_ file: String) -> String {
        let cwd = FileManager.default.currentDirectoryPath + "/"
        return file.hasPrefix(cwd) ? String(file.dropFirst(cwd.count)) : file
    }
}
