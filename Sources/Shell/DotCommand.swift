import Query

/// A shell command typed as a line starting with "." (parsed here; run by `Session.runDotCommand`).
public enum DotCommand: Equatable, Sendable {
    case help(String?)
    case tables
    case schema(String?)
    case load(String)
    case docs
    case checks(String?)
    case problems
    case mode(OutputMode?)
    case output(String?)
    case once(String)
    case timer(Bool)
    case headers(Bool)
    case pager(Bool)
    case nullValue(String)
    case paramSet(name: String, value: String)
    case paramList
    case paramClear(String?)
    case run(name: String, arguments: [String])
    case queries
    case read(String)
    case maxRows(Int?)
    case threads(Int?)
    case history
    case quit
}

/// Why a dot-command line could not be parsed; the description is what the analyst reads.
public enum DotCommandError: Error, Equatable, CustomStringConvertible {
    case unknown(String, suggestion: String?)
    case usage(command: String, problem: String)
    /// A command of sqlite3, duckdb or psql that BudgetQL does differently: what to use instead.
    case habit(String, instead: String)

    public var description: String {
        switch self {
        case let .unknown(name, suggestion):
            let hint = suggestion.map { "; did you mean \($0)?" } ?? "; .help lists the commands"
            return "unknown command \(name)\(hint)"
        case let .habit(name, instead):
            return "\(name) is not a BudgetQL command: \(instead)"
        case let .usage(command, problem):
            let usage = DotCommandCatalog.entry(named: command).map { " (usage: \($0.usage))" } ?? ""
            return "\(command): \(problem)\(usage)"
        }
    }
}

/// The dot-commands, their usage and one-line help: one list for .help, parsing suggestions and
/// Tab completion.
public enum DotCommandCatalog {
    public struct Entry: Sendable {
        public let name: String
        public let usage: String
        public let summary: String
    }

    public static let entries: [Entry] = [
        Entry(name: ".help", usage: ".help [COMMAND]", summary: "list the commands, or explain one"),
        Entry(name: ".tables", usage: ".tables", summary: "the tables and their row counts"),
        Entry(name: ".schema", usage: ".schema [TABLE]", summary: "the columns and types of a table (or all)"),
        Entry(name: ".load", usage: ".load PATH", summary: "load more snapshot files (a file or a directory)"),
        Entry(name: ".docs", usage: ".docs", summary: "the loaded documents"),
        Entry(name: ".checks", usage: ".checks [DOC]", summary: "reconciliation checks that did not pass (of one document)"),
        Entry(name: ".problems", usage: ".problems", summary: "every problem met while loading (files not read, and why)"),
        Entry(name: ".mode", usage: ".mode table|csv|tsv|json|markdown|line|html", summary: "how results are printed"),
        Entry(name: ".output", usage: ".output [FILE]", summary: "send results to FILE (no FILE: back to the screen)"),
        Entry(name: ".once", usage: ".once FILE", summary: "send the next result to FILE"),
        Entry(name: ".timer", usage: ".timer on|off", summary: "show how long each statement took"),
        Entry(name: ".headers", usage: ".headers on|off", summary: "the header line of tables and csv"),
        Entry(name: ".pager", usage: ".pager on|off", summary: "show tables longer than the screen through $PAGER (less)"),
        Entry(name: ".nullvalue", usage: ".nullvalue TEXT", summary: "how a table shows NULL"),
        Entry(name: ".param", usage: ".param set NAME VALUE | list | clear [NAME]", summary: "values for :name parameters"),
        Entry(name: ".run", usage: ".run NAME [name=value ...]", summary: "run a saved query from Queries/"),
        Entry(name: ".queries", usage: ".queries", summary: "list the saved queries"),
        Entry(name: ".read", usage: ".read FILE", summary: "run the statements in FILE"),
        Entry(name: ".maxrows", usage: ".maxrows N", summary: "rows a table shows before cutting (0: all)"),
        Entry(name: ".threads", usage: ".threads [N]", summary: "worker threads per query and files read at once (default: the processors BudgetQL may run on); results do not change"),
        Entry(name: ".history", usage: ".history", summary: "the statements typed so far"),
        Entry(name: ".quit", usage: ".quit", summary: "leave (Ctrl-D does too)"),
    ]

    public static var names: [String] { entries.map(\.name) }

    /// Commands analysts bring from sqlite3, duckdb and psql, with what does their job here.
    public static let habits: [String: String] = [
        ".import": "use .load FILE (a CSV file becomes a table named after the file)",
        ".width": "columns fit the terminal by themselves; .mode line shows long values whole",
        ".export": "use .once FILE.csv, then SELECT * FROM TABLE (the extension picks the format)",
        ".dump": "use .once FILE.csv, then SELECT * FROM TABLE (the extension picks the format)",
        ".timing": "use .timer on",
        "\\timing": "use .timer on",
        "\\d": "use .tables, or .schema TABLE",
        "\\q": "use .quit (or Ctrl-D)",
    ]

    public static func entry(named name: String) -> Entry? {
        let key = name.hasPrefix(".") ? name.lowercased() : "." + name.lowercased()
        return entries.first { $0.name == key }
    }

    /// The command nearest to a misspelt one, when it is near enough to be a likely typo: one
    /// the name starts (".tab" -> tables), else the engine's own "did you mean" rule.
    public static func nearest(to name: String) -> String? {
        let key = name.lowercased()
        if let prefixMatch = names.first(where: { $0.hasPrefix(key) && key.count > 2 }) { return prefixMatch }
        return Suggestions.closest(to: key, among: names)
    }
}

