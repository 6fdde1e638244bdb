import Store
/// Where one table sits in the source lines: its title line and the lines up to the next title.
struct TableSegment: Sendable {
    let kind: TableKind?
    /// The title as printed, spaces removed.
    let title: String
    let titleLine: Int
    /// 1-based line numbers of the body (after the title), in order.
    let lines: ClosedRange<Int>?
}

/// Finds tables by their titles. A title is a short line ending in 表 (or 表（续）); the table
/// runs until the next title or the narrative resumes. Titles repeated on continuation pages
/// or listed in the table of contents give extra segments that the readers merge or ignore.
enum TableLocator {
    static func segments(in document: SnapshotDocument) -> [TableSegment] {
        var titles: [(line: Int, title: String)] = []
        for (index, text) in document.lines.enumerated() {
            guard var title = title(of: text) else { continue }
            // A long title wrapped onto two lines: "2024年一般公共预算财政拨款" / "基本支出决算表".
            if TableKind.matching(title: title) == nil, index > 0 {
                let previous = document.lines[index - 1].withoutSpaces
                if !previous.isEmpty, previous.count <= 30, !previous.containsUTF8("："), !previous.containsUTF8("表"),
                   !previous.containsUTF8("。"), TableKind.matching(title: previous + title) != nil {
                    title = previous + title
                }
            }
            titles.append((index + 1, title))
        }
        var segments: [TableSegment] = []
        for (i, t) in titles.enumerated() {
            let nextTitle = i + 1 < titles.count ? titles[i + 1].line : document.lines.count + 1
            var end = nextTitle - 1
            // The narrative resumes with prose: a sentence that is not a note under the table.
            var sawData = false
            var line = t.line + 1
            while line <= end {
                let text = document.lines[line - 1]
                if isProse(text) && sawData {
                    end = line - 1
                    break
                }
                if !sawData && containsDigit(text) && !isProse(text) { sawData = true }
                line += 1
            }
            let body: ClosedRange<Int>? = end >= t.line + 1 ? (t.line + 1)...end : nil
            segments.append(TableSegment(kind: TableKind.matching(title: t.title), title: t.title,
                                         titleLine: t.line, lines: body))
        }
        return segments
    }

    /// The title on a line, or nil: short, ends in 表 (optionally 续), no sentence punctuation,
    /// no table-of-contents leader dots.
    static func title(of text: String) -> String? {
        // Fast reject: every title has 表 and is short.
        guard text.utf8.count < 200, text.containsUTF8("表") else { return nil }
        var s = text.withoutSpaces
        // "收支总表    单位：万元" and "附表1：收支总表": the unit and the label are not the title.
        for unitLabel in ["金额单位：", "金额单位:", "单位：", "单位:"] {
            if let r = s.range(of: unitLabel), r.lowerBound > s.startIndex, !s[..<r.lowerBound].hasSuffix("编制") {
                s = String(s[..<r.lowerBound])
                break
            }
        }
        if s.hasPrefix("附表") || s.hasPrefix("表"), let colon = s.firstIndex(where: { $0 == "：" || $0 == ":" }),
           s.distance(from: s.startIndex, to: colon) <= 5 {
            s = String(s[s.index(after: colon)...])
        }
        guard !s.isEmpty, s.count <= 48 else { return nil }
        if s.containsUTF8("…") || s.containsUTF8("...") || s.containsUTF8("。") || s.containsUTF8("，") || s.containsUTF8("：") || s.containsUTF8(":") {
            return nil
        }
        for suffix in ["（续）", "(续)", "续表", "续"] where s.hasSuffix(suffix) && s.count > suffix.count {
            s.removeLast(suffix.count)
        }
        // A qualifier after the 表 is still the title's: 财政拨款支出预算表（按功能分类）, and it
        // stays in it (按经济分类 keeps an economic table from matching a function table).
        guard s.hasSuffix("表") || qualifierStart(s).map({ s[..<$0].hasSuffix("表") }) == true else { return nil }
        // "表 3" and "附表" alone are labels, not titles.
        guard s.count >= 5 else { return nil }
        // Drop a leading number: "表3", "3.", "三、", "（三）".
        if let range = s.range(of: "、") , s.distance(from: s.startIndex, to: range.lowerBound) <= 3 {
            s = String(s[range.upperBound...])
        }
        while let f = s.first, f.isASCII && f.isNumber || f == "." || f == "．" || f == "表" || f == "：" {
            if f == "表" && !(s.dropFirst().first?.isNumber ?? false) { break }
            s.removeFirst()
        }
        return s
    }

    /// Where a short parenthesised qualifier at the end begins: "（按功能分类）", "(单位：万元)" is not
    /// one (the unit was cut off before).
    static func qualifierStart(_ s: String) -> String.Index? {
        guard let last = s.last, last == "）" || last == ")" else { return nil }
        guard let open = s.lastIndex(where: { $0 == "（" || $0 == "(" }), s.distance(from: open, to: s.endIndex) <= 14 else { return nil }
        return open
    }

    /// A sentence of the narrative: punctuation, and one run of text (table rows have cells
    /// separated by tabs or wide gaps, even when a project name ends in 。).
    static func isProse(_ text: String) -> Bool {
        guard text.containsUTF8("。") else { return false }
        let t = text.withoutSpaces
        if t.hasPrefix("注") || t.hasPrefix("备注") || t.hasPrefix("说明") { return false }
        guard t.utf8.count > 60 else { return false }
        let inner = text.drop { $0 == " " || $0 == "\u{3000}" }
        let cells = inner.split(separator: "\t", omittingEmptySubsequences: true).count
        return cells <= 1 && !inner.trimmingSuffixSpaces.contains("   ")
    }

    static func containsDigit(_ text: String) -> Bool {
        text.utf8.contains { $0 >= 48 && $0 <= 57 }
    }
}

extension Substring {
    var trimmingSuffixSpaces: Substring {
        var t = self
        while let l = t.last, l == " " { t = t.dropLast() }
        return t
    }
}
