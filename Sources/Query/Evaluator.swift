import Store

/// Evaluates a bound expression over one batch of a relation, producing a typed vector. The
/// work per node is a loop over typed arrays; text predicates are decided once per dictionary
/// entry and then looked up by code.
struct Evaluator {
    let relation: Relation
    let classNames: [String: String]

    func evaluate(_ e: BoundExpression, _ selection: RowSelection) throws(Diagnostic) -> Vector {
        let n = selection.count
        switch e {
        case .column(let i, _, _):
            return relation.gather(i, selection)
        case .constant(let v, let t):
            return Vector.constant(v, type: t, count: n)
        case .dictionaryLookup(let column, let table, _, _):
            let codes = relation.gather(column, selection)
            guard case .text(let c, _) = codes.storage else { return table }
            let nullEntry = Int32(table.count - 1)
            let rows = (0..<n).map { codes.isNull($0) ? nullEntry : Int32(bitPattern: c[$0]) }
            return table.gathering(rows)
        case .negate(let x, _, let span):
            let v = try evaluate(x, selection)
            return try Arithmetic.negate(v, span: span)
        case .arithmetic(let op, let l, let r, let type, let span):
            return try Arithmetic.apply(op, try evaluate(l, selection), try evaluate(r, selection), type: type, span: span)
        case .concat(let l, let r):
            let a = try evaluate(l, selection), b = try evaluate(r, selection)
            var builder = TextVectorBuilder(capacity: n)
            guard case .text(let ac, let ad) = a.storage, case .text(let bc, let bd) = b.storage else { return Vector.allNull(n) }
            for i in 0..<n {
                if a.isNull(i) || b.isNull(i) { builder.appendNull() } else { builder.append(ad[Int(ac[i])] + bd[Int(bc[i])]) }
            }
            return builder.build()
        case .compare(let op, let l, let r):
            return Comparison.apply(op, try evaluate(l, selection), try evaluate(r, selection))
        case .and(let l, let r):
            return Logic.and(try evaluate(l, selection), try evaluate(r, selection))
        case .or(let l, let r):
            return Logic.or(try evaluate(l, selection), try evaluate(r, selection))
        case .not(let x):
            return Logic.not(try evaluate(x, selection))
        case .isNull(let x, let negated):
            let v = try evaluate(x, selection)
            let flags = (0..<n).map { v.isNull($0) != negated }
            return Vector(.boolean(flags), nulls: nil, count: n)
        case .inList(let x, let items, let negated):
            let v = try evaluate(x, selection)
            if let set = InSet(items) {
                let r = set.apply(v)
                return negated ? Logic.not(r) : r
            }
            var result: Vector?
            for item in items {
                let eq = Comparison.apply(.equal, v, try evaluate(item, selection))
                result = result.map { Logic.or($0, eq) } ?? eq
            }
            let r = result ?? Vector.constant(.boolean(false), type: .boolean, count: n)
            return negated ? Logic.not(r) : r
        case .like(let x, let pattern, let ci, let negated, let escape, let span):
            let v = try evaluate(x, selection)
            let p = try evaluate(pattern, selection)
            let r = try Like.apply(v, p, caseInsensitive: ci, escape: escape, span: span)
            return negated ? Logic.not(r) : r
        case .caseWhen(let branches, let otherwise, let type):
            var conditions: [Vector] = []
            var results: [Vector] = []
            for b in branches {
                conditions.append(try evaluate(b.condition, selection))
                results.append(try evaluate(b.result, selection))
            }
            let fallback = try otherwise.map { (o) throws(Diagnostic) in try evaluate(o, selection) }
            var builder = VectorBuilder(type: type)
            for i in 0..<n {
                var chosen: ScalarValue?
                for (k, c) in conditions.enumerated() {
                    if case .boolean(let flags) = c.storage, !c.isNull(i), flags[i] { chosen = results[k].scalar(at: i); break }
                }
                builder.append(chosen ?? fallback?.scalar(at: i) ?? .null)
            }
            return builder.build()
        case .function(let f, let args, let type, let span):
            var vectors: [Vector] = []
            for a in args { vectors.append(try evaluate(a, selection)) }
            return try FunctionEvaluation.apply(f, vectors, arguments: args, type: type, span: span, classNames: classNames, count: n)
        case .cast(let x, let type, let span):
            return try Cast.apply(try evaluate(x, selection), to: type, span: span)
        case .share(let x):
            return try Share.apply(try evaluate(x, selection))
        case .scalarSubquery(let q, _), .inSubquery(_, let q, _), .exists(let q):
            // The executor runs subqueries before the SELECT and puts their values in.
            throw Diagnostic(kind: .execution, message: "internal: the subquery \(q) was not run before its SELECT", span: q.span)
        case .outerColumn(_, _, let name):
            throw Diagnostic(kind: .execution, message: "internal: the outer column \(name) was not given a value", span: nil)
        }
    }

