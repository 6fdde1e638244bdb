import Foundation
import Store

/// Reads 项目支出绩效目标表 and 部门（单位）整体绩效目标表 into one row per indicator.
///
/// Each sheet starts with its title, names the project (项目名称) and its annual budget
/// (年度预算总额), then lists indicators under a header row (一级指标 二级指标 三级指标 指标值 …
/// 指标分值权重 …). Level names are printed once per group and left blank below; extraction
/// wraps long cells onto continuation rows ("满" + "意度指标", "补贴人员满意" + "度") and breaks a
/// level name across two indicator rows ("成本 指" / "标"). Rows are recognised by their target
/// value or weight; a row with neither continues the one before.
public enum PerformanceTargets {
    /// The project name given to the unit's overall sheet.
    public static let wholeUnit = "部门（单位）整体"

    public struct Result: Sendable {
        public var targets: [PerformanceTarget]
        public var diagnostics: [NarrativeDiagnostic]
    }

    public static func rows(from document: SnapshotDocument) -> [PerformanceTarget] { read(document).targets }

    public static func read(_ document: SnapshotDocument) -> Result { read(lines: document.lines) }

    /// Level names that are complete although they do not end in 指标 (the overall sheet's).
    static let completeLevels: Set<String> = ["运行成本", "管理效率", "履职效能", "社会效益", "可持续发展能力",
                                              "服务对象满意度", "产出", "效益", "成本", "满意度"]

    /// Whether `next` finishes a level name broken across rows: the name so far is incomplete and
    /// `next` is a fragment ("标", "本指标"), not a whole name of its own ("成本指标").
    static func continues(_ level: String, with next: String) -> Bool {
        !level.isEmpty && !isComplete(level) && (!next.hasSuffix("指标") || next.count <= 3)
    }

    static func isComplete(_ level: String) -> Bool {
        level.isEmpty || level.hasSuffix("指标") || completeLevels.contains(level)
    }

    static func read(lines: [String]) -> Result {
        var reader = SheetReader()
        for (index, raw) in lines.enumerated() {
            reader.consume(raw, line: index + 1)
        }
        reader.finishRow()
        return Result(targets: reader.targets, diagnostics: reader.diagnostics)
    }
}

/// The state of reading one document's sheets, line by line.
private struct SheetReader {
    var targets: [PerformanceTarget] = []
    var diagnostics: [NarrativeDiagnostic] = []

    var kind: String? = nil
    var project = ""
    var budget: ExactDecimal? = nil
    var wholeFunds: [ExactDecimal] = []
    var inFunds = false
    var inIndicators = false
    var afterHeader = false
    var valueColumn = 3
    var weightColumn = 6
    var level1 = ""
    var level2 = ""
    var pending: PerformanceTarget? = nil
    /// Index in `targets` of the first row of the current sheet (to mend levels split across rows).
    var sheetStart = 0

    static func compact(_ s: String) -> String {
        var view = String.UnicodeScalarView()
        for c in s.unicodeScalars where !NarrativeText.isSpace(c) { view.append(c) }
        return String(view)
    }

    static func compact(_ s: Substring) -> String {
        var view = String.UnicodeScalarView()
        for c in s.unicodeScalars where !NarrativeText.isSpace(c) { view.append(c) }
        return String(view)
    }

    /// Cells of a table line: tab-separated (tab text), or separated by runs of two or more
    /// spaces (layout text), whitespace inside a cell removed.
    static func cells(_ line: String) -> (cells: [String], tabbed: Bool) {
        if line.has("\t") {
            return (line.split(separator: "\t", omittingEmptySubsequences: false).map { compact($0) }, true)
        }
        var cells: [String] = []
        var current = ""
        var spaces = 0
        for c in line {
            if c == " " || c == "\u{3000}" {
                spaces += 1
                continue
            }
            if spaces >= 2, !current.isEmpty { cells.append(current); current = "" }
            spaces = 0
            current.append(c)
        }
        if !current.isEmpty { cells.append(current) }
        return (cells, false)
    }

    /// "目标表" in UTF-8: a line without these bytes cannot be a sheet's title.
    static let titleBytes = Array("目标表".utf8)

    static func mayBeTitle(_ raw: String) -> Bool {
        let bytes = Array(raw.utf8)
        guard bytes.count >= titleBytes.count, bytes.count < 200 else { return false }
        for i in 0...(bytes.count - titleBytes.count) where bytes[i] == titleBytes[0] {
            if Array(bytes[i..<(i + titleBytes.count)]) == titleBytes { return true }
        }
        return false
    }

