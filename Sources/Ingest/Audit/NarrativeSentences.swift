import Store

/// A figure printed in a narrative sentence: "37,151.47万元", "1.2亿元", "350元", "12.38%".
struct NarrativeFigure: Sendable {
    enum Kind: Sendable { case money, percent }
    let kind: Kind
    /// Money in 万元 (exact); a percentage as printed.
    let value: ExactDecimal
    /// Decimal places as printed: the rounding a comparison allows.
    let places: Int
    /// Where it stands in the sentence's text (character offsets).
    let start: Int
    let end: Int
    /// True when a minus sign was printed before it.
    let negative: Bool

    /// One unit of the last printed place, in the figure's own unit (万元 or percent points).
    var lastPlace: ExactDecimal {
        let unit = ExactDecimal(units: 1, scale: places)
        return kind == .money ? (scaleToWan.multiplied(by: unit) ?? unit) : unit
    }
    /// How many 万元 one printed unit is (元 figures are 0.0001).
    let scaleToWan: ExactDecimal
}

/// One sentence of the narrative (ended by 。 ； or a table), with its figures and years.
struct NarrativeSentence: Sendable {
    /// Folded text (no spaces, ASCII punctuation), as NarrativeText holds it.
    let text: String
    let characters: [Character]
    let line: Int
    /// Index of the numbered section (一、二、… or 1. 2. at a sentence start) it belongs to.
    let section: Int
    let figures: [NarrativeFigure]
    /// Every "YYYY年" with its offset.
    let years: [(year: Int, start: Int)]

    func text(_ from: Int, _ to: Int) -> String {
        let a = max(0, min(from, characters.count)), b = max(a, min(to, characters.count))
        return String(characters[a..<b])
    }

    /// Whether `word` stands in the sentence.
    func has(_ word: String) -> Bool { text.has(word) }

    /// Offsets of every occurrence of `word`.
    func offsets(of word: String) -> [Int] {
        let w = Array(word)
        guard !w.isEmpty, characters.count >= w.count else { return [] }
        var out: [Int] = []
        for i in 0...(characters.count - w.count) where characters[i] == w[0] {
            if Array(characters[i..<(i + w.count)]) == w { out.append(i) }
        }
        return out
    }

    /// The label printed right before a figure: back to the previous punctuation or figure.
    func label(before figure: NarrativeFigure) -> String {
        var i = figure.start
        while i > 0 {
            let c = characters[i - 1]
            if ",;:。、()\"“”".contains(c) || c.isNumber { break }
            i -= 1
        }
        var label = String(characters[i..<figure.start])
        for filler in ["为", "是", "达", "共计", "合计", "总计"] where label.hasSuffix(filler) && label.count > filler.count + 1 {
            label.removeLast(filler.count)
        }
        return label
    }
}

/// The narrative as sentences: what the narrative rules read. Built on `NarrativeText` (the
/// reader `changes` uses), so both see the same prose, with tables and page markers cut out.
struct NarrativeSentences: Sendable {
    let text: NarrativeText
    let sentences: [NarrativeSentence]

    init(_ document: SnapshotDocument) {
        self.init(text: NarrativeText(document: document.lines))
    }

    init(text: NarrativeText) {
        self.text = text
        var sentences: [NarrativeSentence] = []
        var start = 0
        var section = 0
        let chars = text.characters
        func flush(_ end: Int) {
            guard end > start else { return }
            let body = text.text(start..<end)
            let characters = Array(body)
            if characters.count > 1 {
                if Self.opensSection(characters) { section += 1 }
                sentences.append(NarrativeSentence(text: body, characters: characters, line: text.line(at: start), section: section,
                                                   figures: Self.figures(characters), years: Self.years(characters)))
            }
        }
        // A sentence ends at 。 (not ；: "其中：A万元，占X%；B万元，占Y%" is one sentence about one total).
        for (i, c) in chars.enumerated() where c == "。" || c == NarrativeText.hardBreak || c == "!" || c == "？" {
            flush(i)
            start = i + 1
        }
        flush(chars.count)
        self.sentences = sentences
    }

    /// "一、", "二、" … at the start: a new numbered section of the narrative.
    static func opensSection(_ c: [Character]) -> Bool {
        var i = 0
        while i < c.count && i < 3 && "一二三四五六七八九十".contains(c[i]) { i += 1 }
        return i > 0 && i < c.count && c[i] == "、"
    }

    /// Every money figure (元, 万元, 亿元, a bare 万) and percentage of a sentence.
    static func figures(_ c: [Character]) -> [NarrativeFigure] {
        var out: [NarrativeFigure] = []
        var i = 0
        while i < c.count {
            guard c[i].isASCII, c[i].isNumber, i == 0 || !(c[i - 1].isASCII && (c[i - 1].isLetter || c[i - 1] == ".")) else { i += 1; continue }
            let start = i
            var digits = ""
            var places = -1
            while i < c.count {
                let ch = c[i]
                if ch.isASCII && ch.isNumber {
                    digits.append(ch)
                    if places >= 0 { places += 1 }
                } else if ch == ",", i + 1 < c.count, c[i + 1].isASCII, c[i + 1].isNumber, places < 0 {
                    // a thousands separator
                } else if ch == ".", places < 0, i + 1 < c.count, c[i + 1].isASCII, c[i + 1].isNumber {
                    digits.append(ch)
                    places = 0
                } else {
                    break
                }
                i += 1
            }
            let end = i
            let negative = start > 0 && c[start - 1] == "-"
            func unitAhead(_ word: String) -> Bool {
                let w = Array(word)
                return end + w.count <= c.count && Array(c[end..<(end + w.count)]) == w
            }
            guard let value = ExactDecimal(digits) else { continue }
            let scale: ExactDecimal?
            var kind = NarrativeFigure.Kind.money
            var unitEnd = end
            if unitAhead("%") {
                scale = ExactDecimal(1); kind = .percent; unitEnd += 1
            } else if unitAhead("亿元") {
                scale = ExactDecimal(10000); unitEnd += 2
            } else if unitAhead("万元") || unitAhead("万") && !unitAhead("万人") {
                scale = ExactDecimal(1); unitEnd += unitAhead("万元") ? 2 : 1
            } else if unitAhead("元") {
                scale = ExactDecimal(units: 1, scale: 4); unitEnd += 1
            } else {
                scale = nil
            }
            if let scale, let v = kind == .money ? value.multiplied(by: scale) : value {
                out.append(NarrativeFigure(kind: kind, value: negative ? (ExactDecimal.zero.subtracting(v) ?? v) : v,
                                           places: max(0, places), start: start, end: unitEnd, negative: negative,
                                           scaleToWan: scale))
            }
        }
        return out
    }

    /// Every "20YY年" of a sentence.
    static func years(_ c: [Character]) -> [(year: Int, start: Int)] {
        var out: [(Int, Int)] = []
        var i = 0
        while i + 4 < c.count {
            if c[i] == "2", c[i + 1] == "0", c[i + 2].isASCII, c[i + 2].isNumber, c[i + 3].isASCII, c[i + 3].isNumber, c[i + 4] == "年",
               i == 0 || !(c[i - 1].isASCII && c[i - 1].isNumber), let y = Int(String(c[i..<(i + 4)])) {
                out.append((y, i))
                i += 5
            } else {
                i += 1
            }
        }
        return out
    }
}
