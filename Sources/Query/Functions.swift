import Store

/// The scalar functions of the language: their names, argument rules and result types, and
/// their value-level definitions (used once per dictionary entry for text, or per row).
enum ScalarFunction: String, Sendable, CaseIterable {
    case round, abs, coalesce, nullif, lower, upper, length, substr, starts_with, replace, class_name, parent
    // Text (TextFunctions.swift).
    case trim, ltrim, rtrim, concat, split_part, strpos, lpad, rpad, left, right
    case regexp_matches, regexp_replace, regexp_extract
    // Numbers (NumberFunctions.swift).
    case floor, ceil, trunc, sign, greatest, least
    /// CAST(x AS DECIMAL(p, s))'s check that x has at most p digits; not callable by name.
    case check_precision

    /// The functions a query may call by name.
    static let callable: [ScalarFunction] = allCases.filter { $0 != .check_precision }
}

enum AggregateKind: String, Sendable {
    case count, sum, avg, min, max
    /// grouping(a, …): which of its arguments the row's grouping leaves out (ROLLUP, CUBE).
    case grouping
    /// Over all the group's values (StatisticAggregates.swift): median and quantiles exact,
    /// sample variance to 18 places, sample standard deviation to 9.
    case median, quantile_cont, quantile_disc, variance, stddev
    /// string_agg(x [, separator] [ORDER BY …]).
    case string_agg

    /// Whether the aggregate keeps every value of the group (instead of a running total).
    var collectsValues: Bool {
        switch self {
        case .median, .quantile_cont, .quantile_disc, .variance, .stddev, .string_agg: return true
        default: return false
        }
    }
}

enum FunctionCatalog {
    static let aggregateNames: Set<String> = ["count", "sum", "avg", "min", "max", "grouping", "median", "quantile_cont", "quantile_disc",
                                              "variance", "stddev", "string_agg"]
    static let names: [String] = (Array(aggregateNames) + ["share", "mod", "position"] + ScalarFunction.callable.map(\.rawValue)).sorted()

