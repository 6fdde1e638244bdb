import Testing

/// Names typed by hand get "did you mean" only when they look like a typo of a real name.
@Suite struct SuggestionCommandLineTests {
    @Test func aTableTypoIsSuggestedAnUnrelatedNameIsNot() throws {
        let typo = try Binary.run(["-c", ".schema spendng"])
        #expect(typo.stderr.contains("did you mean spending?"), "stderr: \(typo.stderr)")
        let unrelated = try Binary.run(["-c", ".schema xylophone"])
        #expect(unrelated.status != 0)
        #expect(!unrelated.stderr.contains("did you mean"), "stderr: \(unrelated.stderr)")
    }

    @Test func aSavedQueryTypoIsSuggestedAnUnrelatedNameIsNot() throws {
        let typo = try Binary.run(["run", "spending_by_clas"])
        #expect(typo.stderr.contains("did you mean \"spending_by_class\"?"), "stderr: \(typo.stderr)")
        let unrelated = try Binary.run(["run", "xylophone"])
        #expect(!unrelated.stderr.contains("did you mean"), "stderr: \(unrelated.stderr)")
    }
}
