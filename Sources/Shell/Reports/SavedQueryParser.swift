import Query
/// Reads the text of a `Queries/NAME.bql` file into a `SavedQuery`.
///
/// The file is a header of `-- key: value` comment lines (name, title, description, param,
/// chart), then statements; `-- section: Title` lines split the statements into the parts of a
/// multi-part report, and a `-- chart: LABEL VALUE` line after a section line sets that part's
/// chart. Every error names the file and line.
public enum SavedQueryParser {
    static let headerKeys = ["name", "title", "description", "param", "chart"]
    static let bodyKeys = ["section", "chart"]

    /// `name` is the file's base name; `file` is how errors refer to the file.
    public static func parse(_ text: String, name: String, file: String) throws(ReportError) -> SavedQuery {
        var declaredName: String?
        var title: String?
        var description: String?
        var parameters: [ParameterDeclaration] = []
        var defaultChart: ChartSpec?
        var sections: [PendingSection] = []
        var inHeader = true

        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map {
            $0.hasSuffix("\r") ? String($0.dropLast()) : String($0)
        }
        for (offset, raw) in lines.enumerated() {
            let lineNumber = offset + 1
            let trimmed = raw.trimmedOfSpaces
            // In the header every `-- key:` line must be a known directive (a typo would silently
            // drop a parameter); after it, unknown keys are ordinary comments.
            if let (key, value) = directive(in: trimmed), inHeader || headerKeys.contains(key) || bodyKeys.contains(key) {
                let known = inHeader ? headerKeys + bodyKeys : bodyKeys
                guard known.contains(key) else {
                    if headerKeys.contains(key) {
                        throw .syntax(file: file, line: lineNumber, message: "\"-- \(key):\" belongs in the header, before the first statement")
                    }
                    let hint = Suggestions.closest(to: key, among: headerKeys + bodyKeys).map { "; did you mean \"-- \($0):\"?" } ?? ""
                    throw .syntax(file: file, line: lineNumber, message: "unknown header line \"-- \(key):\"\(hint)")
                }
                switch key {
                case "name":
                    guard value == name else {
                        throw .syntax(file: file, line: lineNumber, message: "the name \"\(value)\" differs from the file's name \"\(name)\"; they must agree so .run finds it")
                    }
                    declaredName = value
                case "title": title = value
                case "description": description = value
                case "param":
                    let declaration = try parameter(value, line: lineNumber, file: file)
                    if parameters.contains(where: { $0.name == declaration.name }) {
                        throw .syntax(file: file, line: lineNumber, message: "parameter \"\(declaration.name)\" is declared twice")
                    }
                    // A default query is answered before the parameters below it are bound.
                    for reference in ParameterReferenceScanner.find(in: declaration.defaultQuery ?? "")
                    where !parameters.contains(where: { $0.name == reference.name }) {
                        throw .syntax(file: file, line: lineNumber, message: "the default of \"\(declaration.name)\" uses :\(reference.name), which is not declared above it")
                    }
                    if let values = declaration.values, values.column.hasPrefix(":") {
                        let referenced = String(values.column.dropFirst())
                        guard parameters.contains(where: { $0.name == referenced && $0.type == .column }) else {
                            throw .syntax(file: file, line: lineNumber, message: "\"\(declaration.name)\" takes its values from :\(referenced), which is not a column parameter declared above it")
                        }
                    }
                    parameters.append(declaration)
                case "chart":
                    let spec = try chart(value, line: lineNumber, file: file)
                    if sections.isEmpty || inHeader {
                        defaultChart = spec
                    } else {
                        sections[sections.count - 1].chart = spec
                        // Kept as a comment line so the section's line numbers stay the file's.
                        sections[sections.count - 1].lines.append(raw)
                    }
                case "section":
                    guard !value.isEmpty else { throw .syntax(file: file, line: lineNumber, message: "a section needs a title") }
                    inHeader = false
                    sections.append(PendingSection(title: value, line: lineNumber + 1))
                default: break
                }
                continue
            }
            if inHeader && (trimmed.isEmpty || trimmed.hasPrefix("--")) { continue }
            if inHeader {
                inHeader = false
                if sections.isEmpty { sections.append(PendingSection(title: "", line: lineNumber)) }
            }
            sections[sections.count - 1].lines.append(raw)
        }

        guard declaredName != nil else { throw .syntax(file: file, line: 1, message: "missing \"-- name: \(name)\" header line") }
        guard let description, !description.isEmpty else {
            throw .syntax(file: file, line: 1, message: "missing \"-- description:\" header line (one sentence saying what the report answers)")
        }
        guard !sections.isEmpty else { throw .syntax(file: file, line: lines.count, message: "no statement after the header") }

        var result: [ReportSection] = []
        let declared = Set(parameters.map(\.name))
        for section in sections {
            // A section's text starts at its first statement line, so engine line numbers map back.
            let firstUsed = section.lines.firstIndex { line in
                let t = line.trimmedOfSpaces
                return !t.isEmpty && !t.hasPrefix("--")
            } ?? section.lines.count
            let body = section.lines[firstUsed...].joined(separator: "\n")
            let startLine = section.line + firstUsed
            let hasStatement = body.split(separator: "\n").contains { line in
                let t = String(line).trimmedOfSpaces
                return !t.isEmpty && !t.hasPrefix("--")
            }
            guard hasStatement else {
                let what = section.title.isEmpty ? "the report" : "section \"\(section.title)\""
                throw .syntax(file: file, line: section.line - (section.title.isEmpty ? 0 : 1), message: "\(what) has no statement")
            }
            for reference in ParameterReferenceScanner.find(in: body) where !declared.contains(reference.name) {
                let hint = Suggestions.closest(to: reference.name, among: parameters.map(\.name)).map { "; did you mean \":\($0)\"?" }
                    ?? "; declare it with \"-- param: \(reference.name) = DEFAULT  description\""
                throw .syntax(file: file, line: startLine + reference.line - 1, message: "parameter :\(reference.name) is not declared\(hint)")
            }
            result.append(ReportSection(title: section.title, source: body, line: startLine, chart: section.chart ?? defaultChart))
        }
        return SavedQuery(name: name, title: title ?? description, description: description,
                          parameters: parameters, file: file, sections: result)
    }

