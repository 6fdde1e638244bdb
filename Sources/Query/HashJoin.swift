/// Joins two relations. Equality keys go through one shared GroupIndex, so equal key tuples on
/// both sides get the same dense id; the right side is chained by id and the left side probes
/// it. Rows with a NULL key never match. Other ON conditions filter the candidate pairs.
struct HashJoin {
    let kind: JoinKind
    let leftKeys: [BoundExpression]
    let rightKeys: [BoundExpression]
    let residual: BoundExpression?
    let classNames: [String: String]
    let cancellation: Cancellation?
    /// Workers for the probe and for gathering the joined columns; one thread by default.
    var parallelism: Parallelism = .serial

    /// Pairs larger than this are refused rather than exhausting memory.
    static let maxPairs = 50_000_000

    func run(left: Relation, right: Relation) throws(Diagnostic) -> Relation {
        var leftRows: [Int32] = []
        var rightRows: [Int32] = []
        if leftKeys.isEmpty {
            let total = left.rowCount * right.rowCount
            guard total <= HashJoin.maxPairs else {
                throw Diagnostic(kind: .limit, message: "the join would produce \(total) row pairs (more than \(HashJoin.maxPairs))", span: nil,
                                 hints: ["join on equal columns: JOIN t ON a.x = b.x"])
            }
            leftRows.reserveCapacity(total)
            rightRows.reserveCapacity(total)
            for l in 0..<left.rowCount {
                // A cross join of a 7,000-row table with itself is 49M pairs: look up often.
                if l & 0x3F == 0 { try checkCancelled() }
                for r in 0..<right.rowCount {
                    leftRows.append(Int32(l))
                    rightRows.append(Int32(r))
                }
            }
        } else {
            // Both sides' distinct keys share the index: at most all rows of both.
            let index = GroupIndex(types: leftKeys.map(\.type), expectedGroups: left.rowCount + right.rowCount)
            let leftEval = Evaluator(relation: left, classNames: classNames)
            let rightEval = Evaluator(relation: right, classNames: classNames)
            // Keys are evaluated and interned batch by batch (build side first), so a large
            // side can be cancelled between batches.
            let (rightIDs, rightNull) = try keyIDs(rightKeys, rightEval, right.rowCount, index)
            let (leftIDs, leftNull) = try keyIDs(leftKeys, leftEval, left.rowCount, index)
            // Chains of right rows per key id, built backwards so they read in row order.
            var head = [Int32](repeating: -1, count: index.groupCount)
            var next = [Int32](repeating: -1, count: right.rowCount)
            for r in stride(from: right.rowCount - 1, through: 0, by: -1) where !rightNull[r] {
                let id = Int(rightIDs[r])
                next[r] = head[id]
                head[id] = Int32(r)
            }
            if parallelism.threads > 1 && left.rowCount > parallelism.morselRows {
                (leftRows, rightRows) = try parallelProbe(left.rowCount, leftIDs, leftNull, head, next)
            } else {
                for l in 0..<left.rowCount where !leftNull[l] {
                    if l & 0xFFF == 0 { try checkCancelled() }
                    var r = head[Int(leftIDs[l])]
                    while r >= 0 {
                        leftRows.append(Int32(l))
                        rightRows.append(r)
                        r = next[Int(r)]
                    }
                    if leftRows.count > HashJoin.maxPairs { throw HashJoin.tooManyPairs }
                }
            }
        }
        if let residual, !leftRows.isEmpty {
            // Candidate pairs are materialised one chunk at a time (not all 50M at once), and
            // cancellation is checked before each chunk.
            var keptLeft: [Int32] = [], keptRight: [Int32] = []
            for start in stride(from: 0, to: leftRows.count, by: HashJoin.chunk) {
                try checkCancelled()
                let end = min(leftRows.count, start + HashJoin.chunk)
                let l = Array(leftRows[start..<end]), r = Array(rightRows[start..<end])
                let candidates = try HashJoin.combine(left, l, right, r, cancellation: cancellation)
                let kept = try Evaluator(relation: candidates, classNames: classNames).filter(residual, .range(0..<l.count))
                for i in kept.indices {
                    keptLeft.append(l[Int(i)])
                    keptRight.append(r[Int(i)])
                }
            }
            leftRows = keptLeft
            rightRows = keptRight
        }
        if kind == .left || kind == .full {
            var matched = [Bool](repeating: false, count: left.rowCount)
            for l in leftRows { matched[Int(l)] = true }
            // Keep left order: merge unmatched left rows in at their place.
            var mergedLeft: [Int32] = [], mergedRight: [Int32] = []
            mergedLeft.reserveCapacity(leftRows.count)
            mergedRight.reserveCapacity(rightRows.count)
            var p = 0
            for l in 0..<left.rowCount {
                if matched[l] {
                    while p < leftRows.count && leftRows[p] == Int32(l) { mergedLeft.append(leftRows[p]); mergedRight.append(rightRows[p]); p += 1 }
                } else {
                    mergedLeft.append(Int32(l))
                    mergedRight.append(-1)
                }
            }
            leftRows = mergedLeft
            rightRows = mergedRight
        }
        if kind == .full || kind == .right {
            // Right rows without a partner follow, with the left side NULL.
            var matched = [Bool](repeating: false, count: right.rowCount)
            for r in rightRows where r >= 0 { matched[Int(r)] = true }
            for r in 0..<right.rowCount where !matched[r] {
                leftRows.append(-1)
                rightRows.append(Int32(r))
            }
        }
        if parallelism.threads > 1 && leftRows.count > parallelism.morselRows {
            return try combineOnWorkers(left, leftRows, right, rightRows)
        }
        return try HashJoin.combine(left, leftRows, right, rightRows, cancellation: cancellation)
    }

