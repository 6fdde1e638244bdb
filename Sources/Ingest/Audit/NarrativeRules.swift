import Store

/// Family 5: each figure, share, change and comparison word of the narrative against the tables
/// and against its own arithmetic.
enum NarrativeRules {
    static func check(_ context: AuditContext) -> [Check] {
        var checks = totals(context) + statements(context) + shares(context) + words(context)
        checks += formerNames(context) + sameItem(context) + threePublic(context)
        return checks
    }

    static func finding(_ rule: AuditRule, _ s: NarrativeSentence, _ detail: String, expected: ExactDecimal? = nil,
                        actual: ExactDecimal? = nil) -> Check {
        Check(table: "narrative", rule: rule, status: expected == nil ? .failed : .mismatch, expected: expected, actual: actual,
              detail: detail, line: s.line, quote: String(s.text.prefix(160)))
    }

    /// The first money figure within `gap` characters after `offset`.
    static func figure(in s: NarrativeSentence, after offset: Int, gap: Int = 6) -> NarrativeFigure? {
        s.figures.first { $0.kind == .money && $0.start >= offset && $0.start - offset <= gap }
    }

    /// A clause's words from the last punctuation before `offset` (what qualifies a keyword).
    static func clauseHead(_ s: NarrativeSentence, before offset: Int) -> String {
        var i = offset
        while i > 0, !",:;、(".contains(s.characters[i - 1]) { i -= 1 }
        return s.text(i, offset)
    }

    // MARK: totals

    static func totals(_ context: AuditContext) -> [Check] {
        var checks: [Check] = []
        for (keywords, table, rule) in [(["收入预算", "收入总计", "收入决算", "本年收入合计"], "income", RuleCatalogue.narrativeIncomeTotal),
                                        (["支出预算", "支出总计", "支出决算", "本年支出合计"], "spending", RuleCatalogue.narrativeSpendingTotal)] {
            guard let total = context.total(table) else { continue }
            for s in context.sentences.sentences {
                for keyword in keywords {
                    for offset in s.offsets(of: keyword) {
                        let head = clauseHead(s, before: offset)
                        // The document's own total: not a qualified part (财政拨款收入, 基本支出), not an
                        // item's 决算 against its 年初预算, not "收入支出总计增加 Y".
                        guard isOwnTotal(head, unit: context.document.unit), !head.hasSuffix("收入"), !s.has("年初预算"),
                              !s.has("(类)"), let f = figure(in: s, after: offset + keyword.count, gap: 3),
                              !s.text(offset + keyword.count, f.start).contains(where: { "比增减较".contains($0) }) else { continue }
                        if !NarrativeTolerance.agree(f, total.value, tableUnit: total.unit) {
                            checks.append(finding(rule, s, "说明中\(keyword) \(f.value.normalized)万元，\(TableTitles.title(table))合计 \(total.value.normalized)万元",
                                                  expected: total.value, actual: f.value))
                        }
                    }
                }
            }
        }
        return checks
    }

    /// What may stand before 收入预算 / 支出总计 in a sentence about the document's own total:
    /// the unit's name, the year, 本年 / 本部门 — nothing that names a part (财政拨款, 基本, 某费).
    static func isOwnTotal(_ head: String, unit: String) -> Bool {
        var rest = unit.isEmpty ? head : head.replacingOccurrences(of: unit, with: "")
        for word in ["本部门", "本单位", "部门", "单位", "本年", "全年", "年度", "年", "的", "("] { rest = rest.replacingOccurrences(of: word, with: "") }
        return rest.allSatisfy { $0.isNumber }
    }

    // MARK: statements of change (the changes table)

