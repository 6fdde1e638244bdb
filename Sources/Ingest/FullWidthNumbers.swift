/// Numbers typed in full-width forms (４７７.６８, １，２３４．５６, －３): some disclosures are
/// typed with a Chinese input method left in full-width mode. Read as text, such a cell was
/// dropped and the row's other numbers slid into the wrong columns (issue 15, item 11), so each
/// line is brought to ASCII digits before cells are cut.
///
/// Full-width digits always become ASCII (also in labels: "２０２４年" reads as "2024年").
/// The full-width point, comma and minus change only next to digits, because "，" is also
/// the ordinary Chinese comma of the narrative's sentences.
enum FullWidthNumbers {
    static func normalise(_ line: String) -> String {
        // Every full-width form is U+FF01…U+FF5E, UTF-8 EF BC xx or EF BD xx: skip lines without.
        guard line.utf8.contains(0xEF) else { return line }
        let scalars = Array(line.unicodeScalars)
        guard scalars.contains(where: { isFullWidthDigit($0) }) else { return line }
        var out = String.UnicodeScalarView()
        for (i, s) in scalars.enumerated() {
            if isFullWidthDigit(s) {
                out.append(Unicode.Scalar(s.value - 0xFF10 + 0x30) ?? s)
                continue
            }
            let before = i > 0 && isDigit(scalars[i - 1])
            let after = i + 1 < scalars.count && isDigit(scalars[i + 1])
            switch s {
            case "．" where before && after: out.append(".")
            case "，" where before && after: out.append(",")
            case "－" where after && !before: out.append("-")
            default: out.append(s)
            }
        }
        return String(out)
    }

    private static func isFullWidthDigit(_ s: Unicode.Scalar) -> Bool { (0xFF10...0xFF19).contains(s.value) }

    private static func isDigit(_ s: Unicode.Scalar) -> Bool {
        isFullWidthDigit(s) || ("0"..."9").contains(s)
    }
}
