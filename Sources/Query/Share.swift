import Store

/// share(x) = 100 · x / (sum of x over the result), rounded to 2 places, like the "占 70.64%" of
/// the disclosures. NULL when the total is zero.
enum Share {
    static func apply(_ v: Vector) throws(Diagnostic) -> Vector {
        let n = v.count
        guard let (values, scale) = v.wideUnits else { return Vector.constant(.null, type: .decimal(scale: 2), count: n) }
        var total: Int128 = 0
        for i in 0..<n where !v.isNull(i) {
            let (t, o) = total.addingReportingOverflow(values[i])
            if o { return Vector.constant(.null, type: .decimal(scale: 2), count: n) }
            total = t
        }
        var out = [Int64](repeating: 0, count: n)
        var nulls = v.nulls ?? [Bool](repeating: false, count: n)
        let totalDecimal = ExactDecimal(units: total, scale: scale)
        for i in 0..<n where !nulls[i] {
            let (hundredfold, o) = values[i].multipliedReportingOverflow(by: 100)
            if o { nulls[i] = true; continue }
            let part = ExactDecimal(units: hundredfold, scale: scale)
            guard let q = part.divided(by: totalDecimal, scale: 2), let u = Int64(exactly: q.units) else { nulls[i] = true; continue }
            out[i] = u
        }
        return Vector(.decimal(out, scale: 2), nulls: nulls, count: n)
    }
}
