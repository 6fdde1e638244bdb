/// Family 6: what an editor should have caught: placeholders of the template left in, doubled
/// punctuation, quotes and brackets that do not close.
enum HygieneRules {
    static let placeholders = ["XX", "xx", "ＸＸ", "××", "某某", "{单位}", "{部门}", "{", "＊＊"]

    /// The placeholder a text carries, if any: "XX" counts only when not part of a longer
    /// Latin word.
    static func placeholder(in text: String) -> String? {
        for p in placeholders where text.has(p) {
            if p == "XX" || p == "xx" {
                let chars = Array(text)
                let mark = Array(p)
                var found = false
                for i in 0..<max(0, chars.count - 1) where chars[i] == mark[0] && chars[i + 1] == mark[1] {
                    let before = i > 0 ? chars[i - 1] : " "
                    let after = i + 2 < chars.count ? chars[i + 2] : " "
                    let letter: (Character) -> Bool = { $0.isASCII && $0.isLetter && $0 != "X" && $0 != "x" }
                    if !letter(before) && !letter(after) { found = true }
                }
                if !found { continue }
            }
            return p
        }
        return nil
    }

    static func check(_ context: AuditContext) -> [Check] {
        var checks: [Check] = []
        // A table's title stands alone on its line, so the narrative reader takes it for prose;
        // it is checked with the tables below (T6), not as a sentence.
        let titleLines = Set(context.segments.map(\.titleLine))
        for s in context.sentences.sentences {
            let quote = String(s.text.prefix(160))
            if let p = placeholder(in: s.text), !(titleLines.contains(s.line) && s.text.hasSuffix("表")) {
                checks.append(.failed(RuleCatalogue.placeholder, table: "narrative", detail: "留有占位符「\(p)」", quote: quote, line: s.line))
            }
            let opening = s.characters.filter { $0 == "“" }.count, closing = s.characters.filter { $0 == "”" }.count
            if opening != closing {
                checks.append(.failed(RuleCatalogue.unbalancedQuotes, table: "narrative", detail: "引号不成对：“ \(opening) 个，” \(closing) 个",
                                      quote: quote, line: s.line))
            }
            // "增长13.95。": a rate whose % was left out.
            for word in ["增长", "下降", "增幅", "降幅", "占"] {
                for o in s.offsets(of: word) {
                    var i = o + word.count
                    var digits = 0
                    while i < s.characters.count, s.characters[i].isASCII, s.characters[i].isNumber || s.characters[i] == "." { i += 1; digits += 1 }
                    guard digits > 0, i == s.characters.count || ",;:。".contains(s.characters[i]) else { continue }
                    checks.append(.failed(RuleCatalogue.percentSign, table: "narrative", detail: "「\(word)\(s.text(o + word.count, i))」缺少百分号",
                                          quote: quote, line: s.line))
                }
            }
            let open = s.characters.filter { $0 == "(" }.count, close = s.characters.filter { $0 == ")" }.count
            if open != close {
                checks.append(.failed(RuleCatalogue.unbalancedBrackets, table: "narrative", detail: "括号不成对：（ \(open) 个，） \(close) 个",
                                      quote: quote, line: s.line))
            }
        }
        // Doubled marks, on the text before it is cut into sentences (a 。。 would vanish there).
        let text = context.sentences.text
        var i = 1
        while i < text.count {
            let c = text.characters[i]
            if c == text.characters[i - 1], c == "。" || c == "," || c == "、" || c == ";" || c == ":" {
                checks.append(.failed(RuleCatalogue.doubledPunctuation, table: "narrative", detail: "标点重复「\(c)\(c)」",
                                      quote: text.text(max(0, i - 30)..<min(text.count, i + 30)), line: text.line(at: i)))
                i += 2
                continue
            }
            i += 1
        }
        // Tables: titles, heading lines and row names.
        for segment in context.segments where segment.kind != nil && !context.contents.contains(line: segment.titleLine) {
            if let p = placeholder(in: context.title(segment)) {
                checks.append(.failed(RuleCatalogue.tablePlaceholder, table: segment.kind?.name ?? "", detail: "表题留有占位符「\(p)」",
                                      quote: context.title(segment), line: segment.titleLine))
            }
            guard let body = segment.lines else { continue }
            for n in body.prefix(6) where context.document.lines[n - 1].containsUTF8("编制") {
                if let p = placeholder(in: context.document.lines[n - 1].withoutSpaces) {
                    checks.append(.failed(RuleCatalogue.tablePlaceholder, table: segment.kind?.name ?? "", detail: "表头留有占位符「\(p)」",
                                          quote: context.quote(line: n), line: n))
                }
            }
        }
        for table in context.ingested.codedTables {
            for row in table.rows {
                if let p = placeholder(in: row.name) {
                    checks.append(.failed(RuleCatalogue.tablePlaceholder, table: table.kind.name, detail: "行名留有占位符「\(p)」：\(row.name)",
                                          quote: context.quote(line: row.line), line: row.line))
                }
            }
        }
        return checks
    }
}
