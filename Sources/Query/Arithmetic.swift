import Store

/// Exact arithmetic on batches. Integers and decimals run in 64-bit units at the result's static
/// scale while they fit; a result that does not fit widens to 128-bit units (about 38 digits)
/// instead of failing, so `sum(big) - sum(big)` is 0 and an integer past 2^63 stays exact. Only
/// a result beyond 128 bits is an overflow error, pointing at the operator's expression.
/// Division (and %) by zero gives NULL, as in SQLite and DuckDB.
///
/// Scales: `a + b` and `a - b` keep the larger scale; `a * b` adds the scales (at most 18,
/// rounded half away from zero beyond); `a / b` is rounded half away from zero at
/// `quotientScale` places (see `SQLType.quotient`).
enum Arithmetic {
    static func overflow(_ span: SourceSpan) -> Diagnostic {
        Diagnostic(kind: .execution, message: "numeric overflow: the result does not fit in 128 bits (about 38 digits)", span: span,
                   hints: ["round() or divide an operand first"])
    }

    /// The units of `v` at `scale` in 128 bits. A smaller scale rounds half away from zero (only
    /// round() and CAST ask for one); a larger one multiplies, and overflow is an error.
    static func units128(_ v: Vector, scale: Int, span: SourceSpan) throws(Diagnostic) -> [Int128] {
        let values: [Int128], from: Int
        switch v.storage {
        case .integer(let x): (values, from) = (x.map { Int128($0) }, 0)
        case .decimal(let x, let s): (values, from) = (x.map { Int128($0) }, s)
        case .wideDecimal(let x, let s): (values, from) = (x, s)
        case .boolean(let b): (values, from) = (b.map { $0 ? 1 : 0 }, 0)
        case .text: return [Int128](repeating: 0, count: v.count)
        }
        if from == scale { return values }
        if from > scale {
            let p = power128(from - scale)
            return values.map { u in
                let (q, r) = u.quotientAndRemainder(dividingBy: p)
                return r.magnitude * 2 >= p.magnitude ? q + (u < 0 ? -1 : 1) : q
            }
        }
        let p = power128(scale - from)
        var out = [Int128](repeating: 0, count: values.count)
        for i in 0..<values.count {
            let (m, o) = values[i].multipliedReportingOverflow(by: p)
            if o && !v.isNull(i) { throw overflow(span) }
            out[i] = o ? 0 : m
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
        case .integer(let x) where !x.contains(.min):
            return Vector(.integer(x.map { -$0 }), nulls: v.nulls, count: v.count)
        case .decimal(let x, let s) where !x.contains(.min):
            return Vector(.decimal(x.map { -$0 }, scale: s), nulls: v.nulls, count: v.count)
        case .integer, .decimal, .wideDecimal:
            let scale = v.scaleOrZero
            var x = try units128(v, scale: scale, span: span)
            for i in 0..<x.count {
                if x[i] == .min { if v.isNull(i) { x[i] = 0 } else { throw overflow(span) } }
                x[i] = -x[i]
            }
            if case .integer = v.storage { return Vector.integer(wide: x, nulls: v.nulls) }
            return Vector.decimal(wide: x, scale: scale, nulls: v.nulls)
        default:
            return v
        }
    }

    static func apply(_ op: BinaryOperator, _ a: Vector, _ b: Vector, type: SQLType, span: SourceSpan) throws(Diagnostic) -> Vector {
        let n = a.count
        let nulls = Comparison.mergedNulls(a, b)
        switch type {
        case .integer:
            if case .integer(let x) = a.storage, case .integer(let y) = b.storage, let out = narrowIntegers(op, x, y, nulls: nulls) {
                return out
            }
            let x = try units128(a, scale: 0, span: span), y = try units128(b, scale: 0, span: span)
            let (out, outNulls) = try wide(op, x, y, nulls: nulls, n: n, span: span)
            return Vector.integer(wide: out, nulls: outNulls)
        case .decimal(let scale):
            switch op {
            case .add, .subtract, .modulo:
                if let x = narrowUnits(a, scale), let y = narrowUnits(b, scale),
                   let out = narrowIntegers(op, x, y, nulls: nulls) {
                    if case .integer(let u) = out.storage { return Vector(.decimal(u, scale: scale), nulls: out.nulls, count: n) }
                }
                let x = try units128(a, scale: scale, span: span), y = try units128(b, scale: scale, span: span)
                let (out, outNulls) = try wide(op, x, y, nulls: nulls, n: n, span: span)
                return Vector.decimal(wide: out, scale: scale, nulls: outNulls)
            case .multiply:
                // Scales add up: units multiply directly, then round to the result's scale.
                let sa = a.scaleOrZero, sb = b.scaleOrZero
                if sa + sb == scale, let x = narrowUnits(a, sa), let y = narrowUnits(b, sb),
                   let out = narrowIntegers(.multiply, x, y, nulls: nulls), case .integer(let u) = out.storage {
                    return Vector(.decimal(u, scale: scale), nulls: nulls, count: n)
                }
                let x = try units128(a, scale: sa, span: span), y = try units128(b, scale: sb, span: span)
                let (raw, _) = try wide(.multiply, x, y, nulls: nulls, n: n, span: span)
                if sa + sb <= scale {
                    return Vector.decimal(wide: try units128(Vector(.wideDecimal(raw, scale: sa + sb), nulls: nulls, count: n), scale: scale, span: span),
                                          scale: scale, nulls: nulls)
                }
                // More places than a decimal keeps (> 18): round the excess away.
                let p = power128(sa + sb - scale)
                let rounded = raw.map { u -> Int128 in
                    let (q, r) = u.quotientAndRemainder(dividingBy: p)
                    return r.magnitude * 2 >= p.magnitude ? q + (u < 0 ? -1 : 1) : q
                }
                return Vector.decimal(wide: rounded, scale: scale, nulls: nulls)
            case .divide:
                let sa = a.scaleOrZero, sb = b.scaleOrZero
                let x = try units128(a, scale: sa, span: span), y = try units128(b, scale: sb, span: span)
                // a/b at scale s: q = x·10^(s+sb-sa) / y, rounded half away from zero, in 128 bits.
                let shift = scale + sb - sa
                var out = [Int128](repeating: 0, count: n)
                var outNulls = nulls ?? [Bool](repeating: false, count: n)
                for i in 0..<n where !outNulls[i] {
                    if y[i] == 0 { outNulls[i] = true; continue }
                    var numerator = x[i], denominator = y[i]
                    if shift >= 0 {
                        let (m, o) = numerator.multipliedReportingOverflow(by: power128(shift))
                        if o { throw overflow(span) }
                        numerator = m
                    } else {
                        let (m, o) = denominator.multipliedReportingOverflow(by: power128(-shift))
                        if o { throw overflow(span) }
                        denominator = m
                    }
                    var (q, r) = numerator.quotientAndRemainder(dividingBy: denominator)
                    if r.magnitude * 2 >= denominator.magnitude { q += (numerator < 0) != (denominator < 0) ? -1 : 1 }
                    out[i] = q
                }
                return Vector.decimal(wide: out, scale: scale, nulls: outNulls)
            default:
                return Vector.allNull(n)
            }
        default:
            return Vector.allNull(n)
        }
    }

