import Store
import Foundation

/// The money unit a table states in its "单位：万元" / "单位：元" line. Everything is stored in 万元.
enum MoneyUnit: String, Sendable {
    case wanYuan = "万元"
    case yuan = "元"

    /// The value in 万元, exactly: 1 元 = 0.0001 万元, so only the scale moves.
    func toWanYuan(_ value: ExactDecimal) -> ExactDecimal {
        switch self {
        case .wanYuan: return value
        case .yuan:
            if value.scale + 4 <= ExactDecimal.maxScale {
                return ExactDecimal(units: value.units, scale: value.scale + 4)
            }
            return value.divided(by: ExactDecimal(10_000), scale: ExactDecimal.maxScale) ?? value
        }
    }

    /// The unit named in a line such as "编制单位：…单位：万元" or "单位:元", if any.
    static func stated(in line: String) -> MoneyUnit? {
        guard line.containsUTF8("单位") else { return nil }
        // "编制单位：某某 单位:万元": the label that is followed by a unit, full- or half-width colon.
        for label in ["单位：", "单位:"] {
            var search = line.startIndex..<line.endIndex
            while let range = line.range(of: label, range: search) {
                let rest = line[range.upperBound...].drop { $0 == " " || $0 == "\t" }
                if rest.hasPrefix("万元") { return .wanYuan }
                if rest.hasPrefix("元") { return .yuan }
                search = range.upperBound..<line.endIndex
            }
        }
        return nil
    }
}

/// A figure the PDF does not hold: office programs print a number too wide for its cell as
/// "###" (LibreOffice) or a row of # filling the cell (Excel, WPS). It stands in a money column,
/// so it is never part of a name, and never a blank either.
enum IllegibleFigure {
    static func isMark<S: StringProtocol>(_ cell: S) -> Bool {
        var count = 0
        for c in cell where c != " " {
            guard c == "#" || c == "＃" else { return false }
            count += 1
        }
        return count >= 2
    }
}

/// A number as printed in a table cell, with what it took to read it.
struct PrintedNumber: Sendable, Equatable {
    /// The value in the table's own unit, exactly as printed.
    let value: ExactDecimal
    /// True when the cell needed more than separator removal: a space inside the digits
    /// ("1971.5 9"), which extraction put there. Recorded as a repair.
    let joinedSpaces: Bool
    /// A percentage ("12.50%", "-3.78％"): a rate printed beside money (增减率), never money.
    var isPercent = false

    /// Reads a cell as a number: digits with at most one point, optional sign, thousands
    /// separators (",", "，"), and spaces between digits that extraction inserted; a negative
    /// also as office programs print it: a typographic minus (−, －) or in an accounting
    /// format's parentheses, "(12.50)" / "（1,250）" (with a point or separator, so an item
    /// number "(3)" stays text). Returns nil for anything else (text, codes with letters,
    /// blanks, "-"). A trailing % makes it a percentage.
    static func parse<S: StringProtocol>(_ cell: S) -> PrintedNumber? {
        plain(cell) ?? negative(cell) ?? percentage(cell)
    }

    private static func percentage<S: StringProtocol>(_ cell: S) -> PrintedNumber? {
        let t = cell.trimmingCharacters(in: .whitespaces)
        guard let last = t.last, last == "%" || last == "％" else { return nil }
        let body = t.dropLast()
        guard var n = plain(body) ?? negative(body) else { return nil }
        n.isPercent = true
        return n
    }

    private static func negative<S: StringProtocol>(_ cell: S) -> PrintedNumber? {
        // Text cells (every label) fail the plain read: leave them at their first character.
        guard let lead = cell.first(where: { $0 != " " }), lead == "(" || lead == "（" || lead == "−" || lead == "－" else { return nil }
        let t = cell.trimmingCharacters(in: .whitespaces)
        var inner: Substring
        if let first = t.first, first == "−" || first == "－" {
            inner = t.dropFirst()
        } else if (t.hasPrefix("(") && t.hasSuffix(")")) || (t.hasPrefix("（") && t.hasSuffix("）")) {
            inner = t.dropFirst().dropLast()
            guard inner.contains(".") || inner.contains(",") else { return nil }
        } else {
            return nil
        }
        guard let first = inner.first, first != "-", first != "+", let n = plain(inner) else { return nil }
        return PrintedNumber(value: n.value.negated, joinedSpaces: n.joinedSpaces)
    }

    private static func plain<S: StringProtocol>(_ cell: S) -> PrintedNumber? {
        var buffer: [UInt8] = []
        buffer.reserveCapacity(cell.utf8.count)
        var sawSpaceInside = false
        var pendingSpace = false
        var sawDigit = false
        for byte in cell.utf8 {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                if pendingSpace && sawDigit { sawSpaceInside = true }
                pendingSpace = false
                sawDigit = true
                buffer.append(byte)
            case UInt8(ascii: "."):
                pendingSpace = false
                buffer.append(byte)
            case UInt8(ascii: "-"), UInt8(ascii: "+"):
                guard buffer.isEmpty else { return nil }
                buffer.append(byte)
            case UInt8(ascii: ","):
                guard sawDigit else { return nil }
            case UInt8(ascii: " "), UInt8(ascii: "\t"):
                pendingSpace = true
            default:
                // Full-width comma (U+FF0C, bytes EF BC 8C) is handled by the caller's cleanup;
                // anything else is text.
                return nil
            }
        }
        // "1." and ".5" are ordinals and fragments, not amounts.
        guard sawDigit, buffer.last != UInt8(ascii: "."), buffer.first != UInt8(ascii: ".") else { return nil }
        let text = String(decoding: buffer, as: UTF8.self)
        guard let value = ExactDecimal(text) else { return nil }
        return PrintedNumber(value: value, joinedSpaces: sawSpaceInside)
    }
}
