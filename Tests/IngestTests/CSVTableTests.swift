import Foundation
import Testing
@testable import Ingest
import Store

@Suite struct CSVTableTests {
    private func parse(_ text: String, name: String = "t") throws(CSVError) -> Table {
        try CSVTable.parse(text, tableName: name, file: "t.csv")
    }

    private func expectError(_ text: String, _ fragments: [String]) {
        do {
            _ = try parse(text)
            Issue.record("expected an error containing \(fragments)")
        } catch {
            for f in fragments { #expect(error.description.contains(f), "\(error.description) lacks \(f)") }
        }
    }

    @Test func typesEachColumnFromItsContents() throws {
        let t = try parse("year,unit,amount,code\n2024,民政局,477.68,007\n2023,教育局,-5,12\n")
        #expect(t.rowCount == 2)
        #expect(t.columns.map(\.type) == [.integer, .text, .decimal, .integer])
        guard case .decimal(let units, let scale)? = t.column(named: "amount")?.storage else {
            Issue.record("amount is not decimal"); return
        }
        // Exact: -5 becomes -500 hundredths, never a binary float.
        #expect(units == [47768, -500] && scale == 2)
        #expect(t.row(0) == [.integer(2024), .text("民政局"), .decimal(ExactDecimal("477.68")!), .integer(7)])
    }

    @Test func aLaterDecimalWithMorePlacesRescalesEarlierValues() throws {
        let t = try parse("amount\n1.5\n2\n0.125\n")
        #expect(t.row(0) == [.decimal(ExactDecimal("1.5")!)])
        #expect(t.row(1) == [.decimal(ExactDecimal(2))])
        #expect(t.row(2) == [.decimal(ExactDecimal("0.125")!)])
        guard case .decimal(_, let scale)? = t.column(named: "amount")?.storage else { Issue.record("not decimal"); return }
        #expect(scale == 3)
    }

    /// Issue 13: the forms analysts' files have.
    @Test func thousandsSeparatorsSpacesNullTokensAndBooleans() throws {
        let t = try parse("unit,amount,n,flag,note\n教育局,\"1,234.50\", 12 ,true,NA\n卫健委,-, NA,FALSE,x\n财政局,\"12,345,678\",NULL,,\n")
        #expect(t.columns.map(\.type) == [.text, .decimal, .integer, .boolean, .text])
        #expect(t.row(0) == [.text("教育局"), .decimal(ExactDecimal("1234.50")!), .integer(12), .boolean(true), .text("NA")])
        #expect(t.row(1) == [.text("卫健委"), .null, .null, .boolean(false), .text("x")])
        #expect(t.row(2) == [.text("财政局"), .decimal(ExactDecimal("12345678")!), .null, .null, .null])
        // Commas that are not thousands groups make text, as written.
        let odd = try parse("v\n\"1,23\"\n")
        #expect(odd.columns[0].type == .text && odd.row(0) == [.text("1,23")])
        // true/false after numbers is not a boolean column.
        let mixed = try parse("v\n1\ntrue\n")
        #expect(mixed.columns[0].type == .text)
    }

    @Test func aLateNonNumberMakesTheColumnTextKeepingCellsAsWritten() throws {
        let t = try parse("code\n007\n12\n12a\n")
        #expect(t.columns[0].type == .text)
        #expect(t.row(0) == [.text("007")] && t.row(2) == [.text("12a")])
    }

    /// The cell that turned a column of numbers (or true/false) to TEXT is named by line and
    /// column; the line is the record's first, past a quoted field's line break.
    @Test func aTextFallbackNamesItsCell() throws {
        let long = String(repeating: "长", count: 60)
        let load = try CSVTable.read("name,code,flag,note\n\"two\nlines\",007,true,x\nb,12a,false,y\nc,1,\(long),z\n", tableName: "t")
        #expect(load.textFallbacks.map(\.column) == [2, 3])
        #expect(load.textFallbacks[0] == CSVTextFallback(column: 2, columnName: "code", line: 4, value: "12a", earlier: "numbers"))
        #expect(load.textFallbacks[1].line == 5 && load.textFallbacks[1].earlier == "true/false")
        #expect(load.textFallbacks[1].value == String(repeating: "长", count: 40) + "…")
        // Through a cache entry's notes and back.
        #expect(CSVTextFallback(encoded: load.textFallbacks[0].encoded) == load.textFallbacks[0])
    }

    @Test func emptyCellsAreNullAndAllNullColumnsAreText() throws {
        let t = try parse("a,b,c\n1,,\n,x,\n")
        #expect(t.row(0) == [.integer(1), .null, .null])
        #expect(t.row(1) == [.null, .text("x"), .null])
        #expect(t.columns[2].type == .text)
    }

    @Test func quotedFieldsHoldCommasQuotesAndLineBreaks() throws {
        let t = try parse("name,amount\r\n\"项目A,二期\",1\r\n\"说\"\"示范\"\"\",2\r\n\"two\nlines\",3\r\n")
        #expect(t.rowCount == 3)
        #expect(t.row(0)[0] == .text("项目A,二期"))
        #expect(t.row(1)[0] == .text("说\"示范\""))
        #expect(t.row(2) == [.text("two\nlines"), .integer(3)])
    }

    @Test func textIsDictionaryEncodedWithPackedCodes() throws {
        let t = try parse("unit\nA\nB\nA\nA\n")
        guard case .text(let codes, let dictionary)? = t.columns.first?.storage else { Issue.record("not text"); return }
        #expect(dictionary == ["A", "B"] && codes.widened == [0, 1, 0, 0] && codes.width == 1)
    }

    @Test func theTableIsNamedAfterTheFile() {
        #expect(CSVTable.tableName(forPath: "/data/bench.csv") == "bench")
        #expect(CSVTable.tableName(forPath: "my.data.csv") == "my.data")
        #expect(CSVTable.tableName(forPath: "plain") == "plain")
    }

    @Test func loadsAFileFromDisk() throws {
        let path = NSTemporaryDirectory() + "csv-\(UUID().uuidString)-spend.csv"
        try "class,amount\n208,1.25\n201,2.50\n".write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let t = try CSVTable.load(path: path)
        #expect(t.name.hasSuffix("-spend") && t.rowCount == 2)
        #expect(t.row(1) == [.integer(201), .decimal(ExactDecimal("2.5")!)])
    }

    @Test func wrongFieldCountsNameTheLine() {
        expectError("a,b\n1,2\n3\n", ["t.csv:3:", "expected 2 fields", "found 1"])
        expectError("a,b\n1,2\n\n3,4,5,6\n", ["t.csv:4:", "found 4"])
    }

    @Test func anUnterminatedQuoteNamesTheLineAndColumn() {
        expectError("a,b\n1,\"open\n2,3\n", ["t.csv:2: column 2 (b)", "never closed"])
    }

    @Test func textAfterAClosingQuoteIsAnError() {
        expectError("a\n\"x\"y\n", ["t.csv:2: column 1 (a)", "after a closing quote"])
    }

    @Test func invalidUTF8NamesLineAndColumn() throws {
        let bytes: [UInt8] = Array("a,name\n1,ok\n2,".utf8) + [0xE5, 0xB0] + Array("\n".utf8)
        let path = NSTemporaryDirectory() + "csv-\(UUID().uuidString).csv"
        FileManager.default.createFile(atPath: path, contents: Data(bytes))
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(throws: CSVError.self) { try CSVTable.load(path: path) }
        do { _ = try CSVTable.load(path: path) } catch {
            #expect(error.description.contains(":3: column 2 (name)") && error.description.contains("UTF-8"), "\(error)")
        }
    }

    @Test func emptyFilesAndDuplicateNamesAreExplained() {
        expectError("", ["t.csv", "empty"])
        expectError("a,A\n1,2\n", ["t.csv:1: column 2", "used twice"])
    }

    @Test func aMissingFileIsAnErrorNotACrash() {
        #expect(throws: CSVError.self) { try CSVTable.load(path: "/no/such/file.csv") }
    }

    @Test func integersBeyond64BitsBecomeText() throws {
        let t = try parse("n\n1\n99999999999999999999\n")
        #expect(t.columns[0].type == .text && t.row(1) == [.text("99999999999999999999")])
        let load = try CSVTable.read("n\n1\n99999999999999999999\n", tableName: "t")
        #expect(load.textFallbacks.first?.message == "column 1 (n) is read as TEXT: \"99999999999999999999\" is too large for a number column (64-bit units), the cells above it are numbers")
    }
}