    mutating func consume(_ raw: String, line: Int) {
        // Outside a sheet only a title matters: skip the rest of the document cheaply.
        guard kind != nil || Self.mayBeTitle(raw) else { return }
        let compact = Self.compact(raw)
        if compact.count <= 24, compact.hasSuffix("绩效目标表") {
            startSheet(compact.has("整体") ? "whole" : "project", line: line)
            return
        }
        guard let kind else { return }
        let (cells, tabbed) = Self.cells(raw)
        if compact.isEmpty || compact.allSatisfy({ $0 == "-" || $0 == "|" }) { return }
        if compact.hasPrefix("项目名称") {
            project = cells.dropFirst().first { !$0.isEmpty && !$0.hasPrefix("项目负责人") } ?? ""
            if project.isEmpty, compact.count > 4 { project = String(compact.dropFirst(4)).components(before: "项目负责人") }
            return
        }
        if let at = cells.firstIndex(where: { $0.has("年度预算总") }) {
            budget = cells[(at + 1)...].lazy.compactMap { ExactDecimal($0.filter { $0 != "," }) }.first
                ?? ExactDecimal(String(cells[at].drop { !$0.isASCIIDigit }))
            return
        }
        if kind == "whole", !inIndicators, compact.hasPrefix("年度预算") {
            inFunds = true
            return
        }
        if compact.has("指标值"), compact.hasPrefix("一级") || compact.hasPrefix("指标") || compact.has("三级指标") {
            finishRow()
            inFunds = false
            inIndicators = true
            afterHeader = true
            let first = cells.first ?? ""
            valueColumn = 3
            weightColumn = kind == "whole" ? 5 : 6
            if first.hasPrefix("一级"), tabbed, let w = cells.firstIndex(where: { $0.has("权重") }), w > valueColumn {
                weightColumn = w
            }
            return
        }
        if inFunds {
            wholeFunds += cells.compactMap { cell in cell.contains(where: { !$0.isASCIIDigit && $0 != "." }) ? nil : ExactDecimal(cell) }
            budget = wholeFunds.reduce(ExactDecimal.zero) { $0.adding($1) ?? $0 }
            return
        }
        guard inIndicators else { return }
        guard cells.count >= 2 else {
            // Prose after the sheet ends it.
            finishRow()
            inIndicators = false
            return
        }
        if tabbed { indicatorRow(cells, line: line) } else { layoutIndicatorRow(cells, line: line) }
    }

    mutating func startSheet(_ newKind: String, line: Int) {
        finishRow()
        kind = newKind
        project = newKind == "whole" ? PerformanceTargets.wholeUnit : ""
        budget = nil
        wholeFunds = []
        inFunds = false
        inIndicators = false
        level1 = ""
        level2 = ""
        sheetStart = targets.count
    }

    func cell(_ cells: [String], _ i: Int) -> String { i < cells.count ? cells[i] : "" }

    /// A target cell starts with a comparison or a number (">=95%", "≤0.5万元", "100%").
    static func looksLikeTarget(_ c: String) -> Bool {
        guard let first = c.first else { return false }
        return first.isASCIIDigit || TargetValue.operators.contains { c.hasPrefix($0.printed) }
    }