    static func statements(_ context: AuditContext) -> [Check] {
        var checks: [Check] = []
        let sentences = context.sentences.sentences
        for st in context.statements {
            guard let s = sentences.last(where: { $0.line <= st.line }) ?? sentences.first else { continue }
            let what = st.pathText.isEmpty ? (st.code ?? "") : st.pathText
            if st.consistent == false, let completion = st.completion, let amount = st.amount, let budget = st.prior, !budget.isZero {
                // "年初预算为X万元，支出决算为Y万元，完成年初预算的Z%".
                if let implied = amount.multiplied(by: ExactDecimal(100))?.divided(by: budget, scale: 6),
                   !NarrativeTolerance.agree(percent: completion, places: completion.scale, computed: implied) {
                    checks.append(finding(RuleCatalogue.completion, s, "\(what)：决算 \(amount.normalized)万元 / 年初预算 \(budget.normalized)万元 = \(implied.rounded(to: 2).normalized)%，说明写完成 \(completion.normalized)%",
                                          expected: implied.rounded(to: 2), actual: completion))
                }
            } else if st.consistent == false, let amount = st.amount {
                let change = st.change ?? st.prior.flatMap { amount.subtracting($0) }
                let prior = st.prior ?? change.flatMap { amount.subtracting($0) }
                if let change, let prior, prior.isNegative {
                    // "25万元，比上年增加26万元": the change exceeds the figure itself.
                    checks.append(finding(RuleCatalogue.change, s, "\(what)：本年 \(amount.normalized)万元，却说变动 \(change.normalized)万元（上年应为 \(prior.normalized)万元）",
                                          expected: amount, actual: change))
                } else if let pct = st.pct, let change, let prior, !prior.isZero,
                          let implied = change.multiplied(by: ExactDecimal(100))?.divided(by: prior, scale: 6),
                          !NarrativeTolerance.agree(percent: pct, places: pct.scale, computed: implied),
                          NarrativeTolerance.agree(percent: pct.magnitude, places: pct.scale, computed: implied.magnitude) {
                    // The rate is right but called the other way: "比…执行数增加1.39%" for a fall.
                    checks.append(finding(RuleCatalogue.wordSign, s, "\(what)：本年 \(amount.normalized)万元，比较的是 \(prior.normalized)万元，应为\(implied.isNegative ? "减少/下降" : "增加/增长") \(implied.magnitude.rounded(to: 2).normalized)%，说明写 \(pct.normalized)%",
                                          expected: implied.rounded(to: 2), actual: pct))
                } else if let pct = st.pct, let change, let prior, !prior.isZero,
                   let implied = change.multiplied(by: ExactDecimal(100))?.divided(by: prior, scale: 6),
                   !NarrativeTolerance.agree(percent: pct, places: pct.scale, computed: implied) {
                    checks.append(finding(RuleCatalogue.percent, s, "\(what)：变动 \(change.normalized)万元 / 上年 \(prior.normalized)万元 = \(implied.rounded(to: 2).normalized)%，说明写 \(pct.normalized)%",
                                          expected: implied.rounded(to: 2), actual: pct))
                } else {
                    checks.append(finding(RuleCatalogue.change, s, "\(what)：本年 \(amount.normalized)万元，上年 \(prior.map { "\($0.normalized)" } ?? "?")万元，说明的变动 \(change.map { "\($0.normalized)" } ?? "?")万元对不上",
                                          expected: prior.flatMap { amount.subtracting($0) }, actual: change))
                }
            }
            // The reason may follow in the next sentences ("…下降27.78%。…支出减少的主要原因是…").
            let next = (sentences.lastIndex { $0.line <= st.line } ?? 0)
            if let pct = st.pct, !(pct.magnitude < ExactDecimal(10)), st.reason == nil,
               !sentences[next..<min(sentences.count, next + 3)].contains(where: { $0.has("原因") }) {
                checks.append(finding(RuleCatalogue.reasonMissing, s, "\(what) 变动 \(pct.normalized)%，未说明主要原因"))
            }
            if st.inTables == false, let amount = st.amount {
                checks.append(finding(RuleCatalogue.notInTables, s, "\(what) \(st.code ?? "") 说明为 \(amount.normalized)万元，各表均未列此数",
                                      expected: nil, actual: nil))
            }
        }
        return checks
    }

    // MARK: shares

