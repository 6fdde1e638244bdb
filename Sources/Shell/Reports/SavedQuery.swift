/// A saved report as read from `Queries/NAME.bql`: its header (name, title, description,
/// parameters, chart) and its statements, grouped into titled sections.
public struct SavedQuery: Sendable, Equatable {
    /// The name `.run NAME` and `budgetql run NAME` use; equal to the file's base name.
    public let name: String
    /// A heading for rendered reports; the description when the file gives no `-- title:`.
    public let title: String
    public let description: String
    public let parameters: [ParameterDeclaration]
    /// The file the query came from, for error messages ("Queries/x.bql:12: ...").
    public let file: String
    public let sections: [ReportSection]

    public init(name: String, title: String, description: String, parameters: [ParameterDeclaration],
                file: String, sections: [ReportSection]) {
        self.name = name
        self.title = title
        self.description = description
        self.parameters = parameters
        self.file = file
        self.sections = sections
    }

    public func parameter(named name: String) -> ParameterDeclaration? {
        parameters.first { $0.name == name }
    }
}

/// How a parameter's text becomes a value. `column` names a column and is spliced into the
/// statement as an identifier, so one report can compare by `year`, `unit` or `stage`.
public enum ParameterType: String, Sendable, CaseIterable {
    case integer, decimal, text, column
}

/// One `-- param: NAME [TYPE] [= DEFAULT]  description` line.
public struct ParameterDeclaration: Sendable, Equatable {
    public let name: String
    /// nil: the type follows the form of the value given (2024 integer, 1.5 decimal, else text).
    public let type: ParameterType?
    /// The default as written (quotes removed); nil means the parameter must be given, unless
    /// the default is a query.
    public let defaultText: String?
    /// `= (SELECT min(year) FROM spending)`: a default read from the loaded data when the report
    /// runs, so year on year picks the two years loaded. It may use the parameters declared above.
    public let defaultQuery: String?
    public let description: String
    public let line: Int
    /// `(class | section=parent(code) | item=code)`: the only values accepted, each naming what a
    /// column parameter splices in; nil accepts any value of the type.
    public let choices: [ParameterChoice]?
    /// `in spending.unit` / `like spending.unit`: the value must match data that is loaded, so a
    /// misspelt unit or a year not loaded is an error listing the values that exist, not an
    /// empty comparison.
    public let values: ParameterValues?

    public init(name: String, type: ParameterType?, defaultText: String?, defaultQuery: String? = nil,
                description: String, line: Int, choices: [ParameterChoice]? = nil, values: ParameterValues? = nil) {
        self.name = name
        self.type = type
        self.defaultText = defaultText
        self.defaultQuery = defaultQuery
        self.description = description
        self.line = line
        self.choices = choices
        self.values = values
    }

    /// The default as the listing shows it: the text, "(SELECT ...)" for a query, "?" for none.
    public var defaultShown: String {
        if let defaultText { return defaultText }
        if let defaultQuery { return "(" + defaultQuery + ")" }
        return "?"
    }
}

/// One accepted value of a parameter with choices, and what it stands for in the statements.
public struct ParameterChoice: Sendable, Equatable {
    /// The word the analyst gives (`section`).
    public let name: String
    /// For a column parameter, the column expression spliced in (`parent(code)`); nil: the name.
    public let expression: String?

    public init(name: String, expression: String? = nil) {
        self.name = name
        self.expression = expression
    }
}

/// Where a parameter's value must be found: a table's column (or the column a column parameter
/// names, `spending.:dimension`), compared with `=` or, for patterns, with LIKE.
public struct ParameterValues: Sendable, Equatable {
    public let table: String
    /// A column name, or `:name` of a column parameter declared above.
    public let column: String
    public let isPattern: Bool

    public init(table: String, column: String, isPattern: Bool) {
        self.table = table
        self.column = column
        self.isPattern = isPattern
    }
}

/// What a section's chart draws: one bar per row, labelled by one column, measuring another.
public struct ChartSpec: Sendable, Equatable {
    public let labelColumn: String
    public let valueColumn: String
    /// The file line of the `-- chart:` line, for the error when a column is not in the result.
    public let line: Int

    public init(labelColumn: String, valueColumn: String, line: Int = 0) {
        self.labelColumn = labelColumn
        self.valueColumn = valueColumn
        self.line = line
    }

    /// `-- chart: none`: a section whose rows are a list to read, not a measure to compare.
    public static let none = ChartSpec(labelColumn: "", valueColumn: "")

    public var isNone: Bool { labelColumn.isEmpty && valueColumn.isEmpty }
}

/// One part of a report: a title (empty for a single-part report), the statement text and the
/// file line where that text starts, so engine errors map back to the file.
public struct ReportSection: Sendable, Equatable {
    public let title: String
    public let source: String
    public let line: Int
    /// nil: the renderer picks the first text column and the first decimal column.
    public let chart: ChartSpec?

    public init(title: String, source: String, line: Int, chart: ChartSpec?) {
        self.title = title
        self.source = source
        self.line = line
        self.chart = chart
    }
}
