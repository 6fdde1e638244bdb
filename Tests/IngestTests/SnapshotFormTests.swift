import Foundation
import Store
import Testing
@testable import Ingest

/// Snapshot forms are detected, and bad input is reported by name while loading goes on.
@Suite struct SnapshotFormTests {
    static func scratch(_ name: String, _ contents: Data) throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("budgetql-ingest-\(ProcessInfo.processInfo.processIdentifier)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let url = dir.appendingPathComponent(name)
        try contents.write(to: url)
        return url.path
    }

    @Test func detectsTabAndLayoutText() {
        #expect(SnapshotReader.detectTextForm("单位支出总体情况表\n201\t01\t行政运行\t1.00\n208\t05\t养老\t2.00\n2024年预算\n") == .tabText)
        #expect(SnapshotReader.detectTextForm("2025年部门支出预算总表\n201   13   01   行政运行      9,389,913.00\n预算\n") == .layoutText)
        #expect(SnapshotReader.detectTextForm("hello world\nno budget here\n") == nil)
    }

    @Test func formsOfTheCorpus() throws {
        #expect(try SnapshotReader.read(path: Fixture.seed).format == .tabText)
        #expect(try SnapshotReader.read(path: Fixture.corpusFile("wanli-2025-dept-budget.pdfparse.txt")).format == .tabText)
        #expect(try SnapshotReader.read(path: Fixture.corpusFile("welfare-2024-unit-budget.pdf")).format == .pdf)
    }

    @Test func layoutTextFromPdftotextLoadsLikeThePDF() throws {
        let layout = try SnapshotReader.pdfText(path: Fixture.corpusFile("welfare-2024-unit-budget.pdf"), arguments: ["-layout"])
        let path = try Self.scratch("welfare-layout.txt", Data(layout.utf8))
        let report = SnapshotLoader.load(paths: [path])
        #expect(report.problems.isEmpty)
        let docs = try #require(Fixture.table(report, "docs"))
        #expect(Fixture.rows(docs).first?["format"] == .text("layout"))
        let spending = try #require(Fixture.table(report, "spending"))
        #expect(Fixture.sum(spending, "amount") == ExactDecimal("1212.1164"))
    }

    @Test func badFilesAreReportedAndLoadingGoesOn() throws {
        let notes = try Self.scratch("notes.txt", Data("shopping list\nmilk\neggs\n".utf8))
        let binary = try Self.scratch("image.bin", Data([0xFF, 0xD8, 0xFF, 0x00, 0x9F, 0x80]))
        let truncated = try Self.scratch("cut.pdf", Data("%PDF-1.4\n1 0 obj\n<< /Type /Catalog".utf8))
        let empty = try Self.scratch("empty.txt", Data())
        let missing = "/nonexistent/budget.pdf"
        let report = SnapshotLoader.load(paths: [notes, binary, truncated, Fixture.seed, empty, missing])
        let files = Set(report.problems.map(\.file))
        for f in [notes, binary, truncated, empty, missing] { #expect(files.contains(f), "\(f) not reported") }
        #expect(!files.contains(Fixture.seed))
        #expect(report.problems.first { $0.file == notes }?.message.contains("not a budget disclosure") == true)
        #expect(report.problems.first { $0.file == missing }?.message.contains("no such file") == true)
        // The seed still loaded.
        let spending = try #require(Fixture.table(report, "spending"))
        #expect(spending.rowCount == 28)
    }

    @Test func dataDirectorySkipsTheReferenceQuietly() throws {
        var problems: [LoadProblem] = []
        let files = SnapshotFiles.expand([Fixture.repo.appendingPathComponent("Data").path], problems: &problems)
        #expect(problems.isEmpty)
        #expect(files.contains(Fixture.seed))
        #expect(!files.contains { $0.hasSuffix("classes.tsv") || $0.hasSuffix(".md") })
    }

    /// A text snapshot loads in milliseconds (generous bound: debug builds on a shared machine).
    @Test func textSnapshotLoadsQuickly() throws {
        let clock = ContinuousClock()
        _ = SnapshotLoader.load(paths: [Fixture.seed])
        let elapsed = clock.measure { _ = SnapshotLoader.load(paths: [Fixture.seed]) }
        #expect(elapsed < .seconds(5), "\(elapsed)")
    }
}

/// Small pieces of the readers.
@Suite struct ReaderPiecesTests {
    @Test func numbersAsPrinted() {
        #expect(PrintedNumber.parse("91,016,775.35")?.value == ExactDecimal("91016775.35"))
        #expect(PrintedNumber.parse("1971.5 9")?.value == ExactDecimal("1971.59"))
        #expect(PrintedNumber.parse("1971.5 9")?.joinedSpaces == true)
        #expect(PrintedNumber.parse("-0.50")?.value == ExactDecimal("-0.5"))
        #expect(PrintedNumber.parse("工资") == nil)
        #expect(PrintedNumber.parse("-") == nil)
    }

