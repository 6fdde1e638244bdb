extension String {
    /// This text with `escape` written before every one of `specials`, or with each special
    /// written twice when `escape` is nil (SQL's '' and ""), compared scalar by scalar.
    ///
    /// Quoting must not use String's `replacing` or Foundation's `replacingOccurrences`: both
    /// compare Characters, and a quote followed by a combining mark (U+0301) is one Character
    /// with it, so that quote was left single and the quoted text ended early: a printed query
    /// that did not parse back (fuzz F6), and text that could end a Spark SQL literal.
    public func escaping(_ specials: Set<Unicode.Scalar>, with escape: Unicode.Scalar? = nil) -> String {
        var out = String.UnicodeScalarView()
        for scalar in unicodeScalars {
            if specials.contains(scalar) { out.append(escape ?? scalar) }
            out.append(scalar)
        }
        return String(out)
    }
}
