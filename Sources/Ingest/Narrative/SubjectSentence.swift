import Foundation
/// A comparison stated about a subject rather than a code path: "基本支出539.99万元,占7.42%,
/// 比上年预算增加30.38万元,增长5.96%", "公务接待费1.00万元。与2024年预算持平",
/// "与2023年度相比,收入支出总计增加1062.85万元,增长12.08%".
struct SubjectSentence: Sendable {
    /// The whole clause group, for its line and excerpt.
    let whole: Range<Int>
    /// Where the figures are (the reason cut off).
    let figures: Range<Int>
    let reason: Range<Int>?
    /// What the statement is about, cleaned: "基本支出", "因公出国(境)费", "收入支出总计".
    let subject: String
    /// The subject's amount from the sentence before, for "…总计9859.38万元。与2023年度相比,…".
    let earlierAmount: ExactDecimal?

    static let cues = ["比上年", "较上年", "与上年", "比20", "与20", "较20", "同比", "年初预算为", "年初预算数为"]
    /// Every cue starts with one of these: most characters are rejected by one comparison.
    static let cueHeads: Set<Unicode.Scalar> = Set(cues.compactMap { $0.unicodeScalars.first })

    static func all(in text: NarrativeText, outside covered: [Range<Int>], unit: String) -> [SubjectSentence] {
        var found: [SubjectSentence] = []
        var lastEnd = 0
        var i = 0
        while i < text.count {
            guard cueHeads.contains(text.characters[i]), cues.contains(where: { text.matches($0, at: i) }), i >= lastEnd,
                  !covered.contains(where: { $0.contains(i) }) else { i += 1; continue }
            let begin = clauseStart(text, before: i)
            let end = sentenceEnd(text, after: i)
            let body = text.text(i..<end)
            // Only a comparison of figures: a direction word, 持平 or 相比 must follow the cue.
            guard (StatementFigures.rising + StatementFigures.falling + ["持平", "完成"]).contains(where: { body.has($0) }) else {
                i += 1
                continue
            }
            let reasonAt = NarrativeChanges.findReason(text, from: i, to: end)
            let figuresEnd = reasonAt ?? end
            let (subject, clauseStart) = subjectOf(text, begin: begin, cue: i, figuresEnd: figuresEnd, unit: unit)
            // Start at the subject itself, not at a heading glued before it, so `line` is its line.
            let subjectStart = subject.isEmpty ? clauseStart : (text.find(subject, from: clauseStart, to: figuresEnd) ?? clauseStart)
            if !subject.isEmpty {
                found.append(SubjectSentence(whole: subjectStart..<end, figures: subjectStart..<figuresEnd,
                                             reason: reasonAt.map { $0..<end }, subject: subject,
                                             earlierAmount: amountBefore(text, begin: begin, subject: subject)))
            }
            lastEnd = end
            i = end
        }
        return found
    }

    /// Clauses start after 。 ; : or a table; a comma does not end the subject's clause group.
    static func clauseStart(_ text: NarrativeText, before index: Int) -> Int {
        var j = index
        while j > 0 {
            let c = text.characters[j - 1]
            if c == "。" || c == ";" || c == ":" || c == NarrativeText.hardBreak { break }
            if index - j > 160 { break }
            j -= 1
        }
        return j
    }

    static func sentenceEnd(_ text: NarrativeText, after index: Int) -> Int {
        var j = index
        while j < text.count, j - index < 300 {
            let c = text.characters[j]
            if c == "。" || c == ";" || c == NarrativeText.hardBreak { return c == NarrativeText.hardBreak ? j : j + 1 }
            j += 1
        }
        return j
    }

    /// The words the figures are about, and where they start: the last clause before the cue
    /// that prints an amount ("其中:财政拨款支出预算中,一般公共预算拨款支出预算18,976.76万元,比…"
    /// is about the second clause), or what stands between "相比," and the direction word.
    static func subjectOf(_ text: NarrativeText, begin: Int, cue: Int, figuresEnd: Int, unit: String) -> (String, Int) {
        if let compared = text.find("相比,", from: begin, to: figuresEnd) {
            var stop = figuresEnd
            for s in StatementFigures.rising + StatementFigures.falling + ["持平", ","] {
                if let at = text.find(s, from: compared + 3, to: stop) { stop = at }
            }
            return (clean(text.text((compared + 3)..<stop), unit: unit), begin)
        }
        // Clause starts: after each comma that is not a thousands separator.
        var starts = [begin]
        var i = begin
        while i < cue {
            if text.characters[i] == ",", !isThousandsSeparator(text, at: i) { starts.append(i + 1) }
            i += 1
        }
        var chosen = starts[starts.count - 1]
        for start in starts.reversed() {
            let clauseEnd = starts.first(where: { $0 > start }).map { $0 - 1 } ?? cue
            if hasMoney(text, start..<clauseEnd) { chosen = start; break }
        }
        let clauseEnd = starts.first(where: { $0 > chosen }).map { $0 - 1 } ?? cue
        var raw = text.text(chosen..<clauseEnd)
        // Drop the amount: "一般公共预算5141.46万元" -> "一般公共预算"; a leading year stays for clean().
        if let money = firstMoney(in: raw) { raw = String(raw[..<money]) }
        return (clean(raw, unit: unit), chosen)
    }