    /// Checks arguments and gives the result type.
    static func resultType(_ f: ScalarFunction, _ args: [BoundExpression], call: FunctionCall) throws(Diagnostic) -> SQLType {
        func arity(_ range: ClosedRange<Int>) throws(Diagnostic) {
            guard range.contains(args.count) else {
                let expected = range.lowerBound == range.upperBound ? "\(range.lowerBound)" : "\(range.lowerBound) to \(range.upperBound)"
                throw Diagnostic(kind: .type, message: "\(f.rawValue)() takes \(expected) argument\(range.upperBound == 1 ? "" : "s"), got \(args.count)",
                                 span: call.span)
            }
        }
        func expect(_ i: Int, _ ok: (SQLType) -> Bool, _ what: String) throws(Diagnostic) {
            let t = args[i].type
            guard t == .null || ok(t) else {
                throw Diagnostic(kind: .type, message: "argument \(i + 1) of \(f.rawValue)() must be \(what), got \(t)",
                                 span: call.arguments[i].span)
            }
        }
        let isText: (SQLType) -> Bool = { $0 == .text }
        let isInteger: (SQLType) -> Bool = { $0 == .integer }
        switch f {
        case .round:
            try arity(1...2)
            try expect(0, { $0.isNumeric }, "a number")
            var places = 0
            if args.count == 2 {
                // Negative places round to tens, hundreds, … (round(1234.5, -2) = 1200).
                guard case .constant(.integer(let n), _) = args[1], n >= -18, n <= 18 else {
                    throw Diagnostic(kind: .type, message: "round() takes a constant number of places from -18 to 18", span: call.arguments[1].span)
                }
                places = max(0, Int(n))
            }
            if case .decimal(let s) = args[0].type { return .decimal(scale: min(s, places)) }
            return args[0].type == .null ? .null : .integer
        case .abs:
            try arity(1...1)
            try expect(0, { $0.isNumeric }, "a number")
            return args[0].type
        case .coalesce, .greatest, .least:
            // One type for all arguments (the first that does not mix is pointed at).
            guard !args.isEmpty else { try arity(1...99); return .null }
            var t = SQLType.null
            for (i, a) in args.enumerated() {
                guard let c = SQLType.common(t, a.type) else {
                    throw Diagnostic(kind: .type, message: "\(f.rawValue)() arguments must have one type: \(t) and \(a.type) do not mix",
                                     span: call.arguments[i].span)
                }
                t = c
            }
            return t
        case .nullif:
            try arity(2...2)
            guard let c = SQLType.common(args[0].type, args[1].type) else {
                throw Diagnostic(kind: .type, message: "nullif() compares \(args[0].type) with \(args[1].type)", span: call.span)
            }
            return c
        case .lower, .upper:
            try arity(1...1)
            try expect(0, isText, "text")
            return .text
        case .length:
            try arity(1...1)
            try expect(0, isText, "text")
            return .integer
        case .substr:
            try arity(2...3)
            try expect(0, isText, "text")
            try expect(1, isInteger, "an integer")
            if args.count == 3 { try expect(2, isInteger, "an integer") }
            return .text
        case .starts_with:
            try arity(2...2)
            try expect(0, isText, "text")
            try expect(1, isText, "text")
            return .boolean
        case .replace:
            try arity(3...3)
            for i in 0..<3 { try expect(i, isText, "text") }
            return .text
        case .class_name:
            try arity(1...1)
            try expect(0, { $0 == .integer || $0 == .text }, "a code (integer or text)")
            return .text
        case .parent:
            try arity(1...1)
            try expect(0, { $0 == .integer || $0 == .text }, "a code (integer or text)")
            return args[0].type == .null ? .integer : args[0].type
        case .trim, .ltrim, .rtrim:
            try arity(1...2)
            for i in args.indices { try expect(i, isText, "text") }
            return .text
        case .concat:
            guard !args.isEmpty else { try arity(1...99); return .text }
            return .text
        case .split_part:
            try arity(3...3)
            try expect(0, isText, "text"); try expect(1, isText, "text"); try expect(2, isInteger, "an integer")
            return .text
        case .strpos:
            try arity(2...2)
            try expect(0, isText, "text"); try expect(1, isText, "text")
            return .integer
        case .lpad, .rpad:
            try arity(2...3)
            try expect(0, isText, "text"); try expect(1, isInteger, "an integer")
            if args.count == 3 { try expect(2, isText, "text") }
            return .text
        case .left, .right:
            try arity(2...2)
            try expect(0, isText, "text"); try expect(1, isInteger, "an integer")
            return .text
        case .regexp_matches:
            try arity(2...2)
            try expect(0, isText, "text"); try expect(1, isText, "a pattern (text)")
            return .boolean
        case .regexp_replace:
            try arity(3...4)
            for i in args.indices { try expect(i, isText, "text") }
            return .text
        case .regexp_extract:
            try arity(2...3)
            try expect(0, isText, "text"); try expect(1, isText, "a pattern (text)")
            if args.count == 3 { try expect(2, isInteger, "a group number") }
            return .text
        case .floor, .ceil, .trunc:
            try arity(1...1)
            try expect(0, { $0.isNumeric }, "a number")
            if case .decimal = args[0].type { return .decimal(scale: 0) }
            return args[0].type == .null ? .null : .integer
        case .sign:
            try arity(1...1)
            try expect(0, { $0.isNumeric }, "a number")
            return .integer
        case .check_precision:
            return args[0].type

        }
    }