    static let tooManyPairs = Diagnostic(kind: .limit, message: "the join produces more than \(HashJoin.maxPairs) rows", span: nil,
                                         hints: ["add join keys or filter the tables first"])

    /// The probe, morsel by morsel: each run walks the chains for a contiguous range of left
    /// rows into its own pair lists, and the runs (sorted by first row) are concatenated, so the
    /// pairs are exactly the serial ones in the serial order (left row, then right row). The
    /// unmatched rows of either side are added afterwards from these lists as on one thread.
    private func parallelProbe(_ leftCount: Int, _ leftIDs: [Int32], _ leftNull: [Bool],
                               _ head: [Int32], _ next: [Int32]) throws(Diagnostic) -> ([Int32], [Int32]) {
        struct Pairs { var left: [Int32] = [], right: [Int32] = [] }
        let runs = try MorselScheduler(rowCount: leftCount, parallelism: parallelism, cancellation: cancellation)
            .runs(start: { Pairs() }) { (pairs, batch) throws(Diagnostic) in
                for l in batch where !leftNull[l] {
                    var r = head[Int(leftIDs[l])]
                    while r >= 0 {
                        pairs.left.append(Int32(l))
                        pairs.right.append(r)
                        r = next[Int(r)]
                    }
                }
                // One run past the limit is past it for the whole join (the same error as one
                // thread's); the sum is checked below for runs under it each.
                if pairs.left.count > HashJoin.maxPairs { throw HashJoin.tooManyPairs }
            }
        let total = runs.reduce(0) { $0 + $1.state.left.count }
        if total > HashJoin.maxPairs { throw HashJoin.tooManyPairs }
        if runs.count == 1, let only = runs.first { return (only.state.left, only.state.right) }
        var leftRows: [Int32] = [], rightRows: [Int32] = []
        leftRows.reserveCapacity(total)
        rightRows.reserveCapacity(total)
        for run in runs {
            leftRows += run.state.left
            rightRows += run.state.right
        }
        return (leftRows, rightRows)
    }

