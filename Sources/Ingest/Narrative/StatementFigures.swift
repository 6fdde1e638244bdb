import Foundation
import Store

/// The figures one statement prints, read from its text by the words that introduce them:
/// "预算数为 X 万元" (amount), "比上年预算增加 Y 万元" (change), "增长 Z%" (pct),
/// "执行数为 / 年初预算为 W 万元" (prior), "完成年初预算的 C%" (completion), "持平".
struct StatementFigures: Sendable, Equatable {
    var amount: ExactDecimal?
    var prior: ExactDecimal?
    var change: ExactDecimal?
    var pct: ExactDecimal?
    var completion: ExactDecimal?
    var flat = false
    var noPrior = false
    /// "比上年预算 368.77 万元，下降 96.89%": a change whose direction only the percentage gives.
    var unsignedChange: ExactDecimal?
    var basis: String?

    /// Whether the statement compares at all (otherwise it only states an amount).
    var comparesSomething: Bool {
        prior != nil || change != nil || pct != nil || completion != nil || flat || noPrior || unsignedChange != nil
    }

    static let rising = ["增加", "增长", "上升", "提高", "增幅", "增长率为", "增幅为"]
    static let falling = ["减少", "下降", "降低", "降幅", "降幅为", "下降率为"]
    static let priorCues = ["执行数为", "执行数", "上年预算数为", "上年预算为", "上年数为", "上年为", "年初预算为",
                            "年初预算数为", "调整预算为", "上年决算数为", "上年决算为"]
    static let amountCues = ["预算数为", "预算安排", "决算为", "决算数为", "安排预算", "预算为"]

    /// Reads the figures of `text[range]` (the statement without its reason).
    static func read(_ text: NarrativeText, _ range: Range<Int>) -> StatementFigures {
        var f = StatementFigures()
        var i = range.lowerBound
        var previousEnd = range.lowerBound
        while i < range.upperBound {
            guard text.characters[i].isASCIIDigit, i == range.lowerBound || !text.characters[i - 1].isASCIIDigit,
                  i == range.lowerBound || text.characters[i - 1] != "." else { i += 1; continue }
            guard let (value, end) = readNumber(text, from: i, limit: range.upperBound) else { i += 1; continue }
            let context = text.text(max(previousEnd, i - 12)..<i)
            let unit = readUnit(text, at: end)
            defer { previousEnd = end + unit.length; i = end + unit.length }
            switch unit.kind {
            case .none:
                continue
            case .percent:
                if let sign = direction(endOf: context) {
                    f.pct = sign < 0 ? value.negated : value
                } else if context.has("完成") {
                    f.completion = value
                }
            case .money(let toWanYuan):
                let money = toWanYuan(value)
                if let sign = direction(endOf: context) {
                    f.change = sign < 0 ? money.negated : money
                } else if priorCues.contains(where: { context.hasSuffix($0) }) {
                    f.prior = money
                    if context.has("年初预算") { f.basis = "年初预算" }
                } else if comparisonPhrase(endOf: context) != nil, f.amount != nil {
                    f.unsignedChange = money
                } else if f.amount == nil || amountCues.contains(where: { context.hasSuffix($0) }) {
                    f.amount = money
                }
            }
        }
        func has(_ s: String) -> Bool { text.find(s, from: range.lowerBound, to: range.upperBound) != nil }
        // 持平 is this statement's direction only when it prints no other.
        f.flat = has("持平") && f.change == nil && f.unsignedChange == nil && f.pct == nil
        f.noPrior = has("上年无此项") || has("上年未安排") || has("上年无此科目")
        if f.basis == nil { f.basis = basisPhrase(text, range) }
        return f
    }

