/// One aggregate's running state over all groups. Each batch updates it with a tight loop over
/// the argument's typed array; values are never boxed.
final class AggregateAccumulator {
    let spec: AggregateSpec
    private var counts: [Int64] = []
    private var sums: [Int128] = []
    private var extremes: [Int128] = []
    private var textExtremes: [String?] = []
    private var seen: [Bool] = []
    private var distinctPairs: Set<UInt64> = []
    private var distinctInterner: KeyInterner?
    private var distinctUnits: [Int128] = []
    /// Aggregates over all values (median, string_agg, …): each group's values, with their
    /// ORDER BY keys.
    private var collected: [[StatisticAggregates.Entry]] = []
    private var intSumOverflow = false

    init(spec: AggregateSpec) {
        self.spec = spec
        if spec.distinct, let t = spec.argument?.type { distinctInterner = KeyInterner(type: t) }
    }

    private func grow(to groups: Int) {
        guard counts.count < groups else { return }
        let extra = groups - counts.count
        counts += [Int64](repeating: 0, count: extra)
        seen += [Bool](repeating: false, count: extra)
        switch spec.kind {
        case .sum, .avg: sums += [Int128](repeating: 0, count: extra)
        case .min, .max:
            if spec.type == .text { textExtremes += [String?](repeating: nil, count: extra) }
            else { extremes += [Int128](repeating: 0, count: extra) }
        case .count, .grouping: break
        case .median, .quantile_cont, .quantile_disc, .variance, .stddev, .string_agg:
            collected += [[StatisticAggregates.Entry]](repeating: [], count: extra)
        }
    }

    /// `groups` nil means one group (no GROUP BY); `valid` marks rows that pass FILTER and are
    /// not NULL (nil: all rows count).
    /// Adds a sum computed by a fused loop (one group, no FILTER).
    func addSingleGroupSum(_ total: Int128, count: Int) {
        grow(to: 1)
        if spec.kind == .sum || spec.kind == .avg { sums[0] &+= total }
        counts[0] += Int64(count)
    }

    func update(groups: [Int32]?, groupCount: Int, argument: Vector?, valid: [Bool]?, rowCount n: Int,
                orderKeys: [Vector] = []) throws(Diagnostic) {
        grow(to: groupCount)
        if spec.kind.collectsValues, let argument {
            var c = collected
            collected = []
            for i in 0..<n where valid?[i] ?? true {
                c[groups.map { Int($0[i]) } ?? 0].append(StatisticAggregates.Entry(value: argument.scalar(at: i), keys: orderKeys.map { $0.scalar(at: i) }))
            }
            collected = c
            return
        }
        if spec.kind == .count, spec.argument == nil || !spec.distinct {
            if let groups {
                var c = counts
                counts = []
                if let valid { for i in 0..<n where valid[i] { c[Int(groups[i])] &+= 1 } }
                else { for i in 0..<n { c[Int(groups[i])] &+= 1 } }
                counts = c
            } else {
                counts[0] += Int64(valid.map { $0.reduce(0) { $0 + ($1 ? 1 : 0) } } ?? n)
            }
            return
        }
        guard let argument else { return }
        if spec.distinct, let interner = distinctInterner {
            let ids = interner.ids(argument)
            // sum/avg(DISTINCT x): each distinct value's units, by its id (ids are dense).
            let units = spec.kind == .count ? nil : argument.wideUnits?.0
            for i in 0..<n where valid?[i] ?? true {
                let g = groups.map { UInt64(UInt32(bitPattern: $0[i])) } ?? 0
                distinctPairs.insert(g << 32 | UInt64(UInt32(bitPattern: ids[i])))
                if let units {
                    let id = Int(ids[i])
                    while distinctUnits.count <= id { distinctUnits.append(0) }
                    distinctUnits[id] = units[i]
                }
            }
            return
        }
        switch argument.storage {
        case .integer(let x), .decimal(let x, _):
            updateNumbers(x, groups: groups, valid: valid, n: n)
        case .boolean(let b):
            updateNumbers(b.map { $0 ? 1 : 0 }, groups: groups, valid: valid, n: n)
        case .wideDecimal(let x, _):
            // Values beyond 64 bits (a quotient, a sum of sums): exact 128-bit accumulation.
            try updateWide(x, groups: groups, valid: valid, n: n)
        case .text(let codes, let dictionary):
            for i in 0..<n where valid?[i] ?? true {
                let g = groups.map { Int($0[i]) } ?? 0
                let s = dictionary[Int(codes[i])]
                if let current = textExtremes[g] {
                    let c = Comparison.compareText(s, current)
                    if (spec.kind == .min && c < 0) || (spec.kind == .max && c > 0) { textExtremes[g] = s }
                } else {
                    textExtremes[g] = s
                }
                counts[g] += 1
            }
        }
    }