    /// "总额X万元，其中：A万元，占Y%；B万元，占Z%": each share against the total stated before
    /// 其中 (kept for the section until another 其中). "占本年支出合计的Y%" names its own total and
    /// is not checked here.
    static func shares(_ context: AuditContext) -> [Check] {
        var checks: [Check] = []
        for s in context.sentences.sentences {
            var total: (value: ExactDecimal, section: Int)?
            let whereof = s.offsets(of: "其中").first
            if let w = whereof, let before = s.figures.last(where: { $0.kind == .money && $0.end <= w }) {
                total = (before.value, s.section)
            }
            for offset in s.offsets(of: "占") {
                guard let pct = s.figures.first(where: { $0.kind == .percent && $0.start >= offset + 1 && $0.start <= offset + 2 }) else { continue }
                if ExactDecimal(100) < pct.value {
                    checks.append(finding(RuleCatalogue.shareRange, s, "占比 \(pct.value.normalized)% 超过 100%", expected: ExactDecimal(100), actual: pct.value))
                    continue
                }
                guard let t = total, !t.value.isZero, whereof.map({ $0 < offset }) ?? true,
                      let part = s.figures.last(where: { f in f.kind == .money && f.end <= offset && (whereof.map { f.start > $0 } ?? true) }),
                      let implied = part.value.multiplied(by: ExactDecimal(100))?.divided(by: t.value, scale: 6) else { continue }
                if !NarrativeTolerance.agree(percent: pct.value, places: pct.places, computed: implied) {
                    checks.append(finding(RuleCatalogue.share, s, "\(part.value.normalized)万元 / \(t.value.normalized)万元 = \(implied.rounded(to: 2).normalized)%，说明写占 \(pct.value.normalized)%",
                                          expected: implied.rounded(to: 2), actual: pct.value))
                }
            }
        }
        return checks
    }

    // MARK: comparison words

    static let upWords = ["增加", "增长", "上升"]
    static let downWords = ["减少", "下降", "降低"]

