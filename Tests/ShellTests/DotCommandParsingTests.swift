import Shell
import Testing

@Suite struct DotCommandParsingTests {
    @Test func everyCommandParses() throws {
        #expect(try DotCommand.parse(".help") == .help(nil))
        #expect(try DotCommand.parse(".help mode") == .help("mode"))
        #expect(try DotCommand.parse(".tables") == .tables)
        #expect(try DotCommand.parse(".schema spending") == .schema("spending"))
        #expect(try DotCommand.parse(".load 'Data/my file.txt'") == .load("Data/my file.txt"))
        #expect(try DotCommand.parse(".docs") == .docs)
        #expect(try DotCommand.parse(".checks kashgar") == .checks("kashgar"))
        #expect(try DotCommand.parse(".mode CSV") == .mode(.csv))
        #expect(try DotCommand.parse(".mode") == .mode(nil))
        #expect(try DotCommand.parse(".output out.csv") == .output("out.csv"))
        #expect(try DotCommand.parse(".output") == .output(nil))
        #expect(try DotCommand.parse(".once one.md") == .once("one.md"))
        #expect(try DotCommand.parse(".timer on") == .timer(true))
        #expect(try DotCommand.parse(".timer OFF") == .timer(false))
        #expect(try DotCommand.parse(".param set c 208") == .paramSet(name: "c", value: "208"))
        #expect(try DotCommand.parse(".param set :unit '喀什 地区'") == .paramSet(name: "unit", value: "'喀什 地区'"))
        #expect(try DotCommand.parse(".param list") == .paramList)
        #expect(try DotCommand.parse(".param clear c") == .paramClear("c"))
        #expect(try DotCommand.parse(".run top_classes year=2024 unit='A B'") ==
                .run(name: "top_classes", arguments: ["year=2024", "unit='A B'"]))
        #expect(try DotCommand.parse(".queries") == .queries)
        #expect(try DotCommand.parse(".read script.bql") == .read("script.bql"))
        #expect(try DotCommand.parse(".maxrows 100") == .maxRows(100))
        #expect(try DotCommand.parse(".threads 4") == .threads(4))
        #expect(try DotCommand.parse(".threads") == .threads(nil))
        #expect(try DotCommand.parse(".history") == .history)
        #expect(try DotCommand.parse(".quit") == .quit)
        #expect(try DotCommand.parse(".problems") == .problems)
        #expect(try DotCommand.parse(".pager on") == .pager(true))
        #expect(try DotCommand.parse(".headers off") == .headers(false))
        #expect(try DotCommand.parse(".nullvalue '(none)'") == .nullValue("(none)"))
    }

    @Test func unknownCommandSuggestsTheNearest() {
        #expect(throws: DotCommandError.unknown(".tabels", suggestion: ".tables")) { try DotCommand.parse(".tabels") }
        #expect(throws: DotCommandError.unknown(".shema", suggestion: ".schema")) { try DotCommand.parse(".shema") }
        #expect(throws: DotCommandError.unknown(".xyzzy", suggestion: nil)) { try DotCommand.parse(".xyzzy") }
        let message = DotCommandError.unknown(".tabels", suggestion: ".tables").description
        #expect(message == "unknown command .tabels; did you mean .tables?")
    }

    @Test func badArgumentsSayWhatIsExpected() {
        #expect(throws: DotCommandError.usage(command: ".mode", problem: "no mode \"yaml\"")) { try DotCommand.parse(".mode yaml") }
        #expect(throws: DotCommandError.usage(command: ".timer", problem: "say on or off")) { try DotCommand.parse(".timer maybe") }
        #expect(throws: DotCommandError.usage(command: ".maxrows", problem: "\"-3\" is not a row count")) { try DotCommand.parse(".maxrows -3") }
        #expect(throws: DotCommandError.usage(command: ".load", problem: "needs path")) { try DotCommand.parse(".load") }
        #expect(throws: DotCommandError.usage(command: ".threads", problem: "\"0\" is not a thread count (1 or more)")) { try DotCommand.parse(".threads 0") }
        #expect(throws: DotCommandError.usage(command: ".run", problem: "\"2024\" is not name=value")) { try DotCommand.parse(".run q 2024") }
        let message = DotCommandError.usage(command: ".timer", problem: "say on or off").description
        #expect(message == ".timer: say on or off (usage: .timer on|off)")
    }
}

@Suite struct ParameterBindingTests {
    @Test func valuesAreTypedLikeLiterals() {
        #expect(ParameterBinding.parse("c=208") == ParameterBinding(name: "c", value: .integer(208)))
        #expect(ParameterBinding.parse("x=12.50")?.value.description == "12.50")
        #expect(ParameterBinding.parse("code='208'") == ParameterBinding(name: "code", value: .text("208")))
        #expect(ParameterBinding.parse("unit=喀什地区") == ParameterBinding(name: "unit", value: .text("喀什地区")))
        #expect(ParameterBinding.parse(":y=2024") == ParameterBinding(name: "y", value: .integer(2024)))
        #expect(ParameterBinding.parse("it's=1") == nil)
        #expect(ParameterBinding.parse("noequals") == nil)
    }

    /// sqlite3, duckdb and psql habits are answered with what to use here, not "unknown command".
    @Test func habitsFromOtherShellsSayWhatToUse() {
        #expect(throws: DotCommandError.habit(".import", instead: "use .load FILE (a CSV file becomes a table named after the file)")) {
            try DotCommand.parse(".import x.csv x")
        }
        #expect(throws: DotCommandError.habit("\\timing", instead: "use .timer on")) { try DotCommand.parse("\\timing") }
    }
}
