import Testing
@testable import Shell

/// The shell suggests names with the engine's one "did you mean" rule: a likely typo gets the
/// nearest name, an unrelated word gets none (it used to get whatever was least far).
@Suite struct SuggestionTests {
    @Test func aTypoOfADotCommandGetsTheCommand() {
        #expect(DotCommandCatalog.nearest(to: ".tabels") == ".tables")
        #expect(DotCommandCatalog.nearest(to: ".sch") == ".schema")
    }

    @Test func anUnrelatedWordGetsNoSuggestion() {
        #expect(DotCommandCatalog.nearest(to: ".xyzzy") == nil)
    }
}
