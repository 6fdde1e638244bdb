import Foundation
import Store
import Testing
@testable import Ingest

/// 绩效目标表 read into `targets`: the seed's 28 project sheets and its overall sheet.
@Suite struct TargetsTests {
    func seed() throws -> PerformanceTargets.Result { PerformanceTargets.read(try NarrativeFixture.seed()) }

    @Test func everySheetOfTheSeedIsReadAndItsWeightsAddUp() throws {
        let r = try seed()
        var weights: [String: ExactDecimal] = [:]
        for t in r.targets { weights[t.project, default: .zero] = weights[t.project, default: .zero].adding(t.weight ?? .zero) ?? .zero }
        #expect(weights.count == 29)
        #expect(r.targets.count == 263)
        // The template gives every sheet 90 points of indicators (10 more go to budget execution).
        for (project, total) in weights { #expect(total == ExactDecimal(90), "\(project): \(total)") }
    }

    @Test func talentProjectIndicators() throws {
        let rows = try seed().targets.filter { $0.project == "人才专项项目" }
        #expect(rows.count == 15)
        #expect(rows.allSatisfy { $0.budget == ExactDecimal(2000) && $0.kind == "project" })
        let first = try #require(rows.first)
        #expect(first.level1 == "产出指标" && first.level2 == "数量指标" && first.indicator == "人才补贴人数")
        #expect(first.op == ">=" && first.target == ExactDecimal(1438) && first.targetUnit == "人" && first.weight == ExactDecimal(5))
        #expect(first.targetText == ">=1438人" && first.line == 1138)
        let cost = try #require(rows.first { $0.indicator == "人才补贴标准(万元)" })
        #expect(cost.level1 == "成本指标" && cost.level2 == "经济成本指标")
        #expect(cost.op == "<=" && cost.target == ExactDecimal("0.50") && cost.targetUnit == "万元")
        let deadline = try #require(rows.first { $0.indicator == "项目完成时间" })
        #expect(deadline.op == "=" && deadline.target == nil && deadline.targetText == "=2024年12月03日前")
        let effect = try #require(rows.first { $0.level1 == "效益指标" })
        #expect(effect.op == "text" && effect.target == nil && effect.targetText == "满足" && effect.weight == ExactDecimal(20))
    }

    @Test func wrappedCellsAndBrokenLevelNamesAreJoined() throws {
        let targets = try seed().targets
        // "补贴人员满意" + next line "度"; "满" + "意度指标".
        let satisfaction = try #require(targets.first { $0.project == "稳就业保障项目" && $0.line == 1080 })
        #expect(satisfaction.indicator == "补贴人员满意度")
        #expect(satisfaction.level1 == "满意度指标" && satisfaction.level2 == "满意度指标")
        // "成本 指" / "经济 成" on one row, "标" / "本指标" on the next.
        let party = targets.filter { $0.project == "党建活动项目" && $0.level1 == "成本指标" }
        #expect(party.count == 3)
        #expect(party.allSatisfy { $0.level2 == "经济成本指标" })
    }

    @Test func theOverallSheetSumsItsFunds() throws {
        let whole = try seed().targets.filter { $0.kind == "whole" }
        #expect(whole.count == 5)
        #expect(whole.allSatisfy { $0.project == PerformanceTargets.wholeUnit && $0.budget == ExactDecimal("7278.68") })
        #expect(whole.first?.indicator == "2024年实现就业" && whole.first?.targetUnit == "万人" && whole.first?.weight == ExactDecimal(20))
    }

    @Test func damagedRowsAreRepairedOrReported() throws {
        let r = try seed()
        // Shifted one cell right: realigned and reported.
        let shifted = try #require(r.targets.first { $0.line == 1489 })
        #expect(shifted.level2 == "时效指标" && shifted.indicator == "资金发放及时率" && shifted.target == ExactDecimal(100))
        #expect(r.diagnostics.contains { $0.line == 1489 })
        // TeX in a cell ("$\leq 100\%$").
        let tex = try #require(r.targets.first { $0.line == 1395 })
        #expect(tex.op == "<=" && tex.target == ExactDecimal(100) && tex.targetUnit == "%")
        // A weight with no indicator and a ">=" with no number are kept and reported.
        #expect(r.targets.contains { $0.line == 1244 && $0.weight == ExactDecimal(5) })
        #expect(r.diagnostics.contains { $0.line == 1244 } && r.diagnostics.contains { $0.line == 1246 })
        let open = try #require(r.targets.first { $0.line == 1246 })
        #expect(open.op == ">=" && open.target == nil)
    }

    @Test func targetCells() {
        #expect(TargetValue.parse("≤5980 元/次") == TargetValue(op: "<=", number: ExactDecimal(5980), unit: "元/次"))
        #expect(TargetValue.parse("=100%") == TargetValue(op: "=", number: ExactDecimal(100), unit: "%"))
        #expect(TargetValue.parse("95%") == TargetValue(op: "=", number: ExactDecimal(95), unit: "%"))
        #expect(TargetValue.parse("提高") == TargetValue(op: "text", number: nil, unit: nil))
        #expect(TargetValue.parse("=2024 年 11 月 15 日前") == TargetValue(op: "=", number: nil, unit: nil))
        #expect(TargetValue.parse("") == TargetValue(op: nil, number: nil, unit: nil))
    }

    @Test func layoutTextSheets() {
        let lines = """
                                项目支出绩效目标表
        项目名称        社区食堂运营补贴                    项目负责人   张三
        项目资金（万元）  年度预算总额：   120.5    其中：财政拨款   120.5
        一级指标   二级指标   三级指标         指标值        指标值设置依据   指标分值权重
        产出指标   数量指标   服务老人人次     ≥30000人次    计划标准        20
                              供餐天数         ≥300天        计划标准        10
        满意度指标  满意度指标  老人满意度     ≥90%          计划标准        10
        """.split(separator: "\n").map(String.init)
        let r = PerformanceTargets.read(lines: lines)
        #expect(r.targets.count == 3)
        #expect(r.targets.allSatisfy { $0.project == "社区食堂运营补贴" && $0.budget == ExactDecimal("120.5") })
        #expect(r.targets.map(\.indicator) == ["服务老人人次", "供餐天数", "老人满意度"])
        #expect(r.targets[1].level1 == "产出指标" && r.targets[1].level2 == "数量指标" && r.targets[1].weight == ExactDecimal(10))
        #expect(r.targets[2].level1 == "满意度指标" && r.targets[2].target == ExactDecimal(90))
    }

    @Test func theTargetsTableHasTheSchemaColumns() throws {
        let doc = try NarrativeFixture.seed()
        let table = try TargetsTable.table([TargetsTable.read(doc).table])
        #expect(table.columns.map(\.name) == ["doc", "unit", "year", "stage", "scope", "kind", "project", "level1", "level2",
                                              "indicator", "op", "target", "target_text", "target_unit", "weight", "budget",
                                              "line", "page", "x0", "y0", "x1", "y1"])
        #expect(table.rowCount == 263)
        let budget = try #require(table.column(named: "budget"))
        let project = try #require(table.column(named: "project"))
        let row = try #require((0..<table.rowCount).first { project.value(at: $0) == .text("片区安全监控监测系统") })
        #expect(budget.value(at: row) == .decimal(ExactDecimal("529.09")!))
    }

    @Test func otherCorpusFilesHaveNoSheetsAndYieldNoRows() throws {
        let text = try NarrativeFixture.text(NarrativeFixture.corpus.appendingPathComponent("wanli-2025-dept-budget.pdfparse.txt").path)
        let r = PerformanceTargets.read(lines: NarrativeFixture.lines(text))
        #expect(r.targets.isEmpty && r.diagnostics.isEmpty)
    }
}

/// Sheets cut short or scrambled never crash the reader.
@Suite struct TargetsRobustnessTests {
    @Test func scrambledSheetsNeverCrash() throws {
        let seed = NarrativeFixture.lines(try NarrativeFixture.text(NarrativeFixture.seedPath))
        let sheet = Array(seed[1050..<1140])
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<100 {
            var lines = sheet
            for _ in 0..<10 {
                let i = Int.random(in: 0..<lines.count, using: &generator)
                var cells = lines[i].split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
                switch Int.random(in: 0..<4, using: &generator) {
                case 0: cells.shuffle(using: &generator)
                case 1: if !cells.isEmpty { cells.removeLast() }
                case 2: cells.insert(">=", at: Int.random(in: 0...cells.count, using: &generator))
                default: lines.remove(at: i)
                }
                if i < lines.count { lines[i] = cells.joined(separator: "\t") }
            }
            let r = PerformanceTargets.read(lines: lines)
            #expect(r.targets.allSatisfy { $0.line >= 1 && $0.line <= lines.count })
        }
    }
}