    private func updateNumbers(_ x: [Int64], groups: [Int32]?, valid: [Bool]?, n: Int) {
        switch spec.kind {
        case .sum, .avg:
            if let groups {
                // Work on local arrays: a class's stored arrays pay an exclusivity check per access.
                var s = sums, c = counts
                sums = []; counts = []
                s.withUnsafeMutableBufferPointer { sp in
                    c.withUnsafeMutableBufferPointer { cp in
                        x.withUnsafeBufferPointer { xp in
                            groups.withUnsafeBufferPointer { gp in
                                if let valid {
                                    for i in 0..<n where valid[i] { let g = Int(gp[i]); sp[g] &+= Int128(xp[i]); cp[g] &+= 1 }
                                } else {
                                    for i in 0..<n { let g = Int(gp[i]); sp[g] &+= Int128(xp[i]); cp[g] &+= 1 }
                                }
                            }
                        }
                    }
                }
                sums = s; counts = c
            } else {
                // One group: a plain 64-bit loop, spilled into 128 bits once per batch.
                var total: Int128 = 0
                var seenRows = 0
                x.withUnsafeBufferPointer { xp in
                    if let valid {
                        for i in 0..<n where valid[i] { total &+= Int128(xp[i]); seenRows += 1 }
                    } else {
                        var partial: Int64 = 0
                        for i in 0..<n {
                            let (s, o) = partial.addingReportingOverflow(xp[i])
                            if o { total &+= Int128(partial); partial = xp[i] } else { partial = s }
                        }
                        total &+= Int128(partial)
                        seenRows = n
                    }
                }
                sums[0] &+= total
                counts[0] += Int64(seenRows)
            }
        case .min, .max:
            let isMin = spec.kind == .min
            for i in 0..<n where valid?[i] ?? true {
                let g = groups.map { Int($0[i]) } ?? 0
                let v = Int128(x[i])
                if counts[g] == 0 || (isMin ? v < extremes[g] : v > extremes[g]) { extremes[g] = v }
                counts[g] += 1
            }
        default:
            break
        }
    }

    private func updateWide(_ x: [Int128], groups: [Int32]?, valid: [Bool]?, n: Int) throws(Diagnostic) {
        for i in 0..<n where valid?[i] ?? true {
            let g = groups.map { Int($0[i]) } ?? 0
            switch spec.kind {
            case .sum, .avg:
                let (t, o) = sums[g].addingReportingOverflow(x[i])
                if o { throw Arithmetic.overflow(spec.span) }
                sums[g] = t
            case .min, .max:
                if counts[g] == 0 || (spec.kind == .min ? x[i] < extremes[g] : x[i] > extremes[g]) { extremes[g] = x[i] }
            default:
                break
            }
            counts[g] += 1
        }
    }

