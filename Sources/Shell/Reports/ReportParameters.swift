import Store

/// The parameters a report runs with: the declared defaults overridden by `name=value`
/// arguments, typed, in declaration order (the order a rendered report lists them).
public struct ReportParameters: Sendable, Equatable {
    public struct Bound: Sendable, Equatable {
        public let name: String
        public let value: Value
        /// Set for `column` parameters: the identifier spliced into the statements.
        public let column: String?
        /// The value as the analyst wrote it (or the default), for the report's parameter list.
        public let text: String
    }

    public let bound: [Bound]

    /// Values the engine binds to `:name`.
    public var values: [String: Value] {
        var result: [String: Value] = [:]
        for b in bound where b.column == nil { result[b.name] = b.value }
        return result
    }

    /// Column parameters, spliced into the text before the engine sees it.
    public var columns: [String: String] {
        var result: [String: String] = [:]
        for b in bound { if let c = b.column { result[b.name] = c } }
        return result
    }

    /// Binds `overrides` (name -> text) over the declared defaults of `query`. An override that
    /// names no declared parameter, or a declared parameter with neither default nor override,
    /// is an error naming it.
    ///
    /// `defaultFromData` answers a default query (`= (SELECT ...)`) given the parameters bound so
    /// far; nil means it found nothing, which makes the parameter missing.
    public init(query: SavedQuery, overrides: [String: String],
                defaultFromData: ((ParameterDeclaration, ReportParameters) throws(ReportError) -> String?)? = nil) throws(ReportError) {
        let declared = query.parameters.map(\.name)
        for name in overrides.keys.sorted() where !declared.contains(name) {
            throw .unknownParameter(name: name, query: query.name, declared: declared)
        }
        // A value outside its choices is named before any default is looked up in the data.
        for declaration in query.parameters {
            if let choices = declaration.choices, let text = overrides[declaration.name], !choices.contains(where: { $0.name == text }) {
                throw .notAChoice(name: declaration.name, value: text, choices: choices.map(\.name))
            }
        }
        var bound: [Bound] = []
        for declaration in query.parameters {
            var text = overrides[declaration.name] ?? declaration.defaultText
            if text == nil, declaration.defaultQuery != nil, let defaultFromData {
                text = try defaultFromData(declaration, ReportParameters(bound: bound))
            }
            guard let text else {
                let what = declaration.defaultQuery == nil ? declaration.description
                    : declaration.description + "; its default query found nothing in the loaded data"
                throw .missingParameter(name: declaration.name, query: query.name, description: what)
            }
            var column: String?
            if let choices = declaration.choices {
                guard let choice = choices.first(where: { $0.name == text }) else {
                    throw .notAChoice(name: declaration.name, value: text, choices: choices.map(\.name))
                }
                if declaration.type == .column { column = choice.expression ?? choice.name }
            }
            let type = declaration.type ?? ReportParameters.inferredType(of: text)
            let value = try ReportParameters.value(of: column ?? text, as: type, name: declaration.name)
            if type == .column, column == nil { column = text }
            bound.append(Bound(name: declaration.name, value: value, column: column, text: text))
        }
        self.bound = bound
    }

    private init(bound: [Bound]) {
        self.bound = bound
    }

    /// Splits `name=value` arguments (the shell's `.run NAME k=v`, the CLI's `--param k=v`).
    public static func overrides(from arguments: [String]) throws(ReportError) -> [String: String] {
        var result: [String: String] = [:]
        for argument in arguments {
            guard let equals = argument.firstIndex(of: "="), equals != argument.startIndex else {
                throw .malformedArgument(argument)
            }
            var value = String(argument[argument.index(after: equals)...])
            // The shell hands over words as typed; a quoted value keeps its spaces.
            if value.count >= 2, value.first == "'" && value.last == "'" || value.first == "\"" && value.last == "\"" {
                value = String(value.dropFirst().dropLast())
            }
            result[String(argument[..<equals])] = value
        }
        return result
    }

    /// An untyped parameter takes the type its text looks like: 2024 is an integer, 12.5 a
    /// decimal, anything else text. So `a=2024` compares with `year`, `a=万里街道` with `unit`.
    static func inferredType(of text: String) -> ParameterType {
        if isInteger(text) { return .integer }
        if ExactDecimal(text) != nil { return .decimal }
        return .text
    }

    private static func isInteger(_ text: String) -> Bool {
        Int64(text) != nil
    }

    static func value(of text: String, as type: ParameterType, name: String) throws(ReportError) -> Value {
        switch type {
        case .integer:
            guard let i = Int64(text) else { throw .invalidParameterValue(name: name, value: text, expected: .integer) }
            return .integer(i)
        case .decimal:
            guard let d = ExactDecimal(text) else { throw .invalidParameterValue(name: name, value: text, expected: .decimal) }
            return .decimal(d)
        case .text:
            return .text(text)
        case .column:
            guard isColumnExpression(text) else {
                throw .invalidParameterValue(name: name, value: text, expected: .column)
            }
            return .text(text)
        }
    }

    /// A column parameter is a column name or one function applied to a column name, such as
    /// `parent(code)` (the section of an item): enough to compare by class, section or item, and
    /// nothing that could smuggle a second clause into the statement.
    static func isColumnExpression(_ text: String) -> Bool {
        if ParameterReferenceScanner.isIdentifier(text) { return true }
        guard text.hasSuffix(")"), let open = text.firstIndex(of: "(") else { return false }
        let function = String(text[..<open])
        let argument = String(text[text.index(after: open)..<text.index(before: text.endIndex)])
        return ParameterReferenceScanner.isIdentifier(function) && ParameterReferenceScanner.isIdentifier(argument)
    }
}
