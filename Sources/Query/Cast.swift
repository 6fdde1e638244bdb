import Store

/// CAST and the implicit widenings the binder inserts.
enum Cast {
    static func apply(_ v: Vector, to type: SQLType, span: SourceSpan) throws(Diagnostic) -> Vector {
        let n = v.count
        switch (v.storage, type) {
        case (.integer, .integer), (.boolean, .boolean), (.text, .text):
            return v
        case (.integer, .decimal(let s)), (.decimal, .decimal(let s)), (.wideDecimal, .decimal(let s)):
            return Vector.decimal(wide: try Arithmetic.units128(v, scale: s, span: span), scale: s, nulls: v.nulls)
        case (.decimal, .integer), (.wideDecimal, .integer):
            return Vector.integer(wide: try Arithmetic.units128(v, scale: 0, span: span), nulls: v.nulls)
        case (.text(let codes, let dictionary), .integer), (.text(let codes, let dictionary), .decimal):
            // Parse each dictionary entry once.
            var parsed: [ScalarValue?] = []
            for s in dictionary {
                let t = s.trimmingSpaces
                if type == .integer { parsed.append(Int64(t).map { .integer($0) }) }
                else if let d = ExactDecimal(t), let r = d.rescaled(to: type.scale), let u = Int64(exactly: r.units) { parsed.append(.decimal(u, scale: type.scale)) }
                else { parsed.append(nil) }
            }
            var builder = VectorBuilder(type: type)
            for i in 0..<n {
                if v.isNull(i) { builder.append(.null); continue }
                guard let p = parsed[Int(codes[i])] else {
                    throw Diagnostic(kind: .execution, message: "cannot convert '\(dictionary[Int(codes[i])])' to \(type)", span: span)
                }
                builder.append(p)
            }
            return builder.build()
        case (_, .text):
            var builder = TextVectorBuilder(capacity: n)
            for i in 0..<n {
                let s = v.value(at: i)
                if s.isNull { builder.appendNull() } else { builder.append(s.description) }
            }
            return builder.build()
        case (.integer(let x), .boolean):
            return Vector(.boolean(x.map { $0 != 0 }), nulls: v.nulls, count: n)
        case (.boolean(let x), .integer):
            return Vector(.integer(x.map { $0 ? 1 : 0 }), nulls: v.nulls, count: n)
        default:
            if v.nulls?.allSatisfy({ $0 }) == true { return Vector.constant(.null, type: type, count: n) }
            throw Diagnostic(kind: .type, message: "cannot convert \(v.typeName) to \(type)", span: span)
        }
    }
}

extension Vector {
    var typeName: String {
        switch storage {
        case .integer: return "INTEGER"
        case .decimal(_, let s), .wideDecimal(_, let s): return "DECIMAL(\(s))"
        case .text: return "TEXT"
        case .boolean: return "BOOLEAN"
        }
    }
}