    /// A tab-text indicator row: cells stay in their columns.
    mutating func indicatorRow(_ rawCells: [String], line: Int) {
        var cells = rawCells
        // A row shifted one cell right ("\t\t时效指标\t资金发放及时率\t=100%…"): the target sits one
        // column late and a blank leads; drop the blank so every cell is back in its column.
        if !Self.looksLikeTarget(cell(cells, valueColumn)), Self.looksLikeTarget(cell(cells, valueColumn + 1)),
           let blank = cells.prefix(valueColumn).firstIndex(where: \.isEmpty) {
            cells.remove(at: blank)
            diagnostics.append(NarrativeDiagnostic(line: line, message: "indicator row shifted one cell right; realigned", excerpt: rawCells.joined(separator: "|"), kind: .repaired))
        }
        let l1 = cell(cells, 0), l2 = cell(cells, 1), indicator = cell(cells, 2)
        let value = cell(cells, valueColumn), weight = cell(cells, weightColumn)
        let isNewRow = !value.isEmpty || ExactDecimal(weight) != nil
        if !isNewRow {
            if !l1.isEmpty, l2.isEmpty, indicator.isEmpty, cells.dropFirst().allSatisfy(\.isEmpty) {
                // A level printed alone (the overall sheet's empty groups).
                finishRow()
                setLevel1(l1)
                return
            }
            guard var row = pending else {
                // Right after the header it is the header's own wrapped text ("上年完" / "成值").
                if !afterHeader, cells.contains(where: { !$0.isEmpty }) {
                    diagnostics.append(NarrativeDiagnostic(line: line, message: "indicator text with no row to continue", excerpt: cells.joined(separator: "|")))
                }
                return
            }
            // A wrapped continuation of the row before.
            if !l1.isEmpty { mendLevel1(level1 + l1); row.level1 = level1 }
            if !l2.isEmpty { mendLevel2(level2 + l2); row.level2 = level2 }
            row.indicator += indicator
            pending = row
            return
        }
        finishRow()
        afterHeader = false
        // A level name still incomplete ("成本指", "经济成") is continued by the next row's cell.
        if !l1.isEmpty {
            if PerformanceTargets.continues(level1, with: l1) { mendLevel1(level1 + l1) } else { setLevel1(l1) }
        }
        if !l2.isEmpty {
            if PerformanceTargets.continues(level2, with: l2) { mendLevel2(level2 + l2) } else { level2 = l2 }
        }
        if indicator.isEmpty && !value.isEmpty {
            diagnostics.append(NarrativeDiagnostic(line: line, message: "a target without its indicator's name", excerpt: cells.joined(separator: "|")))
        }
        if indicator.isEmpty && value.isEmpty {
            // Kept (its weight counts towards the sheet's total) and reported.
            diagnostics.append(NarrativeDiagnostic(line: line, message: "an indicator row with a weight but neither indicator nor target", excerpt: cells.joined(separator: "|")))
        }
        let parsed = TargetValue.parse(value)
        if (value.isEmpty && !indicator.isEmpty) || (parsed.op != nil && parsed.op != "text" && parsed.number == nil && value.count <= 2) {
            diagnostics.append(NarrativeDiagnostic(line: line, message: "indicator '\(indicator)' has no readable target value", excerpt: cells.joined(separator: "|")))
        }
        pending = PerformanceTarget(kind: kind ?? "project", project: project, level1: level1, level2: level2,
                                    indicator: indicator, op: parsed.op, target: parsed.number, targetText: value,
                                    targetUnit: parsed.unit, weight: ExactDecimal(weight), budget: budget, line: line)
    }

    /// A layout-text indicator row: blank cells are gone, so the target is found by its form
    /// (an operator or a number) and the names before it are the levels, right-aligned.
    mutating func layoutIndicatorRow(_ cells: [String], line: Int) {
        guard let at = cells.firstIndex(where: { c in TargetValue.operators.contains { c.hasPrefix($0.printed) } }), at >= 1 else {
            if var row = pending, cells.count <= 3 {
                row.indicator += cells.last ?? ""
                pending = row
            } else {
                diagnostics.append(NarrativeDiagnostic(line: line, message: "indicator row without a recognisable target value", excerpt: cells.joined(separator: "|")))
            }
            return
        }
        finishRow()
        let names = Array(cells[..<at])
        if names.count >= 3 { setLevel1(names[names.count - 3]); level2 = names[names.count - 2] }
        if names.count == 2 { level2 = names[0] }
        let value = cells[at]
        let parsed = TargetValue.parse(value)
        let weight = cells[(at + 1)...].lazy.compactMap { ExactDecimal($0) }.first
        pending = PerformanceTarget(kind: kind ?? "project", project: project, level1: level1, level2: level2,
                                    indicator: names[names.count - 1], op: parsed.op, target: parsed.number,
                                    targetText: value, targetUnit: parsed.unit, weight: weight, budget: budget, line: line)
    }

    mutating func setLevel1(_ name: String) {
        level1 = name
        level2 = ""
    }

    /// "成本指" + "标": the level was broken across rows; mend the rows already read.
    mutating func mendLevel1(_ name: String) {
        let old = level1
        for i in sheetStart..<targets.count where targets[i].level1 == old { targets[i].level1 = name }
        level1 = name
    }

    mutating func mendLevel2(_ name: String) {
        let old = level2
        for i in sheetStart..<targets.count where targets[i].level2 == old { targets[i].level2 = name }
        level2 = name
    }

    mutating func finishRow() {
        if let row = pending { targets.append(row) }
        pending = nil
    }
}

private extension String {
    func components(before marker: String) -> String {
        guard let r = range(of: marker) else { return self }
        return String(self[..<r.lowerBound])
    }
}
