/// The document's prose as one stream of characters, each remembering its source line.
///
/// Narrative sentences wrap across lines (and, in layout text, across blank lines and page
/// breaks), so statements are read from a joined stream rather than line by line. Chinese prose
/// has no word spaces, so all whitespace is dropped ("2024 年预算数为 477.68 万元" reads as
/// "2024年预算数为477.68万元") and full-width punctuation is folded to one spelling so that a
/// pattern needs to be written once. Table rows are not prose: where one stands, the stream gets
/// a hard break, so a statement never runs into a table.
struct NarrativeText: Sendable {
    /// Marks a table row or page boundary between two pieces of prose.
    static let hardBreak: Character = "\u{1}"

    let characters: [Character]
    /// `lines[i]` is the 1-based source line of `characters[i]`.
    let lines: [Int]

    init(document lines: [String]) {
        var chars: [Character] = []
        var origin: [Int] = []
        chars.reserveCapacity(lines.reduce(0) { $0 + $1.count })
        for (index, line) in lines.enumerated() {
            let number = index + 1
            if NarrativeText.isTableRow(line) {
                if chars.last != NarrativeText.hardBreak {
                    chars.append(NarrativeText.hardBreak)
                    origin.append(number)
                }
                continue
            }
            if NarrativeText.isPageMarker(line) { continue }
            for c in line where !c.isWhitespace && c != "\u{0C}" {
                chars.append(NarrativeText.fold(c))
                origin.append(number)
            }
        }
        self.characters = chars
        self.lines = origin
    }

    var count: Int { characters.count }

    func line(at index: Int) -> Int {
        guard !lines.isEmpty else { return 0 }
        return lines[min(max(index, 0), lines.count - 1)]
    }

    func text(_ range: Range<Int>) -> String {
        let lower = max(0, range.lowerBound), upper = min(count, range.upperBound)
        guard lower < upper else { return "" }
        return String(characters[lower..<upper])
    }

    /// The first index of `needle` in `[from, to)`, nil when absent.
    func find(_ needle: String, from: Int, to: Int? = nil) -> Int? {
        let pattern = Array(needle)
        let end = min(to ?? count, count)
        guard !pattern.isEmpty, from >= 0, end - pattern.count >= from else { return nil }
        var i = from
        while i + pattern.count <= end {
            if characters[i] == pattern[0] {
                var j = 1
                while j < pattern.count && characters[i + j] == pattern[j] { j += 1 }
                if j == pattern.count { return i }
            }
            i += 1
        }
        return nil
    }

    /// Whether `needle` stands at `index`.
    func matches(_ needle: String, at index: Int) -> Bool {
        var i = index
        for c in needle {
            guard i < count, characters[i] == c else { return false }
            i += 1
        }
        return true
    }

    /// One spelling per punctuation mark: （）：，；％ and friends become their ASCII forms.
    static func fold(_ c: Character) -> Character {
        switch c {
        case "（": return "("
        case "）": return ")"
        case "：": return ":"
        case "，": return ","
        case "；": return ";"
        case "％": return "%"
        case "－", "—", "–": return "-"
        case "．": return "."
        case "＝": return "="
        case "\"": return "\""
        default:
            if let ascii = c.unicodeScalars.first?.value, c.unicodeScalars.count == 1, ascii >= 0xFF10, ascii <= 0xFF19,
               let scalar = Unicode.Scalar(ascii - 0xFF10 + 0x30) {
                return Character(scalar) // full-width digits
            }
            return c
        }
    }

    /// A table row rather than prose: tab-separated cells (tab text) or cells separated by
    /// runs of spaces (layout text). Indentation alone does not count.
    static func isTableRow(_ line: String) -> Bool {
        let body = line.drop { $0 == " " || $0 == "\t" || $0 == "\u{0C}" }
        var cells = 0
        var inCell = false
        var spaces = 0
        var gapBetweenCells = false
        for c in body {
            if c == "\t" {
                if inCell { cells += 1 }
                inCell = false
                spaces = 0
            } else if c == " " || c == "\u{3000}" {
                spaces += 1
            } else {
                if spaces >= 3 && inCell { gapBetweenCells = true }
                spaces = 0
                inCell = true
            }
        }
        if inCell { cells += 1 }
        let tabbed = body.contains("\t") && cells >= 2
        return tabbed || gapBetweenCells
    }

    /// A page number or page marker line ("12", "- 12 -", "第 3 页", "=== page 4 ===").
    static func isPageMarker(_ line: String) -> Bool {
        let s = line.filter { !$0.isWhitespace }
        guard !s.isEmpty else { return true }
        if s.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "-" || $0 == "—") }) { return true }
        if s.hasPrefix("第") && s.hasSuffix("页") && s.dropFirst().dropLast().allSatisfy({ $0.isNumber || $0 == "共" || $0 == "/" }) { return true }
        let lower = s.lowercased()
        return lower.contains("page") && s.allSatisfy { $0.isASCII }
    }
}
