import Store

/// What a window function computes for each row from the rows of its partition.
enum WindowFunctionKind: Sendable, Hashable {
    case rowNumber, rank, denseRank
    /// ntile(n): the partition cut into n buckets of near-equal size, numbered from 1.
    case ntile
    /// lag/lead(x [, offset [, default]]): x `offset` rows before/after, in the partition.
    case lag, lead
    case firstValue, lastValue
    /// Any aggregate over the frame.
    case aggregate(AggregateKind)

    static let rankingNames: [String: WindowFunctionKind] = [
        "row_number": .rowNumber, "rank": .rank, "dense_rank": .denseRank, "ntile": .ntile,
        "lag": .lag, "lead": .lead, "first_value": .firstValue, "last_value": .lastValue,
    ]

    /// Whether the function reads the frame (the others read the partition's order only).
    var usesFrame: Bool {
        switch self {
        case .firstValue, .lastValue, .aggregate: return true
        default: return false
        }
    }
}

/// A sort key of a window's ORDER BY, bound over the rows the window sees.
struct WindowOrderKey: Sendable, Hashable {
    let expression: BoundExpression
    let descending: Bool
    let nullsFirst: Bool
}

/// One window function call: `f(arguments) [FILTER (WHERE filter)] OVER (PARTITION BY … ORDER
/// BY … frame)`. Its expressions are bound over the relation the select list reads (the
/// source rows, or the groups of a grouped query), and its result is a column appended to it.
struct WindowFunctionPlan: Sendable, Hashable {
    let kind: WindowFunctionKind
    /// count(*): none.
    let arguments: [BoundExpression]
    let filter: BoundExpression?
    let partitionBy: [BoundExpression]
    let orderBy: [WindowOrderKey]
    let frame: WindowFrame
    let type: SQLType
    /// Canonical text, for EXPLAIN and column names.
    let text: String
    let span: SourceSpan
    /// count/sum/avg(DISTINCT x): each distinct value of the frame once.
    var distinct = false
    /// The quantile of quantile_cont/disc (0.5 for median), the separator of string_agg.
    var parameter: ScalarValue? = nil

    static func == (a: WindowFunctionPlan, b: WindowFunctionPlan) -> Bool {
        a.kind == b.kind && a.arguments == b.arguments && a.filter == b.filter && a.partitionBy == b.partitionBy
            && a.orderBy == b.orderBy && a.frame == b.frame && a.type == b.type && a.distinct == b.distinct && a.parameter == b.parameter
    }

    func hash(into hasher: inout Hasher) {
        hasher.combine(kind); hasher.combine(arguments); hasher.combine(partitionBy); hasher.combine(frame)
    }

    /// The frame SQL gives when none is written: with ORDER BY, from the partition's start to
    /// the current row and its peers; without, the whole partition.
    static func defaultFrame(ordered: Bool) -> WindowFrame {
        ordered ? WindowFrame(unit: .range, start: .unboundedPreceding, end: .currentRow)
                : WindowFrame(unit: .rows, start: .unboundedPreceding, end: .unboundedFollowing)
    }
}

/// The window operator: for each window function, its column over the selected rows. Rows are
/// sorted by (partition, order keys) once per function; every function then walks its
/// partitions in that order.
struct WindowOperator {
    let classNames: [String: String]
    let cancellation: Cancellation?

    func columns(_ windows: [WindowFunctionPlan], relation: Relation, selection: RowSelection) throws(Diagnostic) -> [Vector] {
        let evaluator = Evaluator(relation: relation, classNames: classNames)
        var out: [Vector] = []
        for w in windows {
            if cancellation?.isCancelled == true { throw Executor.cancelled }
            out.append(try column(w, evaluator: evaluator, selection: selection))
        }
        return out
    }

