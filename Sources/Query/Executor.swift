import Store

/// Runs a plan: source -> filter (batches, selection vectors) -> hash aggregation -> HAVING ->
/// projection -> pivot -> DISTINCT -> sort -> limit. Checks for cancellation between batches.
struct Executor {
    let classNames: [String: String]
    let cancellation: Cancellation?
    /// Worker threads and morsel size for scans, filters and aggregation.
    var parallelism: Parallelism = .serial

    static let batchSize = 4096
    static let cancelled = Diagnostic(kind: .execution, message: "query cancelled", span: nil)

    /// A part's output: the columns (visible first, then hidden sort keys), names and types.
    struct Output {
        var columns: [Vector]
        var names: [String]
        var types: [SQLType]
        var visibleCount: Int
        var rowCount: Int
    }

    func run(_ plan: QueryPlan) throws(Diagnostic) -> QueryResult {
        let out = try runVectors(plan)
        let places = Executor.quotientPlaces(plan, width: out.columns.count)
        // Boxing every cell is the largest allocation of a big result: check between batches.
        var rows: [[Value]] = []
        rows.reserveCapacity(out.rowCount)
        for r in 0..<out.rowCount {
            if r % Executor.batchSize == 0 { try checkCancelled() }
            var row = out.columns.map { $0.value(at: r) }
            for (c, minimum) in places.enumerated() {
                if let minimum, case .decimal(let d) = row[c] { row[c] = .decimal(Executor.trimmed(d, minimum: minimum)) }
            }
            rows.append(row)
        }
        return QueryResult(columns: out.names, types: out.types.map(\.columnType), rows: rows)
    }

    /// Per result column, the fewest places a quotient column prints with (nil: the column's
    /// own places). A PIVOT's columns are rearranged, so its quotients keep their 18 places.
    static func quotientPlaces(_ plan: QueryPlan, width: Int) -> [Int?] {
        guard plan.parts.allSatisfy({ $0.pivot == nil }) else { return [Int?](repeating: nil, count: width) }
        return (0..<width).map { c in
            let places = plan.parts.compactMap { part -> (Int?, SQLType)? in
                guard c < part.visibleCount else { return nil }
                return (part.quotientDisplayScale(part.outputs[c]), part.outputs[c].type)
            }
            guard places.contains(where: { $0.0 != nil }) else { return nil }
            return places.map { $0.0 ?? $0.1.scale }.max()
        }
    }

    /// `d` without trailing zero places, keeping at least `minimum`.
    static func trimmed(_ d: ExactDecimal, minimum: Int) -> ExactDecimal {
        var units = d.units, scale = d.scale
        while scale > minimum && units % 10 == 0 { units /= 10; scale -= 1 }
        return ExactDecimal(units: units, scale: scale)
    }