extension DotCommand {
    /// Parses one dot-command line. Arguments split at spaces; quotes (' or ") keep spaces.
    public static func parse(_ line: String) throws(DotCommandError) -> DotCommand {
        let words = DotCommand.words(line)
        // Parameter values keep their quotes: '208' is text, 208 a number.
        let rawWords = DotCommand.words(line, keepingQuotes: true)
        guard let first = words.first else { throw .unknown(line, suggestion: nil) }
        let name = first.lowercased()
        let args = Array(words.dropFirst())
        func noArguments(_ command: DotCommand) throws(DotCommandError) -> DotCommand {
            guard args.isEmpty else { throw .usage(command: name, problem: "takes no arguments") }
            return command
        }
        func one(_ what: String) throws(DotCommandError) -> String {
            guard args.count == 1 else {
                throw .usage(command: name, problem: args.isEmpty ? "needs \(what)" : "takes one \(what)")
            }
            return args[0]
        }
        func optional(_ what: String) throws(DotCommandError) -> String? {
            guard args.count <= 1 else { throw .usage(command: name, problem: "takes at most one \(what)") }
            return args.first
        }
        switch name {
        case ".help": return .help(try optional("command"))
        case ".tables": return try noArguments(.tables)
        case ".schema": return .schema(try optional("table"))
        case ".load": return .load(try one("path"))
        case ".docs": return try noArguments(.docs)
        case ".checks": return .checks(try optional("document"))
        case ".problems": return try noArguments(.problems)
        case ".mode":
            guard let word = try optional("mode") else { return .mode(nil) }
            guard let mode = OutputMode(rawValue: word.lowercased()) else {
                throw .usage(command: name, problem: "no mode \"\(word)\"")
            }
            return .mode(mode)
        case ".output": return .output(try optional("file"))
        case ".once": return .once(try one("file"))
        case ".timer", ".headers", ".pager":
            let on: Bool
            switch try one("on or off").lowercased() {
            case "on": on = true
            case "off": on = false
            default: throw .usage(command: name, problem: "say on or off")
            }
            switch name {
            case ".timer": return .timer(on)
            case ".pager": return .pager(on)
            default: return .headers(on)
            }
        case ".nullvalue":
            guard args.count <= 1 else { throw .usage(command: name, problem: "takes one text (quote it if it has spaces)") }
            return .nullValue(args.first ?? "")
        case ".param", ".parameter":
            guard let verb = args.first?.lowercased() else { return .paramList }
            switch verb {
            case "list":
                guard args.count == 1 else { throw .usage(command: ".param", problem: "list takes no arguments") }
                return .paramList
            case "clear":
                guard args.count <= 2 else { throw .usage(command: ".param", problem: "clear takes at most one name") }
                return .paramClear(args.count == 2 ? args[1] : nil)
            case "set":
                guard args.count >= 3 else { throw .usage(command: ".param", problem: "set needs a name and a value") }
                var pname = args[1]
                if pname.hasPrefix(":") { pname.removeFirst() }
                guard ParameterBinding.isIdentifier(pname) else {
                    throw .usage(command: ".param", problem: "\"\(args[1])\" is not a parameter name")
                }
                return .paramSet(name: pname, value: rawWords.dropFirst(3).joined(separator: " "))
            default:
                throw .usage(command: ".param", problem: "no sub-command \"\(verb)\"")
            }
        case ".run":
            guard let query = args.first else { throw .usage(command: name, problem: "needs a saved query name") }
            let arguments = Array(rawWords.dropFirst(2))
            for arg in arguments where ParameterBinding.parse(arg) == nil {
                throw .usage(command: name, problem: "\"\(arg)\" is not name=value")
            }
            return .run(name: query, arguments: arguments)
        case ".queries": return try noArguments(.queries)
        case ".read": return .read(try one("file"))
        case ".maxrows":
            guard let word = try optional("number") else { return .maxRows(nil) }
            guard let n = Int(word), n >= 0 else { throw .usage(command: name, problem: "\"\(word)\" is not a row count") }
            return .maxRows(n)
        case ".threads":
            guard let word = try optional("number") else { return .threads(nil) }
            guard let n = Int(word), n >= 1 else { throw .usage(command: name, problem: "\"\(word)\" is not a thread count (1 or more)") }
            return .threads(n)
        case ".history": return try noArguments(.history)
        case ".quit", ".exit", ".q": return .quit
        default:
            if let instead = DotCommandCatalog.habits[name] { throw .habit(first, instead: instead) }
            throw .unknown(first, suggestion: DotCommandCatalog.nearest(to: name))
        }
    }

    /// Splits at unquoted whitespace; quotes group and are removed.
    static func words(_ line: String, keepingQuotes: Bool = false) -> [String] {
        var words: [String] = []
        var current = ""
        var quote: Character?
        var inWord = false
        for c in line {
            if let q = quote {
                if c == q { quote = nil }
                if c != q || keepingQuotes { current.append(c) }
            } else if c == "'" || c == "\"" {
                quote = c
                inWord = true
                if keepingQuotes { current.append(c) }
            } else if c.isWhitespace {
                if inWord { words.append(current); current = ""; inWord = false }
            } else {
                current.append(c)
                inWord = true
            }
        }
        if inWord { words.append(current) }
        return words
    }
}
