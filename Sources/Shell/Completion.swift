import Foundation
import Query

/// Tab-completion candidates, as a pure function of the text before the cursor and what the
/// session knows (tables, columns, saved queries, files), so it can be tested without a terminal.
public struct CompletionContext: Sendable {
    /// Table name -> its column names.
    public var tables: [(name: String, columns: [String])]
    public var savedQueries: [String]
    /// Lists a directory (for paths after .load, .output, .once, .read): names and whether each is a directory.
    public var listDirectory: @Sendable (String) -> [(name: String, isDirectory: Bool)]

    public init(tables: [(name: String, columns: [String])], savedQueries: [String],
                listDirectory: @escaping @Sendable (String) -> [(name: String, isDirectory: Bool)] = CompletionContext.fileSystem) {
        self.tables = tables
        self.savedQueries = savedQueries
        self.listDirectory = listDirectory
    }

    public static let fileSystem: @Sendable (String) -> [(name: String, isDirectory: Bool)] = { directory in
        let fm = FileManager.default
        let path = directory.isEmpty ? "." : (directory as NSString).expandingTildeInPath
        guard let names = try? fm.contentsOfDirectory(atPath: path) else { return [] }
        return names.map { name in
            var isDirectory: ObjCBool = false
            _ = fm.fileExists(atPath: path + "/" + name, isDirectory: &isDirectory)
            return (name, isDirectory.boolValue)
        }
    }
}

public enum Completion {
    /// Candidates for `word`, the word under the cursor; `before` is everything typed before it in
    /// the statement (earlier lines included), `statement` the whole statement so far.
    public static func candidates(word: String, before: String, statement: String, context: CompletionContext) -> [String] {
        let trimmedBefore = before.drop { $0.isWhitespace }
        // Dot-commands: only at the very start of the input.
        if trimmedBefore.isEmpty && word.hasPrefix(".") {
            return DotCommandCatalog.names.filter { $0.hasPrefix(word.lowercased()) }
        }
        if trimmedBefore.hasPrefix(".") {
            return dotArgument(command: String(trimmedBefore.split(separator: " ").first ?? "").lowercased(),
                               word: word, before: String(trimmedBefore), context: context)
        }
        return sql(word: word, before: before, statement: statement, context: context)
    }

    private static func dotArgument(command: String, word: String, before: String, context: CompletionContext) -> [String] {
        let argumentIndex = before.split(whereSeparator: \.isWhitespace).count - 1
        switch command {
        case ".load", ".output", ".once", ".read":
            return argumentIndex == 0 ? paths(word: word, context: context) : []
        case ".run":
            return argumentIndex == 0 ? context.savedQueries.filter { $0.hasPrefix(word) } : []
        case ".schema":
            return argumentIndex == 0 ? context.tables.map(\.name).filter { $0.lowercased().hasPrefix(word.lowercased()) } : []
        case ".mode":
            return argumentIndex == 0 ? OutputMode.allCases.map(\.rawValue).filter { $0.hasPrefix(word.lowercased()) } : []
        case ".timer":
            return argumentIndex == 0 ? ["on", "off"].filter { $0.hasPrefix(word.lowercased()) } : []
        case ".help":
            return argumentIndex == 0 ? DotCommandCatalog.names.map { String($0.dropFirst()) }.filter { $0.hasPrefix(word.lowercased()) } : []
        case ".param":
            return argumentIndex == 0 ? ["set", "list", "clear"].filter { $0.hasPrefix(word.lowercased()) } : []
        default:
            return []
        }
    }

    /// File and directory names completing `word` (directories end with "/").
    static func paths(word: String, context: CompletionContext) -> [String] {
        let slash = word.lastIndex(of: "/")
        let directory = slash.map { String(word[...$0]) } ?? ""
        let prefix = slash.map { String(word[word.index(after: $0)...]) } ?? word
        return context.listDirectory(directory)
            .filter { $0.name.hasPrefix(prefix) && (prefix.hasPrefix(".") || !$0.name.hasPrefix(".")) }
            .map { directory + $0.name + ($0.isDirectory ? "/" : "") }
            .sorted()
    }

    private static func sql(word: String, before: String, statement: String, context: CompletionContext) -> [String] {
        let previous = lastWord(of: before)?.uppercased()
        let lowerWord = word.lowercased()
        if previous == "FROM" || previous == "JOIN" || previous == "DESCRIBE" {
            return context.tables.map(\.name).filter { $0.lowercased().hasPrefix(lowerWord) }
        }
        let inPlay = tablesInPlay(statement, context: context)
        // table.column or alias.column
        if let dot = word.lastIndex(of: ".") {
            let qualifier = String(word[..<dot]).lowercased()
            let columnPrefix = String(word[word.index(after: dot)...]).lowercased()
            let tableName = inPlay.first { $0.alias == qualifier }?.table ?? qualifier
            guard let table = context.tables.first(where: { $0.name.lowercased() == tableName }) else { return [] }
            return table.columns.filter { $0.lowercased().hasPrefix(columnPrefix) }.map { String(word[...dot]) + $0 }
        }
        var candidates: [String] = []
        let typedLower = word.first.map { $0.isLowercase } ?? false
        for keyword in Engine.keywords where keyword.lowercased().hasPrefix(lowerWord) {
            candidates.append(typedLower ? keyword.lowercased() : keyword.uppercased())
        }
        for function in Engine.functionNames where function.lowercased().hasPrefix(lowerWord) {
            candidates.append(function + "(")
        }
        let names = inPlay.isEmpty ? ["spending"] : inPlay.map(\.table)
        for name in names {
            guard let table = context.tables.first(where: { $0.name.lowercased() == name }) else { continue }
            for column in table.columns where column.lowercased().hasPrefix(lowerWord) && !candidates.contains(column) {
                candidates.append(column)
            }
        }
        return candidates
    }

    /// Tables named after FROM or JOIN, with their aliases (lowercased).
    static func tablesInPlay(_ statement: String, context: CompletionContext) -> [(table: String, alias: String?)] {
        let words = identifierWords(statement)
        let known = Set(context.tables.map { $0.name.lowercased() })
        let clauseWords: Set<String> = ["where", "join", "left", "right", "inner", "outer", "full", "cross", "on",
                                        "using", "group", "order", "having", "limit", "pivot", "union", "select"]
        var found: [(table: String, alias: String?)] = []
        for (i, w) in words.enumerated() where w == "from" || w == "join" {
            guard i + 1 < words.count, known.contains(words[i + 1]) else { continue }
            var alias: String?
            var next = i + 2
            if next < words.count, words[next] == "as" { next += 1 }
            if next < words.count, !clauseWords.contains(words[next]) { alias = words[next] }
            found.append((words[i + 1], alias))
        }
        return found
    }

    /// The words of the text, lowercased (identifier characters only; commas and operators split).
    static func identifierWords(_ text: String) -> [String] {
        text.lowercased().split { !($0.isLetter || $0.isNumber || $0 == "_") }.map(String.init)
    }

    private static func lastWord(of text: String) -> String? {
        identifierWords(text).last.flatMap { w in
            // Only when the text ends with whitespace after that word ("FROM |", not "FROM|").
            text.last?.isWhitespace == true ? w : nil
        }
    }
}