    /// The query's result as column vectors (visible columns only, sorted and limited).
    func runVectors(_ plan: QueryPlan) throws(Diagnostic) -> Output {
        if plan.parts.count == 1, let part = plan.parts.first {
            let out = try runSelect(part)
            var order = Array(0..<out.rowCount)
            var keys = plan.order
            if part.pivot != nil, keys.isEmpty {
                keys = (0..<(part.pivot?.rowColumns.count ?? 0)).map { SortKey(column: $0, descending: false, nullsFirst: false) }
            }
            for (k, wanted) in part.pivot?.orderNames ?? [:] where k < keys.count {
                guard let c = out.names.firstIndex(where: { $0.lowercased() == wanted.name.lowercased() }) else {
                    var message = "ORDER BY \(wanted.name): the pivot made no such column"
                    if let s = Suggestions.closest(to: wanted.name, among: out.names) { message += "; did you mean \"\(s)\"?" }
                    throw Diagnostic(kind: .name, message: message, span: wanted.span, hints: ["its columns: " + out.names.joined(separator: ", ")])
                }
                keys[k] = SortKey(column: c, descending: keys[k].descending, nullsFirst: keys[k].nullsFirst)
            }
            if let bad = keys.first(where: { $0.column >= out.columns.count }) {
                throw Diagnostic(kind: .name, message: "ORDER BY position \(bad.column + 1) is not in the result (it has \(out.columns.count) columns)", span: nil)
            }
            if !keys.isEmpty {
                let wanted = plan.limit.map { $0.addingReportingOverflow(plan.offset).overflow ? Int.max : $0 + plan.offset }
                order = try Sorter.sortedRows(out.columns, keys: keys, count: out.rowCount, first: wanted, cancellation: cancellation,
                                              parallelism: parallelism)
            }
            let window = Executor.window(order.count, limit: plan.limit, offset: plan.offset)
            let kept = order[window].map { Int32($0) }
            let columns = out.columns.prefix(out.visibleCount).map { $0.gathering(kept) }
            return Output(columns: columns, names: Array(out.names.prefix(out.visibleCount)),
                          types: Array(out.types.prefix(out.visibleCount)), visibleCount: out.visibleCount, rowCount: kept.count)
        }
        // UNION ALL: parts are concatenated; other set operations compare whole rows. Then
        // the result is sorted and limited as a whole.
        var outputs: [Output] = []
        for part in plan.parts { outputs.append(try runSelect(part)) }
        try checkCancelled()
        let width = outputs[0].visibleCount
        var types: [SQLType] = outputs[0].types.prefix(width).map { $0 }
        guard outputs.allSatisfy({ $0.visibleCount == width && $0.types.count >= width }) else {
            throw Diagnostic(kind: .type, message: "UNION ALL parts must have the same number of columns", span: nil)
        }
        for o in outputs.dropFirst() {
            for c in 0..<width { types[c] = SQLType.common(types[c], o.types[c]) ?? types[c] }
        }
        var builders = types.map { VectorBuilder(type: $0) }
        var total = 0
        if (1..<plan.parts.count).allSatisfy({ plan.operatorBefore($0) == .unionAll }) {
            for o in outputs {
                for r in 0..<o.rowCount {
                    for c in 0..<width { builders[c].append(FunctionCatalog.widen(o.columns[c].scalar(at: r), to: types[c])) }
                }
                total += o.rowCount
            }
        } else {
            let rows = try SetOperations.combine(outputs.map { o in
                (0..<o.rowCount).map { r in (0..<width).map { c in FunctionCatalog.widen(o.columns[c].scalar(at: r), to: types[c]) } }
            }, operators: (1..<plan.parts.count).map { plan.operatorBefore($0) }, cancellation: cancellation)
            for row in rows { for c in 0..<width { builders[c].append(row[c]) } }
            total = rows.count
        }
        let columns = builders.map { $0.build() }
        var order = Array(0..<total)
        if !plan.order.isEmpty { order = try Sorter.sortedRows(columns, keys: plan.order, count: total, cancellation: cancellation, parallelism: parallelism) }
        let window = Executor.window(order.count, limit: plan.limit, offset: plan.offset)
        let kept = order[window].map { Int32($0) }
        return Output(columns: columns.map { $0.gathering(kept) }, names: Array(outputs[0].names.prefix(width)), types: types,
                      visibleCount: width, rowCount: kept.count)
    }

    static func window(_ count: Int, limit: Int?, offset: Int) -> Range<Int> {
        let start = min(count, offset)
        let end = limit.map { min(count, start.addingReportingOverflow($0).overflow ? count : start + $0) } ?? count
        return start..<end
    }

    // MARK: one SELECT