    static func words(_ context: AuditContext) -> [Check] {
        var checks: [Check] = []
        let sentences = context.sentences.sentences
        for (k, s) in sentences.enumerated() {
            // 增加 Y, 下降 Z%: one change called both ways; 增加 a negative figure.
            var directions: [(up: Bool, figure: NarrativeFigure)] = []
            for (words, up) in [(upWords, true), (downWords, false)] {
                for w in words {
                    for o in s.offsets(of: w) {
                        if let f = s.figures.first(where: { $0.start >= o + w.count && $0.start <= o + w.count + 1 }) { directions.append((up, f)) }
                    }
                }
            }
            directions.sort { $0.figure.start < $1.figure.start }
            for (a, b) in zip(directions, directions.dropFirst()) where a.up != b.up && a.figure.kind == .money && b.figure.kind == .percent
                && b.figure.start - a.figure.end <= 4 && !a.figure.value.isZero {
                checks.append(finding(RuleCatalogue.wordSign, s, "同一变动既说\(a.up ? "增加" : "减少") \(a.figure.value.normalized)万元，又说\(b.up ? "增长" : "下降") \(b.figure.value.normalized)%"))
            }
            for d in directions where d.figure.negative {
                checks.append(finding(RuleCatalogue.wordSign, s, "\(d.up ? "增加" : "减少")的数为负数 \(d.figure.value.normalized)"))
            }
            // 持平 beside a non-zero change in the same clause.
            for o in s.offsets(of: "持平") {
                let clauseStart = (s.characters[..<o].lastIndex(where: { $0 == "," || $0 == ";" }) ?? -1) + 1
                var clauseEnd = s.characters[o...].firstIndex(where: { $0 == "," || $0 == ";" }) ?? s.characters.count
                // "与上年持平，增长5%": the change may follow in the next clause.
                if clauseEnd < s.characters.count, (upWords + downWords).contains(where: { s.text(clauseEnd + 1, clauseEnd + 3) == $0 }) {
                    clauseEnd = s.characters[(clauseEnd + 1)...].firstIndex(where: { $0 == "," || $0 == ";" }) ?? s.characters.count
                }
                if let d = directions.first(where: { $0.figure.start >= clauseStart && $0.figure.end <= clauseEnd && !$0.figure.value.isZero }) {
                    checks.append(finding(RuleCatalogue.flat, s, "说持平，却有变动 \(d.figure.value.normalized)"))
                }
            }
            // 0万元 that then increased by a non-zero amount.
            for f in s.figures where f.kind == .money && f.value.isZero {
                let next = s.figures.first { $0.start > f.end }
                if let n = next, n.kind == .money, !n.value.isZero,
                   upWords.contains(where: { w in s.offsets(of: w).contains { $0 > f.end && $0 < n.start } }),
                   !s.text(f.end, n.start).containsUTF8("上年") || s.text(f.end, n.start).containsUTF8("比") {
                    checks.append(finding(RuleCatalogue.zeroIncrease, s, "本年为0万元，却说增加 \(n.value.normalized)万元"))
                }
            }
            // 大于/小于/等于 between two figures, or between 决算数 and 预算数 stated just before.
            for (word, relation) in [("大于", 1), ("高于", 1), ("小于", -1), ("低于", -1), ("等于", 0)] {
                for o in s.offsets(of: word) {
                    var left = s.figures.last { $0.kind == .money && $0.end <= o }
                    var right = s.figures.first { $0.kind == .money && $0.start >= o + word.count }
                    if left == nil, right == nil, k > 0, s.text(max(0, o - 3), o).hasSuffix("决算数"), s.text(o + 2, o + 5).hasPrefix("预算数") {
                        let prev = sentences[k - 1]
                        let budget = prev.offsets(of: "预算为").first.flatMap { figure(in: prev, after: $0 + 3, gap: 1) }
                        let final = prev.offsets(of: "决算为").first.flatMap { figure(in: prev, after: $0 + 3, gap: 1) }
                        left = final
                        right = budget
                    }
                    guard let l = left, let r = right else { continue }
                    let actual = l.value == r.value ? 0 : (r.value < l.value ? 1 : -1)
                    if actual != relation {
                        checks.append(finding(RuleCatalogue.comparisonWord, s, "\(l.value.normalized)万元「\(word)」\(r.value.normalized)万元不成立",
                                              expected: r.value, actual: l.value))
                    }
                }
            }
        }
        return checks
    }

    // MARK: names

    static func formerNames(_ context: AuditContext) -> [Check] {
        var checks: [Check] = []
        let reference = ReferenceClassification.standard
        for s in context.sentences.sentences {
            for (code, name) in FormerNames.all {
                for o in s.offsets(of: name) {
                    let next = s.text(o + name.count, o + name.count + 1)
                    guard name.hasSuffix("支出") || next == "(" || next == "”" || next == "\"" else { continue }
                    let current = reference.entry(code: code)?.name ?? ""
                    checks.append(finding(RuleCatalogue.narrativeFormerName, s, "「\(name)」是 \(code) 的旧称，现名「\(current)」"))
                }
            }
        }
        // A code path whose last name is neither the reference's nor any table's.
        let sentences = context.sentences.sentences
        var tableNames: [String: Set<String>] = [:]
        for t in context.ingested.codedTables where t.kind.key == .function {
            for r in t.rows { if let c = r.code?.description { tableNames[c, default: []].insert(ReferenceClassification.matchKey(r.name)) } }
        }
        for st in context.statements {
            guard let code = st.code, let last = st.path.last, st.path.count >= 2,
                  let entry = reference.entry(code: code, kind: .function) else { continue }
            let key = ReferenceClassification.matchKey(last)
            if key != entry.matchKey, !(tableNames[code]?.contains(key) ?? false), !FormerNames.isFormer(last, of: code),
               let s = sentences.last(where: { $0.line <= st.line }) {
                checks.append(finding(RuleCatalogue.narrativeName, s, "\(code) 说明中为「\(last)」，科目表为「\(entry.name)」"))
            }
        }
        return checks
    }

    // MARK: one item, two amounts