    /// The function on one set of argument values. NULL in, NULL out, except coalesce.
    static func apply(_ f: ScalarFunction, _ args: [ScalarValue], type: SQLType, classNames: [String: String]) -> ScalarValue {
        if f == .coalesce {
            for a in args where a != .null { return widen(a, to: type) }
            return .null
        }
        if f == .nullif {
            guard args[0] != .null else { return .null }
            return ScalarCompare.equal(widen(args[0], to: type), widen(args[1], to: type)) == true ? .null : widen(args[0], to: type)
        }
        if f == .concat {
            // concat skips NULLs (|| does not).
            return .text(args.compactMap { if case .text(let t) = $0 { return t } else { return nil } }.joined())
        }
        if f == .greatest || f == .least {
            // NULLs are ignored; NULL only when every argument is.
            var best: ScalarValue = .null
            for a in args where a != .null {
                let v = widen(a, to: type)
                if best == .null { best = v; continue }
                if let c = ScalarCompare.order(v, best), f == .greatest ? c > 0 : c < 0 { best = v }
            }
            return best
        }
        if args.contains(.null) { return .null }
        if let result = TextFunctions.apply(f, args) { return result }
        if let result = NumberFunctions.apply(f, args, type: type) { return result }
        if case .wideDecimal(let u, let s) = args[0] {
            let d = ExactDecimal(units: u, scale: s)
            switch f {
            case .round: return .wideDecimal(d.rounded(to: type.scale).units, scale: type.scale)
            case .abs: return .wideDecimal(d.magnitude.units, scale: s)
            default: return .null
            }
        }
        switch f {
        case .round:
            switch (args[0], type) {
            case (.decimal(let u, let s), .decimal(let target)):
                let d = ExactDecimal(units: Int128(u), scale: s).rounded(to: target)
                return Int64(exactly: d.units).map { .decimal($0, scale: target) } ?? .null
            default: return args[0]
            }
        case .abs:
            switch args[0] {
            case .integer(let i): return i == .min ? .null : .integer(Swift.abs(i))
            case .decimal(let u, let s): return u == .min ? .null : .decimal(Swift.abs(u), scale: s)
            default: return .null
            }
        case .lower:
            if case .text(let s) = args[0] { return .text(s.lowercased()) }
        case .upper:
            if case .text(let s) = args[0] { return .text(s.uppercased()) }
        case .length:
            if case .text(let s) = args[0] { return .integer(Int64(s.count)) }
        case .substr:
            if case .text(let s) = args[0], case .integer(let start) = args[1] {
                var length: Int64?
                if args.count > 2, case .integer(let l) = args[2] { length = l }
                return .text(substring(s, start: start, length: length))
            }
        case .starts_with:
            if case .text(let s) = args[0], case .text(let p) = args[1] { return .boolean(s.utf8.starts(with: p.utf8)) }
        case .replace:
            if case .text(let s) = args[0], case .text(let a) = args[1], case .text(let b) = args[2] {
                return .text(a.isEmpty ? s : s.replacing(a, with: b))
            }
        case .class_name:
            let key: String
            switch args[0] {
            case .integer(let i): key = String(i)
            case .text(let t): key = t.filter { $0 != " " }
            default: return .null
            }
            return classNames[key].map { .text($0) } ?? .null
        case .parent:
            switch args[0] {
            case .integer(let i):
                let digits = String(i).count
                return digits > 3 ? .integer(i / 100) : .null
            case .text(let t):
                return t.count > 3 ? .text(String(t.dropLast(2))) : .null
            default: return .null
            }
        case .coalesce, .nullif, .concat, .greatest, .least, .trim, .ltrim, .rtrim, .split_part, .strpos, .lpad, .rpad, .left, .right,
             .regexp_matches, .regexp_replace, .regexp_extract, .floor, .ceil, .trunc, .sign: break
        case .check_precision: return args[0]
        }
        return .null
    }