    private func column(_ w: WindowFunctionPlan, evaluator: Evaluator, selection: RowSelection) throws(Diagnostic) -> Vector {
        let n = selection.count
        // Partition ids, then the rows sorted by partition and the window's order.
        var partition = [Int32](repeating: 0, count: n)
        if !w.partitionBy.isEmpty, n > 0 {
            var keys: [Vector] = []
            for e in w.partitionBy { keys.append(try evaluator.evaluate(e, selection)) }
            partition = GroupIndex(types: w.partitionBy.map(\.type)).groupIDs(keys)
        }
        var orderVectors: [Vector] = []
        for k in w.orderBy { orderVectors.append(try evaluator.evaluate(k.expression, selection)) }
        let sortColumns = [Vector(.integer(partition.map { Int64($0) }), nulls: nil, count: n)] + orderVectors
        let sortKeys = [SortKey(column: 0, descending: false, nullsFirst: false)]
            + w.orderBy.enumerated().map { SortKey(column: $0.offset + 1, descending: $0.element.descending, nullsFirst: $0.element.nullsFirst) }
        let sorted = try Sorter.sortedRows(sortColumns, keys: sortKeys, count: n, cancellation: cancellation)
        // Peers: rows with equal order keys get one id (all rows are peers without ORDER BY).
        var peer = [Int32](repeating: 0, count: n)
        if !orderVectors.isEmpty, n > 0 { peer = GroupIndex(types: w.orderBy.map(\.expression.type)).groupIDs(orderVectors) }

        var arguments: [Vector] = []
        for a in w.arguments { arguments.append(try evaluator.evaluate(a, selection)) }
        var counted = [Bool](repeating: true, count: n)
        if let f = w.filter {
            let v = try evaluator.evaluate(f, selection)
            if case .boolean(let flags) = v.storage { for i in 0..<n { counted[i] = flags[i] && !v.isNull(i) } }
            else { counted = [Bool](repeating: false, count: n) }
        }

        var result = [ScalarValue](repeating: .null, count: n)
        var start = 0
        while start < n {
            var end = start + 1
            while end < n && partition[sorted[end]] == partition[sorted[start]] { end += 1 }
            let rows = Array(sorted[start..<end])
            try fill(w, rows: rows, peer: peer, arguments: arguments, counted: counted, rangeKey: orderVectors.first, into: &result)
            start = end
        }
        var builder = VectorBuilder(type: w.type)
        for v in result { builder.append(v) }
        return builder.build()
    }

    /// One partition: `rows` are its row positions in window order.
    private func fill(_ w: WindowFunctionPlan, rows: [Int], peer: [Int32], arguments: [Vector], counted: [Bool],
                      rangeKey: Vector?, into result: inout [ScalarValue]) throws(Diagnostic) {
        let m = rows.count
        // Where each row's peer group starts and ends (positions in `rows`).
        var peerStart = [Int](repeating: 0, count: m), peerEnd = [Int](repeating: m, count: m)
        var groupStart = 0
        for i in 0..<m {
            if i > 0 && peer[rows[i]] != peer[rows[i - 1]] { groupStart = i }
            peerStart[i] = groupStart
        }
        var groupEnd = m
        for i in stride(from: m - 1, through: 0, by: -1) {
            if i < m - 1 && peer[rows[i]] != peer[rows[i + 1]] { groupEnd = i + 1 }
            peerEnd[i] = groupEnd
        }
        switch w.kind {
        case .rowNumber:
            for i in 0..<m { result[rows[i]] = .integer(Int64(i + 1)) }
        case .rank:
            for i in 0..<m { result[rows[i]] = .integer(Int64(peerStart[i] + 1)) }
        case .denseRank:
            var dense: Int64 = 0
            for i in 0..<m {
                if i == 0 || peerStart[i] == i { dense += 1 }
                result[rows[i]] = .integer(dense)
            }
        case .ntile:
            for i in 0..<m {
                guard case .integer(let buckets) = arguments[0].scalar(at: rows[i]), buckets > 0 else {
                    if arguments[0].isNull(rows[i]) { continue }
                    throw Diagnostic(kind: .execution, message: "ntile() needs a positive number of buckets", span: w.span)
                }
                // The first m % buckets buckets hold one row more.
                let b = Int(min(buckets, Int64(m)))
                let size = m / b, larger = m % b
                let bucket = i < larger * (size + 1) ? i / (size + 1) : larger + (i - larger * (size + 1)) / max(size, 1)
                result[rows[i]] = .integer(Int64(bucket + 1))
            }
        case .lag, .lead:
            for i in 0..<m {
                var offset: Int64 = 1
                if arguments.count > 1 {
                    guard case .integer(let o) = arguments[1].scalar(at: rows[i]) else { continue }
                    offset = o
                }
                let (target, overflow) = w.kind == .lag ? i.subtractingReportingOverflow(Int(clamping: offset))
                                                        : i.addingReportingOverflow(Int(clamping: offset))
                if !overflow, target >= 0, target < m {
                    result[rows[i]] = FunctionCatalog.widen(arguments[0].scalar(at: rows[target]), to: w.type)
                } else if arguments.count > 2 {
                    result[rows[i]] = FunctionCatalog.widen(arguments[2].scalar(at: rows[i]), to: w.type)
                }
            }
        case .firstValue, .lastValue, .aggregate:
            var frames: RangeFrames?
            if w.frame.unit == .range, w.frame.hasOffset, let key = rangeKey, let (units, scale) = key.wideUnits {
                frames = RangeFrames(keys: rows.map { key.isNull($0) ? nil : units[$0] }, scale: scale,
                                     descending: w.orderBy.first?.descending ?? false)
            }
            try fillFrames(w, rows: rows, peerStart: peerStart, peerEnd: peerEnd, arguments: arguments, counted: counted,
                           rangeFrames: frames, into: &result)
        }
    }

