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
    static let hardBreak: Unicode.Scalar = "\u{1}"

    /// The prose as Unicode scalars: CJK text and ASCII only, so scalars are characters here,
    /// and scanning them is many times faster than scanning grapheme clusters.
    let characters: [Unicode.Scalar]
    /// `lines[i]` is the 1-based source line of `characters[i]`.
    let lines: [Int32]

    init(document lines: [String]) {
        var chars: [Unicode.Scalar] = []
        var origin: [Int32] = []
        chars.reserveCapacity(lines.reduce(0) { $0 + $1.utf8.count / 2 })
        origin.reserveCapacity(chars.capacity)
        for (index, line) in lines.enumerated() {
            let number = Int32(truncatingIfNeeded: index + 1)
            if NarrativeText.isTableRow(line) {
                if chars.last != NarrativeText.hardBreak {
                    chars.append(NarrativeText.hardBreak)
                    origin.append(number)
                }
                continue
            }
            if NarrativeText.isPageMarker(line) { continue }
            for c in line.unicodeScalars where !NarrativeText.isSpace(c) {
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
        return Int(lines[min(max(index, 0), lines.count - 1)])
    }

    func text(_ range: Range<Int>) -> String {
        let lower = max(0, range.lowerBound), upper = min(count, range.upperBound)
        guard lower < upper else { return "" }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: characters[lower..<upper])
        return String(view)
    }

    /// The first index of `needle` in `[from, to)`, nil when absent.
    func find(_ needle: String, from: Int, to: Int? = nil) -> Int? {
        let pattern = Array(needle.unicodeScalars)
        let end = min(to ?? count, count)
        guard let head = pattern.first, from >= 0, end - pattern.count >= from else { return nil }
        var i = from
        while i + pattern.count <= end {
            if characters[i] == head {
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
        for c in needle.unicodeScalars {
            guard i >= 0, i < count, characters[i] == c else { return false }
            i += 1
        }
        return true
    }

    /// Spaces extraction leaves: ASCII blanks, the ideographic space, no-break and thin spaces.
    static func isSpace(_ c: Unicode.Scalar) -> Bool {
        switch c.value {
        case 0x20, 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0xA0, 0x3000, 0x2000...0x200B, 0xFEFF: return true
        default: return false
        }
    }

    /// One spelling per punctuation mark: （）：，；％ and friends become their ASCII forms.
    static func fold(_ c: Unicode.Scalar) -> Unicode.Scalar {
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
        default:
            if c.value >= 0xFF10, c.value <= 0xFF19, let digit = Unicode.Scalar(c.value - 0xFF10 + 0x30) {
                return digit // full-width digits
            }
            return c
        }
    }

    static func fold(_ c: Character) -> Character {
        guard c.unicodeScalars.count == 1, let scalar = c.unicodeScalars.first else { return c }
        return Character(fold(scalar))
    }

    /// A table row rather than prose: tab-separated cells (tab text) or cells separated by
    /// runs of spaces (layout text). Indentation alone does not count.
    static func isTableRow(_ line: String) -> Bool {
        var cells = 0
        var inCell = false
        var spaces = 0
        var gapBetweenCells = false
        var sawTab = false
        for c in line.unicodeScalars {
            if c == "\t" {
                sawTab = true
                if inCell { cells += 1 }
                inCell = false
                spaces = 0
            } else if c == " " || c == "\u{3000}" || c == "\u{0C}" {
                spaces += 1
            } else {
                if spaces >= 3 && inCell { gapBetweenCells = true }
                spaces = 0
                inCell = true
            }
        }
        if inCell { cells += 1 }
        return (sawTab && cells >= 2) || gapBetweenCells
    }

    /// A page number or page marker line ("12", "- 12 -", "第 3 页", "=== page 4 ===").
    static func isPageMarker(_ line: String) -> Bool {
        let s = line.unicodeScalars.filter { !isSpace($0) }
        guard !s.isEmpty else { return true }
        if s.allSatisfy({ ($0.value >= 48 && $0.value <= 57) || $0 == "-" || $0 == "—" }) { return true }
        let text = String(String.UnicodeScalarView(s))
        if text.hasPrefix("第") && text.hasSuffix("页") && text.dropFirst().dropLast().allSatisfy({ $0.isNumber || $0 == "共" || $0 == "/" }) { return true }
        return s.allSatisfy { $0.isASCII } && text.lowercased().contains("page")
    }
}

extension Unicode.Scalar {
    var isASCIIDigit: Bool { value >= 48 && value <= 57 }
}

extension StringProtocol {
    /// Substring test on UTF-8 bytes: exact, no locale or normalisation, and far cheaper than
    /// Foundation's `contains` (which the module's Foundation import would otherwise pick).
    func has(_ needle: String) -> Bool {
        let n = Array(needle.utf8)
        guard let head = n.first else { return true }
        let h = Array(utf8)
        guard h.count >= n.count else { return false }
        var i = 0
        while i <= h.count - n.count {
            if h[i] == head {
                var j = 1
                while j < n.count && h[i + j] == n[j] { j += 1 }
                if j == n.count { return true }
            }
            i += 1
        }
        return false
    }
}
