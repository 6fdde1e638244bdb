import Shell
import Testing

/// Tab completion as a pure function: what is offered where.
@Suite struct CompletionTests {
    let context = CompletionContext(
        tables: [("spending", ["doc", "class", "code", "name", "amount", "basic", "project"]),
                 ("income", ["doc", "class", "amount", "fiscal"]),
                 ("checks", ["doc", "rule", "status"])],
        savedQueries: ["top_classes", "three_public", "year_on_year"],
        listDirectory: { directory in
            switch directory {
            case "": return [("Data", true), ("Queries", true), ("README.md", false), (".hidden", false)]
            case "Data/": return [("kashgar-2024.txt", false), ("more", true)]
            default: return []
            }
        })

    private func complete(_ typed: String, statement: String? = nil) -> [String] {
        // The word under the cursor is what follows the last break character.
        let breaks: Set<Character> = [" ", "\t", "\n", "(", ")", ",", ";", "=", "<", ">", "+", "*", "|"]
        let start = typed.lastIndex(where: { breaks.contains($0) }).map { typed.index(after: $0) } ?? typed.startIndex
        return Completion.candidates(word: String(typed[start...]), before: String(typed[..<start]),
                                     statement: statement ?? typed, context: context)
    }

    @Test func keywordsInTheCaseTyped() {
        #expect(complete("SEL").contains("SELECT"))
        #expect(complete("sel").contains("select"))
    }

    @Test func tablesAfterFromAndJoin() {
        #expect(complete("SELECT * FROM sp") == ["spending"])
        #expect(complete("SELECT * FROM spending s JOIN in") == ["income"])
        #expect(Set(complete("SELECT * FROM ")) == ["spending", "income", "checks"])
    }

    @Test func columnsOfTheTablesInPlay() {
        #expect(complete("SELECT am", statement: "SELECT am FROM income").contains("amount"))
        #expect(complete("SELECT fis", statement: "SELECT fis FROM income") == ["fiscal"])
        #expect(complete("SELECT * FROM checks WHERE sta").filter { !$0.hasSuffix("(") } == ["status"])
        // No FROM: the default table, spending.
        #expect(complete("SELECT sum(am") == ["amount"])
        #expect(!complete("SELECT fis").contains("fiscal"))
    }

    @Test func qualifiedColumnsByTableOrAlias() {
        #expect(complete("SELECT s.am", statement: "SELECT s.am FROM spending s") == ["s.amount"])
        #expect(complete("SELECT income.fi", statement: "SELECT income.fi FROM income") == ["income.fiscal"])
    }

    @Test func functionsOpenTheirParenthesis() {
        #expect(complete("SELECT su").contains("sum("))
    }

    @Test func dotCommandsAtTheStartOnly() {
        #expect(complete(".ta") == [".tables"])
        #expect(Set(complete(".s")) == [".schema"])
        #expect(complete("SELECT .ta").isEmpty)
    }

    @Test func savedQueryNamesAfterRun() {
        #expect(complete(".run t") == ["top_classes", "three_public"])
        #expect(complete(".run y") == ["year_on_year"])
    }

    @Test func filePathsAfterLoadOutputAndRead() {
        #expect(complete(".load D") == ["Data/"])
        #expect(complete(".load Data/") == ["Data/kashgar-2024.txt", "Data/more/"])
        #expect(complete(".read R") == ["README.md"])
        #expect(complete(".output Q") == ["Queries/"])
        #expect(!complete(".load ").contains(".hidden"))
    }

    @Test func argumentsOfModeAndSchema() {
        #expect(complete(".mode js") == ["json"])
        #expect(complete(".schema inc") == ["income"])
    }

    @Test func multiLineStatementsSeeEarlierLines() {
        let statement = "SELECT fis\nFROM income"
        #expect(Completion.candidates(word: "fis", before: "SELECT ", statement: statement, context: context) == ["fiscal"])
    }
}