    @Test func yuanToWanYuanIsExact() {
        #expect(MoneyUnit.yuan.toWanYuan(ExactDecimal("881579.76") ?? .zero) == ExactDecimal("88.157976"))
        #expect(MoneyUnit.stated(in: "编制单位：某某部门单位：万元") == .wanYuan)
        #expect(MoneyUnit.stated(in: "编制部门：上海市普陀区商务委员会        单位：元") == .yuan)
    }

    @Test func layoutCellsSplitSingleSpacedMoney() {
        let cells = SourceRow.layoutCells("201   03   01   行政运行                  12,029,501.84 12,029,501.84")
        #expect(cells.map(\.text) == ["201", "03", "01", "行政运行", "12,029,501.84", "12,029,501.84"])
        #expect(SourceRow.layoutCells("合计   7127.7 1").map(\.text) == ["合计", "7127.7 1"])
    }

    @Test func titlesAreFoundAndClassified() {
        #expect(TableLocator.title(of: "单位支出总体情况表").flatMap { TableKind.matching(title: $0)?.name } == "spending")
        #expect(TableLocator.title(of: "  2025年部门一般公共预算基本支出部门预算经济分类预算表").flatMap { TableKind.matching(title: $0)?.name } == "basic_spending")
        #expect(TableLocator.title(of: "五、一般公共预算支出情况表").flatMap { TableKind.matching(title: $0)?.name } == "general_spending")
        #expect(TableLocator.title(of: "财政拨款收入支出决算总表").flatMap { TableKind.matching(title: $0)?.name } == "appropriation")
        #expect(TableLocator.title(of: "3. 2025年部门支出预算总表 ……………… 12") == nil)
        #expect(TableLocator.title(of: "附表3：部门支出总表        单位：万元").flatMap { TableKind.matching(title: $0)?.name } == "spending")
        #expect(TableLocator.title(of: "编制单位：某某局     单位：万元") == nil)
        // A qualifier after 表 keeps the line a title, and keeps its meaning.
        #expect(TableLocator.title(of: "财政拨款支出预算表（按功能分类）") == "财政拨款支出预算表（按功能分类）")
        #expect(TableLocator.title(of: "一般公共预算支出预算表(按经济分类)").flatMap { TableKind.matching(title: $0)?.name } == nil)
        #expect(TableLocator.title(of: "2025年项目支出表").flatMap { TableKind.matching(title: $0)?.name } == "project_spending")
        #expect(TableLocator.title(of: "2025年项目支出绩效目标表").flatMap { TableKind.matching(title: $0)?.name } == nil)
    }

    /// "20" + 公共安全支出 is 204; "20 3" + "20 3 0" under 201 are 201 34 and 201 34 04 when the
    /// document prints them whole elsewhere; digits on the next line join the row above.
    @Test func codeRepair() {
        var dictionary = CodeDictionary()
        dictionary.add(ClassificationCode(classCode: 201, section: 34, item: nil), name: "统战事务")
        dictionary.add(ClassificationCode(classCode: 201, section: 34, item: 4), name: "宗教事务")
        func line(_ n: Int, _ parts: [String], _ name: String, _ shape: TableLine.Shape = .data) -> TableLine {
            TableLine(line: n, shape: shape, codeParts: parts, name: name, texts: [name], numbers: [])
        }
        var lines = [
            line(1, ["20", "", ""], "一般公共服务支出"),
            line(2, ["20", "3", ""], "统战事务"),
            line(3, ["20", "3", "0"], "宗教事务"),
            line(4, ["20", "", ""], "公共安全支出"),
            line(5, ["20", "02", ""], "公安"),
            line(6, ["208", "0", ""], "人力资源和社会保障管理事务"),
            line(7, ["", "1", ""], "", .codeFragment),
        ]
        var repairer = CodeRepairer(widths: [3, 2, 2], dictionary: dictionary)
        let codes = repairer.resolve(&lines).map { $0?.description }
        #expect(codes == ["201", "20134", "2013404", "204", "20402", "20801", nil])
        #expect(repairer.repairs.count >= 6)
    }

    /// Newer 决算 templates print 年初预算数 and 决算数 groups side by side: the 决算数 group
    /// fills the table, the budget figures stay facts.
    @Test func finalAccountsWithBudgetGroups() throws {
        let text = """
        上海市某某局2024年度部门决算
                       一般公共预算财政拨款支出决算表
                                                                         单位：万元
                                  年初预算数                    决算数
          科目编码  科目名称     小计    基本支出   项目支出     合计     基本支出    项目支出
                   合计          90.00     60.00     30.00    100.00     70.00      30.00
        2080501   行政单位离退休   90.00     60.00     30.00    100.00     70.00      30.00
        """
        let path = try SnapshotFormTests.scratch("final-groups.txt", Data(text.utf8))
        let report = SnapshotLoader.load(paths: [path])
        let general = try #require(Fixture.table(report, "general_spending"))
        let row = try #require(Fixture.rows(general).first)
        #expect(row["amount"] == .decimal(ExactDecimal("100.00") ?? .zero))
        #expect(row["basic"] == .decimal(ExactDecimal("70.00") ?? .zero))
        let facts = try #require(Fixture.table(report, "facts"))
        #expect(Fixture.rows(facts).filter { $0["column_label"] == .text("预算数") }.count == 6)
        let docs = try #require(Fixture.table(report, "docs"))
        let d = try #require(Fixture.rows(docs).first)
        #expect(d["facts"] == d["printed_numbers"])
    }