    private struct PendingSection {
        var title: String
        var line: Int
        var lines: [String] = []
        var chart: ChartSpec?
    }

    /// `-- key: value` where key is a lower-case word: the saved-query directives. Other comments
    /// (`-- why this join`, `-- Note: ...`) are left to the statements.
    private static func directive(in line: String) -> (String, String)? {
        guard line.hasPrefix("--") else { return nil }
        let rest = line.dropFirst(2).drop { $0 == " " || $0 == "\t" }
        guard let colon = rest.firstIndex(of: ":") else { return nil }
        let key = rest[..<colon]
        guard !key.isEmpty, key.allSatisfy({ ($0 >= "a" && $0 <= "z") || $0 == "_" }) else { return nil }
        return (String(key), String(rest[rest.index(after: colon)...]).trimmedOfSpaces)
    }

    /// `NAME [TYPE] [= DEFAULT]  description`; DEFAULT is a bare word or a 'quoted string'.
    static func parameter(_ text: String, line: Int, file: String) throws(ReportError) -> ParameterDeclaration {
        var rest = Substring(text)
        let name = String(rest.prefix { ParameterReferenceScanner.isIdentifierPart($0) })
        guard ParameterReferenceScanner.isIdentifier(name) else {
            throw .syntax(file: file, line: line, message: "a parameter line starts with its name (letters, digits, _): \"-- param: NAME = DEFAULT  description\"")
        }
        rest = rest.dropFirst(name.count).drop { $0 == " " || $0 == "\t" }
        var type: ParameterType?
        let word = rest.prefix { !($0 == " " || $0 == "\t" || $0 == "=" || $0 == "(") }
        if let t = ParameterType(rawValue: String(word).lowercased()) {
            type = t
            rest = rest.dropFirst(word.count).drop { $0 == " " || $0 == "\t" }
        } else if !word.isEmpty {
            // A word followed by "=" or "(" (or nothing) is where a type goes: `c int = 208` must
            // not pass as an untyped parameter whose description starts with "int".
            let after = rest.dropFirst(word.count).drop { $0 == " " || $0 == "\t" }
            if after.isEmpty || after.first == "=" || after.first == "(" {
                let types = ParameterType.allCases.map(\.rawValue)
                let hint = (types.first { $0.hasPrefix(word.lowercased()) } ?? Suggestions.closest(to: String(word).lowercased(), among: types)).map { "; did you mean \"\($0)\"?" } ?? ""
                throw .syntax(file: file, line: line, message: "unknown parameter type \"\(word)\" for \"\(name)\"\(hint) (types: \(types.joined(separator: ", ")))")
            }
        }
        var choices: [ParameterChoice]?
        if rest.first == "(" {
            guard let close = matchingParenthesis(in: rest) else {
                throw .syntax(file: file, line: line, message: "the choices of \"\(name)\" have no closing parenthesis")
            }
            choices = try parameterChoices(String(rest[rest.index(after: rest.startIndex)..<close]), of: name, type: type, line: line, file: file)
            rest = rest[rest.index(after: close)...].drop { $0 == " " || $0 == "\t" }
        }
        var defaultText: String?
        var defaultQuery: String?
        if rest.first == "=" {
            rest = rest.dropFirst().drop { $0 == " " || $0 == "\t" }
            if rest.first == "(" {
                guard let close = matchingParenthesis(in: rest) else {
                    throw .syntax(file: file, line: line, message: "the default query of \"\(name)\" has no closing parenthesis")
                }
                let inner = String(rest[rest.index(after: rest.startIndex)..<close]).trimmedOfSpaces
                guard !inner.isEmpty else { throw .syntax(file: file, line: line, message: "the default query of \"\(name)\" is empty") }
                defaultQuery = inner
                rest = rest[rest.index(after: close)...]
            } else if rest.first == "'" {
                var value = ""
                var index = rest.index(after: rest.startIndex)
                var closed = false
                while index < rest.endIndex {
                    let c = rest[index]
                    index = rest.index(after: index)
                    if c == "'" {
                        if index < rest.endIndex, rest[index] == "'" { value.append("'"); index = rest.index(after: index); continue }
                        closed = true
                        break
                    }
                    value.append(c)
                }
                guard closed else { throw .syntax(file: file, line: line, message: "the default of \"\(name)\" has no closing quote") }
                defaultText = value
                if type == nil { type = .text }
                rest = rest[index...]
            } else {
                let value = rest.prefix { !($0 == " " || $0 == "\t") }
                guard !value.isEmpty else {
                    throw .syntax(file: file, line: line, message: "\"=\" after \"\(name)\" needs a default value")
                }
                defaultText = String(value)
                rest = rest.dropFirst(value.count)
            }
            if let type, let defaultText {
                do throws(ReportError) {
                    _ = try ReportParameters.value(of: defaultText, as: type, name: name)
                } catch {
                    throw .syntax(file: file, line: line, message: "default of \(error.description)")
                }
            }
            if let choices, let defaultText, !choices.contains(where: { $0.name == defaultText }) {
                throw .syntax(file: file, line: line, message: "the default \"\(defaultText)\" of \"\(name)\" is not one of its choices (\(choices.map(\.name).joined(separator: ", ")))")
            }
        }
        // `in TABLE.COLUMN` or `like TABLE.COLUMN`: where the value must be found.
        var values: ParameterValues?
        let afterDefault = rest.drop { $0 == " " || $0 == "\t" }
        let keyword = afterDefault.prefix { !($0 == " " || $0 == "\t") }
        if keyword == "in" || keyword == "like" {
            let target = afterDefault.dropFirst(keyword.count).drop { $0 == " " || $0 == "\t" }
            let reference = target.prefix { !($0 == " " || $0 == "\t") }
            let parts = reference.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
            if parts.count == 2, ParameterReferenceScanner.isIdentifier(parts[0]),
               ParameterReferenceScanner.isIdentifier(parts[1]) || (parts[1].hasPrefix(":") && ParameterReferenceScanner.isIdentifier(String(parts[1].dropFirst()))) {
                values = ParameterValues(table: parts[0], column: parts[1], isPattern: keyword == "like")
                rest = target.dropFirst(reference.count)
            }
        }
        return ParameterDeclaration(name: name, type: type, defaultText: defaultText, defaultQuery: defaultQuery,
                                    description: String(rest).trimmedOfSpaces, line: line, choices: choices, values: values)
    }