    func runSelect(_ plan: SelectPlan) throws(Diagnostic) -> Output {
        // Subqueries in expressions run first, once each; their values take their place.
        var plan = try plan.mapExpressions { (e) throws(Diagnostic) in try runSubqueries(e) }
        var relation = try source(plan.source, filteredBy: plan.filter)
        // Correlated subqueries: a column of values per source row, read like any other.
        (plan, relation) = try CorrelatedSubqueries(executor: self).attach(plan, relation)
        let filter = plan.filter.map { Specializer.specialize($0, relation, classNames: classNames) }
        let evaluator = Evaluator(relation: relation, classNames: classNames)

        var outputRelation: Relation
        var outputSelection: RowSelection
        if let aggregate = plan.aggregate {
            outputRelation = aggregate.groupingSets == nil
                ? try aggregateRows(aggregate, relation: relation, filter: filter, evaluator: evaluator)
                : try aggregateGroupingSets(aggregate, relation: relation, filter: filter, evaluator: evaluator)
            outputSelection = .range(0..<outputRelation.rowCount)
            if let having = plan.having {
                outputSelection = try Evaluator(relation: outputRelation, classNames: classNames).filter(having, outputSelection)
            }
        } else {
            outputRelation = relation
            outputSelection = try filteredRows(filter, relation: relation, evaluator: evaluator)
        }
        if !plan.windows.isEmpty {
            // Window results become columns after the rows' own: the outputs read both.
            let windowColumns = try WindowOperator(classNames: classNames, cancellation: cancellation)
                .columns(plan.windows, relation: outputRelation, selection: outputSelection)
            let own = (0..<outputRelation.columns.count).map { outputRelation.gather($0, outputSelection) }
            outputRelation = Relation(vectors: own + windowColumns, rowCount: outputSelection.count)
            outputSelection = .range(0..<outputSelection.count)
        }
        let projector = Evaluator(relation: outputRelation, classNames: classNames)
        var columns: [Vector] = []
        for e in plan.outputs {
            try checkCancelled()
            let specialized = plan.aggregate == nil ? Specializer.specialize(e, outputRelation, classNames: classNames) : e
            columns.append(try projector.evaluate(specialized, outputSelection))
        }
        var output = Output(columns: columns, names: plan.names, types: plan.outputs.map(\.type),
                            visibleCount: plan.visibleCount, rowCount: outputSelection.count)
        try checkCancelled()
        if let pivot = plan.pivot { output = Pivot.apply(pivot, output) }
        if plan.distinct { output = Executor.distinct(output) }
        try checkCancelled()
        return output
    }

    /// `e` with each subquery replaced by its result: a scalar subquery by its value (NULL for
    /// no row, an error for more than one), IN (SELECT …) by the list of its values, EXISTS by
    /// whether it has a row.
    func runSubqueries(_ e: BoundExpression) throws(Diagnostic) -> BoundExpression {
        guard e.containsSubquery else { return e }
        switch e {
        case .scalarSubquery(let q, _) where q.isCorrelated, .exists(let q) where q.isCorrelated:
            return e  // runs once per outer row: CorrelatedSubqueries
        case .inSubquery(let x, let q, let negated) where q.isCorrelated:
            return .inSubquery(try runSubqueries(x), q, negated: negated)
        case .scalarSubquery(let q, let type):
            let out = try runVectors(q.plan)
            guard out.rowCount <= 1 else {
                throw Diagnostic(kind: .execution, message: "a subquery used as a value returned \(out.rowCount) rows (at most 1)", span: q.span,
                                 hints: ["aggregate it (SELECT max(…)), add LIMIT 1, or compare with IN (SELECT …)"])
            }
            let value = out.rowCount == 0 || out.columns.isEmpty ? ScalarValue.null : out.columns[0].scalar(at: 0)
            return .constant(FunctionCatalog.widen(value, to: type), type)
        case .inSubquery(let x, let q, let negated):
            let out = try runVectors(q.plan)
            var seen = Set<ScalarValue>()
            var items: [BoundExpression] = []
            if let column = out.columns.first {
                for r in 0..<out.rowCount {
                    let v = FunctionCatalog.widen(column.scalar(at: r), to: x.type)
                    if seen.insert(v).inserted { items.append(.constant(v, v == .null ? .null : x.type)) }
                }
            }
            return .inList(try runSubqueries(x), items, negated: negated)
        case .exists(let q):
            var plan = q.plan
            plan.limit = 1
            return .constant(.boolean(try runVectors(plan).rowCount > 0), .boolean)
        default:
            var failure: Diagnostic?
            let rewritten = e.replacingChildren { child in
                if failure != nil { return child }
                do throws(Diagnostic) { return try runSubqueries(child) } catch { failure = error; return child }
            }
            if let failure { throw failure }
            return rewritten
        }
    }

    /// The rows a SELECT reads: its FROM; or none of them when its WHERE is false whatever the
    /// row (a conjunct that reads no column, decided once here), so a join is not built only to
    /// be filtered away (a constant-false WHERE over a large join took seconds).
    func source(_ plan: SourcePlan, filteredBy filter: BoundExpression?) throws(Diagnostic) -> Relation {
        guard let filter else { return try source(plan) }
        let oneRow = Evaluator(relation: Relation(vectors: [], rowCount: 1), classNames: classNames)
        for conjunct in Binder.conjuncts(filter) where conjunct.columnsUsed.isEmpty && !conjunct.containsSubquery {
            if try oneRow.filter(conjunct, .range(0..<1)).count == 0 { return try source(plan, empty: true) }
        }
        return try source(plan)
    }

