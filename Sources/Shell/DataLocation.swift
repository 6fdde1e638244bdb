import Foundation

/// Finds the default `Data/` and `Queries/` directories: an environment variable wins, then the
/// current directory, then the directories above the executable (so `.build/release/budgetql` finds
/// the package it was built from, from anywhere).
public enum DataLocation {
    public static func defaultDataDirectory() -> String? {
        locate("Data", override: "BUDGETQL_DATA")
    }

    public static func queriesDirectory() -> String? {
        locate("Queries", override: "BUDGETQL_QUERIES")
    }

    /// The `Queries/` that ships with BudgetQL, whatever `$BUDGETQL_QUERIES` says: an analyst's
    /// own folder adds reports, it does not hide the built-in ones.
    public static func builtInQueriesDirectory() -> String? {
        locate("Queries", override: "")
    }

    /// Pure form for tests: the first existing candidate.
    public static func locate(_ name: String, override: String, environment: [String: String],
                       currentDirectory: String, executablePath: String?,
                       exists: (String) -> Bool) -> String? {
        if let forced = environment[override], !forced.isEmpty { return forced }
        let here = currentDirectory + "/" + name
        if exists(here) { return name }
        guard let executablePath else { return nil }
        var directory = (executablePath as NSString).deletingLastPathComponent
        while !directory.isEmpty && directory != "/" {
            let candidate = directory + "/" + name
            if exists(candidate) { return candidate }
            directory = (directory as NSString).deletingLastPathComponent
        }
        return nil
    }

    private static func locate(_ name: String, override: String) -> String? {
        let fm = FileManager.default
        let environment = override.isEmpty ? [:] : ProcessInfo.processInfo.environment
        return locate(name, override: override, environment: environment,
                      currentDirectory: fm.currentDirectoryPath, executablePath: executablePath(),
                      exists: { path in
                          var isDirectory: ObjCBool = false
                          return fm.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
                      })
    }

    /// The running executable, resolved through symlinks.
    static func executablePath() -> String? {
        if let resolved = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            return resolved
        }
        return CommandLine.arguments.first.map { ($0 as NSString).standardizingPath }
    }
}
