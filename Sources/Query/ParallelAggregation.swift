/// Hash aggregation across the workers: each run of morsels (MorselScheduler) fills its own
/// partial table (its groups and accumulators), and the partials are merged in row order, so
/// the groups come out in the order one thread would make them and exact sums stay exact
/// (sums of 128-bit units added once more). With one thread there is one partial and no merge.
struct ParallelAggregation {
    let plan: AggregatePlan
    let relation: Relation
    let filter: BoundExpression?
    let classNames: [String: String]
    let parallelism: Parallelism
    let cancellation: Cancellation?

    /// The aggregate's inputs with text predicates decided once per dictionary entry; shared,
    /// read-only, by every partial.
    struct Inputs {
        let keys: [BoundExpression]
        let arguments: [BoundExpression?]
        let filters: [BoundExpression?]
        let orders: [[BoundExpression]]
    }

    /// The key columns, then the aggregates, one row per group.
    func run() throws(Diagnostic) -> Relation {
        let inputs = Inputs(
            keys: plan.keys.map { Specializer.specialize($0, relation, classNames: classNames) },
            arguments: plan.aggregates.map { $0.argument.map { Specializer.specialize($0, relation, classNames: classNames) } },
            filters: plan.aggregates.map { $0.filter.map { Specializer.specialize($0, relation, classNames: classNames) } },
            orders: plan.aggregates.map { $0.orderBy.map { Specializer.specialize($0.expression, relation, classNames: classNames) } })
        // DISTINCT aggregates keep their values by interned ids that are not comparable across
        // partials: they run on one thread.
        let workers = plan.aggregates.contains(where: \.distinct) ? Parallelism(threads: 1, morselRows: parallelism.morselRows) : parallelism
        let scheduler = MorselScheduler(rowCount: relation.rowCount, parallelism: workers, cancellation: cancellation)
        if let single = try fusedSingleGroup(inputs, scheduler) { return single }
        let evaluator = Evaluator(relation: relation, classNames: classNames)
        let add = { (partial: inout PartialAggregation, rows: Range<Int>) throws(Diagnostic) in
            try partial.add(rows, filter: filter, evaluator: evaluator, relation: relation)
        }
        // Merging costs a lookup per group per partial: where groups are nearly as many as rows
        // (per-item totals, PERF Q4) it would cost what the workers saved. The first morsel
        // tells: it runs here, and when its rows made more than one group in four, the rest
        // continues on one thread into the same partial.
        let first = PartialAggregation(plan: plan, inputs: inputs)
        var rest = scheduler
        if !inputs.keys.isEmpty, workers.threads > 1, relation.rowCount > 2 * workers.morselRows {
            let probe = 0..<workers.morselRows
            var probed = first  // the same partial (a class): filled here, continued below
            for start in stride(from: 0, to: probe.upperBound, by: Executor.batchSize) {
                if cancellation?.isCancelled == true { throw Executor.cancelled }
                try add(&probed, start..<min(probe.upperBound, start + Executor.batchSize))
            }
            let rows = probe.upperBound..<relation.rowCount
            if first.index.groupCount * 4 > first.rowsAdded {
                rest = MorselScheduler(rows: rows, parallelism: Parallelism(threads: 1, morselRows: workers.morselRows), cancellation: cancellation)
                _ = try rest.runs(start: { first }, process: add)
                return try first.finish()
            }
            rest = MorselScheduler(rows: rows, parallelism: workers, cancellation: cancellation)
        }
        var runs = try rest.runs(start: { PartialAggregation(plan: plan, inputs: inputs) }, process: add)
        if rest.rows.lowerBound > 0 {
            runs.insert(MorselScheduler.Run(rows: 0..<rest.rows.lowerBound, state: first), at: 0)
        }
        guard let merged = runs.first?.state else { return try first.finish() }
        for run in runs.dropFirst() {
            if cancellation?.isCancelled == true { throw Executor.cancelled }
            try merged.merge(run.state)
        }
        return try merged.finish()
    }

    /// sum/count WHERE column op constant, nothing else (PERF Q1): one fused pass per batch,
    /// each run keeping 128-bit partial sums. nil when the query is not of that shape.
    private func fusedSingleGroup(_ inputs: Inputs, _ scheduler: MorselScheduler) throws(Diagnostic) -> Relation? {
        guard inputs.keys.isEmpty, let filter, !plan.aggregates.isEmpty else { return nil }
        let fits = plan.aggregates.indices.allSatisfy { a in
            let spec = plan.aggregates[a]
            return inputs.filters[a] == nil && !spec.distinct
                && ((spec.kind == .count && spec.argument == nil) || ((spec.kind == .sum || spec.kind == .avg) && spec.type != .integer))
                && FastPaths.filteredSum(filter, inputs.arguments[a], relation, 0..<0) != nil
        }
        guard fits else { return nil }
        let zero = [(Int128, Int)](repeating: (0, 0), count: plan.aggregates.count)
        let runs = try scheduler.runs(start: { zero }) { (totals, rows) throws(Diagnostic) in
            for a in totals.indices {
                guard let (sum, count) = FastPaths.filteredSum(filter, inputs.arguments[a], relation, rows) else {
                    throw Diagnostic(kind: .execution, message: "internal: fused aggregation changed shape mid-scan", span: nil)
                }
                totals[a].0 &+= sum
                totals[a].1 &+= count
            }
        }
        let accumulators = plan.aggregates.map { AggregateAccumulator(spec: $0) }
        for run in runs {
            for (a, total) in run.state.enumerated() { accumulators[a].addSingleGroupSum(total.0, count: total.1) }
        }
        let columns = try accumulators.map { (acc) throws(Diagnostic) in try acc.finish(groupCount: 1) }
        return Relation(vectors: columns, rowCount: 1)
    }
}