    /// `empty`: the relation's columns with no rows (its tables are not read, its joins not built).
    func source(_ plan: SourcePlan, empty: Bool = false) throws(Diagnostic) -> Relation {
        switch plan {
        case .scan(let table, _):
            var relation = Relation(table: table)
            if empty { relation.rowCount = 0 }
            return relation
        case .singleRow: return Relation(vectors: [], rowCount: empty ? 0 : 1)
        case .derived(let plan, _, _):
            let out = try runVectors(plan)
            try checkCancelled()
            return Relation(vectors: out.columns, rowCount: empty ? 0 : out.rowCount)
        case .join(let kind, let l, let r, let lk, let rk, let residual):
            let left = try source(l, empty: empty), right = try source(r, empty: empty)
            try checkCancelled()
            var join = HashJoin(kind: kind, leftKeys: lk.map { Specializer.specialize($0, left, classNames: classNames) },
                                rightKeys: rk.map { Specializer.specialize($0, right, classNames: classNames) },
                                residual: residual, classNames: classNames, cancellation: cancellation)
            join.parallelism = parallelism
            return try join.run(left: left, right: right)
        }
    }

    private func checkCancelled() throws(Diagnostic) {
        if cancellation?.isCancelled == true { throw Executor.cancelled }
    }

    /// All rows passing the filter, found morsel by morsel across the workers and joined in
    /// table order (the order one thread finds them in).
    private func filteredRows(_ filter: BoundExpression?, relation: Relation, evaluator: Evaluator) throws(Diagnostic) -> RowSelection {
        guard let filter else { return .range(0..<relation.rowCount) }
        let runs = try MorselScheduler(rowCount: relation.rowCount, parallelism: parallelism, cancellation: cancellation)
            .runs(start: { [Int32]() }) { (rows, batch) throws(Diagnostic) in
                if case .rows(let kept) = try evaluator.filter(filter, .range(batch)) { rows += kept }
            }
        if runs.count == 1, let only = runs.first { return .rows(only.state) }
        var rows: [Int32] = []
        rows.reserveCapacity(runs.reduce(0) { $0 + $1.state.count })
        for run in runs { rows += run.state }
        return .rows(rows)
    }

    /// Hash aggregation across the workers (ParallelAggregation). The result has the key
    /// columns, then the aggregates, one row per group, in the order the groups first appear.
    private func aggregateRows(_ plan: AggregatePlan, relation: Relation, filter: BoundExpression?, evaluator: Evaluator) throws(Diagnostic) -> Relation {
        try ParallelAggregation(plan: plan, relation: relation, filter: filter, classNames: classNames,
                                parallelism: parallelism, cancellation: cancellation).run()
    }

    /// ROLLUP, CUBE, GROUPING SETS: one hash aggregation per grouping, by its keys only; the
    /// rows are concatenated in the order of the groupings, with the keys a grouping leaves
    /// out NULL and grouping() the bits of the arguments left out (the first argument highest).
    private func aggregateGroupingSets(_ plan: AggregatePlan, relation: Relation, filter: BoundExpression?,
                                       evaluator: Evaluator) throws(Diagnostic) -> Relation {
        let sets = plan.groupingSets ?? [Array(plan.keys.indices)]
        var builders = plan.keys.map { VectorBuilder(type: $0.type) } + plan.aggregates.map { VectorBuilder(type: $0.type) }
        var total = 0
        for set in sets {
            try checkCancelled()
            let part = try aggregateRows(AggregatePlan(keys: set.map { plan.keys[$0] }, aggregates: plan.aggregates),
                                         relation: relation, filter: filter, evaluator: evaluator)
            let columns = (0..<part.columns.count).map { part.gather($0, .range(0..<part.rowCount)) }
            for r in 0..<part.rowCount {
                for k in plan.keys.indices {
                    builders[k].append(set.firstIndex(of: k).map { columns[$0].scalar(at: r) } ?? .null)
                }
                for (a, spec) in plan.aggregates.enumerated() {
                    if spec.kind == .grouping {
                        var bits: Int64 = 0
                        for k in spec.groupingKeys { bits = bits << 1 | (set.contains(k) ? 0 : 1) }
                        builders[plan.keys.count + a].append(.integer(bits))
                    } else {
                        builders[plan.keys.count + a].append(columns[set.count + a].scalar(at: r))
                    }
                }
            }
            total += part.rowCount
        }
        return Relation(vectors: builders.map { $0.build() }, rowCount: total)
    }

