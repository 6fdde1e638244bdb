import Foundation
import Store
import Testing
@testable import Ingest

/// Every real disclosure in shared/corpus loads: spending sums to its printed 合计, class totals
/// agree with the overview, every printed number is accounted for, and each remaining mismatch
/// is a disagreement of the document itself, named here.
@Suite struct CorpusTests {
    /// The document's own disagreements: "table|rule" of every 'mismatch' check, per file.
    static let knownMismatches: [String: Set<String>] = [
        "kashgar-party-mass-work-dept-2024-budget.txt": [
            // 表2 prints 5141.46 under 合计 while its class rows add up to 5141.48.
            "income|T3.grand-total",
            // 表7's 合计 row: 6573.06 while its own parts add to 6587.72 (表5's project total);
            // four of its part columns (wages, goods_services, households, capital) differ from
            // the rows above by the 14.66 of carryover.
            "project_spending|T3.row-total",
            "project_spending|T3.grand-total",
            // 表5 (7127.71) against 表4 (7113.05): classes 201 and 229 differ.
            "appropriation|T4.appropriation-general-class",
            "appropriation|T4.appropriation-general-total",
            // 2050803 培训支出: "2024年预算数为25万元,比上年预算增加26万元,增长100%" (line 644).
            "narrative|N5.change",
        ],
        "planning-2024-dept-final.pdf": [
            // 302 商品和服务支出 prints 440.90 (决算数, in the 公用经费 panel); its items add to
            // 440.88 (amount and public).
            "basic_spending|T3.class-sum",
            // 决算: spending (9759.38) exceeds the year's income (9746.50) by 12.88 in class 212.
            "spending|T4.spending-income-class",
            "spending|T4.spending-income-total",
        ],
    ]

    static let files = [
        "kashgar-party-mass-work-dept-2024-budget.txt", "wanli-2025-dept-budget.pdf", "wanli-2025-dept-budget.pdfparse.txt",
        "govoffice-2025-dept-budget.pdf", "commerce-2025-dept-budget.pdf", "welfare-2024-unit-budget.pdf",
        "planning-2024-dept-final.pdf", "template-dept-final.pdf",
    ]

    static func integer(_ v: Value?) -> Int64 { if case .integer(let n)? = v { return n } else { return -1 } }

