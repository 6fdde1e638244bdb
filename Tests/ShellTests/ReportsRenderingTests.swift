import Testing
import Store
import Query
@testable import Shell

/// Rendering a report without the engine: a hand-made comparison result with Chinese names,
/// negative changes, NULL, new and gone lines, rendered in every format and checked against golden
/// files; and the same report rendered twice gives the same bytes.
@Suite struct ReportsRenderingTests {
    static func decimal(_ text: String) -> Value {
        guard let d = ExactDecimal(text) else { return .null }
        return .decimal(d)
    }

    static func sampleReport() throws -> Report {
        let query = try SavedQueryParser.parse("""
        -- name: unit_against_unit
        -- title: 单位对比 by class
        -- description: Two units' spending by function class, side by side
        -- param: a  the first unit
        -- param: b  the second unit
        -- chart: name change
        SELECT 1
        """, name: "unit_against_unit", file: "Queries/unit_against_unit.bql")
        let parameters = try ReportParameters(query: query, overrides: ["a": "上海市普陀区商务委员会", "b": "上海市普陀区人民政府办公室"])
        let d = decimal
        let result = QueryResult(
            columns: ["class", "name", "value_a", "value_b", "change", "change_pct", "status"],
            types: [.integer, .text, .decimal, .decimal, .decimal, .decimal, .text],
            rows: [
                [.integer(201), .text("一般公共服务支出"), d("1971.59"), d("2500.00"), d("528.41"), d("26.80"), .text("")],
                [.integer(208), .text("社会保障和就业支出"), d("410.25"), d("95.10"), d("-315.15"), d("-76.82"), .text("")],
                [.integer(210), .text("卫生健康支出"), d("0"), d("61.40"), d("61.40"), .null, .text("new")],
                [.integer(221), .text("住房保障支出"), d("120.00"), d("0"), d("-120.00"), d("-100.00"), .text("gone")],
                [.null, .text("合计"), d("2501.84"), d("2656.50"), d("154.66"), d("6.18"), .text("")],
            ])
        let documents = [
            ReportDocument(doc: "govoffice-2025-dept-budget", unit: "上海市普陀区人民政府办公室", year: "2025", stage: "预算"),
            ReportDocument(doc: "commerce-2025-dept-budget", unit: "上海市普陀区商务委员会", year: "2025", stage: "预算"),
        ].sorted { $0.doc < $1.doc }
        return Report(query: query, parameters: parameters, documents: documents,
                      sections: [RanSection(title: "", results: [result], chart: query.sections[0].chart)])
    }

    @Test(arguments: ReportFormat.allCases)
    func everyFormatMatchesItsGolden(format: ReportFormat) throws {
        let report = try Self.sampleReport()
        let text = ReportRendering.render(report, as: format)
        Golden.check(text, named: "rendering/sample.\(format.rawValue == "table" ? "txt" : format.rawValue)", in: "ReportGolden")
        #expect(ReportRendering.render(try Self.sampleReport(), as: format) == text)
    }

    @Test func chartLeavesOutTheTotalAndScalesExactly() throws {
        let report = try Self.sampleReport()
        let chart = try #require(ReportChart(result: report.sections[0].results[0], spec: report.sections[0].chart))
        #expect(chart.bars.map(\.label) == ["一般公共服务支出", "社会保障和就业支出", "卫生健康支出", "住房保障支出"])
        #expect(chart.largestPositive == ExactDecimal(units: 52841, scale: 2))
        #expect(chart.largestNegativeMagnitude == ExactDecimal(units: 31515, scale: 2))
        // 61.40 / 528.41 of 320 eighths = 37.18 -> 37
        #expect(ReportChart.steps(ExactDecimal(units: 6140, scale: 2), of: chart.largestPositive, in: 320) == 37)
        #expect(ReportChart.steps(ExactDecimal(units: 1, scale: 0), of: .zero, in: 320) == 0)
    }

    /// Rises and falls to one scale on either side of a visible zero axis: 528.41 + 315.15 share
    /// the 40 cells, so the fall of 315.15 takes 15 cells left of │ and the rise 25 right of it.
    @Test func terminalChartDrawsFallsAndRisesToOneScaleAroundZero() throws {
        let text = ReportRendering.render(try Self.sampleReport(), as: .table)
        #expect(text.contains("增减（万元）按名称\n"), "got: \(text)")
        #expect(text.contains("一般公共服务支出   " + String(repeating: " ", count: 15) + "│" + String(repeating: "█", count: 25) + " 528.41"), "got: \(text)")
        #expect(text.contains("社会保障和就业支出 " + String(repeating: "░", count: 15) + "│ -315.15"), "got: \(text)")
    }

