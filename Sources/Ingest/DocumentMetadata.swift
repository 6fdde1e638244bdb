import Store
/// What a disclosure says about itself: unit, year, stage (预算/决算), scope (部门/单位).
enum DocumentMetadata {
    static let unitLabels = ["预算主管部门", "编制单位", "编制部门", "预算单位", "主管部门", "单位名称", "部门名称"]

    static func fill(_ doc: inout SnapshotDocument) {
        let head = doc.lines.prefix(120)
        doc.unit = unitName(in: doc.lines) ?? titleUnit(in: Array(head)) ?? ""
        doc.year = year(in: Array(head)) ?? year(in: doc.lines)
        var stageVotes = (budget: 0, final: 0)
        for line in head {
            if line.containsUTF8("决算") { stageVotes.final += 1 }
            if budgetWords(line).containsUTF8("预算") { stageVotes.budget += 1 }
        }
        doc.stage = stageVotes.final > stageVotes.budget ? "决算" : "预算"
        var unitVotes = 0, deptVotes = 0
        // Titles and headings carry the scope words: short lines that mention 预算/决算/收/支.
        for line in doc.lines where line.utf8.count < 240 && (line.containsUTF8("单位") || line.containsUTF8("部门")) {
            let t = line.withoutSpaces
            for w in ["单位预算", "单位决算", "单位收支", "单位收入", "单位支出", "单位财务收支"] where t.containsUTF8(w) { unitVotes += 1 }
            for w in ["部门预算", "部门决算", "部门收支", "部门收入", "部门支出", "部门财务收支"] where t.containsUTF8(w) { deptVotes += 1 }
        }
        doc.scope = unitVotes > deptVotes ? "单位" : "部门"
    }

    /// The name after "编制单位：" (up to the "单位：万元" that often shares the line).
    static func unitName(in lines: [String]) -> String? {
        for line in lines.prefix(2000) where line.containsUTF8("：") || line.containsUTF8(":") {
            for label in unitLabels where line.containsUTF8(label) {
                guard let r = line.range(of: label + "：") ?? line.range(of: label + ":") else { continue }
                var rest = Substring(line[r.upperBound...])
                while let f = rest.first, f == " " || f == "\u{3000}" { rest = rest.dropFirst() }
                // Cut at a wide gap, a tab, or the money-unit label.
                if let gap = rest.range(of: "  ") { rest = rest[..<gap.lowerBound] }
                if let tab = rest.firstIndex(of: "\t") { rest = rest[..<tab] }
                for stop in ["单位：", "单位:", "金额单位"] {
                    if let s = rest.range(of: stop) { rest = rest[..<s.lowerBound] }
                }
                let name = String(rest).withoutSpaces
                if name.count >= 2 { return name }
            }
        }
        return nil
    }

    /// A line without the words that say 预算 in a 决算 too: the funds' names (一般公共预算,
    /// 政府性基金预算, 国有资本经营预算 are income lines of every 决算) and the budget column beside
    /// the outturn (年初预算数, 调整预算数, 预算数).
    static func budgetWords(_ line: String) -> String {
        var t = line
        for phrase in ["一般公共预算", "政府性基金预算", "国有资本经营预算", "年初预算", "调整预算", "预算数"] {
            t = t.replacingOccurrences(of: phrase, with: "")
        }
        return t
    }

    /// The unit from a title such as "上海市普陀区规划和自然 资源局 2024 年度部门决算".
    static func titleUnit(in lines: [String]) -> String? {
        for line in lines {
            let t = line.withoutSpaces
            guard t.containsUTF8("预算") || t.containsUTF8("决算"), t.utf8.count < 180,
                  let y = yearRange(in: t) else { continue }
            var before = Substring(t[..<y.lowerBound])
            // "第二部分上海市…局" : drop the part label.
            if before.hasPrefix("第"), let r = before.range(of: "部分") { before = before[r.upperBound...] }
            if before.count >= 3 { return String(before) }
        }
        return nil
    }

    static func year(in lines: [String]) -> Int? {
        for line in lines {
            let t = line.withoutSpaces
            if let r = yearRange(in: t), let y = Int(t[r].prefix(4)) { return y }
        }
        return nil
    }

    /// "2024年" (spaces already removed).
    static func yearRange(in t: String) -> Range<String.Index>? {
        var index = t.startIndex
        while index < t.endIndex {
            if t[index] == "2", let end = t.index(index, offsetBy: 5, limitedBy: t.endIndex) {
                let candidate = t[index..<end]
                if candidate.hasSuffix("年"), candidate.prefix(4).allSatisfy({ $0.isASCII && $0.isNumber }),
                   candidate.hasPrefix("20") {
                    return index..<end
                }
            }
            index = t.index(after: index)
        }
        return nil
    }

    /// Page count of text snapshots that mark page breaks ("-- PAGE_BREAK --"); 0 when none.
    static func pageMarkers(in lines: [String]) -> Int {
        let markers = lines.reduce(0) { $0 + ($1.containsUTF8("PAGE_BREAK") ? 1 : 0) }
        return markers > 0 ? markers + 1 : 0
    }
}
