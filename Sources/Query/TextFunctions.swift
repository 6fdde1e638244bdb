/// The text functions' values (arguments are never NULL here; FunctionCatalog.apply handles
/// NULL). Positions and lengths count characters, so a Chinese character is one.
enum TextFunctions {
    static func apply(_ f: ScalarFunction, _ args: [ScalarValue]) -> ScalarValue? {
        func text(_ i: Int) -> String? { if i < args.count, case .text(let t) = args[i] { return t } else { return nil } }
        func integer(_ i: Int) -> Int? { if i < args.count, case .integer(let n) = args[i] { return Int(clamping: n) } else { return nil } }
        switch f {
        case .trim, .ltrim, .rtrim:
            guard let s = text(0) else { return .null }
            let strip = Set(text(1) ?? " ")
            var chars = Substring(s)
            if f != .rtrim { while let c = chars.first, strip.contains(c) { chars.removeFirst() } }
            if f != .ltrim { while let c = chars.last, strip.contains(c) { chars.removeLast() } }
            return .text(String(chars))
        case .split_part:
            // The n-th field (from 1; negative counts from the end); '' when there is none.
            guard let s = text(0), let separator = text(1), let n = integer(2) else { return .null }
            let fields = separator.isEmpty ? [s] : s.split(separator: separator, omittingEmptySubsequences: false).map(String.init)
            let index = n > 0 ? n - 1 : fields.count + n
            return .text(n != 0 && index >= 0 && index < fields.count ? fields[index] : "")
        case .strpos:
            guard let s = text(0), let sub = text(1) else { return .null }
            guard !sub.isEmpty else { return .integer(1) }
            guard let r = s.firstRange(of: sub) else { return .integer(0) }
            return .integer(Int64(s.distance(from: s.startIndex, to: r.lowerBound) + 1))
        case .lpad, .rpad:
            // Padded (or cut) to n characters, as in DuckDB and PostgreSQL.
            guard let s = text(0), let n = integer(1) else { return .null }
            let fill = Array(text(2) ?? " ")
            let chars = Array(s)
            let width = max(0, n)
            if chars.count >= width { return .text(String(chars.prefix(width))) }
            guard !fill.isEmpty else { return .text(s) }
            let padding = String((0..<(width - chars.count)).map { fill[$0 % fill.count] })
            return .text(f == .lpad ? padding + s : s + padding)
        case .left, .right:
            // n characters from that end; a negative n leaves that many out at the other end.
            guard let s = text(0), let n = integer(1) else { return .null }
            let chars = Array(s)
            let count = n >= 0 ? min(n, chars.count) : max(0, chars.count + n)
            return .text(String(f == .left ? chars.prefix(count) : chars.suffix(count)))
        case .regexp_matches:
            guard let s = text(0), let p = text(1), let regex = try? Regex(p) else { return .null }
            return .boolean(s.contains(regex))
        case .regexp_extract:
            guard let s = text(0), let p = text(1), let regex = try? Regex(p) else { return .null }
            let group = integer(2) ?? 0
            guard let match = s.firstMatch(of: regex), group >= 0, group < match.output.count else { return .text("") }
            return .text(match.output[group].substring.map(String.init) ?? "")
        case .regexp_replace:
            // The first match, or every match with the option 'g'; \1 … \9 in the replacement
            // are the match's groups (DuckDB's convention).
            guard let s = text(0), let p = text(1), let replacement = text(2), let regex = try? Regex(p) else { return .null }
            let global = (text(3) ?? "").contains("g")
            return .text(s.replacing(regex, maxReplacements: global ? Int.max : 1) { match in
                var out = ""
                var chars = replacement.makeIterator()
                while let c = chars.next() {
                    guard c == "\\" else { out.append(c); continue }
                    guard let d = chars.next() else { out.append(c); break }
                    if let k = d.wholeNumberValue, k < match.output.count { out += match.output[k].substring.map(String.init) ?? "" }
                    else { out.append(d) }
                }
                return out
            })
        default:
            return nil
        }
    }

    /// The pattern of a regexp function's call that does not compile, with why, or nil.
    static func invalidPattern(_ pattern: String) -> String? {
        do { _ = try Regex(pattern); return nil } catch { return "\(error)" }
    }
}
