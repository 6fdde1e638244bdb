/// An exact decimal number: `units × 10^-scale`, with a 128-bit integer of units.
///
/// Money never touches binary floating point: 0.1 + 0.2 is 0.3 here. 128 bits hold about 38
/// significant digits, so a sum of billions of 64-bit amounts stays exact; operations that would
/// still overflow report it (`nil`) instead of trapping.
public struct ExactDecimal: Sendable, Hashable, Comparable, CustomStringConvertible {
    public private(set) var units: Int128
    public private(set) var scale: Int

    /// The largest scale kept; division rounds to at most this many places.
    public static let maxScale = 18

    public init(units: Int128, scale: Int) {
        precondition(scale >= 0 && scale <= ExactDecimal.maxScale, "decimal scale out of range")
        self.units = units
        self.scale = scale
    }

    public init(_ integer: Int64) {
        self.init(units: Int128(integer), scale: 0)
    }

    public static let zero = ExactDecimal(units: 0, scale: 0)

    static func powerOfTen(_ n: Int) -> Int128 {
        var p: Int128 = 1
        for _ in 0..<n { p *= 10 }
        return p
    }

    /// The same value at a larger scale, or nil when the units would overflow.
    public func rescaled(to newScale: Int) -> ExactDecimal? {
        if newScale == scale { return self }
        guard newScale <= ExactDecimal.maxScale else { return nil }
        if newScale > scale {
            let (u, o) = units.multipliedReportingOverflow(by: ExactDecimal.powerOfTen(newScale - scale))
            return o ? nil : ExactDecimal(units: u, scale: newScale)
        }
        return rounded(to: newScale)
    }

    /// Rounds half away from zero to `places` decimal places (never increases the scale).
    public func rounded(to places: Int) -> ExactDecimal {
        let places = max(0, places)
        guard places < scale else { return self }
        let divisor = ExactDecimal.powerOfTen(scale - places)
        var (q, r) = units.quotientAndRemainder(dividingBy: divisor)
        if r.magnitude * 2 >= divisor.magnitude { q += units < 0 ? -1 : 1 }
        return ExactDecimal(units: q, scale: places)
    }

    /// The value with trailing zero places removed (7113.050 -> 7113.05, 25.00 -> 25).
    public var normalized: ExactDecimal {
        var u = units, s = scale
        while s > 0 && u % 10 == 0 { u /= 10; s -= 1 }
        return ExactDecimal(units: u, scale: s)
    }

    public var isZero: Bool { units == 0 }
    public var isNegative: Bool { units < 0 }
    public var magnitude: ExactDecimal { ExactDecimal(units: units < 0 ? -units : units, scale: scale) }
    public var negated: ExactDecimal { ExactDecimal(units: -units, scale: scale) }

    static func aligned(_ a: ExactDecimal, _ b: ExactDecimal) -> (Int128, Int128, Int)? {
        let s = max(a.scale, b.scale)
        guard let x = a.rescaled(to: s), let y = b.rescaled(to: s) else { return nil }
        return (x.units, y.units, s)
    }

    public func adding(_ other: ExactDecimal) -> ExactDecimal? {
        guard let (x, y, s) = ExactDecimal.aligned(self, other) else { return nil }
        let (u, o) = x.addingReportingOverflow(y)
        return o ? nil : ExactDecimal(units: u, scale: s)
    }

    public func subtracting(_ other: ExactDecimal) -> ExactDecimal? {
        adding(other.negated)
    }

    public func multiplied(by other: ExactDecimal) -> ExactDecimal? {
        let (u, o) = units.multipliedReportingOverflow(by: other.units)
        if o { return nil }
        var result = ExactDecimal(units: u, scale: 0)
        let s = scale + other.scale
        if s <= ExactDecimal.maxScale { result.scale = s; return result }
        // Too many places: drop the excess by rounding.
        result.scale = ExactDecimal.maxScale
        let excess = ExactDecimal.powerOfTen(s - ExactDecimal.maxScale)
        var (q, r) = u.quotientAndRemainder(dividingBy: excess)
        if r.magnitude * 2 >= excess.magnitude { q += u < 0 ? -1 : 1 }
        result.units = q
        return result
    }