    /// `class | section=parent(code) | item=code`: the accepted words, each with the column
    /// expression it stands for (column parameters only).
    private static func parameterChoices(_ text: String, of name: String, type: ParameterType?, line: Int, file: String) throws(ReportError) -> [ParameterChoice] {
        var choices: [ParameterChoice] = []
        for part in text.split(separator: "|") {
            let item = String(part).trimmedOfSpaces
            let pieces = item.split(separator: "=", maxSplits: 1).map { String($0).trimmedOfSpaces }
            guard let word = pieces.first, ParameterReferenceScanner.isIdentifier(word) || Int64(word) != nil else {
                throw .syntax(file: file, line: line, message: "a choice of \"\(name)\" is a word, or WORD=COLUMN for a column parameter: \"(class | section=parent(code))\", not \"\(item)\"")
            }
            var expression: String?
            if pieces.count == 2 {
                guard type == .column, ReportParameters.isColumnExpression(pieces[1]) else {
                    throw .syntax(file: file, line: line, message: "\"\(item)\": only a column parameter's choice stands for a column (a name or a function of one)")
                }
                expression = pieces[1]
            }
            if type == .column, expression == nil, !ReportParameters.isColumnExpression(word) {
                throw .syntax(file: file, line: line, message: "the choice \"\(word)\" of \"\(name)\" is not a column")
            }
            guard !choices.contains(where: { $0.name == word }) else {
                throw .syntax(file: file, line: line, message: "the choice \"\(word)\" of \"\(name)\" is listed twice")
            }
            choices.append(ParameterChoice(name: word, expression: expression))
        }
        guard !choices.isEmpty else { throw .syntax(file: file, line: line, message: "\"\(name)\" lists no choices") }
        return choices
    }