    /// +1 for 增加/增长…, −1 for 减少/下降…, nil when the context does not end in a direction word.
    static func direction(endOf context: String) -> Int? {
        var c = Substring(context)
        // "下降（增长）27.78%": a template's alternative left in print.
        if c.hasSuffix(")"), let open = c.lastIndex(of: "(") { c = c[..<open] }
        if c.hasSuffix("了") { c = c.dropLast() }
        if rising.contains(where: { c.hasSuffix($0) }) { return 1 }
        if falling.contains(where: { c.hasSuffix($0) }) { return -1 }
        return nil
    }

    /// "比上年预算" / "比2023年预算执行数" right before a number.
    static func comparisonPhrase(endOf context: String) -> String? {
        guard let at = context.lastIndex(of: "比") else { return nil }
        let phrase = context[context.index(after: at)...]
        guard !phrase.isEmpty, !phrase.has(","), phrase.count <= 10 else { return nil }
        return String(phrase)
    }

    /// What the statement compares with: "上年预算" from "比上年预算增加", "2023年预算" from
    /// "与2023年预算持平", "2023年度" from "与2023年度相比".
    static func basisPhrase(_ text: NarrativeText, _ range: Range<Int>) -> String? {
        let stops = rising + falling + ["持平", "相比", ",", "。", ";"]
        for cue in ["比", "与", "较"] {
            var search = range.lowerBound
            while let at = text.find(cue, from: search, to: range.upperBound) {
                search = at + 1
                let start = at + 1
                var end = range.upperBound
                for s in stops { if let e = text.find(s, from: start, to: end) { end = e } }
                // A number ends the phrase, unless it is the year the phrase starts with.
                var i = start
                while i < end {
                    if text.characters[i].isASCIIDigit, !(i == start && text.matches("20", at: i)) {
                        if i > start, text.characters[i - 1].isASCIIDigit { i += 1; continue }
                        end = i
                        break
                    }
                    i += 1
                }
                let phrase = text.text(start..<end)
                if !phrase.isEmpty, phrase.count <= 14,
                   phrase.has("年") || phrase.has("预算") || phrase.has("决算") {
                    return phrase
                }
            }
        }
        return nil
    }

    enum UnitKind {
        case none
        case percent
        case money((ExactDecimal) -> ExactDecimal)
    }

    /// The unit after a number: 万元 (as is), 元 (÷ 10 000, exactly), 亿元 (× 10 000), %.
    static func readUnit(_ text: NarrativeText, at index: Int) -> (kind: UnitKind, length: Int) {
        if text.matches("万元", at: index) { return (.money { $0 }, 2) }
        if text.matches("万", at: index), !text.matches("万人", at: index) { return (.money { $0 }, 1) }
        if text.matches("亿元", at: index) {
            return (.money { $0.multiplied(by: ExactDecimal(10_000)) ?? $0 }, 2)
        }
        if text.matches("元", at: index) {
            return (.money { v in
                v.scale + 4 <= ExactDecimal.maxScale ? ExactDecimal(units: v.units, scale: v.scale + 4) : v
            }, 1)
        }
        if text.matches("%", at: index) { return (.percent, 1) }
        return (.none, 0)
    }

    /// Digits with at most one point and thousands separators ("37,151.47"); the comma is only a
    /// separator when exactly three digits follow it.
    static func readNumber(_ text: NarrativeText, from start: Int, limit: Int) -> (ExactDecimal, Int)? {
        var digits = ""
        var i = start
        var sawPoint = false
        while i < limit {
            let c = text.characters[i]
            if c.isASCIIDigit {
                digits.unicodeScalars.append(c)
            } else if c == ".", !sawPoint, i + 1 < limit, text.characters[i + 1].isASCIIDigit {
                sawPoint = true
                digits.unicodeScalars.append(c)
            } else if c == ",", !sawPoint, i + 3 < limit,
                      (1...3).allSatisfy({ text.characters[i + $0].isASCIIDigit }),
                      i + 4 >= limit || !text.characters[i + 4].isASCIIDigit {
                // separator: keep reading the group
            } else {
                break
            }
            i += 1
        }
        guard let value = ExactDecimal(digits) else { return nil }
        return (value, i)
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
