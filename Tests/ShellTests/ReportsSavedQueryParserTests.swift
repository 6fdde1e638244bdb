import Testing
@testable import Shell

/// The saved-query file format: header, parameters, sections, and errors that name file:line.
@Suite struct ReportsSavedQueryParserTests {
    let twoSections = """
    -- name: compare
    -- title: 两个单位的比较
    -- description: Two units side by side
    -- param: dimension column = unit  the column compared
    -- param: a  first value
    -- param: year integer = 2025  the budget year
    -- param: floor = 1.50  smallest amount shown
    -- param: label = 'a b'  quoted text keeps spaces
    -- chart: name amount
    SELECT name, sum(amount) AS amount WHERE :dimension = :a AND year = :year
      GROUP BY name HAVING sum(amount) >= :floor;
    -- section: Totals
    -- chart: unit total
    SELECT unit, sum(amount) AS total WHERE :dimension = :a GROUP BY unit -- not :ignored
    -- section: Label
    SELECT ':not_a_param' AS label, :label AS value
    """

    @Test func readsHeaderParametersAndSections() throws {
        let query = try SavedQueryParser.parse(twoSections, name: "compare", file: "Queries/compare.bql")
        #expect(query.title == "两个单位的比较")
        #expect(query.description == "Two units side by side")
        #expect(query.parameters.map(\.name) == ["dimension", "a", "year", "floor", "label"])
        #expect(query.parameters[0] == ParameterDeclaration(name: "dimension", type: .column, defaultText: "unit", description: "the column compared", line: 4))
        #expect(query.parameters[1] == ParameterDeclaration(name: "a", type: nil, defaultText: nil, description: "first value", line: 5))
        #expect(query.parameters[2].type == .integer && query.parameters[2].defaultText == "2025")
        #expect(query.parameters[3].type == nil && query.parameters[3].defaultText == "1.50")
        #expect(query.parameters[4].type == .text && query.parameters[4].defaultText == "a b")
        #expect(query.sections.map(\.title) == ["", "Totals", "Label"])
        #expect(query.sections.map(\.line) == [10, 14, 16])
        #expect(query.sections[0].source.hasPrefix("SELECT name"))
        #expect(query.sections[0].chart == ChartSpec(labelColumn: "name", valueColumn: "amount", line: 9))
        #expect(query.sections[1].chart == ChartSpec(labelColumn: "unit", valueColumn: "total", line: 13))
        #expect(query.sections[2].chart == ChartSpec(labelColumn: "name", valueColumn: "amount", line: 9))
    }