    /// substr(s, start [, length]) by PostgreSQL's rule: characters are numbered from 1, and
    /// the result is the characters at positions start ..< start + length that exist; positions
    /// before 1 exist in the count but hold nothing (substr('abcdef', 0, 3) = 'ab',
    /// substr('abcdef', -2) = 'abcdef'). Without a length, everything from start on. A Chinese
    /// character is one character. (A negative length is refused before this is called.)
    static func substring(_ s: String, start: Int64, length: Int64?) -> String {
        let chars = Array(s)
        let end: Int64 = length.map { start.addingReportingOverflow($0).overflow ? Int64.max : start + $0 } ?? Int64.max
        let from = max(start, 1), to = min(end, Int64(chars.count) + 1)
        guard from < to else { return "" }
        return String(chars[Int(from - 1)..<Int(to - 1)])
    }

    static func widen(_ v: ScalarValue, to type: SQLType) -> ScalarValue {
        switch (v, type) {
        case (.integer(let i), .decimal(let s)):
            // Past 64 bits the units widen (9000000000000000000 UNION ALL 1.5 keeps both).
            let (u, o) = i.multipliedReportingOverflow(by: PowersOfTen.of(s) ?? 1)
            return o ? .wideDecimal(Int128(i) * Arithmetic.power128(s), scale: s) : .decimal(u, scale: s)
        case (.decimal(let u, let s), .decimal(let target)) where s < target:
            let (r, o) = u.multipliedReportingOverflow(by: PowersOfTen.of(target - s) ?? 1)
            return o ? .wideDecimal(Int128(u) * Int128(PowersOfTen.of(target - s) ?? 1), scale: target) : .decimal(r, scale: target)
        case (.wideDecimal(let u, let s), .decimal(let target)) where s < target:
            // Beyond 128 bits there is no exact value: callers (UNION, CASE) check for that.
            let (r, o) = u.multipliedReportingOverflow(by: Int128(PowersOfTen.of(target - s) ?? 1))
            return o ? .null : .wideDecimal(r, scale: target)
        default: return v
        }
    }
}

/// Comparison of two values of one type, for the row-wise paths (sorting, nullif, joins of
/// small results). NULL compares as unknown (nil).
enum ScalarCompare {
    static func order(_ a: ScalarValue, _ b: ScalarValue) -> Int? {
        switch (a, b) {
        case (.null, _), (_, .null): return nil
        case (.integer(let x), .integer(let y)): return x < y ? -1 : x > y ? 1 : 0
        case (.decimal(let x, let s), .decimal(let y, let t)):
            let dx = ExactDecimal(units: Int128(x), scale: s), dy = ExactDecimal(units: Int128(y), scale: t)
            return dx < dy ? -1 : dx == dy ? 0 : 1
        case (.wideDecimal(let x, let s), _), (_, .wideDecimal(let x, let s)):
            // Compare through ExactDecimal, whichever side is wide.
            let mine = ExactDecimal(units: x, scale: s)
            let isLeft: Bool = { if case .wideDecimal = a { return true } else { return false } }()
            let other = isLeft ? b : a
            let theirs: ExactDecimal
            switch other {
            case .integer(let i): theirs = ExactDecimal(i)
            case .decimal(let u, let t): theirs = ExactDecimal(units: Int128(u), scale: t)
            case .wideDecimal(let u, let t): theirs = ExactDecimal(units: u, scale: t)
            default: return nil
            }
            let c = mine < theirs ? -1 : mine == theirs ? 0 : 1
            return isLeft ? c : -c
        case (.integer(let x), .decimal):
            return order(.decimal(x, scale: 0), b)
        case (.decimal, .integer(let y)):
            return order(a, .decimal(y, scale: 0))
        case (.text(let x), .text(let y)):
            if x == y { return 0 }
            return x.utf8.lexicographicallyPrecedes(y.utf8) ? -1 : 1
        case (.boolean(let x), .boolean(let y)): return x == y ? 0 : (!x ? -1 : 1)
        default: return nil
        }
    }

    static func equal(_ a: ScalarValue, _ b: ScalarValue) -> Bool? { order(a, b).map { $0 == 0 } }
}
