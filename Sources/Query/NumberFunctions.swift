import Store

/// The number functions' values, exact (arguments are never NULL here).
enum NumberFunctions {
    static func apply(_ f: ScalarFunction, _ args: [ScalarValue], type: SQLType) -> ScalarValue? {
        switch f {
        case .floor, .ceil, .trunc:
            guard let d = decimal(args[0]) else { return .null }
            let p = Arithmetic.power128(d.scale)
            var (q, r) = d.units.quotientAndRemainder(dividingBy: p)
            if f == .floor, r < 0 { q -= 1 }
            if f == .ceil, r > 0 { q += 1 }
            r = 0
            return scalar(q, scale: 0, type: type)
        case .sign:
            guard let d = decimal(args[0]) else { return .null }
            return .integer(d.units > 0 ? 1 : d.units < 0 ? -1 : 0)
        case .round:
            // round(x, -n): to a multiple of 10^n, half away from zero.
            guard args.count == 2, case .integer(let n) = args[1], n < 0, let d = decimal(args[0]) else { return nil }
            // One rounding, from the value's own places (not to whole units first: 1249.99 is 1200).
            let p = Arithmetic.power128(d.scale + Int(-n))
            var (q, r) = d.units.quotientAndRemainder(dividingBy: p)
            if r.magnitude * 2 >= p.magnitude { q += d.units < 0 ? -1 : 1 }
            let (v, o) = q.multipliedReportingOverflow(by: Arithmetic.power128(Int(-n)))
            return o ? .null : scalar(v, scale: 0, type: type)
        default:
            return nil
        }
    }

    static func decimal(_ v: ScalarValue) -> ExactDecimal? {
        switch v {
        case .integer(let i): return ExactDecimal(i)
        case .decimal(let u, let s): return ExactDecimal(units: Int128(u), scale: s)
        case .wideDecimal(let u, let s): return ExactDecimal(units: u, scale: s)
        default: return nil
        }
    }

    /// Units at `scale` as a value of `type` (64-bit when it fits, else 128-bit).
    static func scalar(_ units: Int128, scale: Int, type: SQLType) -> ScalarValue {
        let target = type.scale
        let shifted = units * Arithmetic.power128(max(0, target - scale))
        if type == .integer { return Int64(exactly: shifted).map { .integer($0) } ?? .wideDecimal(shifted, scale: 0) }
        return Int64(exactly: shifted).map { .decimal($0, scale: target) } ?? .wideDecimal(shifted, scale: target)
    }
}
