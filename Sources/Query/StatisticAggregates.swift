import Store

/// Aggregates that need every value of a group: median and quantiles (exact: an interpolated
/// quantile of decimals is a decimal with the quantile's places added), sample variance (to 18
/// places) and standard deviation (to 9), and string_agg. NULL values are left out; a group
/// with no value gives NULL (variance and stddev need two).
enum StatisticAggregates {
    struct Entry {
        let value: ScalarValue
        let keys: [ScalarValue]
    }

    static func finish(_ spec: AggregateSpec, _ groups: [[Entry]]) throws(Diagnostic) -> Vector {
        var builder = VectorBuilder(type: spec.type)
        for entries in groups {
            let values = entries.filter { $0.value != .null }
            guard !values.isEmpty else { builder.append(.null); continue }
            switch spec.kind {
            case .string_agg:
                var ordered = values
                if !spec.orderBy.isEmpty { ordered = sortedByKeys(values, spec.orderBy) }
                var separator = ","
                if case .text(let s)? = spec.parameter { separator = s }
                builder.append(.text(ordered.map { if case .text(let t) = $0.value { return t } else { return "" } }.joined(separator: separator)))
            case .median, .quantile_cont, .quantile_disc:
                builder.append(try quantile(spec, values.map(\.value)))
            case .variance, .stddev:
                builder.append(try spread(spec, values.map(\.value)))
            default:
                builder.append(.null)
            }
        }
        return builder.build()
    }

    private static func sortedByKeys(_ entries: [Entry], _ order: [WindowOrderKey]) -> [Entry] {
        entries.enumerated().sorted { a, b in
            for (k, key) in order.enumerated() {
                let x = a.element.keys[k], y = b.element.keys[k]
                if x == .null || y == .null {
                    if x == .null && y == .null { continue }
                    return (x == .null) == key.nullsFirst
                }
                let c = ScalarCompare.order(x, y) ?? 0
                if c != 0 { return key.descending ? c > 0 : c < 0 }
            }
            return a.offset < b.offset
        }.map(\.element)
    }

    /// The values as 128-bit units at one scale, sorted.
    private static func units(_ values: [ScalarValue]) -> ([Int128], Int) {
        let scale = values.map { if case .decimal(_, let s) = $0 { return s } else if case .wideDecimal(_, let s) = $0 { return s } else { return 0 } }.max() ?? 0
        let u = values.compactMap { NumberFunctions.decimal($0)?.rescaled(to: scale)?.units }
        return (u, scale)
    }

    private static func quantile(_ spec: AggregateSpec, _ values: [ScalarValue]) throws(Diagnostic) -> ScalarValue {
        let (sorted, scale) = { let (u, s) = units(values); return (u.sorted(), s) }()
        guard !sorted.isEmpty else { return .null }
        var q = ExactDecimal(units: 5, scale: 1)
        if let p = spec.parameter, let d = NumberFunctions.decimal(p) { q = d }
        // Position (n - 1)·q: whole part and the fraction, in q's places.
        let qPower = Arithmetic.power128(q.scale)
        let position = Int128(sorted.count - 1) * q.units
        let lower = Int(position / qPower), fraction = position % qPower
        if spec.kind == .quantile_disc {
            // The value at ⌈n·q⌉ (from 1), as DuckDB: the first whose share reaches q.
            let (whole, rest) = (Int128(sorted.count) * q.units).quotientAndRemainder(dividingBy: qPower)
            let index = max(0, min(sorted.count - 1, Int(whole) + (rest > 0 ? 1 : 0) - 1))
            return NumberFunctions.scalar(sorted[index], scale: scale, type: spec.type)
        }
        let upper = min(lower + 1, sorted.count - 1)
        // lower + fraction·(upper - lower), at scale + q's places.
        let (a, o1) = sorted[lower].multipliedReportingOverflow(by: qPower)
        let (b, o2) = (sorted[upper] - sorted[lower]).multipliedReportingOverflow(by: fraction)
        guard !o1, !o2 else { throw Arithmetic.overflow(spec.span) }
        let exact = ExactDecimal(units: a + b, scale: min(scale + q.scale, ExactDecimal.maxScale))
        return NumberFunctions.scalar(exact.rescaled(to: spec.type.scale)?.units ?? exact.units, scale: spec.type.scale, type: spec.type)
    }

    /// Sample variance (n Σx² − (Σx)²) / (n (n − 1)), exact then rounded; stddev its square root.
    private static func spread(_ spec: AggregateSpec, _ values: [ScalarValue]) throws(Diagnostic) -> ScalarValue {
        let (x, scale) = units(values)
        let n = Int128(x.count)
        guard n >= 2 else { return .null }
        var sum: Int128 = 0, squares: Int128 = 0
        for v in x {
            let (s, o1) = sum.addingReportingOverflow(v)
            let (sq, o2) = v.multipliedReportingOverflow(by: v)
            let (t, o3) = squares.addingReportingOverflow(sq)
            guard !o1, !o2, !o3 else { throw Arithmetic.overflow(spec.span) }
            sum = s; squares = t
        }
        let (ns, o1) = n.multipliedReportingOverflow(by: squares)
        let (ss, o2) = sum.multipliedReportingOverflow(by: sum)
        guard !o1, !o2 else { throw Arithmetic.overflow(spec.span) }
        let numerator = ns - ss  // at scale 2·scale
        let denominator = n * (n - 1)
        // The variance at `places`: numerator·10^(places − 2·scale) / denominator.
        func variance(places: Int) throws(Diagnostic) -> Int128 {
            var num = numerator, den = denominator
            let shift = places - 2 * scale
            if shift >= 0 {
                let (m, o) = num.multipliedReportingOverflow(by: Arithmetic.power128(shift))
                if o { throw Arithmetic.overflow(spec.span) }
                num = m
            } else {
                den *= Arithmetic.power128(-shift)
            }
            var (q, r) = num.quotientAndRemainder(dividingBy: den)
            if r * 2 >= den { q += 1 }
            return q
        }
        // Large values leave no room in 128 bits for every place: the most places that fit are
        // computed, and the value is given at the type's scale (the lost places are zeros far
        // below the value's significant digits).
        func widen(_ units: Int128, from places: Int) -> ScalarValue {
            NumberFunctions.scalar(units * Arithmetic.power128(spec.type.scale - places), scale: spec.type.scale, type: spec.type)
        }
        if spec.kind == .variance {
            for places in stride(from: spec.type.scale, through: 0, by: -1) {
                if let v = try? variance(places: places) { return widen(v, from: places) }
            }
            throw Arithmetic.overflow(spec.span)
        }
        // stddev at s places: the integer square root of the variance at 2s places, rounded.
        var places = spec.type.scale
        var found: Int128?
        while found == nil && places >= 0 {
            found = try? variance(places: 2 * places)
            if found == nil { places -= 1 }
        }
        guard let v = found else { throw Arithmetic.overflow(spec.span) }
        var root = Int128(Double(v).squareRoot())
        while root * root > v { root -= 1 }
        while (root + 1) * (root + 1) <= v { root += 1 }
        if v - root * root > root { root += 1 }
        return widen(root, from: places)
    }
}