    /// The `)` closing the `(` that `text` starts with, skipping quoted text.
    private static func matchingParenthesis(in text: Substring) -> Substring.Index? {
        var depth = 0
        var quote: Character?
        var index = text.startIndex
        while index < text.endIndex {
            let c = text[index]
            if let q = quote {
                if c == q { quote = nil }
            } else if c == "'" || c == "\"" {
                quote = c
            } else if c == "(" {
                depth += 1
            } else if c == ")" {
                depth -= 1
                if depth == 0 { return index }
            }
            index = text.index(after: index)
        }
        return nil
    }

    static func chart(_ text: String, line: Int, file: String) throws(ReportError) -> ChartSpec {
        let words = text.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        if words == ["none"] { return .none }
        guard words.count == 2 else {
            throw .syntax(file: file, line: line, message: "a chart line names two result columns, \"-- chart: LABEL VALUE\", or says \"-- chart: none\"")
        }
        return ChartSpec(labelColumn: words[0], valueColumn: words[1], line: line)
    }
}

extension String {
    /// Without leading and trailing spaces and tabs.
    fileprivate var trimmedOfSpaces: String {
        let scalars = unicodeScalars
        guard let start = scalars.firstIndex(where: { $0 != " " && $0 != "\t" && $0 != "\r" }),
              let end = scalars.lastIndex(where: { $0 != " " && $0 != "\t" && $0 != "\r" }) else { return "" }
        return String(scalars[start...end])
    }
}