    /// SELECT DISTINCT: the first row of each distinct visible tuple.
    static func distinct(_ output: Output) -> Output {
        guard output.rowCount > 0 else { return output }
        let index = GroupIndex(types: Array(output.types.prefix(output.visibleCount)))
        let ids = output.visibleCount == 0 ? [Int32](repeating: 0, count: output.rowCount) : index.groupIDs(Array(output.columns.prefix(output.visibleCount)))
        var seen = Set<Int32>()
        var keep: [Int32] = []
        for (r, id) in ids.enumerated() where seen.insert(id).inserted { keep.append(Int32(r)) }
        var out = output
        out.columns = output.columns.map { $0.gathering(keep) }
        out.rowCount = keep.count
        return out
    }
}

/// Rewrites parts of an expression that read only one dictionary-encoded text column into a
/// lookup table computed once per dictionary entry (`name LIKE '%就业%'` is decided 2,000
/// times, not 10 million).
enum Specializer {
    static func specialize(_ e: BoundExpression, _ relation: Relation, classNames: [String: String]) -> BoundExpression {
        if case .column = e { return e }
        if case .constant = e { return e }
        if case .dictionaryLookup = e { return e }
        let used = e.columnsUsed
        if used.count == 1, let c = used.first, !e.containsShare, let dictionary = relation.dictionary(of: c),
           dictionary.count <= max(relation.rowCount, 1) {
            // One entry per dictionary word, plus a last one for NULL (so IS NULL and coalesce
            // keep their meaning).
            var entries = relation
            let n = dictionary.count + 1
            let codes = (0..<n).map { UInt32($0 < dictionary.count ? $0 : 0) }
            let nulls = (0..<n).map { $0 == dictionary.count }
            entries.columns[c] = .computed(Vector(.text(codes, dictionary: dictionary.isEmpty ? [""] : dictionary), nulls: nulls, count: n))
            entries.rowCount = n
            if let table = try? Evaluator(relation: entries, classNames: classNames).evaluate(e, .range(0..<n)) {
                return .dictionaryLookup(column: c, table: table, e.type, original: e.description)
            }
            return e
        }
        return e.replacingChildren { specialize($0, relation, classNames: classNames) }
    }
}