    /// `self / other` rounded half away from zero to `resultScale` places; nil on division by
    /// zero or overflow.
    public func divided(by other: ExactDecimal, scale resultScale: Int) -> ExactDecimal? {
        guard other.units != 0 else { return nil }
        let resultScale = min(max(resultScale, 0), ExactDecimal.maxScale)
        // self/other = (a·10^-sa)/(b·10^-sb); want q·10^-rs  =>  q = a·10^(rs+sb-sa) / b
        let shift = resultScale + other.scale - scale
        var numerator = units
        var denominator = other.units
        if shift >= 0 {
            let (n, o) = numerator.multipliedReportingOverflow(by: ExactDecimal.powerOfTen(shift))
            if o { return nil }
            numerator = n
        } else {
            let (d, o) = denominator.multipliedReportingOverflow(by: ExactDecimal.powerOfTen(-shift))
            if o { return nil }
            denominator = d
        }
        var (q, r) = numerator.quotientAndRemainder(dividingBy: denominator)
        if r.magnitude * 2 >= denominator.magnitude { q += (numerator < 0) != (denominator < 0) ? -1 : 1 }
        return ExactDecimal(units: q, scale: resultScale)
    }

    public static func < (a: ExactDecimal, b: ExactDecimal) -> Bool {
        if a.scale == b.scale { return a.units < b.units }
        if let (x, y, _) = aligned(a, b) { return x < y }
        // Alignment overflowed: the one with the larger magnitude at the smaller scale dominates.
        return a.integerPartForComparison < b.integerPartForComparison
    }

    private var integerPartForComparison: Int128 { units / ExactDecimal.powerOfTen(scale) }

    /// Equal values compare equal regardless of scale (1.50 == 1.5).
    public static func == (a: ExactDecimal, b: ExactDecimal) -> Bool {
        let x = a.normalized, y = b.normalized
        return x.units == y.units && x.scale == y.scale
    }

    public func hash(into hasher: inout Hasher) {
        let n = normalized
        hasher.combine(n.units)
        hasher.combine(n.scale)
    }

    /// Plain decimal text with exactly `scale` places, no separators: "-1234.50".
    public var description: String {
        let negative = units < 0
        let digits = String(units.magnitude)
        guard scale > 0 else { return negative ? "-" + digits : digits }
        let padded = digits.count <= scale ? String(repeating: "0", count: scale - digits.count + 1) + digits : digits
        let cut = padded.index(padded.endIndex, offsetBy: -scale)
        return (negative ? "-" : "") + padded[..<cut] + "." + padded[cut...]
    }

    /// Parses plain decimal text: optional sign, digits, optional fraction ("12", "-0.5", ".25").
    /// Returns nil for anything else, including thousands separators (callers clean those).
    public init?(_ text: Substring) {
        var units: Int128 = 0
        var scale = 0
        var sawDigit = false, sawPoint = false, negative = false
        var index = text.startIndex
        if index < text.endIndex, text[index] == "-" || text[index] == "+" {
            negative = text[index] == "-"
            index = text.index(after: index)
        }
        while index < text.endIndex {
            let c = text[index]
            if c == "." {
                if sawPoint { return nil }
                sawPoint = true
            } else if let d = c.wholeNumberValue, c.isASCII {
                sawDigit = true
                if sawPoint { scale += 1; if scale > ExactDecimal.maxScale { return nil } }
                let (m, o1) = units.multipliedReportingOverflow(by: 10)
                let (a, o2) = m.addingReportingOverflow(Int128(d))
                if o1 || o2 { return nil }
                units = a
            } else {
                return nil
            }
            index = text.index(after: index)
        }
        guard sawDigit else { return nil }
        self.init(units: negative ? -units : units, scale: scale)
    }

    public init?(_ text: String) { self.init(text[...]) }
}
