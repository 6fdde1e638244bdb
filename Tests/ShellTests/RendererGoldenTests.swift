import Query
import Shell
import Store
import Testing

/// Every output mode on rows with Chinese names, NULLs, long values and characters that need
/// escaping, compared with golden files.
@Suite struct RendererGoldenTests {
    static let sample: QueryResult = {
        func money(_ text: String) -> Value { ExactDecimal(text).map(Value.decimal) ?? .null }
        return QueryResult(
            columns: ["code", "name", "amount", "basic", "year", "rows", "note", "ok"],
            types: [.text, .text, .decimal, .decimal, .integer, .integer, .text, .boolean],
            rows: [
                [.text("2080101"), .text("行政运行"), money("1234567.50"), money("100.00"), .integer(2024), .integer(1234567),
                 .text("基本支出"), .boolean(true)],
                [.text("2080505"), .text("机关事业单位基本养老保险缴费支出"), money("-42.75"), .null, .integer(2024), .integer(3),
                 .text("a note that is much longer than forty columns, so the table cuts it with an ellipsis"), .boolean(false)],
                [.text("229"), .text("其他支出"), money("0.05"), money("0"), .null, .integer(0),
                 .text("comma, \"quote\"\nsecond line\tand tab | pipe <b>&"), .null],
                [.text("20101"), .text("人大事务（含因公出国（境）费）"), money("7278.68"), money("6157.25"), .integer(2025), .integer(28),
                 .null, .boolean(true)],
            ])
    }()

    @Test(arguments: OutputMode.allCases)
    func everyModeMatchesItsGoldenFile(mode: OutputMode) {
        let text = mode.renderer.render(Self.sample, options: RenderOptions(maxRows: 40, color: false))
        Golden.check(text, named: "sample.\(mode.rawValue).txt")
    }

    @Test func tableCutsLongResultsWithACount() {
        var rows: [[Value]] = []
        for i in 0..<2345 { rows.append([.integer(Int64(i)), .text("第\(i)行")]) }
        let result = QueryResult(columns: ["n", "name"], types: [.integer, .text], rows: rows)
        let text = TableRenderer().render(result, options: RenderOptions(maxRows: 3, color: false))
        Golden.check(text, named: "long.table.txt")
        #expect(text.hasSuffix("2,345 rows, 3 shown; .maxrows to change\n"))
    }

    /// On a terminal the table fits its width: natural widths when they fit, otherwise only the
    /// widest text columns are cut (numbers never), and every line fits.
    @Test func tableFitsTheTerminalWidth() {
        let wide = TableRenderer().render(Self.sample, options: RenderOptions(width: 200))
        #expect(wide.contains("a note that is much longer than forty columns, so the table cuts it with an ellipsis"))
        let narrow = TableRenderer().render(Self.sample, options: RenderOptions(width: 100))
        for line in narrow.split(separator: "\n") {
            #expect(DisplayWidth.of(String(line)) <= 100, "too wide: \(line)")
        }
        #expect(narrow.contains("1,234,567.50") && narrow.contains("行政运行"))
        #expect(narrow.contains("…"))
    }

    /// One rule for decimal places in every mode: the places the column's values need, money at
    /// least 2 (1128.1624 in a table was 1128.162400 in CSV; -0.0200 stood beside 440.900000).
    @Test func decimalPlacesAreTheSameInEveryMode() {
        func money(_ text: String) -> Value { ExactDecimal(text).map(Value.decimal) ?? .null }
        let result = QueryResult(columns: ["amount"], types: [.decimal], rows: [[money("1128.162400")], [money("440.900000")], [money("-0.020000")]])
        let csv = DelimitedRenderer(separator: ",").render(result, options: RenderOptions())
        #expect(csv == "amount\n1128.1624\n440.9000\n-0.0200\n")
        #expect(TableRenderer().render(result, options: RenderOptions()).contains("1,128.1624"))
        #expect(JSONRenderer().render(result, options: RenderOptions()).contains("{\"amount\":440.9000}"))
        #expect(MarkdownRenderer().render(result, options: RenderOptions()).contains(" -0.0200 |"))
    }

    /// A total row's empty label columns are blank, not NULL.
    @Test func totalRowsShowNoNullLabels() {
        let result = QueryResult(columns: ["code", "name", "n"], types: [.integer, .text, .integer],
                                 rows: [[.integer(201), .null, .integer(1)], [.null, .text("合计"), .integer(1)]])
        let table = TableRenderer().render(result, options: RenderOptions())
        #expect(table.contains("  201 | NULL |"), "got: \(table)")
        #expect(table.contains("      | 合计 |"), "got: \(table)")
        #expect(!MarkdownRenderer().render(result, options: RenderOptions()).contains("| NULL | 合计"))
        #expect(!HTMLRenderer().render(result, options: RenderOptions()).contains("<td class=\"null\">NULL</td><td>合计"))
    }

    @Test func csvNeverCutsLongResults() {
        var rows: [[Value]] = []
        for i in 0..<100 { rows.append([.integer(Int64(i))]) }
        let result = QueryResult(columns: ["n"], types: [.integer], rows: rows)
        let text = DelimitedRenderer(separator: ",").render(result, options: RenderOptions(maxRows: 3))
        #expect(text.split(separator: "\n").count == 101)
    }

    @Test func colourOnlyWhenAsked() {
        let plain = TableRenderer().render(Self.sample, options: RenderOptions(color: false))
        let coloured = TableRenderer().render(Self.sample, options: RenderOptions(color: true))
        #expect(!plain.contains("\u{1B}["))
        #expect(coloured.contains("\u{1B}[2mNULL"))
    }

    @Test func tableColumnsLineUpByDisplayWidth() {
        let text = TableRenderer().render(Self.sample, options: RenderOptions(color: false))
        let lines = text.split(separator: "\n").dropLast()  // the footer is not a table line
        // The display columns at which the separators ("|" in rows, "+" under the header) stand.
        func separatorColumns(_ line: Substring) -> [Int] {
            var columns: [Int] = []
            var width = 0
            for c in line {
                if c == "|" && !line.hasPrefix("-") || c == "+" { columns.append(width) }
                width += DisplayWidth.of(c)
            }
            return columns
        }
        let expected = separatorColumns(lines[lines.startIndex + 1])
        #expect(expected.count == 7)
        for line in lines where !line.contains("\\|") && !line.contains("| pi") {
            #expect(separatorColumns(line) == expected, "misaligned: \(line)")
        }
    }
}

@Suite struct DisplayWidthTests {
    @Test func chineseCharactersTakeTwoColumns() {
        #expect(DisplayWidth.of("行政运行") == 8)
        #expect(DisplayWidth.of("（境）") == 6)
        #expect(DisplayWidth.of("abc") == 3)
        #expect(DisplayWidth.of("e\u{301}") == 1)
    }

    @Test func truncationNeverSplitsACharacterAndMarksTheCut() {
        let cut = DisplayWidth.truncate("机关事业单位基本养老保险", to: 7)
        #expect(cut == "机关事…")
        #expect(DisplayWidth.of(cut) <= 7)
        #expect(DisplayWidth.truncate("short", to: 7) == "short")
    }
}
