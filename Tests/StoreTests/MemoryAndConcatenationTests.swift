import Testing
@testable import Store

@Suite struct MemoryAndConcatenationTests {
    @Test func storageBytesCountPackedWidthsDictionariesAndNullBitmaps() throws {
        let codes = Column(name: "class", type: .integer, storage: .integer(PackedIntegers([201, 208, 208])), nulls: nil)
        #expect(codes.storageBytes == 3 * 2)
        let money = Column(name: "amount", type: .decimal, storage: .decimal(units: [1, 2], scale: 2),
                           nulls: NullMask(words: [0b10], count: 2))
        #expect(money.storageBytes == 2 * 8 + 8)
        // Short entries live inside the 16-byte String; long ones add their UTF-8 bytes.
        let long = String(repeating: "就业", count: 4)  // 24 bytes
        let text = Column(name: "name", type: .text, storage: .text(codes: .int8([0, 1, 0]), dictionary: ["a", long]), nulls: nil)
        #expect(text.storageBytes == 3 + 16 + 16 + 24)
        let table = Table(name: "t", columns: [codes, text])
        #expect(table.storageBytes == codes.storageBytes + text.storageBytes)
    }

    @Test func nullMaskFromWordsKeepsEveryBit() {
        let mask = NullMask(words: [1 | (1 << 63), 1 << 1], count: 66)
        #expect(mask.count == 66 && mask[0] && !mask[1] && mask[63] && !mask[64] && mask[65])
    }

    @Test func concatenationMergesDictionariesWidensAndFillsMissingColumns() throws {
        var a = TableBuilder(name: "spending", schema: [("unit", .text), ("amount", .decimal), ("year", .integer)])
        try a.append([.text("民政局"), .decimal(ExactDecimal("1.5")!), .integer(2024)])
        var b = TableBuilder(name: "spending", schema: [("UNIT", .text), ("amount", .integer), ("note", .text)])
        try b.append([.text("教育局"), .integer(3), .text("x")])
        try b.append([.text("民政局"), .null, .null])
        let merged = try Table.concatenating([try a.build(), try b.build()], name: "spending")
        #expect(merged.rowCount == 3)
        #expect(merged.columns.map(\.name) == ["unit", "amount", "year", "note"])
        #expect(merged.columns.map(\.type) == [.text, .decimal, .integer, .text])
        #expect(merged.row(0) == [.text("民政局"), .decimal(ExactDecimal("1.5")!), .integer(2024), .null])
        #expect(merged.row(1) == [.text("教育局"), .decimal(ExactDecimal(3)), .null, .text("x")])
        #expect(merged.row(2) == [.text("民政局"), .null, .null, .null])
        guard case .text(_, let dictionary) = merged.columns[0].storage else { Issue.record("unit not text"); return }
        #expect(dictionary == ["民政局", "教育局"])
    }

    @Test func concatenationRejectsTextMeetingNumbers() throws {
        let t1 = Table(name: "t", columns: [Column(name: "c", type: .integer, storage: .integer(PackedIntegers([1])), nulls: nil)])
        let t2 = Table(name: "t", columns: [Column(name: "c", type: .text, storage: .text(codes: .int8([0]), dictionary: ["x"]), nulls: nil)])
        #expect(throws: ConcatenationError.self) { try Table.concatenating([t1, t2], name: "t") }
    }
}
