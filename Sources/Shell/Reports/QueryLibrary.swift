import Foundation

/// The saved queries of the analyst's own folder (`$BUDGETQL_QUERIES`) and of the built-in
/// `Queries/`: list them, read one by name. A name in the analyst's folder hides the built-in
/// one of the same name; every other built-in report stays available.
public struct QueryLibrary: Sendable {
    /// The directories holding the `.bql` files, searched in order.
    public let directories: [String]

    /// The first directory (the analyst's own when there is one).
    public var directory: String { directories.first ?? "Queries" }

    public init(directory: String) {
        self.directories = [directory]
    }

    public init(directories: [String]) {
        var unique: [String] = []
        for d in directories where !unique.contains(d) { unique.append(d) }
        self.directories = unique
    }

    /// `$BUDGETQL_QUERIES` first (when set), then the built-in `Queries/` found the way the
    /// shell finds `Data/` (the current directory, then the directories above the executable).
    public static func locate() throws(ReportError) -> QueryLibrary {
        var directories: [String] = []
        if let own = ProcessInfo.processInfo.environment["BUDGETQL_QUERIES"], !own.isEmpty { directories.append(own) }
        if let builtIn = DataLocation.builtInQueriesDirectory() { directories.append(builtIn) }
        guard !directories.isEmpty else {
            throw .libraryNotFound(searched: ["$BUDGETQL_QUERIES", "./Queries", "the directories above the budgetql executable"])
        }
        return QueryLibrary(directories: directories)
    }

    /// The names of the saved queries, sorted (byte order, so the listing is the same everywhere).
    public func names() -> [String] {
        var found = Set<String>()
        for directory in directories {
            let files = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
            for file in files where file.hasSuffix(".bql") { found.insert(String(file.dropLast(4))) }
        }
        return found.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }

    /// The directory a saved query is read from: the first that has it.
    public func directory(of name: String) -> String {
        directories.first { FileManager.default.fileExists(atPath: ($0 as NSString).appendingPathComponent(name + ".bql")) } ?? directory
    }

    public func path(of name: String) -> String {
        (directory(of: name) as NSString).appendingPathComponent(name + ".bql")
    }

    /// Where a listing says a query comes from: the folder as the analyst would type it.
    public func source(of name: String) -> String {
        displayPath(directory(of: name))
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
        guard !names.isEmpty else { return "no saved queries in \(directories.joined(separator: " or "))\n" }
        var out = ""
        for name in names {
            do throws(ReportError) {
                let query = try self.query(named: name)
                let parameters = query.parameters.map { p in
                    "\(p.name)=\(p.defaultShown)"
                }.joined(separator: " ")
                out += name + (parameters.isEmpty ? "" : "  " + parameters) + "  (from \(source(of: name)))\n"
                out += "    " + query.description + "\n"
            } catch {
                out += name + "\n    error: " + error.description + "\n"
            }
        }
        return out
    }

    /// `Queries/x.bql` rather than an absolute path when the library is under the current directory.
    func displayPath(_ file: String) -> String {
        let cwd = FileManager.default.currentDirectoryPath + "/"
        return file.hasPrefix(cwd) ? String(file.dropFirst(cwd.count)) : file
    }
}