    /// `c int = 208` used to pass as an untyped parameter described as "int = 208".
    @Test func anUnknownTypeIsAnErrorWithFileAndLine() {
        let error = #expect(throws: ReportError.self) {
            try SavedQueryParser.parse("-- name: q\n-- description: d\n-- param: c int = 208  the class\nSELECT :c\n", name: "q", file: "Queries/q.bql")
        }
        #expect(error?.description == "Queries/q.bql:3: unknown parameter type \"int\" for \"c\"; did you mean \"integer\"? (types: integer, decimal, text, column)")
        // A description may still follow the name directly.
        #expect(throws: Never.self) {
            try SavedQueryParser.parse("-- name: q\n-- description: d\n-- param: c  the class to show\nSELECT :c\n", name: "q", file: "Queries/q.bql")
        }
    }

    /// Choices and the data a value must match are declared on the parameter line.
    @Test func choicesAndValueSourcesAreDeclared() throws {
        let query = try SavedQueryParser.parse("""
        -- name: q
        -- description: d
        -- param: dimension column (year | unit) = year  compared
        -- param: by column (class | section=parent(code)) = class  the lines
        -- param: a in spending.:dimension  the first value
        -- param: u = '%' like docs.unit  the unit
        SELECT :by, :a, :u WHERE :dimension = :a
        """, name: "q", file: "Queries/q.bql")
        #expect(query.parameters[1].choices == [ParameterChoice(name: "class"), ParameterChoice(name: "section", expression: "parent(code)")])
        #expect(query.parameters[2].values == ParameterValues(table: "spending", column: ":dimension", isPattern: false))
        #expect(query.parameters[2].description == "the first value")
        #expect(query.parameters[3].values == ParameterValues(table: "docs", column: "unit", isPattern: true))
        let badDefault = #expect(throws: ReportError.self) {
            try SavedQueryParser.parse("-- name: q\n-- description: d\n-- param: by column (class | item=code) = section  lines\nSELECT :by\n", name: "q", file: "Queries/q.bql")
        }
        #expect(badDefault?.description == "Queries/q.bql:3: the default \"section\" of \"by\" is not one of its choices (class, item)")
    }

    @Test func aDefaultMayBeAQueryOverTheParametersAboveIt() throws {
        let query = try SavedQueryParser.parse("""
        -- name: q
        -- description: d
        -- param: unit = '%'  the unit
        -- param: a integer = (SELECT min(year) FROM spending WHERE unit LIKE :unit AND name <> ')')  earliest
        SELECT :a
        """, name: "q", file: "q.bql")
        #expect(query.parameters[1].defaultQuery == "SELECT min(year) FROM spending WHERE unit LIKE :unit AND name <> ')'")
        #expect(query.parameters[1].defaultText == nil)
        #expect(query.parameters[1].description == "earliest")
        #expect(query.parameters[1].defaultShown.hasPrefix("(SELECT min(year)"))
        #expect(syntaxError("-- name: q\n-- description: d\n-- param: a = (SELECT :b)  x\n-- param: b = 1  y\nSELECT :a")
                == .syntax(file: "Queries/q.bql", line: 3, message: "the default of \"a\" uses :b, which is not declared above it"))
        #expect(syntaxError("-- name: q\n-- description: d\n-- param: a = (SELECT 1  x\nSELECT :a")
                == .syntax(file: "Queries/q.bql", line: 3, message: "the default query of \"a\" has no closing parenthesis"))
    }

    @Test func titleDefaultsToDescription() throws {
        let query = try SavedQueryParser.parse("-- name: q\n-- description: Spending by class\nSELECT 1", name: "q", file: "q.bql")
        #expect(query.title == "Spending by class")
        #expect(query.sections.count == 1 && query.sections[0].line == 3)
    }

    private func syntaxError(_ text: String) -> ReportError? {
        do { _ = try SavedQueryParser.parse(text, name: "q", file: "Queries/q.bql"); return nil } catch { return error }
    }

    @Test func undeclaredParameterNamesFileLineAndSuggests() {
        let error = syntaxError("-- name: q\n-- description: d\n-- param: year = 2024  y\nSELECT 1\nWHERE year = :yaer")
        #expect(error == .syntax(file: "Queries/q.bql", line: 5, message: "parameter :yaer is not declared; did you mean \":year\"?"))
    }

    @Test func misspelledHeaderKeyIsAnErrorNotAComment() {
        let error = syntaxError("-- name: q\n-- description: d\n-- parma: year = 2024\nSELECT 1")
        #expect(error == .syntax(file: "Queries/q.bql", line: 3, message: "unknown header line \"-- parma:\"; did you mean \"-- param:\"?"))
    }

    @Test func headerLinesAfterTheFirstStatementAreErrors() {
        let error = syntaxError("-- name: q\n-- description: d\nSELECT 1;\n-- param: x = 1  late")
        #expect(error == .syntax(file: "Queries/q.bql", line: 4, message: "\"-- param:\" belongs in the header, before the first statement"))
    }

    @Test func ordinaryCommentsInTheBodyStay() throws {
        let query = try SavedQueryParser.parse("-- name: q\n-- description: d\nSELECT 1\n-- why: the engine needs it\n", name: "q", file: "q.bql")
        #expect(query.sections[0].source.contains("-- why: the engine needs it"))
    }

    @Test func nameMustMatchTheFile() {
        let error = syntaxError("-- name: other\n-- description: d\nSELECT 1")
        #expect(error == .syntax(file: "Queries/q.bql", line: 1, message: "the name \"other\" differs from the file's name \"q\"; they must agree so .run finds it"))
    }

    @Test func missingHeadersAndEmptySectionsAreErrors() {
        #expect(syntaxError("-- description: d\nSELECT 1") == .syntax(file: "Queries/q.bql", line: 1, message: "missing \"-- name: q\" header line"))
        #expect(syntaxError("-- name: q\nSELECT 1") == .syntax(file: "Queries/q.bql", line: 1, message: "missing \"-- description:\" header line (one sentence saying what the report answers)"))
        #expect(syntaxError("-- name: q\n-- description: d\n") == .syntax(file: "Queries/q.bql", line: 3, message: "no statement after the header"))
        #expect(syntaxError("-- name: q\n-- description: d\nSELECT 1;\n-- section: Empty\n\n-- section: B\nSELECT 2")
                == .syntax(file: "Queries/q.bql", line: 4, message: "section \"Empty\" has no statement"))
    }

    @Test func badParameterLinesAreErrors() {
        #expect(syntaxError("-- name: q\n-- description: d\n-- param: year integer = 20x4  y\nSELECT :year")
                == .syntax(file: "Queries/q.bql", line: 3, message: "default of parameter \"year\" must be an integer, not \"20x4\""))
        #expect(syntaxError("-- name: q\n-- description: d\n-- param: 1x = 2\nSELECT 1")?.description.hasPrefix("Queries/q.bql:3: a parameter line starts with its name") == true)
        #expect(syntaxError("-- name: q\n-- description: d\n-- param: x = 'open\nSELECT :x")
                == .syntax(file: "Queries/q.bql", line: 3, message: "the default of \"x\" has no closing quote"))
        #expect(syntaxError("-- name: q\n-- description: d\n-- param: x = 1\n-- param: x = 2\nSELECT :x")
                == .syntax(file: "Queries/q.bql", line: 4, message: "parameter \"x\" is declared twice"))
        #expect(syntaxError("-- name: q\n-- description: d\n-- chart: name\nSELECT 1")
                == .syntax(file: "Queries/q.bql", line: 3, message: "a chart line names two result columns, \"-- chart: LABEL VALUE\", or says \"-- chart: none\""))
    }

    @Test func referencesInsideStringsAndCommentsAreNotParameters() {
        let refs = ParameterReferenceScanner.find(in: "SELECT ':a', \":b\" /* :c */ -- :d\n, :e, x::f")
        #expect(refs.map(\.name) == ["e", "f"])
        #expect(refs.map(\.line) == [2, 2])
    }

    @Test func columnParametersAreSplicedAsIdentifiers() {
        let text = "SELECT :dim, sum(amount) FILTER (WHERE :dim = :a) WHERE ':dim' <> :a GROUP BY :dim"
        #expect(ParameterReferenceScanner.splicingColumns(["dim": "year"], into: text)
                == "SELECT year, sum(amount) FILTER (WHERE year = :a) WHERE ':dim' <> :a GROUP BY year")
    }
}
