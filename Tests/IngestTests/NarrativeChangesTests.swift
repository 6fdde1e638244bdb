import Foundation
import Store
import Testing
@testable import Ingest

/// The narrative's year-on-year statements (`changes`) read from the seed, the Shanghai PDFs
/// and small texts in the template's other phrasings.
@Suite struct NarrativeChangesTests {
    static func d(_ s: String) -> ExactDecimal? { ExactDecimal(s) }

    func seedResult(withDocumentCodes: Bool = true) throws -> NarrativeChanges.Result {
        NarrativeChanges.read(try NarrativeFixture.seed(),
                              documentCodes: withDocumentCodes ? try NarrativeFixture.seedFunctionCodes() : [])
    }

    @Test func administrationOf2080101ComparesWithLastYear() throws {
        let r = try seedResult()
        let s = try #require(r.statements.first { $0.code == "2080101" })
        #expect(s.path == ["社会保障和就业支出", "人力资源和社会保障管理事务", "行政运行"])
        #expect(s.amount == Self.d("477.68"))
        #expect(s.prior == Self.d("425.07"))
        #expect(s.change == Self.d("52.61"))
        #expect(s.pct == Self.d("12.38"))
        #expect(s.consistent == true)
        #expect(s.basis == "上年预算")
        #expect(s.reason == "我单位本年该科目下项目增加")
        // The sentence starts on line 646 and its comparison wraps onto line 648.
        #expect(s.line == 646)
    }

    @Test func trainingLine2050803IsFlaggedInconsistent() throws {
        let s = try #require(try seedResult().statements.first { $0.code == "2050803" })
        #expect(s.amount == Self.d("25"))
        #expect(s.change == Self.d("26"))
        #expect(s.prior == Self.d("-1"))
        #expect(s.pct == Self.d("100"))
        #expect(s.consistent == false)
        #expect(s.line == 644)
    }

    @Test func decreasesAreNegativeAndChecked() throws {
        let statements = try seedResult().statements
        let inspection = try #require(statements.first { $0.code == "2080105" })
        #expect(inspection.change == Self.d("-1.1"))
        #expect(inspection.prior == Self.d("2.0"))
        #expect(inspection.pct == Self.d("-55"))
        #expect(inspection.consistent == true)
        // "比上年预算 368.77 万元，下降 96.89%": no 减少, the direction comes from 下降.
        let office = try #require(statements.first { $0.code == "2010399" })
        #expect(office.change == Self.d("-368.77"))
        #expect(office.prior == Self.d("380.62"))
        #expect(office.consistent == true)
    }

