import Foundation
import Testing
@testable import Query

/// LIKE and "did you mean" at hostile sizes (issue 15, items 5 and 7): answers in time bounded
/// by the input's size, never exponential or quadratic in an unbounded name.
@Suite struct LikeAndSuggestionLimitsTests {
    /// A recursive matcher tried every split at every %: '%_%_%…X' over 200 characters that do
    /// not end in X ran for minutes.
    @Test(.timeLimit(.minutes(1)))
    func manyWildcardsMatchInBoundedTime() throws {
        let pattern = try LikePattern(String(repeating: "%_", count: 12) + "%X", caseInsensitive: false)
        let text = String(repeating: "收入支出", count: 50)
        let started = Date()
        #expect(!pattern.matches(text))
        #expect(pattern.matches(text + "X"))
        #expect(Date().timeIntervalSince(started) < 2)
    }

    /// ESCAPE makes wildcards literal without giving up the linear matcher: escaped % and _
    /// between real ones still cost (text length × pattern length) steps at most.
    @Test(.timeLimit(.minutes(1)))
    func escapedWildcardsMatchInBoundedTime() throws {
        let pattern = try LikePattern(String(repeating: "%!%_", count: 12) + "%X", caseInsensitive: false, escape: "!")
        let text = String(repeating: "收入%支出", count: 50)
        let started = Date()
        #expect(!pattern.matches(text))
        #expect(pattern.matches(text + "X"))
        #expect(!pattern.matches(String(repeating: "收入支出", count: 50) + "X"))
        #expect(Date().timeIntervalSince(started) < 2)
    }

    @Test func escapesMakeTheNextCharacterLiteral() throws {
        let cases: [(String, String, Bool)] = [
            ("100!%", "100%", true), ("100!%", "1000", false), ("a!_b", "a_b", true), ("a!_b", "axb", false),
            ("a!!b", "a!b", true), ("a!xb", "axb", true), ("%!%%", "50%", true), ("%!%%", "50", false),
            ("!%%!_", "%abc_", true), ("!%%!_", "abc_", false), ("就!_%", "就_业", true),
        ]
        for (pattern, text, expected) in cases {
            #expect(try LikePattern(pattern, caseInsensitive: false, escape: "!").matches(text) == expected, "\(text) LIKE \(pattern) ESCAPE '!'")
        }
        #expect(throws: LikePatternError.self) { try LikePattern("ab!", caseInsensitive: false, escape: "!") }
        // The escape character is read before ILIKE lowercases: 'A' escapes, 'a' does not.
        #expect(try LikePattern("aA%", caseInsensitive: true, escape: "A").matches("A%"))
        #expect(try !LikePattern("aA%", caseInsensitive: true, escape: "A").matches("Ax"))
    }

    @Test func wildcardsKeepTheirMeaning() throws {
        let cases: [(String, String, Bool)] = [
            ("%", "", true), ("", "", true), ("", "a", false), ("_", "", false), ("_", "预", true),
            ("a%b", "ab", true), ("a%b", "axxb", true), ("a%b", "axxbc", false), ("%a%b%", "xxaxxbxx", true),
            ("%就业%", "社会保障和就业支出", true), ("__", "预算", true), ("__", "预算表", false),
            ("%_%_%_%X", "abcX", true), ("%_%_%_%X", "abX", false), ("a%%b", "ab", true),
            ("%ab%ab%", "abab", true), ("%ab%ab%", "aba", false), ("%aab", "aaab", true),
            ("_%_", "a", false), ("_%_", "ab", true), ("%b_", "abcb", false), ("%b_", "abcbd", true),
        ]
        for (pattern, text, expected) in cases {
            #expect(try LikePattern(pattern, caseInsensitive: false).matches(text) == expected, "\(text) LIKE \(pattern)")
        }
        #expect(try LikePattern("%ABC_", caseInsensitive: true).matches("xabcd"))
    }

    /// Comparing a 1M-character name with every candidate took 14 s.
    @Test(.timeLimit(.minutes(1)))
    func aHugeUnknownNameGetsNoSuggestionAtOnce() {
        let huge = String(repeating: "a", count: 1_000_000)
        let started = Date()
        #expect(Suggestions.closest(to: huge, among: ["amount", "class", "unit", String(repeating: "a", count: 999_999)]) == nil)
        #expect(Date().timeIntervalSince(started) < 1)
        #expect(Suggestions.closest(to: "ammount", among: ["amount", "class"]) == "amount")
    }
}