    /// The aggregate's column over all groups.
    func finish(groupCount: Int) throws(Diagnostic) -> Vector {
        grow(to: groupCount)
        let n = groupCount
        if spec.distinct, spec.kind == .sum || spec.kind == .avg {
            // The distinct (group, value) pairs become the sums and counts.
            for g in 0..<n { sums[g] = 0; counts[g] = 0 }
            for pair in distinctPairs {
                let g = Int(pair >> 32), id = Int(UInt32(truncatingIfNeeded: pair))
                guard g < n, id < distinctUnits.count else { continue }
                let (t, o) = sums[g].addingReportingOverflow(distinctUnits[id])
                if o { throw Arithmetic.overflow(spec.span) }
                sums[g] = t
                counts[g] += 1
            }
        }
        switch spec.kind {
        case .median, .quantile_cont, .quantile_disc, .variance, .stddev, .string_agg:
            return try StatisticAggregates.finish(spec, Array(collected.prefix(n)))
        case .grouping:
            // All keys grouped: 0. A grouping set's own value is put in by the executor.
            return Vector(.integer([Int64](repeating: 0, count: n)), nulls: nil, count: n)
        case .count:
            if spec.distinct {
                var perGroup = [Int64](repeating: 0, count: n)
                for pair in distinctPairs {
                    let g = Int(pair >> 32)
                    if g < n { perGroup[g] += 1 }
                }
                return Vector(.integer(perGroup), nulls: nil, count: n)
            }
            return Vector(.integer(Array(counts.prefix(n))), nulls: nil, count: n)
        case .sum:
            // Exact at any size: a sum past 64 bits is handed out in 128-bit units (integers too).
            let nulls = (0..<n).map { counts[$0] == 0 }
            let totals = Array(sums.prefix(n))
            if case .decimal(let s) = spec.type { return Vector.decimal(wide: totals, scale: s, nulls: nulls) }
            return Vector.integer(wide: totals, nulls: nulls)
        case .avg:
            let nulls = (0..<n).map { counts[$0] == 0 }
            let argumentScale = spec.argument?.type.scale ?? 0
            let scale = spec.type.scale
            var out = [Int128](repeating: 0, count: n)
            for g in 0..<n where counts[g] > 0 {
                // avg = sum / count, rounded half away from zero at the result scale.
                let shift = Arithmetic.power128(scale - argumentScale)
                let (numerator, o) = sums[g].multipliedReportingOverflow(by: shift)
                if o { throw Arithmetic.overflow(spec.span) }
                let d = Int128(counts[g])
                var (q, r) = numerator.quotientAndRemainder(dividingBy: d)
                if r.magnitude * 2 >= d.magnitude { q += numerator < 0 ? -1 : 1 }
                out[g] = q
            }
            return Vector.decimal(wide: out, scale: scale, nulls: nulls)
        case .min, .max:
            let nulls = (0..<n).map { counts[$0] == 0 }
            switch spec.type {
            case .text:
                var builder = TextVectorBuilder(capacity: n)
                for g in 0..<n { if let s = textExtremes[g] { builder.append(s) } else { builder.appendNull() } }
                return builder.build()
            case .decimal(let s): return Vector.decimal(wide: Array(extremes.prefix(n)), scale: s, nulls: nulls)
            case .boolean: return Vector(.boolean(extremes.prefix(n).map { $0 != 0 }), nulls: nulls, count: n)
            default: return Vector.integer(wide: Array(extremes.prefix(n)), nulls: nulls)
            }
        }
    }
}

extension AggregateAccumulator {
    /// Adds a later run's accumulator (ParallelAggregation): its group g is this one's
    /// `groups[g]`. Counts and sums add (exactly, in 128 bits), extremes compare, and collected
    /// values follow this run's, so string_agg and the quantiles see rows in table order.
    /// DISTINCT aggregates never come here (they run on one thread).
    func merge(_ later: AggregateAccumulator, groups: [Int32], groupCount: Int) throws(Diagnostic) {
        grow(to: groupCount)
        later.grow(to: groups.count)
        for (g, target) in groups.enumerated() {
            let t = Int(target)
            switch spec.kind {
            case .median, .quantile_cont, .quantile_disc, .variance, .stddev, .string_agg:
                collected[t] += later.collected[g]
            case .sum, .avg:
                let (total, o) = sums[t].addingReportingOverflow(later.sums[g])
                if o { throw Arithmetic.overflow(spec.span) }
                sums[t] = total
            case .min, .max:
                guard later.counts[g] > 0 else { break }
                if spec.type == .text {
                    if let s = later.textExtremes[g] {
                        if let current = textExtremes[t] {
                            let c = Comparison.compareText(s, current)
                            if (spec.kind == .min && c < 0) || (spec.kind == .max && c > 0) { textExtremes[t] = s }
                        } else {
                            textExtremes[t] = s
                        }
                    }
                } else {
                    let v = later.extremes[g]
                    if counts[t] == 0 || (spec.kind == .min ? v < extremes[t] : v > extremes[t]) { extremes[t] = v }
                }
            case .count, .grouping:
                break
            }
            counts[t] &+= later.counts[g]
        }
    }
}
