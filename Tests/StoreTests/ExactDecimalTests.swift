import Testing
@testable import Store

@Suite struct ExactDecimalTests {
    @Test func parsesAndPrintsExactly() {
        #expect(ExactDecimal("7278.68")?.description == "7278.68")
        #expect(ExactDecimal("-0.05")?.description == "-0.05")
        #expect(ExactDecimal("12")?.description == "12")
        #expect(ExactDecimal("1,000") == nil)
        #expect(ExactDecimal("") == nil)
        #expect(ExactDecimal("-") == nil)
    }

    @Test func addsWithoutBinaryRounding() throws {
        let a = try #require(ExactDecimal("0.1")), b = try #require(ExactDecimal("0.2"))
        #expect(a.adding(b) == ExactDecimal("0.3"))
        #expect(ExactDecimal("1.50") == ExactDecimal("1.5"))
    }

    @Test func dividesWithRoundingAndRefusesZero() throws {
        let one = ExactDecimal(1), three = ExactDecimal(3)
        #expect(one.divided(by: three, scale: 4)?.description == "0.3333")
        #expect(ExactDecimal(2).divided(by: three, scale: 2)?.description == "0.67")
        #expect(one.divided(by: .zero, scale: 2) == nil)
    }

    @Test func reportsOverflowInsteadOfTrapping() {
        let big = ExactDecimal(units: Int128.max, scale: 0)
        #expect(big.adding(ExactDecimal(1)) == nil)
        #expect(big.multiplied(by: ExactDecimal(2)) == nil)
    }
}
