import Store

/// Exact arithmetic on batches. Integers are 64-bit; decimals are 64-bit units at the result's
/// static scale. Overflow is an error that points at the operator's expression; division (and
/// %) by zero gives NULL, as in SQLite and DuckDB.
enum Arithmetic {
    static func overflow(_ span: SourceSpan) -> Diagnostic {
        Diagnostic(kind: .execution, message: "numeric overflow: the result does not fit in 64 bits", span: span,
                   hints: ["values hold about 18 digits (sums are exact to 38 digits inside aggregates)"])
    }

    /// The units of `v` at `scale` (integers and narrower decimals are widened).
    static func units(_ v: Vector, scale: Int, span: SourceSpan) throws(Diagnostic) -> [Int64] {
        let (values, from): ([Int64], Int)
        switch v.storage {
        case .integer(let x): (values, from) = (x, 0)
        case .decimal(let x, let s): (values, from) = (x, s)
        case .wideDecimal(let x, let s):
            // Arithmetic on a sum beyond 64 bits: exact when it fits again, else an error.
            var narrow = [Int64](repeating: 0, count: x.count)
            for i in 0..<x.count where !v.isNull(i) {
                guard let u = Int64(exactly: x[i]) else { throw overflow(span) }
                narrow[i] = u
            }
            (values, from) = (narrow, s)
        default: return [Int64](repeating: 0, count: v.count)
        }
        if from == scale { return values }
        if from > scale {
            // Rounding down a scale only happens for round(); keep it exact half-away-from-zero.
            guard let p = PowersOfTen.of(from - scale) else { throw overflow(span) }
            return values.map { u in
                let (q, r) = u.quotientAndRemainder(dividingBy: p)
                return r.magnitude * 2 >= p.magnitude ? q + (u < 0 ? -1 : 1) : q
            }
        }
        guard let p = PowersOfTen.of(scale - from) else { throw overflow(span) }
        var out = [Int64](repeating: 0, count: values.count)
        for i in 0..<values.count {
            let (m, o) = values[i].multipliedReportingOverflow(by: p)
            if o && !v.isNull(i) { throw overflow(span) }
            out[i] = m
        }
        return out
    }

    /// 10^n in 128 bits (n at most 38).
    static func power128(_ n: Int) -> Int128 {
        var p: Int128 = 1
        for _ in 0..<min(max(n, 0), 38) { p *= 10 }
        return p
    }

    static func negate(_ v: Vector, span: SourceSpan) throws(Diagnostic) -> Vector {
        switch v.storage {
        case .integer(let x):
            for i in 0..<x.count where x[i] == .min && !v.isNull(i) { throw overflow(span) }
            return Vector(.integer(x.map { $0 == .min ? 0 : -$0 }), nulls: v.nulls, count: v.count)
        case .decimal(let x, let s):
            for i in 0..<x.count where x[i] == .min && !v.isNull(i) { throw overflow(span) }
            return Vector(.decimal(x.map { $0 == .min ? 0 : -$0 }, scale: s), nulls: v.nulls, count: v.count)
        case .wideDecimal(let x, let s):
            return Vector(.wideDecimal(x.map { $0 == .min ? 0 : -$0 }, scale: s), nulls: v.nulls, count: v.count)
        default:
            return v
        }
    }

