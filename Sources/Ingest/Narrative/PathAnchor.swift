/// Where the narrative names a code path: "社会保障和就业支出(类)就业补助(款)社会保险补贴(项)"
/// or, in the quoted form, "“一般公共服务支出-政府办公厅(室)及相关机构事务-行政运行”".
struct PathAnchor: Sendable, Equatable {
    /// First character of the class name.
    let start: Int
    /// Just after the path (after "(项)", a closing quote and a following "科目").
    let end: Int
    /// 类, 款, 项 names as printed (one, two or three of them).
    let names: [String]
    /// A code printed right after the path ("…行政运行(项)[2080101]"), when there is one.
    var printedCode: String? = nil

    static func all(in text: NarrativeText) -> [PathAnchor] {
        var anchors = marked(in: text) + quoted(in: text)
        anchors.sort { $0.start < $1.start }
        var kept: [PathAnchor] = []
        for a in anchors where kept.last.map({ a.start >= $0.end }) ?? true { kept.append(a) }
        return kept
    }

    static func isHan(_ c: Unicode.Scalar) -> Bool {
        (0x4E00...0x9FFF).contains(c.value) || (0x3400...0x4DBF).contains(c.value)
    }

    static func isHan(_ c: Character) -> Bool {
        guard c.unicodeScalars.count == 1, let scalar = c.unicodeScalars.first else { return false }
        return isHan(scalar)
    }

    /// The (类)(款)(项) form. A class name is the run of Chinese characters before "(类)"; a
    /// section or item name runs to its marker and may hold parentheses of its own ("(室)").
    static func marked(in text: NarrativeText) -> [PathAnchor] {
        var anchors: [PathAnchor] = []
        var search = 0
        while let at = text.find("(类)", from: search) {
            search = at + 3
            var start = at
            while start > 0, isHan(text.characters[start - 1]) { start -= 1 }
            guard start < at else { continue }
            var names = [text.text(start..<at)]
            var end = at + 3
            for marker in ["(款)", "(项)"] {
                guard let next = nameBefore(marker, in: text, from: end) else { break }
                names.append(text.text(end..<next))
                end = next + marker.count
            }
            var code: String? = nil
            (code, end) = printedCode(text, at: end, digits: [3, 5, 7][names.count - 1])
            end = skipClosers(text, from: end)
            anchors.append(PathAnchor(start: start, end: end, names: names, printedCode: code))
        }
        return anchors
    }

    /// The index of `marker` when a plausible name (1–40 characters, no sentence punctuation,
    /// no other class) stands between `from` and it.
    private static func nameBefore(_ marker: String, in text: NarrativeText, from: Int) -> Int? {
        guard let at = text.find(marker, from: from, to: min(text.count, from + 44)), at > from else { return nil }
        for i in from..<at {
            let c = text.characters[i]
            if c == "。" || c == "," || c == ";" || c == ":" || c == NarrativeText.hardBreak || c.isASCIIDigit { return nil }
        }
        if text.find("(类)", from: from, to: at) != nil { return nil }
        return at
    }

    /// "(2080101)", "[2080101]", "【2080101】" or bare "2080101" of exactly `digits` digits
    /// starting with 2 (a function code), and the index after it; (nil, index) otherwise.
    static func printedCode(_ text: NarrativeText, at index: Int, digits: Int) -> (String?, Int) {
        var i = index
        let opened = i < text.count && ["(", "[", "【"].contains(text.characters[i])
        if opened { i += 1 }
        let start = i
        while i < text.count, text.characters[i].isASCIIDigit { i += 1 }
        guard i - start == digits, text.characters[start] == "2" else { return (nil, index) }
        // A bare number followed by 年 or 万元 is a year or an amount, not a code.
        if !opened, i < text.count, ["年", "万", "元", ".", "%"].contains(text.characters[i]) { return (nil, index) }
        let code = text.text(start..<i)
        if opened, i < text.count, [")", "]", "】"].contains(text.characters[i]) { i += 1 }
        return (code, i)
    }

    private static func skipClosers(_ text: NarrativeText, from index: Int) -> Int {
        var end = index
        while end < text.count, ["”", "\"", "'", "’"].contains(text.characters[end]) { end += 1 }
        if text.matches("科目", at: end) { end += 2 }
        return end
    }

    /// The quoted form: “类-款-项” with two or three Chinese names joined by dashes.
    static func quoted(in text: NarrativeText) -> [PathAnchor] {
        var anchors: [PathAnchor] = []
        var search = 0
        while let open = text.find("“", from: search) {
            search = open + 1
            guard let close = text.find("”", from: open + 1, to: min(text.count, open + 90)) else { continue }
            let inner = text.text((open + 1)..<close)
            let names = inner.split(separator: "-", omittingEmptySubsequences: false).map(String.init)
            guard names.count >= 2, names.count <= 3,
                  names.allSatisfy({ !$0.isEmpty && $0.allSatisfy { isHan($0) || $0 == "(" || $0 == ")" || $0 == "、" } }) else { continue }
            anchors.append(PathAnchor(start: open + 1, end: skipClosers(text, from: close), names: names))
            search = close + 1
        }
        return anchors
    }
}
