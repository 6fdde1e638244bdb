import Store

/// Reads the narrative's statements about how a figure changed: per code path
/// ("社会保障和就业支出(类)…(款)…(项)2024年预算数为…,比上年预算增加…,增长…%") and per subject
/// ("基本支出539.99万元,比上年预算增加30.38万元,增长5.96%"), in the phrasings of the national
/// template: 比上年(预算)增加/减少, 比20XX年预算执行数增加 X%, 与上年持平, 上年无此项, and the
/// 决算 form 年初预算为 X 万元，支出决算为 Y 万元，完成年初预算的 Z%.
public enum NarrativeChanges {
    public struct Result: Sendable {
        public var statements: [ChangeStatement]
        /// Statements that could not be read fully, and code paths matched only approximately.
        public var diagnostics: [NarrativeDiagnostic]
    }

    /// The statements of `document`. `documentCodes` (the function codes its tables print, with
    /// their amounts) decide between look-alike names; without them the reference alone is used.
    public static func read(_ document: SnapshotDocument, documentCodes: [DocumentCode] = [],
                            reference: ReferenceClassification = .standard) -> Result {
        read(lines: document.lines, unit: document.unit, documentCodes: documentCodes, reference: reference)
    }

    /// The statements alone (diagnostics dropped): for callers that only want the rows.
    public static func rows(from document: SnapshotDocument, documentCodes: [DocumentCode] = []) -> [ChangeStatement] {
        read(document, documentCodes: documentCodes).statements
    }

    static func read(lines: [String], unit: String, documentCodes: [DocumentCode],
                     reference: ReferenceClassification) -> Result {
        let text = NarrativeText(document: lines)
        let resolver = CodePathResolver(reference: reference, documentCodes: documentCodes)
        var result = Result(statements: [], diagnostics: [])
        let anchors = PathAnchor.all(in: text)
        var covered: [Range<Int>] = []
        for (k, anchor) in anchors.enumerated() {
            let next = k + 1 < anchors.count ? anchors[k + 1].start : text.count
            let region = statementRegion(text, from: anchor.end, before: next)
            covered.append(anchor.start..<region.upperBound)
            let statementText = text.text(anchor.start..<region.upperBound)
            let parts = splitReason(text, region)
            if isTemplatePlaceholder(text.text(parts.figures)) {
                result.diagnostics.append(NarrativeDiagnostic(line: text.line(at: anchor.start),
                    message: "template placeholders (XXX) instead of figures", excerpt: excerpt(statementText)))
                continue
            }
            var figures = StatementFigures.read(text, parts.figures)
            guard figures.comparesSomething else {
                if mentionsComparison(text.text(parts.figures)) {
                    result.diagnostics.append(NarrativeDiagnostic(line: text.line(at: anchor.start),
                        message: "a comparison is mentioned but no figure of it could be read", excerpt: excerpt(statementText)))
                }
                continue
            }
            guard figures.amount != nil || figures.change != nil || figures.unsignedChange != nil else {
                result.diagnostics.append(NarrativeDiagnostic(line: text.line(at: anchor.start),
                    message: "a comparison without this year's amount or the change", excerpt: excerpt(statementText)))
                continue
            }
            let consistent = StatementConsistency.judge(&figures)
            var resolution = resolver.resolve(path: anchor.names, amount: figures.amount)
            let line = text.line(at: anchor.start)
            if let printed = anchor.printedCode {
                // The code the narrative prints outranks what its names suggest.
                resolution.notes = resolution.code == printed || resolution.code == nil ? [] :
                    ["the path's names suggest \(resolution.code ?? "no code") but \(printed) is printed; \(printed) kept"]
                resolution.code = printed
            }
            for note in resolution.notes {
                // An unresolved path is unread; a look-alike name taken as a code is a repair.
                result.diagnostics.append(NarrativeDiagnostic(line: line, message: note, excerpt: excerpt(statementText),
                                                              kind: resolution.code == nil ? .unparsed : .repaired))
            }
            appendIncomplete(&result.diagnostics, figures, line: line, statementText)
            result.statements.append(ChangeStatement(
                code: resolution.code, path: anchor.names, reason: parts.reason, amount: figures.amount,
                prior: figures.prior, change: figures.change, pct: figures.pct, completion: figures.completion,
                basis: figures.basis, consistent: consistent,
                inTables: agreesWithTables(resolution.code, figures.amount, documentCodes), line: line))
        }
        for sentence in SubjectSentence.all(in: text, outside: covered, unit: unit) {
            var figures = StatementFigures.read(text, sentence.figures)
            if figures.amount == nil, let earlier = sentence.earlierAmount { figures.amount = earlier }
            let sentenceText = text.text(sentence.whole)
            if isTemplatePlaceholder(text.text(sentence.figures)) {
                result.diagnostics.append(NarrativeDiagnostic(line: text.line(at: sentence.whole.lowerBound),
                    message: "template placeholders (XXX) instead of figures", excerpt: excerpt(sentenceText)))
                continue
            }
            guard figures.comparesSomething else {
                result.diagnostics.append(NarrativeDiagnostic(line: text.line(at: sentence.whole.lowerBound),
                    message: "a comparison is mentioned but no figure of it could be read", excerpt: excerpt(sentenceText)))
                continue
            }
            let consistent = StatementConsistency.judge(&figures)
            let line = text.line(at: sentence.whole.lowerBound)
            appendIncomplete(&result.diagnostics, figures, line: line, sentenceText)
            result.statements.append(ChangeStatement(
                code: nil, path: [sentence.subject], reason: sentence.reason.map { text.text($0) }.flatMap(cleanReason),
                amount: figures.amount, prior: figures.prior, change: figures.change, pct: figures.pct,
                completion: figures.completion, basis: figures.basis, consistent: consistent, line: line))
        }
        result.statements.sort { $0.line < $1.line }
        return result
    }

