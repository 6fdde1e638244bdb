import Store

/// A statement's result read a batch of rows at a time (issue 15, item 19): the shell prints the
/// first rows of a large result before the last are computed, and never holds the whole result
/// as boxed values (5 million rows boxed took 1.2 GB and 19 s before the first line).
///
/// A plain query (one SELECT with no aggregate, window, DISTINCT, PIVOT, ORDER BY, share() or
/// correlated subquery) runs batch by batch: filter and projection over 4,096 source rows at a
/// time, stopping at its LIMIT, so its memory does not grow with the table. Any other query
/// first computes its result as typed columns (a sort, the groups or a window need every row;
/// those columns are compact), then boxes a batch at a time. Either way the cursor can be read
/// again from the start (`rewind`): the shell does that when the places a decimal column prints
/// with depend on every value (CellText.decimalPlaces).
///
/// The rows, and the places of their decimals, are those `Engine.execute` returns for the same
/// statement. Only where an error surfaces may differ: rows before it may have been read, and a
/// plain query does not compute its outputs for rows past its LIMIT.
public final class ResultCursor {
    public let columns: [String]
    public let types: [ColumnType]
    /// `COPY (…) TO 'file'`: the file the rows go to.
    public let copyTarget: String?
    /// Per column, the one scale every decimal value of it has, known before any row is read;
    /// nil for other columns and for quotients, whose values drop trailing zeros one by one.
    public let uniformScales: [Int?]

    private enum Rows {
        /// Rows already boxed (DESCRIBE, EXPLAIN, CREATE …, another engine's result).
        case boxed([[Value]])
        /// A computed result's columns, boxed a batch at a time.
        case columns([Vector], count: Int)
        /// A plain query run batch by batch.
        case pipeline(Pipeline)
    }

    private let rows: Rows
    private let cancellation: Cancellation?
    /// Quotient columns' fewest places (Executor.quotientPlaces).
    private let quotientPlaces: [Int?]
    /// Result rows handed out so far (`.boxed`, `.columns`), or source rows read (`.pipeline`).
    private var position = 0
    private var pipelineState = Pipeline.State()

    /// A result that is already whole.
    public init(_ result: QueryResult) {
        columns = result.columns
        types = result.types
        copyTarget = result.copyTarget
        uniformScales = [Int?](repeating: nil, count: result.columns.count)
        rows = .boxed(result.rows)
        quotientPlaces = []
        cancellation = nil
    }

    /// A query's result: run batch by batch when the plan allows, otherwise computed as columns now.
    init(plan: QueryPlan, executor: Executor, copyTarget: String?) throws(Diagnostic) {
        self.copyTarget = copyTarget
        cancellation = executor.cancellation
        if let pipeline = try Pipeline(plan: plan, executor: executor) {
            let part = pipeline.part
            columns = Array(part.names.prefix(part.visibleCount))
            types = part.outputs.prefix(part.visibleCount).map(\.type.columnType)
            quotientPlaces = Executor.quotientPlaces(plan, width: part.visibleCount)
            uniformScales = ResultCursor.scales(part.outputs.prefix(part.visibleCount).map(\.type), quotientPlaces)
            rows = .pipeline(pipeline)
        } else {
            let out = try executor.runVectors(plan)
            columns = out.names
            types = out.types.map(\.columnType)
            quotientPlaces = Executor.quotientPlaces(plan, width: out.columns.count)
            uniformScales = ResultCursor.scales(out.types, quotientPlaces)
            rows = .columns(out.columns, count: out.rowCount)
        }
    }

    private static func scales(_ types: [SQLType], _ quotients: [Int?]) -> [Int?] {
        types.enumerated().map { c, type in
            guard case .decimal(let scale) = type, c >= quotients.count || quotients[c] == nil else { return nil }
            return scale
        }
    }

    /// The next rows (at most `Executor.batchSize`), or nil at the end. Throws "query cancelled"
    /// when the statement's cancellation is set, and any error the rows' computation meets.
    public func next() throws(Diagnostic) -> [[Value]]? {
        switch rows {
        case .boxed(let all):
            guard position < all.count else { return nil }
            let end = min(all.count, position + Executor.batchSize)
            defer { position = end }
            return Array(all[position..<end])
        case .columns(let vectors, let count):
            guard position < count else { return nil }
            if cancellation?.isCancelled == true { throw Executor.cancelled }
            let end = min(count, position + Executor.batchSize)
            defer { position = end }
            return box(vectors, position..<end)
        case .pipeline(let pipeline):
            guard let (vectors, count) = try pipeline.next(from: &position, state: &pipelineState) else { return nil }
            return box(vectors, 0..<count)
        }
    }

    /// Reads from the first row again.
    public func rewind() {
        position = 0
        pipelineState = Pipeline.State()
    }

    /// Every row that is left, as one result (COPY, and the modes that lay out the whole result).
    public func remainingResult() throws(Diagnostic) -> QueryResult {
        var all: [[Value]] = []
        while let batch = try next() { all += batch }
        var result = QueryResult(columns: columns, types: types, rows: all)
        result.copyTarget = copyTarget
        return result
    }

