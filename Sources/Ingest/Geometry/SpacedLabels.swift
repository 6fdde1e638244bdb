/// Table words typed with their characters spread across the cell, as Word and WPS templates
/// do for two-character labels: 合    计, 项　　目, 总  计, 科 目 名 称. poppler gives each
/// character as a word, so 合计 was no total row and 合 / 计 headed two columns. Characters
/// on one line that together spell a word of the tables' furniture become that one word; any
/// other run of single characters (类 | 款 | 项 in their own narrow columns) is left alone.
enum SpacedLabels {
    /// The words whose characters templates spread apart.
    static let vocabulary: Set<String> = [
        "合计", "总计", "小计", "项目", "科目", "名称", "科目名称", "项目名称", "金额", "栏次", "行次",
        "收入", "支出", "备注", "说明", "编码", "科目编码", "预算数", "决算数", "单位",
        "收入总计", "支出总计", "本年收入合计", "本年支出合计",
    ]
    private static let prefixes: Set<String> = Set(vocabulary.flatMap { w in (1..<w.count).map { String(w.prefix($0)) } })

    /// One line's words, left to right, with spread-out furniture words joined.
    static func join(_ words: [PDFWord]) -> [PDFWord] {
        guard words.count >= 2, words.contains(where: { $0.text.count == 1 }) else { return words }
        var out: [PDFWord] = []
        var i = 0
        while i < words.count {
            var best: Int?
            var text = words[i].text
            var j = i
            // Extend over the next single characters of the line, however far distributed
            // alignment (分散对齐) spreads them over a merged cell (20 heights and more): the
            // vocabulary, not the distance, keeps columns apart; 40 heights bounds a line.
            while prefixes.contains(text), j + 1 < words.count, words[j + 1].text.count == 1,
                  words[j + 1].box.x0 - words[j].box.x1 < 40 * max(words[j].box.height, words[j + 1].box.height) {
                j += 1
                text += words[j].text
                if vocabulary.contains(text) { best = j }
            }
            if let end = best, words[i].text.count == 1 {
                var joined = words[i]
                for w in words[(i + 1)...end] {
                    joined.text += w.text
                    joined.box = joined.box.union(w.box)
                    joined.printed = joined.printed.union(w.printed)
                }
                out.append(joined)
                i = end + 1
            } else {
                out.append(words[i])
                i += 1
            }
        }
        return out
    }
}