    @Test func aTitleWrappedOntoTwoLines() {
        let doc = SnapshotDocument(id: "t", file: "t", format: .layoutText,
                                   lines: ["上海市某某局2024年度部门决算", "        一般公共预算财政拨款", "          基本支出决算表", "单位：万元"])
        let kinds = TableLocator.segments(in: doc).compactMap { $0.kind?.name }
        #expect(kinds == ["basic_spending"])
    }

    /// 决算 layout text: a wrapped name around its code line, numbers on the next line.
    @Test func displacedPiecesOfAFinalAccountsRow() throws {
        let text = """
        上海市某某局2024年度部门决算
                            支出决算表
                                                          单位：万元
          科目编码   科目名称            本年支出合计      基本支出      项目支出
                    合计                  500.00        300.00        200.00
        208       社会保障和就业支出          500.00        300.00        200.00
        20805     行政事业单位养老支出         500.00        300.00        200.00
                  机关事业单位基本养
        2080505                          300.00        300.00          0.00
                  老保险缴费支出
        2080599   其他行政事业单位养老支出
                                         200.00          0.00        200.00
        """
        let path = try SnapshotFormTests.scratch("final-layout.txt", Data(text.utf8))
        let report = SnapshotLoader.load(paths: [path])
        #expect(report.problems.isEmpty, "\(report.problems)")
        let spending = try #require(Fixture.table(report, "spending"))
        let rows = Fixture.rows(spending)
        let pension = rows.first { $0["code"] == .text("2080505") }
        #expect(pension?["name"] == .text("机关事业单位基本养老保险缴费支出"))
        #expect(pension?["amount"] == .decimal(ExactDecimal("300.00") ?? .zero))
        let other = rows.first { $0["code"] == .text("2080599") }
        #expect(other?["project"] == .decimal(ExactDecimal("200.00") ?? .zero))
        #expect(rows.first?["stage"] == .text("决算"))
        let docs = try #require(Fixture.table(report, "docs"))
        #expect(Fixture.rows(docs).first?["format"] == .text("layout"))
    }

    @Test func columnsByPositionAndArithmetic() {
        let assigner = ColumnAssigner(anchors: [52, 68, 84])
        // amount and basic, 16 apart; amount and project, 32 apart.
        #expect(assigner.assign(positions: [47, 64], satisfiesArithmetic: { _ in true }) == [0, 1])
        #expect(assigner.assign(positions: [47, 81], satisfiesArithmetic: { _ in true }) == [0, 2])
        // Arithmetic wins over position when position is ambiguous.
        #expect(assigner.assign(positions: [60, 76], satisfiesArithmetic: { $0 == [0, 2] }) == [0, 2])
    }
}

@Suite struct HugeNumberTests {
    /// One absurd number must not cost the other rows their table.
    @Test func tooLargeNumbersAreReportedNotFatal() throws {
        let seed = try String(contentsOfFile: Fixture.seed, encoding: .utf8)
        let damaged = seed.replacingOccurrences(of: "869.78", with: "99999999999999999999999999.78")
        let path = try SnapshotFormTests.scratch("huge.txt", Data(damaged.utf8))
        let report = SnapshotLoader.load(paths: [path])
        #expect(report.problems.contains { $0.message.contains("too large") })
        let spending = try #require(Fixture.table(report, "spending"))
        #expect(spending.rowCount == 28)
        let facts = try #require(Fixture.table(report, "facts"))
        #expect(facts.rowCount > 900)
    }
}

@Suite struct TextEncodingTests {
    /// The seed re-encoded as GB18030 and as UTF-16 reads the same.
    @Test func gbkAndUtf16TextLoad() throws {
        let seed = try String(contentsOfFile: Fixture.seed, encoding: .utf8)
        guard let utf16 = seed.data(using: .utf16) else { return }
        let path16 = try SnapshotFormTests.scratch("seed-utf16.txt", utf16)
        let r16 = SnapshotLoader.load(paths: [path16])
        #expect(Fixture.table(r16, "spending")?.rowCount == 28)
        let gbPath = try SnapshotFormTests.scratch("seed-gb.txt", Data())
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/iconv")
        p.arguments = ["-f", "UTF-8", "-t", "GB18030", Fixture.seed, "-o", gbPath]
        guard (try? p.run()) != nil else { return }
        p.waitUntilExit()
        guard p.terminationStatus == 0 else { return }
        let gb = SnapshotLoader.load(paths: [gbPath])
        #expect(gb.problems.isEmpty, "\(gb.problems)")
        let spending = try #require(Fixture.table(gb, "spending"))
        #expect(Fixture.sum(spending, "amount") == ExactDecimal("7278.68"))
    }
}