    @Test func everyNumberedPathStatementOfTheSeedIsRead() throws {
        let r = try seedResult()
        let withCode = r.statements.filter { $0.path.count == 3 }
        #expect(withCode.count == 27)
        let tableCodes = Set(try NarrativeFixture.seedFunctionCodes().map(\.code))
        for s in withCode {
            let code = try #require(s.code, "line \(s.line) unresolved")
            // The seed's tables print some codes broken ("20\t03\t99"), the reference knows them.
            #expect(tableCodes.contains(code) || ReferenceClassification.standard.entry(code: code) != nil,
                    "line \(s.line): \(code) is in neither the seed's tables nor the reference")
            #expect(s.amount != nil && s.change != nil && s.prior != nil, "line \(s.line)")
        }
        // Only the training line disagrees with itself.
        #expect(withCode.filter { $0.consistent == false }.map(\.code) == ["2050803"])
    }

    @Test func lookAlikeNamesAreMatchedByTheDocumentsAmountsAndReported() throws {
        let r = try seedResult()
        // "养老福利" is printed for 2081006 养老服务 (15.6 in the tables), not 2081002 老年福利.
        #expect(r.statements.first { $0.path.last == "养老福利" }?.code == "2081006")
        // "公安(款)其他公共安全支出(项)": the tables hold it as 2049999 under 20499.
        #expect(r.statements.first { $0.path.last == "其他公共安全支出" }?.code == "2049999")
        #expect(r.diagnostics.contains { $0.line == 672 && $0.message.contains("2081006") && $0.kind == .repaired })
        #expect(r.diagnostics.contains { $0.line == 642 && $0.message.contains("2049999") })
    }

    @Test func theCensoredPetitionPathResolvesFromTheReferenceAlone() throws {
        let r = try seedResult(withDocumentCodes: false)
        let s = try #require(r.statements.first { $0.line == 638 })
        #expect(s.path == ["一般公共服务支出", "信息访问务", "业务"])
        #expect(s.code == "2014004")
        #expect(s.amount == Self.d("201.76"))
        #expect(r.diagnostics.contains { $0.line == 638 && $0.message.contains("20140") })
    }

    @Test func subjectStatementsWithoutACodePath() throws {
        let statements = try seedResult().statements
        let basic = try #require(statements.first { $0.line == 591 })
        #expect(basic.code == nil)
        #expect(basic.path == ["基本支出"])
        #expect(basic.amount == Self.d("539.99"))
        #expect(basic.change == Self.d("30.38"))
        #expect(basic.prior == Self.d("509.61"))
        #expect(basic.consistent == true)
        let general = try #require(statements.first { $0.line == 567 })
        #expect(general.path == ["一般公共预算"])
        #expect(general.pct == Self.d("100.58"))
        let running = try #require(statements.first { $0.line == 998 })
        #expect(running.path == ["专项运行经费财政拨款预算"])
        #expect(running.change == Self.d("-1.81"))
    }

    @Test func theChangesTableHasSchemaColumnsAndExactValues() throws {
        let doc = try NarrativeFixture.seed()
        let (part, _) = ChangesTable.read(doc, documentCodes: try NarrativeFixture.seedFunctionCodes())
        let table = try ChangesTable.table([part])
        let names = table.columns.map(\.name)
        for required in ["doc", "unit", "year", "stage", "scope", "code", "path", "reason", "amount", "prior",
                         "change", "pct", "consistent", "line"] {
            #expect(names.contains(required), "missing column \(required)")
        }
        let codes = try #require(table.column(named: "code"))
        let row = try #require((0..<table.rowCount).first { codes.value(at: $0) == .text("2080101") })
        #expect(table.column(named: "prior")?.value(at: row) == .decimal(ExactDecimal("425.07")!))
        #expect(table.column(named: "class")?.value(at: row) == .integer(208))
        #expect(table.column(named: "item")?.value(at: row) == .integer(1))
        #expect(table.column(named: "year")?.value(at: row) == .integer(2024))
        #expect(table.column(named: "path")?.value(at: row) == .text("社会保障和就业支出/人力资源和社会保障管理事务/行政运行"))
        #expect(table.column(named: "line")?.value(at: row) == .integer(646))
    }

    // MARK: other phrasings of the template

    static func read(_ text: String, codes: [DocumentCode] = []) -> NarrativeChanges.Result {
        NarrativeChanges.read(lines: NarrativeFixture.lines(text), unit: "某某局", documentCodes: codes, reference: .standard)
    }

    @Test func flatUnchangedAndNewItemPhrasings() {
        let r = Self.read("""
        1.社会保障和就业支出（类）行政事业单位养老支出（款）行政单位离退休（项）2025年预算数为 12.50 万元，与上年预算持平。
        2.卫生健康支出（类）行政事业单位医疗（款）行政单位医疗（项）2025年预算数为 3.2 万元，上年无此项，增长 100%。
        3.住房保障支出（类）住房改革支出（款）住房公积金（项）2025年预算数为 80,000 元，比上年预算减少 20,000 元，下降 20%。
        """)
        #expect(r.statements.count == 3)
        let flat = r.statements[0]
        #expect(flat.code == "2080501" && flat.change == .zero && flat.prior == ExactDecimal("12.50") && flat.consistent == true)
        let new = r.statements[1]
        #expect(new.code == "2101101" && new.prior == .zero && new.change == ExactDecimal("3.2") && new.consistent == true)
        // Amounts in 元 are stored in 万元, exactly.
        let fund = r.statements[2]
        #expect(fund.amount == ExactDecimal("8") && fund.change == ExactDecimal("-2") && fund.prior == ExactDecimal("10"))
        #expect(fund.consistent == true)
    }

    @Test func finalAccountsCompareWithTheInitialBudget() {
        let r = Self.read("""
          3、社会保障和就业支出（类）行政事业单位养老支出（款）

        机关事业单位基本养老保险缴费支出（项）。主要用于：行政事

        业单位养老保险支出。年初预算为 452.40 万元，支出决算为

        446.11 万元，完成年初预算的 98.61%。决算数小于预算数的主

        要原因：机构改革人员变动。
        """)
        let s = r.statements.first
        #expect(s?.code == "2080505")
        #expect(s?.amount == ExactDecimal("446.11") && s?.prior == ExactDecimal("452.40"))
        #expect(s?.completion == ExactDecimal("98.61") && s?.basis == "年初预算" && s?.consistent == true)
        #expect(s?.reason == "机构改革人员变动")
        #expect(s?.line == 1)
    }

    @Test func sentencesThatCannotBeReadAreReportedWithTheirLine() {
        let r = Self.read("""
        第三部分 说明
        5.教育支出（类）普通教育（款）初中教育（项）2025年预算数为XXX万元，比上年预算增加（减少）XXX万元。
        6.火星支出（类）登月（款）采样（项）2025年预算数为 5 万元，比上年预算增加 1 万元，增长 25%。
        """)
        #expect(r.diagnostics.contains { $0.line == 2 })
        // An unknown path is kept with its figures and no code, and reported.
        let unknown = r.statements.first { $0.line == 3 }
        #expect(unknown?.code == nil && unknown?.prior == ExactDecimal("4") && unknown?.consistent == true)
        #expect(r.diagnostics.contains { $0.line == 3 && $0.message.contains("火星支出") && $0.kind == .unparsed })
    }

    @Test func garbageNeverCrashes() {
        var generator = SystemRandomNumberGenerator()
        let alphabet = Array("（类）（款）（项）比上年预算增加减少增长下降持平万元元%，。：0123456789.,主要原因是“”-\t 　\n")
        for _ in 0..<200 {
            let text = String((0..<Int.random(in: 0..<400, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! })
            _ = Self.read(text)
        }
    }

    // MARK: the Shanghai PDFs (pdftotext -layout)

    @Test func welfareComparesWithLastYearsOutturnInPercent() throws {
        let doc = try #require(NarrativeFixture.pdfLayout("welfare-2024-unit-budget.pdf", scope: "单位", year: 2024), "needs pdftotext")
        let r = NarrativeChanges.read(doc)
        let s = try #require(r.statements.first { $0.code == "2080502" })
        #expect(s.amount == Self.d("53.84") && s.prior == Self.d("54.60") && s.change == Self.d("-0.76"))
        #expect(s.pct == Self.d("-1.39") && s.consistent == true && s.basis == "2023年预算执行数")
        #expect(r.statements.filter { $0.code != nil }.count == 6)
        // 医疗卫生与计划生育支出 is 210's former name.
        #expect(r.statements.contains { $0.code == "2101102" })
        #expect(r.diagnostics.contains { $0.message.contains("former name") })
    }

    @Test func planningFinalAccountsReadEveryItem() throws {
        let doc = try #require(NarrativeFixture.pdfLayout("planning-2024-dept-final.pdf", stage: "决算", year: 2024), "needs pdftotext")
        let r = NarrativeChanges.read(doc)
        let items = r.statements.filter { $0.path.count == 3 }
        #expect(items.count == 13)
        #expect(items.allSatisfy { $0.basis == "年初预算" && $0.consistent == true })
        let s = try #require(items.first { $0.code == "2080505" })
        #expect(s.amount == Self.d("446.11") && s.prior == Self.d("452.40") && s.completion == Self.d("98.61"))
        // The 决算 total against the initial budget, stated without a code path.
        let general = try #require(r.statements.first { $0.path == ["一般公共预算财政拨款支出"] && $0.basis == "年初预算" })
        #expect(general.amount == Self.d("9746.50") && general.prior == Self.d("10210.34") && general.completion == Self.d("95.45"))
        #expect(general.consistent == true)
        let total = try #require(r.statements.first { $0.path == ["收入支出总计"] })
        #expect(total.amount == Self.d("9859.38") && total.change == Self.d("1062.85") && total.consistent == true)
    }

    @Test func wanliThreePublicFundsSentences() throws {
        let doc = try #require(NarrativeFixture.pdfLayout("wanli-2025-dept-budget.pdf"), "needs pdftotext")
        let r = NarrativeChanges.read(doc)
        let purchase = try #require(r.statements.first { $0.path == ["公务用车购置费"] })
        #expect(purchase.amount == Self.d("15") && purchase.change == Self.d("-10") && purchase.prior == Self.d("25"))
        let running = try #require(r.statements.first { $0.path == ["公务用车运行费"] })
        #expect(running.change == .zero && running.consistent == true)
        let fiscal = try #require(r.statements.first { $0.path == ["一般公共预算拨款支出预算"] })
        #expect(fiscal.amount == Self.d("18976.76") && fiscal.change == Self.d("3355.65"))
    }
}

