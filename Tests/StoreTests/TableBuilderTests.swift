import Testing
@testable import Store

@Suite struct TableBuilderTests {
    @Test func buildsTypedColumnsWithOneDecimalScale() throws {
        var b = TableBuilder(name: "t", schema: [("name", .text), ("amount", .decimal), ("class", .integer)])
        try b.append([.text("行政运行"), .decimal(ExactDecimal("477.68")!), .integer(208)])
        try b.append([.text("行政运行"), .integer(5), .null])
        let t = try b.build()
        #expect(t.rowCount == 2)
        guard case .decimal(let units, let scale)? = t.column(named: "AMOUNT")?.storage else {
            Issue.record("amount is not a decimal column"); return
        }
        #expect(units == [47768, 500] && scale == 2)
        guard case .text(let codes, let dictionary)? = t.column(named: "name")?.storage else {
            Issue.record("name is not a text column"); return
        }
        #expect(codes.widened == [0, 0] && codes.width == 1 && dictionary == ["行政运行"])
        #expect(t.row(1) == [.text("行政运行"), .decimal(ExactDecimal(5)), .null])
    }

    @Test func rejectsTextInANumberColumn() {
        var b = TableBuilder(name: "t", schema: [("class", .integer)])
        #expect(throws: StoreError.self) { try b.append([.text("208")]) }
    }
}