    /// 64-bit units at `scale` when `v` holds them without rescaling, else nil.
    private static func narrowUnits(_ v: Vector, _ scale: Int) -> [Int64]? {
        switch v.storage {
        case .decimal(let x, let s) where s == scale: return x
        case .integer(let x) where scale == 0: return x
        case .integer(let x), .decimal(let x, _):
            let from = v.scaleOrZero
            guard from < scale, let p = PowersOfTen.of(scale - from) else { return nil }
            var out = [Int64](repeating: 0, count: x.count)
            for i in 0..<x.count {
                let (m, o) = x[i].multipliedReportingOverflow(by: p)
                if o { return nil }
                out[i] = m
            }
            return out
        default: return nil
        }
    }

    /// The 64-bit loop, or nil when a row overflows (the caller redoes the batch in 128 bits).
    private static func narrowIntegers(_ op: BinaryOperator, _ x: [Int64], _ y: [Int64], nulls: [Bool]?) -> Vector? {
        let n = x.count
        var out = [Int64](repeating: 0, count: n)
        var outNulls = nulls
        switch op {
        case .add, .subtract, .multiply:
            for i in 0..<n {
                let (v, o) = op == .add ? x[i].addingReportingOverflow(y[i])
                    : op == .subtract ? x[i].subtractingReportingOverflow(y[i]) : x[i].multipliedReportingOverflow(by: y[i])
                if o && !(nulls?[i] ?? false) { return nil }
                out[i] = v
            }
        case .modulo:
            for i in 0..<n {
                if y[i] == 0 {
                    if outNulls == nil { outNulls = [Bool](repeating: false, count: n) }
                    outNulls?[i] = true
                } else if y[i] != -1 {
                    out[i] = x[i] % y[i]
                }
            }
        default:
            return nil
        }
        return Vector(.integer(out), nulls: outNulls, count: n)
    }

    /// The 128-bit loop; overflow of a non-NULL row is an error.
    private static func wide(_ op: BinaryOperator, _ x: [Int128], _ y: [Int128], nulls: [Bool]?, n: Int,
                             span: SourceSpan) throws(Diagnostic) -> ([Int128], [Bool]?) {
        var out = [Int128](repeating: 0, count: n)
        var outNulls = nulls
        for i in 0..<n {
            if nulls?[i] ?? false { continue }
            switch op {
            case .add, .subtract, .multiply:
                let (v, o) = op == .add ? x[i].addingReportingOverflow(y[i])
                    : op == .subtract ? x[i].subtractingReportingOverflow(y[i]) : x[i].multipliedReportingOverflow(by: y[i])
                if o { throw overflow(span) }
                out[i] = v
            case .modulo:
                if y[i] == 0 {
                    if outNulls == nil { outNulls = [Bool](repeating: false, count: n) }
                    outNulls?[i] = true
                } else if y[i] != -1 {
                    out[i] = x[i] % y[i]
                }
            default:
                break
            }
        }
        return (out, outNulls)
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

    /// A decimal vector from 128-bit units: 64-bit storage when every value fits, else 128-bit.
    static func decimal(wide units: [Int128], scale: Int, nulls: [Bool]?) -> Vector {
        var narrow = [Int64](repeating: 0, count: units.count)
        for i in 0..<units.count {
            guard let u = Int64(exactly: units[i]) else {
                if nulls?[i] ?? false { continue }
                return Vector(.wideDecimal(units, scale: scale), nulls: nulls, count: units.count)
            }
            narrow[i] = u
        }
        return Vector(.decimal(narrow, scale: scale), nulls: nulls, count: units.count)
    }

    /// An integer vector from 128-bit values: 64-bit storage when every value fits, else
    /// 128-bit units at scale 0 (an integer past 2^63 stays exact instead of failing).
    static func integer(wide values: [Int128], nulls: [Bool]?) -> Vector {
        var narrow = [Int64](repeating: 0, count: values.count)
        for i in 0..<values.count {
            guard let u = Int64(exactly: values[i]) else {
                if nulls?[i] ?? false { continue }
                return Vector(.wideDecimal(values, scale: 0), nulls: nulls, count: values.count)
            }
            narrow[i] = u
        }
        return Vector(.integer(narrow), nulls: nulls, count: values.count)
    }
}
