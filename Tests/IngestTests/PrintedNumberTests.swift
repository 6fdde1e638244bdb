import Testing
import Store
@testable import Ingest

/// A cell read as a number, as the office programs that make disclosures print them.
struct PrintedNumberTests {
    static func value(_ cell: String) -> String? { PrintedNumber.parse(cell)?.value.description }

    @Test func plainFiguresSeparatorsAndSigns() {
        #expect(Self.value("1,234.50") == "1234.50")
        #expect(Self.value("-12.50") == "-12.50")
        #expect(Self.value("0") == "0")
        #expect(Self.value("-") == nil)
        #expect(Self.value("1.") == nil)
    }

    /// Excel's and WPS's accounting formats, a typographic minus and a full-width one.
    @Test func negativesAsOfficeProgramsPrintThem() {
        #expect(Self.value("(12.50)") == "-12.50")
        #expect(Self.value("（1,250）") == "-1250")
        #expect(Self.value("−12.50") == "-12.50")
        #expect(Self.value("－12.50") == "-12.50")
    }

    /// An item number in brackets is a label, and a doubled sign is not a number.
    @Test func bracketedOrdinalsAndDoubleSignsAreText() {
        #expect(Self.value("(3)") == nil)
        #expect(Self.value("（一）") == nil)
        #expect(Self.value("(-12.50)") == nil)
        #expect(Self.value("−-3.00") == nil)
        #expect(Self.value("(12.50") == nil)
    }
}
