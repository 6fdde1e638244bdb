/// "Did you mean ...?": the closest known name by edit distance, when it is close enough to be a
/// likely typo rather than a different word.
public enum Suggestions {
    /// Names longer than this are never typos of a known name; comparing them would cost
    /// length² steps per candidate (a 1M-character name took 14 s: issue 15, item 7).
    static let longestWord = 128

    public static func closest(to word: String, among candidates: [String]) -> String? {
        guard !word.isEmpty, word.utf8.count <= longestWord * 4 else { return nil }
        let target = Array(word.lowercased())
        guard target.count <= longestWord else { return nil }
        var best: (String, Int)?
        for candidate in candidates where candidate.utf8.count <= longestWord * 4 {
            let c = Array(candidate.lowercased())
            if c == target { continue }
            // Allow about one edit per three characters, at least one.
            let limit = max(1, min(target.count, c.count) / 3)
            // Lengths further apart than the limit need more edits than it allows.
            guard abs(target.count - c.count) <= limit else { continue }
            let d = distance(target, c)
            if d <= limit, best.map({ d < $0.1 }) ?? true { best = (candidate, d) }
        }
        return best?.0
    }

    /// Damerau-Levenshtein (optimal string alignment): a swapped pair of letters counts as one edit.
    static func distance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous2 = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    current[j] = min(current[j], previous2[j - 2] + 1)
                }
            }
            previous2 = previous
            previous = current
        }
        return previous[b.count]
    }
}