/// One run's share of a hash aggregation: its groups, numbered as they first appear in its
/// rows, and an accumulator per aggregate.
final class PartialAggregation {
    let plan: AggregatePlan
    let inputs: ParallelAggregation.Inputs
    let index: GroupIndex
    let accumulators: [AggregateAccumulator]

    init(plan: AggregatePlan, inputs: ParallelAggregation.Inputs) {
        self.plan = plan
        self.inputs = inputs
        index = GroupIndex(types: inputs.keys.map(\.type))
        accumulators = plan.aggregates.map { AggregateAccumulator(spec: $0) }
    }

    private var groupCount: Int { inputs.keys.isEmpty ? 1 : index.groupCount }
    /// Rows that passed the WHERE so far (how many groups per row this partial makes).
    private(set) var rowsAdded = 0

    /// One batch: filter, compute group ids from the keys, update each aggregate.
    func add(_ rows: Range<Int>, filter: BoundExpression?, evaluator: Evaluator, relation: Relation) throws(Diagnostic) {
        var selection = RowSelection.range(rows)
        if let filter { selection = try evaluator.filter(filter, selection) }
        let n = selection.count
        if n == 0 { return }
        rowsAdded += n
        var groups: [Int32]?
        if !inputs.keys.isEmpty {
            var keyVectors: [Vector] = []
            for k in inputs.keys { keyVectors.append(try evaluator.evaluate(k, selection)) }
            groups = index.groupIDs(keyVectors)
        }
        let groupCount = self.groupCount
        for (a, accumulator) in accumulators.enumerated() {
            if inputs.keys.isEmpty, inputs.filters[a] == nil, !accumulator.spec.distinct,
               accumulator.spec.kind == .sum || accumulator.spec.kind == .avg,
               let (total, count) = FastPaths.sum(inputs.arguments[a], relation, selection) {
                accumulator.addSingleGroupSum(total, count: count)
                continue
            }
            var argument: Vector?
            if let e = inputs.arguments[a] { argument = try evaluator.evaluate(e, selection) }
            var valid: [Bool]?
            if let f = inputs.filters[a] {
                let v = try evaluator.evaluate(f, selection)
                // Only rows where the condition is true count: false, NULL, and a FILTER
                // that is the NULL literal (not a boolean vector at all) count none.
                if case .boolean(var flags) = v.storage {
                    if let nulls = v.nulls { for i in 0..<n where nulls[i] { flags[i] = false } }
                    valid = flags
                } else {
                    valid = [Bool](repeating: false, count: n)
                }
            }
            if let argNulls = argument?.nulls {
                var flags = valid ?? [Bool](repeating: true, count: n)
                for i in 0..<n where argNulls[i] { flags[i] = false }
                valid = flags
            }
            var orderKeys: [Vector] = []
            for e in inputs.orders[a] { orderKeys.append(try evaluator.evaluate(e, selection)) }
            try accumulator.update(groups: groups, groupCount: groupCount, argument: argument, valid: valid, rowCount: n, orderKeys: orderKeys)
        }
    }

    /// Folds a later run's partial into this one: its groups are looked up (new ones appended
    /// in its order) and each accumulator merged group by group.
    func merge(_ later: PartialAggregation) throws(Diagnostic) {
        let mapping: [Int32]
        if inputs.keys.isEmpty {
            mapping = [0]
        } else {
            guard later.index.groupCount > 0 else { return }
            mapping = index.groupIDs(later.index.keyVectorsForLookup())
        }
        let groupCount = self.groupCount
        for (mine, theirs) in zip(accumulators, later.accumulators) {
            try mine.merge(theirs, groups: mapping, groupCount: groupCount)
        }
    }

    /// The key columns, then the aggregates, one row per group.
    func finish() throws(Diagnostic) -> Relation {
        let groupCount = self.groupCount
        var columns = inputs.keys.isEmpty ? [] : index.keyVectors()
        if !inputs.keys.isEmpty && groupCount == 0 {
            columns = inputs.keys.map { Vector.constant(.null, type: $0.type, count: 0) }
        }
        for accumulator in accumulators { columns.append(try accumulator.finish(groupCount: groupCount)) }
        return Relation(vectors: columns, rowCount: groupCount)
    }
}