    /// The joined relation with its columns gathered on the workers (column c on worker
    /// c % workers): each column is independent, and the order of the columns is kept. Each
    /// column's slot is written by its one worker and read after all have finished.
    private func combineOnWorkers(_ left: Relation, _ leftRows: [Int32], _ right: Relation, _ rightRows: [Int32]) throws(Diagnostic) -> Relation {
        let columns = left.columns.count + right.columns.count
        let workers = min(parallelism.threads, columns)
        guard workers > 1 else { return try HashJoin.combine(left, leftRows, right, rightRows, cancellation: cancellation) }
        let slots = WorkerSlots<Vector>(count: columns)
        let cancellation = self.cancellation
        MorselScheduler.onWorkers(workers) { worker in
            for c in stride(from: worker, to: columns, by: workers) {
                // A cancelled join stops growing; the missing columns are never read.
                if cancellation?.isCancelled == true { return }
                slots.set(c, c < left.columns.count ? HashJoin.gatherOptional(left, c, leftRows)
                                                    : HashJoin.gatherOptional(right, c - left.columns.count, rightRows))
            }
        }
        var vectors: [Vector] = []
        vectors.reserveCapacity(columns)
        for c in 0..<columns {
            guard let v = slots.take(c) else { throw Executor.cancelled }
            vectors.append(v)
        }
        return Relation(vectors: vectors, rowCount: leftRows.count)
    }

    /// Candidate pairs filtered by the residual condition per chunk.
    static let chunk = 1 << 16

    private func checkCancelled() throws(Diagnostic) {
        if cancellation?.isCancelled == true { throw Executor.cancelled }
    }

    /// The shared key id of each row, and whether any key of the row is NULL (never matches).
    private func keyIDs(_ keys: [BoundExpression], _ evaluator: Evaluator, _ rowCount: Int,
                        _ index: GroupIndex) throws(Diagnostic) -> ([Int32], [Bool]) {
        var ids: [Int32] = [], nulls: [Bool] = []
        ids.reserveCapacity(rowCount)
        nulls.reserveCapacity(rowCount)
        for start in stride(from: 0, to: rowCount, by: Executor.batchSize) {
            try checkCancelled()
            let batch = RowSelection.range(start..<min(rowCount, start + Executor.batchSize))
            var vectors: [Vector] = []
            for k in keys { vectors.append(try evaluator.evaluate(k, batch)) }
            ids += index.groupIDs(vectors)
            for i in 0..<batch.count { nulls.append(vectors.contains { $0.isNull(i) }) }
        }
        return (ids, nulls)
    }

    /// The joined relation, one column at a time, checking for cancellation before each so a
    /// huge join stops growing as soon as it is cancelled.
    static func combine(_ left: Relation, _ leftRows: [Int32], _ right: Relation, _ rightRows: [Int32],
                        cancellation: Cancellation?) throws(Diagnostic) -> Relation {
        var vectors: [Vector] = []
        for c in 0..<left.columns.count {
            if cancellation?.isCancelled == true { throw Executor.cancelled }
            vectors.append(gatherOptional(left, c, leftRows))
        }
        for c in 0..<right.columns.count {
            if cancellation?.isCancelled == true { throw Executor.cancelled }
            vectors.append(gatherOptional(right, c, rightRows))
        }
        return Relation(vectors: vectors, rowCount: leftRows.count)
    }

    /// The joined relation: left columns at `leftRows`, right columns at `rightRows` (-1: NULL).
    static func combine(_ left: Relation, _ leftRows: [Int32], _ right: Relation, _ rightRows: [Int32]) -> Relation {
        var vectors: [Vector] = []
        for c in 0..<left.columns.count { vectors.append(gatherOptional(left, c, leftRows)) }
        for c in 0..<right.columns.count { vectors.append(gatherOptional(right, c, rightRows)) }
        return Relation(vectors: vectors, rowCount: leftRows.count)
    }

    static func gatherOptional(_ relation: Relation, _ column: Int, _ rows: [Int32]) -> Vector {
        guard rows.contains(-1) else { return relation.gather(column, .rows(rows)) }
        let safe = rows.map { $0 < 0 ? 0 : $0 }
        if relation.rowCount == 0 {
            return relation.gather(column, .rows([])).gathering(rows.map { _ in -1 })
        }
        let v = relation.gather(column, .rows(safe))
        var nulls = v.nulls ?? [Bool](repeating: false, count: rows.count)
        for i in 0..<rows.count where rows[i] < 0 { nulls[i] = true }
        return Vector(v.storage, nulls: nulls, count: rows.count)
    }
}