/// ORDER BY over result columns: a stable sort of row numbers.
enum Sorter {
    /// The first `first` rows in order (all when nil). A small LIMIT keeps only the best rows
    /// seen so far instead of sorting everything.
    /// `cancellation` is looked up every 65,536 comparisons; a cancelled sort throws.
    static func sortedRows(_ columns: [Vector], keys: [SortKey], count: Int, first: Int? = nil,
                           cancellation: Cancellation? = nil, parallelism: Parallelism = .serial) throws(Diagnostic) -> [Int] {
        let comparators: [(Int, Int) -> Int] = keys.map { key in
            let v = columns[key.column]
            let base: (Int, Int) -> Int
            switch v.storage {
            case .integer(let x), .decimal(let x, _): base = { x[$0] < x[$1] ? -1 : x[$0] > x[$1] ? 1 : 0 }
            case .wideDecimal(let x, _): base = { x[$0] < x[$1] ? -1 : x[$0] > x[$1] ? 1 : 0 }
            case .boolean(let x): base = { x[$0] == x[$1] ? 0 : (!x[$0] ? -1 : 1) }
            case .text(let codes, let dictionary):
                // Rank the dictionary once, then compare ranks.
                let order = dictionary.indices.sorted { Comparison.compareText(dictionary[$0], dictionary[$1]) < 0 }
                var rank = [Int](repeating: 0, count: dictionary.count)
                for (r, i) in order.enumerated() { rank[i] = r }
                base = { rank[Int(codes[$0])] - rank[Int(codes[$1])] }
            }
            return { a, b in
                let na = v.isNull(a), nb = v.isNull(b)
                if na || nb {
                    if na && nb { return 0 }
                    return na == key.nullsFirst ? -1 : 1
                }
                let c = base(a, b)
                return key.descending ? -c : c
            }
        }
        let before: (Int, Int) -> Bool = { a, b in
            for c in comparators {
                let r = c(a, b)
                if r != 0 { return r < 0 }
            }
            return a < b
        }
        if let k = first, k < 1_000, k < count / 4 {
            guard k > 0 else { return [] }
            var best: [Int] = []
            best.reserveCapacity(k + 1)
            for row in 0..<count {
                if row & 0xFFFF == 0, cancellation?.isCancelled == true { throw Executor.cancelled }
                if best.count == k, let worst = best.last, !before(row, worst) { continue }
                var lo = 0, hi = best.count
                while lo < hi {
                    let mid = (lo + hi) / 2
                    if before(best[mid], row) { lo = mid + 1 } else { hi = mid }
                }
                best.insert(row, at: lo)
                if best.count > k { best.removeLast() }
            }
            return best
        }
        if parallelism.threads > 1, count >= 2 * min(ParallelSort.minimumRows, parallelism.morselRows) {
            return try ParallelSort.sortedRows(count, before: before, parallelism: parallelism, cancellation: cancellation)
        }
        guard let cancellation else { return (0..<count).sorted(by: before) }
        var comparisons = 0
        do {
            return try (0..<count).sorted { a, b in
                comparisons &+= 1
                if comparisons & 0xFFFF == 0, cancellation.isCancelled { throw Executor.cancelled }
                return before(a, b)
            }
        } catch {
            throw Executor.cancelled
        }
    }
}

/// PIVOT BY: one row per distinct row key, one column per pivot value (and value column).
/// Cells with no group are NULL, except a count's, which is 0.
enum Pivot {
    static func apply(_ plan: PivotPlan, _ output: Executor.Output) -> Executor.Output {
        let pivotColumn = output.columns[plan.pivotColumn]
        // Pivot values, sorted (NULL last).
        var values: [ScalarValue] = []
        var valueIndex: [ScalarValue: Int] = [:]
        for r in 0..<output.rowCount {
            let v = pivotColumn.scalar(at: r)
            if valueIndex[v] == nil { valueIndex[v] = values.count; values.append(v) }
        }
        values.sort { a, b in
            if a == .null { return false }
            if b == .null { return true }
            return (ScalarCompare.order(a, b) ?? 0) < 0
        }
        for (i, v) in values.enumerated() { valueIndex[v] = i }
        var rowKeys: [[ScalarValue]] = []
        var rowIndex: [[ScalarValue]: Int] = [:]
        var cells: [[Int: Int]] = []  // per result row: pivot value index -> source row
        for r in 0..<output.rowCount {
            let key = plan.rowColumns.map { output.columns[$0].scalar(at: r) }
            let row: Int
            if let existing = rowIndex[key] { row = existing } else {
                row = rowKeys.count
                rowIndex[key] = row
                rowKeys.append(key)
                cells.append([:])
            }
            cells[row][valueIndex[pivotColumn.scalar(at: r)] ?? 0] = r
        }
        var names = plan.rowColumns.map { output.names[$0] }
        var types = plan.rowColumns.map { output.types[$0] }
        var builders = plan.rowColumns.map { VectorBuilder(type: output.types[$0]) }
        for key in rowKeys { for (k, v) in key.enumerated() { builders[k].append(v) } }
        for (vi, v) in values.enumerated() {
            let label = v == .null ? "NULL" : v.value.description
            for c in plan.valueColumns {
                names.append(plan.valueColumns.count == 1 ? label : "\(label)_\(output.names[c])")
                types.append(output.types[c])
                var b = VectorBuilder(type: output.types[c])
                for row in 0..<rowKeys.count {
                    if let source = cells[row][vi] { b.append(output.columns[c].scalar(at: source)) }
                    else { b.append(plan.zeroWhenMissing.contains(c) ? .integer(0) : .null) }
                }
                builders.append(b)
            }
        }
        return Executor.Output(columns: builders.map { $0.build() }, names: names, types: types, visibleCount: names.count, rowCount: rowKeys.count)
    }
}