    static func apply(_ op: BinaryOperator, _ a: Vector, _ b: Vector, type: SQLType, span: SourceSpan) throws(Diagnostic) -> Vector {
        let n = a.count
        var nulls = Comparison.mergedNulls(a, b)
        func isNull(_ i: Int) -> Bool { nulls?[i] ?? false }
        switch type {
        case .null:
            return Vector.allNull(n)
        case .integer:
            guard case .integer(let x) = a.storage, case .integer(let y) = b.storage else { return Vector.allNull(n) }
            var out = [Int64](repeating: 0, count: n)
            switch op {
            case .add, .subtract, .multiply:
                for i in 0..<n {
                    let (v, o) = op == .add ? x[i].addingReportingOverflow(y[i])
                        : op == .subtract ? x[i].subtractingReportingOverflow(y[i]) : x[i].multipliedReportingOverflow(by: y[i])
                    if o && !isNull(i) { throw overflow(span) }
                    out[i] = v
                }
            case .modulo:
                for i in 0..<n {
                    if y[i] == 0 || (y[i] == -1) {
                        if y[i] == 0 { if nulls == nil { nulls = [Bool](repeating: false, count: n) }; nulls?[i] = true } else { out[i] = 0 }
                    } else { out[i] = x[i] % y[i] }
                }
            default:
                break
            }
            return Vector(.integer(out), nulls: nulls, count: n)
        case .decimal(let scale):
            switch op {
            case .add, .subtract, .modulo:
                let x = try units(a, scale: scale, span: span), y = try units(b, scale: scale, span: span)
                var out = [Int64](repeating: 0, count: n)
                for i in 0..<n {
                    if op == .modulo {
                        if y[i] == 0 { if nulls == nil { nulls = [Bool](repeating: false, count: n) }; nulls?[i] = true }
                        else if y[i] != -1 { out[i] = x[i] % y[i] }
                        continue
                    }
                    let (v, o) = op == .add ? x[i].addingReportingOverflow(y[i]) : x[i].subtractingReportingOverflow(y[i])
                    if o && !isNull(i) { throw overflow(span) }
                    out[i] = v
                }
                return Vector(.decimal(out, scale: scale), nulls: nulls, count: n)
            case .multiply:
                // Scales add up: units multiply directly.
                let sa = a.scaleOrZero, sb = b.scaleOrZero
                let x = try units(a, scale: sa, span: span), y = try units(b, scale: sb, span: span)
                var out = [Int64](repeating: 0, count: n)
                for i in 0..<n {
                    let (v, o) = x[i].multipliedReportingOverflow(by: y[i])
                    if o && !isNull(i) { throw overflow(span) }
                    out[i] = v
                }
                let raw = Vector(.decimal(out, scale: sa + sb), nulls: nulls, count: n)
                return sa + sb == scale ? raw : Vector(.decimal(try units(raw, scale: scale, span: span), scale: scale), nulls: nulls, count: n)
            case .divide:
                let sa = a.scaleOrZero, sb = b.scaleOrZero
                let x = try units(a, scale: sa, span: span), y = try units(b, scale: sb, span: span)
                // a/b at scale s: q = x·10^(s+sb-sa) / y, rounded half away from zero, in 128 bits.
                let shift = scale + sb - sa
                var out = [Int64](repeating: 0, count: n)
                var outNulls = nulls ?? [Bool](repeating: false, count: n)
                for i in 0..<n where !outNulls[i] {
                    if y[i] == 0 { outNulls[i] = true; continue }
                    var numerator = Int128(x[i]), denominator = Int128(y[i])
                    // The shift can reach 36 places (scale 18 over a divisor of scale 18): Int128.
                    if shift >= 0 {
                        let (m, o) = numerator.multipliedReportingOverflow(by: Arithmetic.power128(shift))
                        if o { throw overflow(span) }
                        numerator = m
                    } else {
                        let (m, o) = denominator.multipliedReportingOverflow(by: Arithmetic.power128(-shift))
                        if o { throw overflow(span) }
                        denominator = m
                    }
                    var (q, r) = numerator.quotientAndRemainder(dividingBy: denominator)
                    if r.magnitude * 2 >= denominator.magnitude { q += (numerator < 0) != (denominator < 0) ? -1 : 1 }
                    guard let v = Int64(exactly: q) else { throw overflow(span) }
                    out[i] = v
                }
                return Vector(.decimal(out, scale: scale), nulls: outNulls, count: n)
            default:
                return Vector.allNull(n)
            }
        default:
            return Vector.allNull(n)
        }
    }
}

extension Vector {
    var scaleOrZero: Int {
        if case .decimal(_, let s) = storage { return s }
        if case .wideDecimal(_, let s) = storage { return s }
        return 0
    }

    /// Numbers as 128-bit units with their scale (nil for text and booleans).
    var wideUnits: ([Int128], Int)? {
        switch storage {
        case .integer(let x): return (x.map { Int128($0) }, 0)
        case .decimal(let x, let s): return (x.map { Int128($0) }, s)
        case .wideDecimal(let x, let s): return (x, s)
        default: return nil
        }
    }
}
