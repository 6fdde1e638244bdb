import Store

/// One indicator of a 绩效目标表: what a project (or the whole unit) promises to deliver, e.g.
/// 产出指标 / 数量指标 / 人才补贴人数 ">=1438 人" with weight 5, for a project budgeted 2000 万元.
public struct PerformanceTarget: Sendable, Equatable {
    /// 'project' (项目支出绩效目标表) or 'whole' (部门（单位）整体绩效目标表).
    public var kind: String
    /// The project's name; the unit's overall sheet is named `PerformanceTargets.wholeUnit`.
    public var project: String
    /// 一级指标, 二级指标, 三级指标 (the indicator itself).
    public var level1: String
    public var level2: String
    public var indicator: String
    /// '>=', '<=', '=', '>', '<', or 'text' for a qualitative target ("提高"); nil when blank.
    public var op: String?
    /// The target number as printed (not converted: see `targetUnit`), nil for text and dates.
    public var target: ExactDecimal?
    /// The cell as printed, spaces removed: ">=1438人", "=2024年10月18日前", "提高".
    public var targetText: String
    /// What follows the number: "人", "万元", "%", "元/次"; nil when there is no number.
    public var targetUnit: String?
    /// 指标分值权重.
    public var weight: ExactDecimal?
    /// The project's annual budget (年度预算总额) in 万元; for the whole unit, the sum of its funds.
    public var budget: ExactDecimal?
    public var line: Int

    public init(kind: String, project: String, level1: String, level2: String, indicator: String, op: String?,
                target: ExactDecimal?, targetText: String, targetUnit: String?, weight: ExactDecimal?,
                budget: ExactDecimal?, line: Int) {
        self.kind = kind
        self.project = project
        self.level1 = level1
        self.level2 = level2
        self.indicator = indicator
        self.op = op
        self.target = target
        self.targetText = targetText
        self.targetUnit = targetUnit
        self.weight = weight
        self.budget = budget
        self.line = line
    }
}

/// A target cell read into operator, number and unit.
struct TargetValue: Equatable {
    var op: String?
    var number: ExactDecimal?
    var unit: String?

    static let operators: [(printed: String, op: String)] = [
        (">=", ">="), ("≥", ">="), ("＞＝", ">="), ("≧", ">="), ("<=", "<="), ("≤", "<="), ("＜＝", "<="), ("≦", "<="),
        ("=", "="), ("＝", "="), (">", ">"), ("＞", ">"), ("<", "<"), ("＜", "<"),
    ]

    /// ">=1438人" -> (>=, 1438, 人); "=2024年10月18日前" -> (=, nil, nil); "提高" -> (text, nil, nil).
    static func parse(_ cell: String) -> TargetValue {
        var s = cell.filter { !$0.isWhitespace }
        // Some extractors write the cell as TeX: "$\leq 100\%$".
        if s.has("$") || s.has("\\") {
            s = s.filter { $0 != "$" }
            for (tex, plain) in [("\\leq", "<="), ("\\geq", ">="), ("\\%", "%")] { s = s.replacing(tex, with: plain) }
        }
        guard !s.isEmpty else { return TargetValue(op: nil, number: nil, unit: nil) }
        var rest = Substring(s)
        var op: String? = nil
        for (printed, symbol) in operators where rest.hasPrefix(printed) {
            op = symbol
            rest = rest.dropFirst(printed.count)
            break
        }
        let numberText = rest.prefix { $0.isASCIIDigit || $0 == "." || $0 == "," }
        let unitText = rest.dropFirst(numberText.count)
        guard !numberText.isEmpty, let number = ExactDecimal(String(numberText.filter { $0 != "," })),
              !unitText.contains(where: { $0.isASCIIDigit }) else {
            // A date, a range or words: the text carries it.
            if op == nil { return TargetValue(op: "text", number: nil, unit: nil) }
            return TargetValue(op: op, number: nil, unit: nil)
        }
        return TargetValue(op: op ?? "=", number: number, unit: unitText.isEmpty ? nil : String(unitText))
    }
}