    /// The frame of row i: positions lo..<hi of the partition (RANGE's CURRENT ROW takes the
    /// row's peers in).
    static func frame(_ f: WindowFrame, _ i: Int, _ m: Int, peerStart: [Int], peerEnd: [Int]) -> Range<Int> {
        func offset(_ n: Int64) -> Int { Int(min(n, Int64(Int32.max))) }
        let lo: Int, hi: Int
        switch f.start {
        case .unboundedPreceding: lo = 0
        case .currentRow: lo = f.unit == .range ? peerStart[i] : i
        case .preceding(let n): lo = i - offset(n)
        case .following(let n): lo = i + offset(n)
        case .unboundedFollowing: lo = m
        }
        switch f.end {
        case .unboundedPreceding: hi = 0
        case .currentRow: hi = f.unit == .range ? peerEnd[i] : i + 1
        case .preceding(let n): hi = i - offset(n) + 1
        case .following(let n): hi = i + offset(n) + 1
        case .unboundedFollowing: hi = m
        }
        let start = max(0, min(m, lo))
        return start..<max(start, min(m, hi))
    }

    private func fillFrames(_ w: WindowFunctionPlan, rows: [Int], peerStart: [Int], peerEnd: [Int], arguments: [Vector],
                            counted: [Bool], rangeFrames: RangeFrames?, into result: inout [ScalarValue]) throws(Diagnostic) {
        let m = rows.count
        let argument = arguments.first
        // Rows that count: FILTER true and (for an aggregate of x) x not NULL.
        let valid: [Bool] = rows.map { r in
            guard counted[r] else { return false }
            if case .aggregate = w.kind, let argument { return !argument.isNull(r) }
            return true
        }
        // Prefix counts and sums make each frame's count, sum and avg O(1).
        var prefixCount = [Int64](repeating: 0, count: m + 1)
        var prefixSum = [Int128](repeating: 0, count: m + 1)
        let units = argument.flatMap { $0.wideUnits?.0 }
        for i in 0..<m {
            prefixCount[i + 1] = prefixCount[i] + (valid[i] ? 1 : 0)
            var add: Int128 = 0
            if valid[i], let units { add = units[rows[i]] }
            let (s, o) = prefixSum[i].addingReportingOverflow(add)
            if o { throw Arithmetic.overflow(w.span) }
            prefixSum[i + 1] = s
        }
        let argumentScale = argument?.scaleOrZero ?? 0
        var runningBest: ScalarValue = .null
        var scanned = 0
        if case .aggregate(let kind) = w.kind, kind.collectsValues || w.distinct {
            // Over all the frame's values (statistics, DISTINCT): computed per distinct frame,
            // so a whole-partition frame is computed once.
            let spec = AggregateSpec(kind: kind, argument: nil, distinct: w.distinct, filter: nil, type: w.type, text: w.text, span: w.span,
                                     parameter: w.parameter)
            var last: (Range<Int>, ScalarValue)?
            for i in 0..<m {
                let range = rangeFrames?.frame(w.frame, i, peerStart: peerStart, peerEnd: peerEnd)
                    ?? WindowOperator.frame(w.frame, i, m, peerStart: peerStart, peerEnd: peerEnd)
                if let last, last.0 == range { result[rows[i]] = last.1; continue }
                var values = range.filter { valid[$0] }.map { argument?.scalar(at: rows[$0]) ?? .null }
                if w.distinct { var seen = Set<ScalarValue>(); values = values.filter { seen.insert($0).inserted } }
                let value = try WindowOperator.aggregate(spec, values)
                result[rows[i]] = value
                last = (range, value)
            }
            return
        }
        for i in 0..<m {
            let range = rangeFrames?.frame(w.frame, i, peerStart: peerStart, peerEnd: peerEnd)
                ?? WindowOperator.frame(w.frame, i, m, peerStart: peerStart, peerEnd: peerEnd)
            let row = rows[i]
            switch w.kind {
            case .firstValue:
                result[row] = range.isEmpty ? .null : FunctionCatalog.widen(argument?.scalar(at: rows[range.lowerBound]) ?? .null, to: w.type)
            case .lastValue:
                result[row] = range.isEmpty ? .null : FunctionCatalog.widen(argument?.scalar(at: rows[range.upperBound - 1]) ?? .null, to: w.type)
            case .aggregate(let kind):
                let count = prefixCount[range.upperBound] - prefixCount[range.lowerBound]
                switch kind {
                case .count, .grouping, .median, .quantile_cont, .quantile_disc, .variance, .stddev, .string_agg:
                    // (Only count reaches here: the binder refuses the others as windows.)
                    result[row] = .integer(count)
                case .sum:
                    guard count > 0 else { result[row] = .null; continue }
                    let total = prefixSum[range.upperBound] - prefixSum[range.lowerBound]
                    if case .decimal(let s) = w.type {
                        result[row] = Int64(exactly: total).map { .decimal($0, scale: s) } ?? .wideDecimal(total, scale: s)
                    } else {
                        result[row] = Int64(exactly: total).map { .integer($0) } ?? .wideDecimal(total, scale: 0)
                    }
                case .avg:
                    guard count > 0 else { result[row] = .null; continue }
                    let total = prefixSum[range.upperBound] - prefixSum[range.lowerBound]
                    let (numerator, o) = total.multipliedReportingOverflow(by: Arithmetic.power128(w.type.scale - argumentScale))
                    if o { throw Arithmetic.overflow(w.span) }
                    let d = Int128(count)
                    var (q, r) = numerator.quotientAndRemainder(dividingBy: d)
                    if r.magnitude * 2 >= d.magnitude { q += numerator < 0 ? -1 : 1 }
                    result[row] = Int64(exactly: q).map { .decimal($0, scale: w.type.scale) } ?? .wideDecimal(q, scale: w.type.scale)
                case .min, .max:
                    // A frame from the partition's start only grows: carry the best so far.
                    // Other frames are scanned (they are short in practice: n PRECEDING).
                    if w.frame.start != .unboundedPreceding { runningBest = .null; scanned = range.lowerBound }
                    while scanned < range.upperBound {
                        if valid[scanned] {
                            let v = argument?.scalar(at: rows[scanned]) ?? .null
                            if runningBest == .null { runningBest = v }
                            else if let c = ScalarCompare.order(v, runningBest), kind == .min ? c < 0 : c > 0 { runningBest = v }
                        }
                        scanned += 1
                    }
                    result[row] = runningBest
                }
            default:
                break
            }
        }
    }
}