/// The loader's single entry point for the narrative side.
@Suite struct NarrativeReadersTests {
    @Test func oneCallGivesChangesTargetsAndDiagnosticsOfTheSeed() throws {
        let doc = try NarrativeFixture.seed()
        let yield = NarrativeReaders.read(doc, documentCodes: try NarrativeFixture.seedFunctionCodes())
        #expect(yield.changes.name == "changes" && yield.targets.name == "targets")
        #expect(yield.changes.rows.count == 38)
        #expect(yield.targets.rows.count == 263)
        #expect(yield.changes.rows.allSatisfy { $0.count == ChangesTable.columns.count })
        #expect(yield.targets.rows.allSatisfy { $0.count == TargetsTable.columns.count })
        #expect(yield.diagnostics.allSatisfy { $0.line > 0 && !$0.message.isEmpty })
        #expect(yield.diagnostics.contains { $0.line == 1244 } && yield.diagnostics.contains { $0.line == 672 })
    }
}

/// Narratives that print the code beside the path.
@Suite struct NarrativePrintedCodeTests {
    @Test func aPrintedCodeIsKeptAndDisagreementReported() {
        let r = NarrativeChangesTests.read("""
        1.社会保障和就业支出（类）人力资源和社会保障管理事务（款）行政运行（项）[2080101]：2025年预算数为 100 万元，比上年预算增加 10 万元，增长 11.11%。
        2.卫生健康支出（类）行政事业单位医疗（款）行政单位医疗（项）(2101102)2025年预算数为 20 万元，比上年预算减少 5 万元，下降 20%。
        3.住房保障支出（类）住房改革支出（款）住房公积金（项）2025年预算数为 30 万元，比上年预算增加 3 万元，增长 11.11%。
        """)
        #expect(r.statements.map(\.code) == ["2080101", "2101102", "2210201"])
        #expect(r.statements[0].amount == ExactDecimal(100) && r.statements[0].consistent == true)
        // The names say 2101101; the printed 2101102 is kept and the disagreement reported.
        #expect(r.diagnostics.contains { $0.line == 2 && $0.message.contains("2101102") })
        // "2025年" after a path is a year, not a code.
        #expect(r.statements[2].amount == ExactDecimal(30))
    }
}