    /// The rows of `selection` where `predicate` is true (not false, not NULL).
    func filter(_ predicate: BoundExpression, _ selection: RowSelection) throws(Diagnostic) -> RowSelection {
        // a AND b keeps the rows where both are true: filter by a, then by b on the survivors.
        if case .and(let a, let b) = predicate {
            let first = try filter(a, selection)
            return first.count == 0 ? first : try filter(b, first)
        }
        if let fused = FastPaths.filter(predicate, relation, selection) { return fused }
        let v = try evaluate(predicate, selection)
        guard case .boolean(var flags) = v.storage else { return .rows([]) }
        if let nulls = v.nulls { for i in 0..<flags.count where nulls[i] { flags[i] = false } }
        return selection.keeping(flags)
    }
}

/// Builds a text vector from strings, encoding them into a fresh dictionary.
struct TextVectorBuilder {
    private var dictionary: [String] = []
    private var index: [String: UInt32] = [:]
    private var codes: [UInt32] = []
    private var nulls: [Bool] = []

    init(capacity: Int) {
        codes.reserveCapacity(capacity)
        nulls.reserveCapacity(capacity)
    }

    mutating func append(_ s: String) {
        if let c = index[s] { codes.append(c) } else {
            let c = UInt32(dictionary.count)
            dictionary.append(s)
            index[s] = c
            codes.append(c)
        }
        nulls.append(false)
    }

    mutating func appendNull() {
        codes.append(0)
        nulls.append(true)
    }

    func build() -> Vector {
        Vector(.text(codes, dictionary: dictionary.isEmpty ? [""] : dictionary), nulls: nulls, count: codes.count)
    }
}

enum Logic {
    static func parts(_ v: Vector) -> [Bool] {
        if case .boolean(let b) = v.storage { return b }
        return [Bool](repeating: false, count: v.count)
    }

    static func and(_ a: Vector, _ b: Vector) -> Vector {
        let x = parts(a), y = parts(b), n = a.count
        if a.nulls == nil && b.nulls == nil {
            return Vector(.boolean((0..<n).map { x[$0] && y[$0] }), nulls: nil, count: n)
        }
        var out = [Bool](repeating: false, count: n), nulls = [Bool](repeating: false, count: n)
        for i in 0..<n {
            let an = a.isNull(i), bn = b.isNull(i)
            if (!an && !x[i]) || (!bn && !y[i]) { out[i] = false } else if an || bn { nulls[i] = true } else { out[i] = true }
        }
        return Vector(.boolean(out), nulls: nulls, count: n)
    }

    static func or(_ a: Vector, _ b: Vector) -> Vector {
        let x = parts(a), y = parts(b), n = a.count
        if a.nulls == nil && b.nulls == nil {
            return Vector(.boolean((0..<n).map { x[$0] || y[$0] }), nulls: nil, count: n)
        }
        var out = [Bool](repeating: false, count: n), nulls = [Bool](repeating: false, count: n)
        for i in 0..<n {
            let an = a.isNull(i), bn = b.isNull(i)
            if (!an && x[i]) || (!bn && y[i]) { out[i] = true } else if an || bn { nulls[i] = true }
        }
        return Vector(.boolean(out), nulls: nulls, count: n)
    }

    static func not(_ a: Vector) -> Vector {
        Vector(.boolean(parts(a).map { !$0 }), nulls: a.nulls, count: a.count)
    }
}

enum Comparison {
    @inline(__always)
    static func test(_ op: BinaryOperator, _ c: Int) -> Bool {
        switch op {
        case .equal: return c == 0
        case .notEqual: return c != 0
        case .less: return c < 0
        case .lessEqual: return c <= 0
        case .greater: return c > 0
        case .greaterEqual: return c >= 0
        default: return false
        }
    }

    static func mergedNulls(_ a: Vector, _ b: Vector) -> [Bool]? {
        guard a.nulls != nil || b.nulls != nil else { return nil }
        return (0..<a.count).map { a.isNull($0) || b.isNull($0) }
    }

