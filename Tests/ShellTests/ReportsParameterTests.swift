import Testing
import Store
@testable import Shell

/// Binding a report's parameters: defaults, overrides, types, and errors that name the parameter.
@Suite struct ReportsParameterTests {
    let query: SavedQuery

    init() throws {
        query = try SavedQueryParser.parse("""
        -- name: compare
        -- description: d
        -- param: dimension column = year  compared column
        -- param: a  first value
        -- param: b = 2025  second value
        -- param: top integer = 10  rows
        -- param: floor decimal = 0.5  smallest
        SELECT :dimension, :a, :b, :top, :floor
        """, name: "compare", file: "Queries/compare.bql")
    }

    @Test func defaultsAndOverridesAreTyped() throws {
        let binding = try ReportParameters(query: query, overrides: ["a": "2024", "floor": "1.25"])
        #expect(binding.values == ["a": .integer(2024), "b": .integer(2025), "top": .integer(10),
                                   "floor": .decimal(ExactDecimal(units: 125, scale: 2))])
        #expect(binding.columns == ["dimension": "year"])
        #expect(binding.bound.map(\.text) == ["year", "2024", "2025", "10", "1.25"])
    }

    @Test func untypedParametersFollowTheFormOfTheirValue() throws {
        let binding = try ReportParameters(query: query, overrides: ["dimension": "unit", "a": "上海市普陀区商务委员会", "b": "12.50"])
        #expect(binding.values["a"] == .text("上海市普陀区商务委员会"))
        #expect(binding.values["b"] == .decimal(ExactDecimal(units: 1250, scale: 2)))
        #expect(binding.columns == ["dimension": "unit"])
    }

    @Test func unknownParameterIsNamedWithASuggestion() {
        #expect(throws: ReportError.unknownParameter(name: "flor", query: "compare", declared: ["dimension", "a", "b", "top", "floor"])) {
            try ReportParameters(query: query, overrides: ["a": "1", "flor": "2"])
        }
        let message = ReportError.unknownParameter(name: "flor", query: "compare", declared: ["dimension", "a", "b", "top", "floor"]).description
        #expect(message == "compare has no parameter \"flor\" (its parameters are dimension, a, b, top, floor); did you mean \"floor\"?")
    }

    @Test func missingParameterIsNamed() {
        #expect(throws: ReportError.missingParameter(name: "a", query: "compare", description: "first value")) {
            try ReportParameters(query: query, overrides: [:])
        }
        #expect(ReportError.missingParameter(name: "a", query: "compare", description: "first value").description
                == "compare needs parameter \"a\" (first value): give it as a=VALUE")
    }

    @Test func wronglyTypedValuesAreNamed() {
        #expect(throws: ReportError.invalidParameterValue(name: "top", value: "ten", expected: .integer)) {
            try ReportParameters(query: query, overrides: ["a": "1", "top": "ten"])
        }
        #expect(throws: ReportError.invalidParameterValue(name: "dimension", value: "year; DROP", expected: .column)) {
            try ReportParameters(query: query, overrides: ["a": "1", "dimension": "year; DROP"])
        }
        #expect(ReportError.invalidParameterValue(name: "top", value: "ten", expected: .integer).description
                == "parameter \"top\" must be an integer, not \"ten\"")
    }

    @Test func argumentsSplitAtTheFirstEquals() throws {
        #expect(try ReportParameters.overrides(from: ["a=x=y", "b='two words'", "c="]) == ["a": "x=y", "b": "two words", "c": ""])
        #expect(throws: ReportError.malformedArgument("novalue")) { try ReportParameters.overrides(from: ["novalue"]) }
        #expect(throws: ReportError.malformedArgument("=1")) { try ReportParameters.overrides(from: ["=1"]) }
    }
}