    /// Labels that name a kind of figure rather than one item (年预算数, 资金预算, 补贴标准,
    /// 采购金额 recur with different amounts for different items) are not compared.
    static let changeWords = ["比", "增加", "减少", "增长", "下降", "占", "其中", "较", "完成", "上年", "年初", "调整",
                              "年", "预算", "决算", "金额", "标准", "价值", "安排", "执行", "资金", "项目", "合同", "约", "达"]

    static func sameItem(_ context: AuditContext) -> [Check] {
        var checks: [Check] = []
        var seen: [String: (value: ExactDecimal, figure: NarrativeFigure, section: Int)] = [:]
        for s in context.sentences.sentences {
            for f in s.figures where f.kind == .money {
                let label = s.label(before: f)
                guard label.count >= 4, !changeWords.contains(where: { label.containsUTF8($0) }),
                      !label.contains(where: { $0.isNumber }) else { continue }
                if let first = seen[label], first.section == s.section {
                    if !NarrativeTolerance.agree(f, first.value) && !NarrativeTolerance.agree(first.figure, f.value) {
                        checks.append(finding(RuleCatalogue.sameItemAmounts, s, "「\(label)」在同一部分先写 \(first.value.normalized)万元，又写 \(f.value.normalized)万元",
                                              expected: first.value, actual: f.value))
                    }
                } else {
                    seen[label] = (f.value, f, s.section)
                }
            }
        }
        return checks
    }

    // MARK: 三公 and 机关运行经费

    static let threePublicItems: [(words: [String], item: String?)] = [
        (["因公出国(境)费", "因公出国(境)经费", "因公出国费"], "因公出国（境）费"),
        (["公务接待费"], "公务接待费"),
        (["公务用车购置费"], "公务用车购置费"),
        (["公务用车运行费", "公务用车运行维护费"], "公务用车运行费"),
        (["公务用车购置及运行费", "公务用车购置及运行维护费"], nil),
        (["“三公”经费", "\"三公\"经费", "三公经费"], nil),
        (["机关运行经费"], "机关运行经费"),
    ]

    static func threePublic(_ context: AuditContext) -> [Check] {
        var table: [String: (amount: ExactDecimal?, budget: ExactDecimal?)] = [:]
        for row in context.labelRows("three_public") {
            table[TableRules.text(row["item"])] = (TableRules.decimal(row["amount"]), TableRules.decimal(row["budget"]))
        }
        guard !table.isEmpty else { return [] }
        func value(_ item: String?, _ words: [String], budget: Bool) -> ExactDecimal? {
            func pick(_ i: String) -> ExactDecimal? { budget ? table[i]?.budget : table[i]?.amount }
            if let item { return pick(item) }
            let parts = words[0].hasPrefix("公务用车") ? ["公务用车购置费", "公务用车运行费"] : ["因公出国（境）费", "公务接待费", "公务用车购置费", "公务用车运行费"]
            let values = parts.compactMap(pick)
            return values.isEmpty ? nil : Arithmetic.sum(values)
        }
        var checks: [Check] = []
        let final = context.document.stage == "决算"
        for s in context.sentences.sentences {
            var used = Set<Int>()
            for (words, item) in threePublicItems {
                for w in words {
                    for o in s.offsets(of: w) where !used.contains(o) {
                        guard let f = figure(in: s, after: o + w.count, gap: 8) else { continue }
                        let between = s.text(o + w.count, f.start)
                        guard !between.containsUTF8("比"), !between.containsUTF8("增"), !between.containsUTF8("减") else { continue }
                        used.insert(o)
                        let budget = final && between.containsUTF8("预算") && !between.containsUTF8("决算")
                        guard let printed = value(item, words, budget: budget) else { continue }
                        if !NarrativeTolerance.agree(f, printed, tableUnit: printed.lastDigitUnit) {
                            let rule = item == "机关运行经费" ? RuleCatalogue.operatingCost : RuleCatalogue.threePublic
                            checks.append(finding(rule, s, "说明中\(w) \(f.value.normalized)万元，表中为 \(printed.normalized)万元",
                                                  expected: printed, actual: f.value))
                        }
                    }
                }
            }
        }
        return checks
    }
}