extension WindowOperator {
    /// One aggregate over a frame's values (NULLs already left out).
    static func aggregate(_ spec: AggregateSpec, _ values: [ScalarValue]) throws(Diagnostic) -> ScalarValue {
        if spec.kind.collectsValues {
            return try StatisticAggregates.finish(spec, [values.map { StatisticAggregates.Entry(value: $0, keys: []) }]).scalar(at: 0)
        }
        if spec.kind == .count { return .integer(Int64(values.count)) }
        guard !values.isEmpty else { return .null }
        var total: Int128 = 0
        var scale = 0
        for v in values {
            guard let d = NumberFunctions.decimal(v) else { continue }
            scale = d.scale
            let (t, o) = total.addingReportingOverflow(d.units)
            if o { throw Arithmetic.overflow(spec.span) }
            total = t
        }
        if spec.kind == .sum { return NumberFunctions.scalar(total, scale: scale, type: spec.type) }
        // avg: the sum over the count, rounded half away from zero at the result's places.
        let (numerator, o) = total.multipliedReportingOverflow(by: Arithmetic.power128(spec.type.scale - scale))
        if o { throw Arithmetic.overflow(spec.span) }
        let d = Int128(values.count)
        var (q, r) = numerator.quotientAndRemainder(dividingBy: d)
        if r.magnitude * 2 >= d.magnitude { q += numerator < 0 ? -1 : 1 }
        return NumberFunctions.scalar(q, scale: spec.type.scale, type: spec.type)
    }
}

