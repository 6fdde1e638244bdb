/// The columns a query can name: each input table's columns under its alias (or its name), plus
/// the merged columns of JOIN ... USING.
struct ScopeColumn: Sendable {
    let qualifier: String
    let name: String
    let type: SQLType
    let index: Int
    /// The right-hand copy of a USING column: reachable only qualified, not through `*`.
    var hidden = false
    /// Why a stored column is TEXT although its file began it as numbers (Table.textNotes).
    var textNote: String?
}

struct Scope: Sendable {
    var columns: [ScopeColumn] = []
    var qualifiers: [String] = []
    /// USING columns by lower-cased name: what an unqualified reference means.
    var merged: [String: BoundExpression] = [:]
    var mergedOrder: [String] = []

    var width: Int { columns.count }

    var tableDescription: String { qualifiers.isEmpty ? "the query (it has no FROM table)" : qualifiers.joined(separator: ", ") }

    func resolve(table: String?, name: String, span: SourceSpan) throws(Diagnostic) -> BoundExpression? {
        let key = name.lowercased()
        if let table {
            let q = table.lowercased()
            guard qualifiers.contains(where: { $0.lowercased() == q }) else {
                var message = "no table \"\(table)\" in this query"
                if let s = Suggestions.closest(to: table, among: qualifiers) { message += "; did you mean \"\(s)\"?" }
                throw Diagnostic(kind: .name, message: message, span: span,
                                 hints: qualifiers.isEmpty ? [] : ["the query's tables are: \(qualifiers.joined(separator: ", "))"])
            }
            if let c = columns.first(where: { $0.qualifier.lowercased() == q && $0.name.lowercased() == key }) {
                return .column(c.index, c.type, name: c.name)
            }
            let names = columns.filter { $0.qualifier.lowercased() == q }.map(\.name)
            var message = "no column \"\(name)\" in \(table)"
            if let s = Suggestions.closest(to: name, among: names) { message += "; did you mean \"\(s)\"?" }
            throw Diagnostic(kind: .name, message: message, span: span, hints: ["DESCRIBE \(table) lists its columns"])
        }
        if let m = merged[key] { return m }
        let matches = columns.filter { !$0.hidden && $0.name.lowercased() == key }
        if matches.count > 1 {
            throw Diagnostic(kind: .name, message: "column \"\(name)\" is ambiguous: it is in \(matches.map(\.qualifier).joined(separator: " and "))",
                             span: span, hints: ["qualify it, e.g. \(matches[0].qualifier).\(name)"])
        }
        return matches.first.map { .column($0.index, $0.type, name: $0.name) }
    }

    func unknownColumn(_ name: String, span: SourceSpan, aliases: [String]) -> Diagnostic {
        var message = "no column \"\(name)\" in \(tableDescription)"
        let candidates = columns.filter { !$0.hidden }.map(\.name) + aliases
        if let s = Suggestions.closest(to: name, among: candidates) { message += "; did you mean \"\(s)\"?" }
        var hints: [String] = []
        if name.unicodeScalars.contains(where: { $0.value > 0x2E80 }) {
            hints.append("to compare with Chinese text, quote it as a string: '\(name)'")
        } else if let first = qualifiers.first {
            hints.append("DESCRIBE \(first) lists its columns")
        }
        return Diagnostic(kind: .name, message: message, span: span, hints: hints)
    }
}
