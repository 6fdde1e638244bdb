/// Where the REPL keeps its history: `$XDG_STATE_HOME/budgetql/history`, by default
/// `~/.local/state/budgetql/history` (XDG says a relative XDG_STATE_HOME is to be ignored).
public enum HistoryLocation {
    public static func path(environment: [String: String]) -> String? {
        if let state = environment["XDG_STATE_HOME"], state.hasPrefix("/") {
            return state + "/budgetql/history"
        }
        guard let home = environment["HOME"], !home.isEmpty else { return nil }
        return home + "/.local/state/budgetql/history"
    }
}