extension WindowFrame {
    /// RANGE with n PRECEDING or FOLLOWING: the frame is by the ORDER BY value, not by rows.
    var hasOffset: Bool {
        switch (start, end) {
        case (.preceding, _), (.following, _), (_, .preceding), (_, .following): return true
        default: return false
        }
    }
}

/// RANGE frames with an offset, over one numeric ORDER BY key: the rows whose key lies within
/// n of the current row's (n in the key's units: RANGE 1 PRECEDING over years is the year
/// before). The partition is sorted by the key, so each bound is a binary search. A NULL key's
/// frame is its NULL peers.
struct RangeFrames {
    /// The key of each row in partition order (nil: NULL), in units at `scale`.
    let keys: [Int128?]
    let scale: Int
    let descending: Bool

    func frame(_ f: WindowFrame, _ i: Int, peerStart: [Int], peerEnd: [Int]) -> Range<Int>? {
        let m = keys.count
        guard let k = keys[i] else { return peerStart[i]..<peerEnd[i] }
        let unit = Arithmetic.power128(scale)
        // Rows with a key are contiguous (NULLs sort to one end); search only among them.
        let valued = (keys.firstIndex { $0 != nil } ?? 0)..<((keys.lastIndex { $0 != nil } ?? -1) + 1)
        // Position of the first valued row whose key is past `bound` in the order's direction
        // (strictly past when `strict`).
        func firstPast(_ bound: Int128, strict: Bool) -> Int {
            var lo = valued.lowerBound, hi = valued.upperBound
            while lo < hi {
                let mid = (lo + hi) / 2
                let key = keys[mid] ?? 0
                let past = descending ? (strict ? key < bound : key <= bound) : (strict ? key > bound : key >= bound)
                if past { hi = mid } else { lo = mid + 1 }
            }
            return lo
        }
        // A key `n` before the current one in the order's direction.
        func shifted(_ n: Int64, before: Bool) -> Int128 {
            let d = Int128(n) * unit
            return (before != descending) ? k - d : k + d
        }
        let lo: Int, hi: Int
        switch f.start {
        case .unboundedPreceding: lo = 0
        case .currentRow: lo = peerStart[i]
        case .preceding(let n): lo = firstPast(shifted(n, before: true), strict: false)
        case .following(let n): lo = firstPast(shifted(n, before: false), strict: false)
        case .unboundedFollowing: lo = m
        }
        switch f.end {
        case .unboundedPreceding: hi = 0
        case .currentRow: hi = peerEnd[i]
        case .preceding(let n): hi = firstPast(shifted(n, before: true), strict: true)
        case .following(let n): hi = firstPast(shifted(n, before: false), strict: true)
        case .unboundedFollowing: hi = m
        }
        let start = max(0, min(m, lo))
        return start..<max(start, min(m, hi))
    }
}