    @Test(arguments: files)
    func loadsAndReconciles(file: String) throws {
        let report = SnapshotLoader.load(paths: [Fixture.corpusFile(file)])
        #expect(report.problems.isEmpty, "\(report.problems)")
        let docs = try #require(Fixture.table(report, "docs"))
        let doc = try #require(Fixture.rows(docs).first)
        #expect(Self.integer(doc["tables_found"]) >= 9, "\(doc)")

        // Nothing lost: facts + unparsed = the numbers printed in table bodies.
        let facts = try #require(Fixture.table(report, "facts"))
        let checks = try #require(Fixture.table(report, "checks"))
        let checkRows = Fixture.rows(checks)
        // Table numbers only: the narrative's unread sentences are checks too, but not table cells.
        let unparsed = checkRows.filter { $0["status"] == .text("unparsed") && !Fixture.isNarrativeCheck($0) }.count
        #expect(Int64(facts.rowCount + unparsed) == Self.integer(doc["printed_numbers"]))
        #expect(Self.integer(doc["facts"]) == Int64(facts.rowCount))

        // Spending's leaves sum to the printed 合计, column by column.
        let spending = try #require(Fixture.table(report, "spending"))
        let totals = Fixture.rows(facts).filter { $0["table"] == .text("spending") && $0["row_label"] == .text("合计") }
        for column in ["amount", "basic", "project"] {
            guard let printed = totals.first(where: { $0["column"] == .text(column) }), case .decimal(let total)? = printed["amount"] else { continue }
            #expect(Fixture.sum(spending, column) == total, "\(file) spending.\(column)")
        }
        if file != "template-dept-final.pdf" { #expect(totals.count >= 2) }

        // Class totals agree with the overview.
        let overview = checkRows.filter { $0["rule"] == .text("T4.overview-spending") }
        #expect(overview.allSatisfy { $0["status"] != .text("mismatch") })

        // Every mismatch left is one of the document's own, named above.
        let mismatches = Set(checkRows.filter { $0["status"] == .text("mismatch") }.map {
            "\($0["table"]?.description ?? "")|\($0["rule"]?.description ?? "")"
        })
        #expect(mismatches == Self.knownMismatches[file] ?? [], "\(file)")
    }

    /// The same document from two extractors reads the same.
    @Test func wanliPDFAndPdfparseTextAgree() throws {
        let pdf = SnapshotLoader.load(paths: [Fixture.corpusFile("wanli-2025-dept-budget.pdf")])
        let text = SnapshotLoader.load(paths: [Fixture.corpusFile("wanli-2025-dept-budget.pdfparse.txt")])
        for table in ["spending", "income", "general_spending", "basic_spending"] {
            let a = try #require(Fixture.table(pdf, table)), b = try #require(Fixture.table(text, table))
            #expect(a.rowCount == b.rowCount, "\(table)")
            #expect(Fixture.sum(a, "amount") == Fixture.sum(b, "amount"), "\(table)")
        }
        let spending = try #require(Fixture.table(pdf, "spending"))
        #expect(Fixture.sum(spending, "amount") == ExactDecimal("18976.7551"))
    }

    @Test func metadataOfEveryFile() throws {
        let expected: [String: (String, Int64, String, String)] = [
            "wanli-2025-dept-budget.pdf": ("上海市普陀区人民政府万里街道办事处", 2025, "预算", "部门"),
            "govoffice-2025-dept-budget.pdf": ("上海市普陀区人民政府办公室", 2025, "预算", "部门"),
            "commerce-2025-dept-budget.pdf": ("上海市普陀区商务委员会", 2025, "预算", "部门"),
            "welfare-2024-unit-budget.pdf": ("上海市普陀区社会福利院", 2024, "预算", "单位"),
            "planning-2024-dept-final.pdf": ("上海市普陀区规划和自然资源局", 2024, "决算", "部门"),
        ]
        for (file, e) in expected {
            let doc = try SnapshotReader.read(path: Fixture.corpusFile(file))
            #expect(doc.unit == e.0, "\(file)")
            #expect(doc.year.map(Int64.init) == e.1, "\(file)")
            #expect(doc.stage == e.2, "\(file)")
            #expect(doc.scope == e.3, "\(file)")
            #expect(doc.format == .pdf)
            #expect(doc.pages > 10)
        }
    }

    /// 三公 tables print their items as columns, with blank cells: position and the table's
    /// arithmetic place each number.
    @Test func threePublicItems() throws {
        let expected: [(String, String, String)] = [
            ("wanli-2025-dept-budget.pdf", "公务用车运行费", "21.56"),
            ("wanli-2025-dept-budget.pdfparse.txt", "公务用车购置费", "15"),
            ("commerce-2025-dept-budget.pdf", "公务接待费", "1.00"),
            // The last column is 机关运行经费预算数, as the narrative says ("机关运行经费预算为
            // 171.01万元"); a line-based reader took it for 公务用车运行费.
            ("commerce-2025-dept-budget.pdf", "机关运行经费", "171.01"),
            ("govoffice-2025-dept-budget.pdf", "因公出国（境）费", "839.00"),
            ("govoffice-2025-dept-budget.pdf", "机关运行经费", "213.28"),
            ("welfare-2024-unit-budget.pdf", "公务用车运行费", "6.4"),
            ("planning-2024-dept-final.pdf", "公务接待费", "0.39"),
        ]
        for (file, item, amount) in expected {
            let report = SnapshotLoader.load(paths: [Fixture.corpusFile(file)])
            let t = try #require(Fixture.table(report, "three_public"))
            let row = Fixture.rows(t).first { $0["item"] == .text(item) }
            #expect(row?["amount"] == .decimal(ExactDecimal(amount) ?? .zero), "\(file) \(item)")
        }
        // A blank cell is no figure: commerce prints nothing under 因公出国(境)费.
        let commerce = SnapshotLoader.load(paths: [Fixture.corpusFile("commerce-2025-dept-budget.pdf")])
        let rows = Fixture.rows(try #require(Fixture.table(commerce, "three_public")))
        #expect(!rows.contains { $0["item"] == .text("因公出国（境）费") && $0["amount"] != .null })
    }

    /// 元 tables are stored exactly in 万元.
    @Test func yuanConvertedExactly() throws {
        let report = SnapshotLoader.load(paths: [Fixture.corpusFile("govoffice-2025-dept-budget.pdf")])
        let spending = try #require(Fixture.table(report, "spending"))
        let row = try #require(Fixture.rows(spending).first { $0["code"] == .text("2080506") })
        // Printed 881,579.76 元.
        #expect(row["amount"] == .decimal(ExactDecimal("88.157976") ?? .zero))
    }
}