    /// Cells boxed as the shell shows them: a quotient without trailing zero places (down to its
    /// fewest), as `Executor.run` does.
    private func box(_ vectors: [Vector], _ range: Range<Int>) -> [[Value]] {
        var out: [[Value]] = []
        out.reserveCapacity(range.count)
        for r in range {
            var row = vectors.map { $0.value(at: r) }
            for (c, minimum) in quotientPlaces.enumerated() {
                if let minimum, c < row.count, case .decimal(let d) = row[c] { row[c] = .decimal(Executor.trimmed(d, minimum: minimum)) }
            }
            out.append(row)
        }
        return out
    }
}

/// One SELECT that needs no row but the one it is on: source -> filter -> projection -> limit,
/// a batch of source rows at a time. The steps before the batches are those of
/// `Executor.runSelect` (subqueries run once, the source relation, text filters decided per
/// dictionary entry), so the rows are the same.
struct Pipeline {
    struct State {
        /// Rows passed over for OFFSET, and rows handed out, so far.
        var skipped = 0
        var produced = 0
    }

    let part: SelectPlan
    let relation: Relation
    let filter: BoundExpression?
    let outputs: [BoundExpression]
    let evaluator: Evaluator
    let limit: Int?
    let offset: Int
    let cancellation: Cancellation?

    /// nil when the plan needs more than one row at a time.
    init?(plan: QueryPlan, executor: Executor) throws(Diagnostic) {
        guard plan.parts.count == 1, let original = plan.parts.first, plan.order.isEmpty, original.order.isEmpty,
              original.aggregate == nil, original.having == nil, original.windows.isEmpty, !original.distinct, original.pivot == nil,
              !original.outputs.contains(where: \.containsShare)
        else { return nil }
        let part = try original.mapExpressions { (e) throws(Diagnostic) in try executor.runSubqueries(e) }
        var correlated = false
        _ = try part.mapExpressions { (e) throws(Diagnostic) in
            if e.containsSubquery { correlated = true }
            return e
        }
        guard !correlated else { return nil }
        let relation = try executor.source(part.source, filteredBy: part.filter)
        self.part = part
        self.relation = relation
        filter = part.filter.map { Specializer.specialize($0, relation, classNames: executor.classNames) }
        outputs = part.outputs.prefix(part.visibleCount).map { Specializer.specialize($0, relation, classNames: executor.classNames) }
        evaluator = Evaluator(relation: relation, classNames: executor.classNames)
        limit = plan.limit
        offset = plan.offset
        cancellation = executor.cancellation
    }

    /// The visible output columns of the next source batches with a row left after the filter,
    /// OFFSET and LIMIT; nil when the source or the LIMIT is exhausted.
    func next(from position: inout Int, state: inout State) throws(Diagnostic) -> ([Vector], Int)? {
        while position < relation.rowCount {
            if let limit, state.produced >= limit { return nil }
            if cancellation?.isCancelled == true { throw Executor.cancelled }
            let batch = position..<min(relation.rowCount, position + Executor.batchSize)
            position = batch.upperBound
            var selection = RowSelection.range(batch)
            if let filter { selection = try evaluator.filter(filter, selection) }
            let skip = min(offset - state.skipped, selection.count)
            state.skipped += skip
            let keep = min(selection.count - skip, limit.map { $0 - state.produced } ?? Int.max)
            guard keep > 0 else { continue }
            selection = Pipeline.slice(selection, skip..<(skip + keep))
            state.produced += keep
            var vectors: [Vector] = []
            for e in outputs { vectors.append(try evaluator.evaluate(e, selection)) }
            return (vectors, keep)
        }
        return nil
    }

    private static func slice(_ selection: RowSelection, _ range: Range<Int>) -> RowSelection {
        if range == 0..<selection.count { return selection }
        switch selection {
        case .range(let r): return .range((r.lowerBound + range.lowerBound)..<(r.lowerBound + range.upperBound))
        case .rows(let rows): return .rows(Array(rows[range]))
        }
    }
}

extension Engine {
    /// Runs the statements of `source` one after another, handing each one's result to `body`
    /// as a cursor that `body` reads (the next statement runs after it returns). `body` returns
    /// false to run no more statements (the output went away).
    public func stream(_ source: String, parameters: [String: Value] = [:], cancellation: Cancellation?,
                       _ body: (ResultCursor) throws(Diagnostic) -> Bool) throws(Diagnostic) {
        for statement in try Parser.parse(source) {
            let cursor: ResultCursor
            if case .query(let q) = statement {
                cursor = try ResultCursor(plan: try binder(parameters).bind(q),
                                          executor: Executor(classNames: classNames, cancellation: cancellation), copyTarget: nil)
            } else {
                cursor = ResultCursor(try run(statement, parameters: parameters, cancellation: cancellation))
            }
            guard try body(cursor) else { return }
        }
    }
}