    /// The blank template's "XXX 万元", "XX%": text to fill in, not a statement.
    static func isTemplatePlaceholder(_ s: String) -> Bool {
        s.has("XXX") || s.has("XX%") || s.has("XX万元") || s.has("××")
    }

    /// Does a table of the document print `amount` for `code`? nil when no table has the code.
    static func agreesWithTables(_ code: String?, _ amount: ExactDecimal?, _ documentCodes: [DocumentCode]) -> Bool? {
        guard let code, let amount else { return nil }
        let rows = documentCodes.filter { $0.code == code }
        guard !rows.isEmpty else { return nil }
        return rows.contains { $0.prints(amount) }
    }

    /// Reports what a comparing statement left unknown, so that a NULL is never unexplained.
    private static func appendIncomplete(_ diagnostics: inout [NarrativeDiagnostic], _ f: StatementFigures, line: Int, _ text: String) {
        if f.change == nil, f.unsignedChange != nil {
            diagnostics.append(NarrativeDiagnostic(line: line, message: "the change is printed without 增加/减少 and no percentage gives its direction", excerpt: excerpt(text)))
        } else if f.change == nil, f.completion == nil {
            diagnostics.append(NarrativeDiagnostic(line: line, message: "the statement compares but neither the change nor the prior figure could be read", excerpt: excerpt(text)))
        }
    }

    static func mentionsComparison(_ s: String) -> Bool {
        ["比上年", "较上年", "持平", "年初预算", "上年无此项"].contains { s.has($0) }
            || (s.has("比20") && (StatementFigures.rising + StatementFigures.falling).contains { s.has($0) })
    }

    /// Where a statement's text ends: at the next path, a table or a new heading; after the
    /// sentence of its reason; or, when it gives no reason, after its first sentence that compares
    /// (unless a reason follows right after that sentence).
    static func statementRegion(_ text: NarrativeText, from start: Int, before next: Int) -> Range<Int> {
        var end = max(start, min(next, start + 600, text.count))
        if let table = text.find(String(NarrativeText.hardBreak), from: start, to: end) { end = table }
        var compared = false
        var i = start
        while i < end {
            if text.characters[i] == "。" {
                let stop = i + 1
                if startsHeading(text, at: stop) || findReason(text, from: start, to: i) != nil { return start..<stop }
                if compared, !startsReasonSoon(text, at: stop, end: end) { return start..<stop }
            }
            if ["增加", "减少", "增长", "下降", "持平", "完成", "相比"].contains(where: { text.matches($0, at: i) }) { compared = true }
            i += 1
        }
        return start..<end
    }

    /// "决算数小于预算数的主要原因：…" starts a reason a few characters after the sentence break.
    private static func startsReasonSoon(_ text: NarrativeText, at index: Int, end: Int) -> Bool {
        guard let reason = findReason(text, from: index, to: min(end, index + 14)) else { return false }
        return text.find("。", from: index, to: reason) == nil
    }

    /// "(三)", "三、", "2、", "2." or "- 2." at `index`: the next numbered paragraph or heading.
    static func startsHeading(_ text: NarrativeText, at index: Int) -> Bool {
        let numerals: Set<Unicode.Scalar> = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"]
        var i = index
        if i < text.count, text.characters[i] == "-" { i += 1 }
        guard i < text.count else { return false }
        let c = text.characters[i]
        if c == "(", i + 2 < text.count, numerals.contains(text.characters[i + 1]) {
            return text.characters[i + 2] == ")" || (i + 3 < text.count && text.characters[i + 3] == ")")
        }
        if numerals.contains(c), i + 1 < text.count, text.characters[i + 1] == "、" { return true }
        if c.isASCIIDigit {
            var j = i
            while j < text.count, text.characters[j].isASCIIDigit { j += 1 }
            return j < text.count && (text.characters[j] == "、" || (text.characters[j] == "." && !(j + 1 < text.count && text.characters[j + 1].isASCIIDigit)))
        }
        return false
    }

    /// The figures part and the reason of a statement region.
    static func splitReason(_ text: NarrativeText, _ region: Range<Int>) -> (figures: Range<Int>, reason: String?) {
        guard let at = findReason(text, from: region.lowerBound, to: region.upperBound) else {
            return (region, nil)
        }
        return (region.lowerBound..<at, cleanReason(text.text(at..<region.upperBound)))
    }

    /// Words that introduce the reason for a change, most specific first.
    static let reasonCues = ["主要原因", "变动原因", "增减原因", "增加原因", "减少原因", "原因是", "原因为", "原因:"]

    /// Where the statement's reason starts, if it gives one in `[from, to)`.
    static func findReason(_ text: NarrativeText, from: Int, to: Int) -> Int? {
        reasonCues.compactMap { text.find($0, from: from, to: to) }.min()
    }

    /// "主要原因是：我单位本年…。" -> "我单位本年…".
    static func cleanReason(_ raw: String) -> String? {
        var s = Substring(raw)
        for cue in ["主要原因", "变动原因", "增减原因", "增加原因", "减少原因", "原因"] where s.hasPrefix(cue) {
            s = s.dropFirst(cue.count)
            break
        }
        for p in ["是", "为", ":", ",", "是:"] where s.hasPrefix(p) { s = s.dropFirst(p.count) }
        if s.hasPrefix(":") { s = s.dropFirst() }
        while let last = s.last, last == "。" || last == ";" || last == "," { s = s.dropLast() }
        return s.isEmpty ? nil : String(s)
    }

    static func excerpt(_ s: String) -> String {
        s.count <= 80 ? s : String(s.prefix(80)) + "…"
    }
}