    /// Reports read in Chinese with the English name beside (HTML tooltip, Markdown second line),
    /// money says its unit and percentages their sign; --lang en gives English headers.
    @Test func headersAreChineseWithTheEnglishNameAndUnits() throws {
        let report = try Self.sampleReport()
        let html = ReportRendering.render(report, as: .html)
        #expect(html.contains("<th class=\"num\" title=\"change\">增减（万元）</th>"))
        #expect(html.contains("<td class=\"num\">26.80%</td>"))
        #expect(html.contains("<td class=\"num\">1,971.59</td>"))
        let markdown = ReportRendering.render(report, as: .markdown)
        #expect(markdown.contains("| 增减（万元）<br>change |"))
        let english = ReportRendering.render(report, as: .markdown, language: .en)
        #expect(english.contains("| change (10k yuan) |") && english.contains("--lang en"))
    }

    /// A report names the failed checks of its documents, so a reader knows which figures are disputed.
    @Test func aReportListsTheFailedChecksOfItsDocuments() throws {
        let base = try Self.sampleReport()
        let check = ReportCheck(doc: "commerce-2025-dept-budget", rule: "spending 合计 = income 合计", status: "mismatch",
                                expected: "9759.38", actual: "9746.50", diff: "-12.88", place: "p.16", detail: "spending 合计 9759.38, income 合计 9746.50")
        let report = Report(query: base.query, parameters: base.parameters, documents: base.documents, sections: base.sections,
                            failedChecks: [check], checkCount: 120)
        let html = ReportRendering.render(report, as: .html)
        #expect(html.contains("这些文件的 120 项核对中有 1 项未通过"))
        #expect(html.contains("<td class=\"num\">9,759.38</td>"))
        #expect(ReportRendering.render(report, as: .markdown).contains("| commerce-2025-dept-budget | spending 合计 = income 合计 | mismatch | 9,759.38 |"))
        #expect(ReportRendering.render(report, as: .table).contains("failed checks: 1 of 120 in these documents"))
    }

    /// Names repeat across classes: the chart labels bars with code and name.
    @Test func chartLabelsAreCodeAndName() {
        let result = QueryResult(columns: ["code", "name", "change"], types: [.text, .text, .decimal],
                                 rows: [[.text("2010302"), .text("一般行政管理事务"), Self.decimal("5")],
                                        [.text("2040302"), .text("一般行政管理事务"), Self.decimal("-2")]])
        let chart = ReportChart(result: result, spec: ChartSpec(labelColumn: "name", valueColumn: "change"))
        #expect(chart?.bars.map(\.label) == ["2010302 一般行政管理事务", "2040302 一般行政管理事务"])
        #expect(chart.map { ReportColumns.chartTitle($0, language: .zh) } == "增减（万元）按项")
    }

    @Test func htmlHasAnInlineSVGChartAndNoScript() throws {
        let html = ReportRendering.render(try Self.sampleReport(), as: .html)
        #expect(html.contains("<svg xmlns=\"http://www.w3.org/2000/svg\""))
        #expect(html.contains("class=\"bar negative\""))
        #expect(!html.contains("<script"))
        #expect(html.contains("budgetql run unit_against_unit --param a=上海市普陀区商务委员会 --param b=上海市普陀区人民政府办公室 --format html"))
    }

    @Test func chartWithoutANumericColumnIsLeftOut() {
        let result = QueryResult(columns: ["doc", "rule"], types: [.text, .text], rows: [[.text("a"), .text("b")]])
        #expect(ReportChart(result: result, spec: nil) == nil)
        let named = QueryResult(columns: ["name", "amount"], types: [.text, .decimal], rows: [[.text("x"), Self.decimal("2.5")]])
        #expect(ReportChart(result: named, spec: ChartSpec(labelColumn: "name", valueColumn: "missing")) == nil)
        #expect(ReportChart(result: named, spec: nil)?.valueColumn == "amount")
    }
}
