/// Scalar functions over batches: a text argument is processed once per dictionary entry when
/// the other arguments are constants; otherwise row by row.
enum FunctionEvaluation {
    static func apply(_ f: ScalarFunction, _ args: [Vector], arguments: [BoundExpression], type: SQLType, span: SourceSpan,
                      classNames: [String: String], count n: Int) throws(Diagnostic) -> Vector {
        if f == .substr, args.count == 3, case .integer(let lengths) = args[2].storage,
           let bad = (0..<n).first(where: { lengths[$0] < 0 && !args[2].isNull($0) }) {
            throw Diagnostic(kind: .execution, message: "substr() length \(lengths[bad]) is negative", span: span,
                             hints: ["the length counts characters from the start: substr(s, start, n) with n >= 0"])
        }
        if f == .regexp_matches || f == .regexp_replace || f == .regexp_extract, args.count > 1,
           case .text(_, let patterns) = args[1].storage {
            // A pattern that does not compile is an error, not a NULL per row.
            for p in Set(patterns) {
                if let why = TextFunctions.invalidPattern(p) {
                    throw Diagnostic(kind: .execution, message: "\(f.rawValue)(): the pattern '\(p)' is not a regular expression (\(why))", span: span)
                }
            }
        }
        if f == .check_precision, let v = args.first {
            // DECIMAL(p, s) holds p - s digits before the point.
            guard case .integer(let p) = args[1].scalar(at: 0), let (units, scale) = v.wideUnits else { return v }
            let limit = Arithmetic.power128(Int(p))
            for i in 0..<n where !v.isNull(i) && units[i].magnitude >= limit.magnitude {
                throw Diagnostic(kind: .execution, message: "\(v.value(at: i)) does not fit DECIMAL(\(p), \(scale)) (at most \(Int(p) - scale) digits before the point)",
                                 span: span, hints: ["give a larger precision, e.g. DECIMAL(38, \(scale))"])
            }
            return v
        }
        // Numbers: typed loops for the functions that appear in large projections.
        if f == .abs, let v = args.first {
            switch v.storage {
            case .integer(let x):
                for i in 0..<n where x[i] == .min && !v.isNull(i) { throw Arithmetic.overflow(span) }
                return Vector(.integer(x.map { $0 == .min ? 0 : Swift.abs($0) }), nulls: v.nulls, count: n)
            case .decimal(let x, let s):
                for i in 0..<n where x[i] == .min && !v.isNull(i) { throw Arithmetic.overflow(span) }
                return Vector(.decimal(x.map { $0 == .min ? 0 : Swift.abs($0) }, scale: s), nulls: v.nulls, count: n)
            default: break
            }
        }
        if f == .coalesce, type.isNumeric, args.allSatisfy({ if case .text = $0.storage { return false } else { return true } }) {
            let units = try args.map { (v) throws(Diagnostic) in try Arithmetic.units128(v, scale: type.scale, span: span) }
            var out = [Int128](repeating: 0, count: n)
            var nulls = [Bool](repeating: true, count: n)
            for i in 0..<n {
                for (k, v) in args.enumerated() where !v.isNull(i) {
                    out[i] = units[k][i]
                    nulls[i] = false
                    break
                }
            }
            if case .decimal(let s) = type { return Vector.decimal(wide: out, scale: s, nulls: nulls) }
            return Vector.integer(wide: out, nulls: nulls)
        }
        if f == .coalesce, type == .text, let merged = coalesceText(args, count: n) { return merged }
        if let first = args.first, case .text(let codes, let dictionary) = first.storage, dictionary.count <= max(n, 64),
           f != .coalesce, f != .nullif,
           arguments.dropFirst().allSatisfy({ if case .constant = $0 { return true } else { return false } }) {
            let rest = args.dropFirst().map { $0.count > 0 ? $0.scalar(at: 0) : .null }
            var table = VectorBuilder(type: type)
            for s in dictionary { table.append(FunctionCatalog.apply(f, [.text(s)] + rest, type: type, classNames: classNames)) }
            guard let nulls = first.nulls else { return table.build().gathering(codes.map { Int32(bitPattern: $0) }) }
            // A NULL row gets what the function gives for NULL: NULL for most, but concat()
            // skips it and greatest()/least() ignore it (concat(NULL, '!') is '!').
            table.append(FunctionCatalog.apply(f, [.null] + rest, type: type, classNames: classNames))
            let nullEntry = Int32(dictionary.count)
            return table.build().gathering((0..<n).map { nulls[$0] ? nullEntry : Int32(bitPattern: codes[$0]) })
        }
        var builder = VectorBuilder(type: type)
        for i in 0..<n {
            builder.append(FunctionCatalog.apply(f, args.map { $0.scalar(at: i) }, type: type, classNames: classNames))
        }
        return builder.build()
    }

    /// coalesce over text vectors without boxing: the dictionaries are merged once (each word
    /// once, so sorting and grouping by the result still see equal words as equal) and each row
    /// takes the code of its first non-NULL argument. The unit key of a FULL OUTER JOIN (PERF Q4)
    /// is this. nil when an argument is not text or the dictionaries dwarf the rows.
    static func coalesceText(_ args: [Vector], count n: Int) -> Vector? {
        var dictionaries: [[String]] = []
        var argumentCodes: [[UInt32]] = []
        for v in args {
            guard case .text(let codes, let dictionary) = v.storage, v.count == n else { return nil }
            dictionaries.append(dictionary)
            argumentCodes.append(codes)
        }
        guard dictionaries.reduce(0, { $0 + $1.count }) <= max(n, 64) * 4 else { return nil }
        var merged: [String] = []
        var position: [String: UInt32] = [:]
        // Per argument: its code -> the merged code.
        let remap: [[UInt32]] = dictionaries.map { dictionary in
            dictionary.map { word in
                if let p = position[word] { return p }
                let p = UInt32(merged.count)
                merged.append(word)
                position[word] = p
                return p
            }
        }
        var out = [UInt32](repeating: 0, count: n)
        var nulls = [Bool](repeating: true, count: n)
        for i in 0..<n {
            for k in 0..<args.count where !args[k].isNull(i) {
                let code = Int(argumentCodes[k][i])
                guard code < remap[k].count else { return nil }
                out[i] = remap[k][code]
                nulls[i] = false
                break
            }
        }
        return Vector(.text(out, dictionary: merged.isEmpty ? [""] : merged), nulls: nulls, count: n)
    }
}