    static func isThousandsSeparator(_ text: NarrativeText, at i: Int) -> Bool {
        guard i > 0, text.characters[i - 1].isASCIIDigit, i + 3 < text.count else { return false }
        return (1...3).allSatisfy { text.characters[i + $0].isASCIIDigit } && (i + 4 >= text.count || !text.characters[i + 4].isASCIIDigit)
    }

    static func hasMoney(_ text: NarrativeText, _ range: Range<Int>) -> Bool {
        firstMoney(in: text.text(range)) != nil
    }

    /// The start of the first number followed by 万元/元/万 in `s`.
    static func firstMoney(in s: String) -> String.Index? {
        var i = s.startIndex
        while i < s.endIndex {
            if s[i].isASCIIDigit, i == s.startIndex || !s[s.index(before: i)].isASCIIDigit {
                var j = i
                while j < s.endIndex, s[j].isASCIIDigit || s[j] == "." || s[j] == "," { j = s.index(after: j) }
                let rest = s[j...]
                if rest.hasPrefix("万元") || rest.hasPrefix("元") || (rest.hasPrefix("万") && !rest.hasPrefix("万人")) { return i }
                i = j
            } else {
                i = s.index(after: i)
            }
        }
        return nil
    }

    static func clean(_ raw: String, unit: String) -> String {
        var s = Substring(raw)
        let compactUnit = unit.filter { !$0.isWhitespace }
        // A heading glued on by the missing line break: keep what follows the unit's name or
        // the heading's last "说明"/"情况".
        if !compactUnit.isEmpty, let r = s.range(of: compactUnit, options: .backwards) { s = s[r.upperBound...] }
        for heading in ["说明", "情况"] {
            if let r = s.range(of: heading, options: .backwards), s.distance(from: r.upperBound, to: s.endIndex) >= 2 {
                s = s[r.upperBound...]
            }
        }
        var changed = true
        while changed {
            changed = false
            for prefix in ["-", "其中", "其中,", "全年", "本年", "当年", "年度"] where s.hasPrefix(prefix) {
                s = s.dropFirst(prefix.count); changed = true
            }
            if !compactUnit.isEmpty, let r = s.range(of: compactUnit), r.lowerBound == s.startIndex {
                s = s[r.upperBound...]; changed = true
            }
            // A year ("2024年", "2024年度", "24年") or a list marker ("(一)", "1.", "2、").
            if let first = s.first, first.isASCIIDigit {
                let digits = s.prefix { $0.isASCIIDigit }
                let rest = s.dropFirst(digits.count)
                if rest.hasPrefix("年度") { s = rest.dropFirst(2); changed = true }
                else if rest.hasPrefix("年") { s = rest.dropFirst(); changed = true }
                else if rest.hasPrefix(".") || rest.hasPrefix("、") { s = rest.dropFirst(); changed = true }
            }
            // A list marker "(一)" or a template's note "(如持平作持平表述)" before the subject.
            if s.hasPrefix("("), let close = s.firstIndex(of: ")"), s.distance(from: s.startIndex, to: close) <= 12,
               s.index(after: close) < s.endIndex {
                s = s[s.index(after: close)...]; changed = true
            }
        }
        while let last = s.last, last == "," || last == "为" || last == "是" { s = s.dropLast() }
        return String(s)
    }

    /// "收入支出总计9859.38万元。与2023年度相比,收入支出总计增加…": the amount the sentence
    /// before gives for the same subject.
    static func amountBefore(_ text: NarrativeText, begin: Int, subject: String) -> ExactDecimal? {
        let from = max(0, begin - 160)
        guard let at = text.find(subject, from: from, to: begin) else { return nil }
        var j = at + subject.count
        while j < begin, !text.characters[j].isASCIIDigit {
            if text.characters[j] == "," || text.characters[j] == "。" { return nil }
            j += 1
        }
        guard j < begin, let (value, end) = StatementFigures.readNumber(text, from: j, limit: begin),
              text.matches("万元", at: end) else { return nil }
        return value
    }
}

import Store
