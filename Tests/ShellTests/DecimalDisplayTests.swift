import Testing
import Query
import Store
@testable import Shell

/// A corpus mixes documents in 万元 (2 places) and 元 (converted exactly to 万元, 6 places); the
/// table shows each column with the places its shown values need, at least money's 2.
@Suite struct DecimalDisplayTests {
    private func table(_ values: [String]) -> String {
        let rows = values.map { [Value.decimal(ExactDecimal($0)!)] }
        return TableRenderer().render(QueryResult(columns: ["amount"], types: [.decimal], rows: rows),
                                      options: RenderOptions())
    }

    @Test func storedPlacesBeyondThePublishedOnesAreNotShown() {
        #expect(table(["5141.460000", "25.000000"]).contains("5,141.46\n"))
        #expect(table(["5141.460000", "25.000000"]).contains("   25.00\n"))
    }

    @Test func everyPlaceAValueNeedsIsShownAndPointsLineUp() {
        let text = table(["9101.677535", "7278.680000"])
        #expect(text.contains("9,101.677535\n"))
        #expect(text.contains("7,278.680000\n"))
    }

    @Test func integralDecimalsKeepMoneysTwoPlaces() {
        #expect(table(["2500.00", "95.10"]).contains("2,500.00\n"))
        #expect(table(["12"]).contains("12\n") && !table(["12"]).contains("12.00"))
    }
}
