import Foundation
import Store
import Testing
@testable import Ingest

/// The reference classification shipped in Data/classes.tsv: it parses cleanly, the binary
/// carries the same text, it names the codes the seed uses, and it becomes the `classes` table.
@Suite struct ClassesTests {
    let dataFile = NarrativeFixture.repo.appendingPathComponent("Data/classes.tsv").path

    @Test func theDataFileParsesWithNoMalformedLine() throws {
        let parsed = ReferenceClassification.parse(tsv: try NarrativeFixture.text(dataFile))
        #expect(parsed.problems == [])
        #expect(parsed.entries.count > 1000)
        #expect(parsed.entries.filter { $0.kind == .function && $0.level == 1 }.count == 31)
    }

    @Test func theCompiledCopyIsTheDataFile() throws {
        #expect(ShippedClassesData.tsv == (try NarrativeFixture.text(dataFile)).trimmingCharacters(in: .newlines))
    }

    @Test func namesOfKnownCodes() {
        #expect(ReferenceClassification.name(ofCode: "208") == "社会保障和就业支出")
        #expect(ReferenceClassification.name(ofCode: "20801") == "人力资源和社会保障管理事务")
        #expect(ReferenceClassification.name(ofCode: "2080101") == "行政运行")
        #expect(ReferenceClassification.name(ofCode: "30228") == "工会经费")
        #expect(ReferenceClassification.standard.englishName(ofCode: "208") == "Social security and employment")
        #expect(ReferenceClassification.standard.entry(code: "302")?.kind == .economic)
        #expect(ReferenceClassification.name(ofCode: "2089998") == nil)
        #expect(ReferenceClassification.name(ofCode: "") == nil)
    }

    @Test func malformedLinesAreReportedWithTheirLineNumber() {
        let text = "# header\n208\tfunction\t1\t社会保障和就业支出\tSocial security\n20801\tfunction\t3\t错\tWrong level\n302\teconomy\t1\t商品和服务支出\tGoods\n30228\teconomic\t2\t工会经费\n208\tfunction\t1\t重复\tDuplicate\n"
        let parsed = ReferenceClassification.parse(tsv: text)
        #expect(parsed.entries.map(\.code) == ["208"])
        #expect(parsed.problems.map(\.line) == [3, 4, 5, 6])
        #expect(parsed.problems[1].message.contains("economy"))
    }

    @Test func everyFunctionCodeOfTheSeedsSpendingRowsIsPresent() throws {
        let codes = try NarrativeFixture.seedFunctionCodes()
        #expect(codes.count > 60)
        let missing = Set(codes.map(\.code)).filter { ReferenceClassification.standard.entry(code: $0, kind: .function) == nil }
        #expect(missing.isEmpty, "not in Data/classes.tsv: \(missing.sorted())")
        // The classes the seed's overview lists, even where it has no money.
        for cls in ["201", "202", "203", "204", "205", "206", "207", "208", "209", "210", "211", "212", "213", "214",
                    "215", "216", "217", "219", "220", "221", "222", "223", "224", "227", "229", "230", "231", "232",
                    "233", "234", "270"] {
            #expect(ReferenceClassification.standard.entry(code: cls) != nil, "class \(cls)")
        }
    }

    @Test func everyEconomicCodeOfTheSeedsBasicSpendingIsPresent() throws {
        var seen = 0
        for line in NarrativeFixture.lines(try NarrativeFixture.text(NarrativeFixture.seedPath)) {
            let cells = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard cells.count >= 3, cells[0].count == 3, cells[0].hasPrefix("3"), cells[1].count == 2 else { continue }
            seen += 1
            #expect(ReferenceClassification.standard.name(ofCode: cells[0] + cells[1]) == cells[2].filter { !$0.isWhitespace }
                        .replacingOccurrences(of: "(", with: "（").replacingOccurrences(of: ")", with: "）"), "\(cells[0])\(cells[1])")
        }
        #expect(seen >= 20)
    }

    @Test func theClassesTableHasTheSchemaColumns() throws {
        let table = try ClassificationTable.table()
        #expect(table.columns.map(\.name) == ["code", "kind", "level", "name", "name_en"])
        #expect(table.rowCount == ReferenceClassification.standard.entries.count)
        let codes = table.column(named: "code")
        let names = table.column(named: "name")
        let row = (0..<table.rowCount).first { codes?.value(at: $0) == .text("2080101") }
        #expect(row.map { names?.value(at: $0) } == .text("行政运行"))
    }
}