/// Other wordings of direction and reason.
@Suite struct NarrativeWordingTests {
    @Test func rateWordsAndPlainReasons() {
        let r = NarrativeChangesTests.read("""
        1.教育支出（类）普通教育（款）小学教育（项）2025年预算数为 120 万元，较上年增加 20 万元，增幅 20%，增加原因是新建校区投入使用。
        2.教育支出（类）普通教育（款）初中教育（项）：上年预算数为 50 万元，本年预算数为 40 万元，降幅 20%，原因为生源减少。
        """)
        #expect(r.statements.count == 2)
        let primary = r.statements[0]
        #expect(primary.code == "2050202" && primary.pct == ExactDecimal(20) && primary.prior == ExactDecimal(100))
        #expect(primary.consistent == true && primary.reason == "新建校区投入使用")
        let junior = r.statements[1]
        #expect(junior.code == "2050203" && junior.amount == ExactDecimal(40) && junior.prior == ExactDecimal(50))
        #expect(junior.change == ExactDecimal(-10) && junior.pct == ExactDecimal(-20) && junior.consistent == true)
        #expect(junior.reason == "生源减少")
    }
}

/// The narrative's amounts against the document's own tables.
@Suite struct NarrativeAgainstTablesTests {
    @Test func everySeedPathAmountIsPrintedInItsTables() throws {
        let r = NarrativeChanges.read(try NarrativeFixture.seed(), documentCodes: try NarrativeFixture.seedFunctionCodes())
        let checked = r.statements.filter { $0.inTables != nil }
        // The codes whose table rows the fixture can read whole (201 rows are broken in print).
        #expect(checked.count >= 20)
        #expect(checked.allSatisfy { $0.inTables == true }, "\(checked.filter { $0.inTables == false }.map(\.line))")
        let disagreeing = NarrativeChanges.read(try NarrativeFixture.seed(),
            documentCodes: [DocumentCode(code: "2080101", name: "行政运行", amounts: [ExactDecimal("477.86")!])])
        #expect(disagreeing.statements.first { $0.code == "2080101" }?.inTables == false)
        #expect(disagreeing.statements.first { $0.code == "2080105" }?.inTables == nil)
    }
}

/// The official blank template (template-dept-final.pdf) has no figures to read.
@Suite struct NarrativeTemplateTests {
    @Test func theBlankTemplateYieldsNoStatementsOnlyDiagnostics() throws {
        let doc = try #require(NarrativeFixture.pdfLayout("template-dept-final.pdf", stage: "决算", year: 2024), "needs pdftotext")
        let r = NarrativeChanges.read(doc)
        #expect(r.statements.isEmpty, "\(r.statements.map(\.pathText))")
        #expect(r.diagnostics.contains { $0.message.contains("XXX") })
    }
}