    static func apply(_ op: BinaryOperator, _ a: Vector, _ b: Vector) -> Vector {
        let n = a.count
        let nulls = mergedNulls(a, b)
        switch (a.storage, b.storage) {
        case (.integer(let x), .integer(let y)), (.decimal(let x, _), .decimal(let y, _)):
            return Vector(.boolean(compareIntegers(op, x, y)), nulls: nulls, count: n)
        case (.boolean(let x), .boolean(let y)):
            return Vector(.boolean((0..<n).map { test(op, x[$0] == y[$0] ? 0 : (!x[$0] ? -1 : 1)) }), nulls: nulls, count: n)
        case (.wideDecimal, _), (_, .wideDecimal):
            guard let (x, s) = a.wideUnits, let (y, t) = b.wideUnits else { return Vector.allNull(n) }
            let flags = (0..<n).map { i -> Bool in
                let dx = ExactDecimal(units: x[i], scale: s), dy = ExactDecimal(units: y[i], scale: t)
                return test(op, dx < dy ? -1 : dx == dy ? 0 : 1)
            }
            return Vector(.boolean(flags), nulls: nulls, count: n)
        case (.text(let xc, let xd), .text(let yc, let yd)):
            if yd.count == 1, n > 0 {
                // Column against a constant: decide once per dictionary entry.
                let constant = yd[0]
                let table = xd.map { test(op, compareText($0, constant)) }
                return Vector(.boolean(xc.map { table[Int($0)] }), nulls: nulls, count: n)
            }
            return Vector(.boolean((0..<n).map { test(op, compareText(xd[Int(xc[$0])], yd[Int(yc[$0])])) }), nulls: nulls, count: n)
        default:
            return Vector.allNull(n)
        }
    }

    @inline(__always)
    static func compareIntegers(_ op: BinaryOperator, _ x: [Int64], _ y: [Int64]) -> [Bool] {
        let n = x.count
        return [Bool](unsafeUninitializedCapacity: n) { out, count in
            x.withUnsafeBufferPointer { xp in
                y.withUnsafeBufferPointer { yp in
                    switch op {
                    case .equal: for i in 0..<n { out[i] = xp[i] == yp[i] }
                    case .notEqual: for i in 0..<n { out[i] = xp[i] != yp[i] }
                    case .less: for i in 0..<n { out[i] = xp[i] < yp[i] }
                    case .lessEqual: for i in 0..<n { out[i] = xp[i] <= yp[i] }
                    case .greater: for i in 0..<n { out[i] = xp[i] > yp[i] }
                    default: for i in 0..<n { out[i] = xp[i] >= yp[i] }
                    }
                }
            }
            count = n
        }
    }

    /// Text order is byte order of UTF-8 (code point order), as in SQLite and DuckDB.
    static func compareText(_ a: String, _ b: String) -> Int {
        if a == b { return 0 }
        return a.utf8.lexicographicallyPrecedes(b.utf8) ? -1 : 1
    }
}

/// `x IN (constants)`: a hash set instead of one comparison per list item. A NULL in the list
/// makes a miss NULL rather than false, as SQL says.
struct InSet {
    var integers: Set<Int64> = []
    var texts: Set<String> = []
    var hasNull = false

    init?(_ items: [BoundExpression]) {
        guard items.count > 4 else { return nil }
        for item in items {
            guard case .constant(let v, _) = item else { return nil }
            switch v {
            case .null: hasNull = true
            case .integer(let i): integers.insert(i)
            case .decimal(let u, _): integers.insert(u)
            case .text(let t): texts.insert(t)
            case .boolean, .wideDecimal: return nil
            }
        }
    }

    func apply(_ v: Vector) -> Vector {
        let n = v.count
        var found = [Bool](repeating: false, count: n)
        switch v.storage {
        case .integer(let x), .decimal(let x, _):
            for i in 0..<n { found[i] = integers.contains(x[i]) }
        case .text(let codes, let dictionary):
            let table = dictionary.map { texts.contains($0) }
            for i in 0..<n { found[i] = table[Int(codes[i])] }
        case .wideDecimal(let x, _):
            for i in 0..<n { found[i] = Int64(exactly: x[i]).map { integers.contains($0) } ?? false }
        case .boolean:
            break
        }
        var nulls = v.nulls
        if hasNull {
            var m = nulls ?? [Bool](repeating: false, count: n)
            for i in 0..<n where !found[i] { m[i] = true }
            nulls = m
        }
        return Vector(.boolean(found), nulls: nulls, count: n)
    }
}
