import Store

/// Recognises a disclosure loaded twice: the same unit, year, stage and scope printing the same
/// figures, whether the files are two copies or the PDF and a text extraction of it. Counting
/// such a document twice would double every sum, so the loader keeps the first and records the
/// other in `docs.duplicate_of`. It reads each file's `docs` row and the fingerprint of its
/// figures, worked out when the file was built and kept in its cache entry.
struct DuplicateDisclosures {
    private var kept: [(identity: String, figures: Set<UInt64>, id: String, file: String)] = []

    /// The share of coded figures two loads of one disclosure must have in common: a second
    /// extraction of the same PDF may misread a few, another disclosure shares almost none.
    static let agreement = 0.9

    /// The kept document `load` repeats, with the share of figures they agree on; nil when it is
    /// new (it is then remembered).
    mutating func original(of load: FileLoad) -> (id: String, file: String, agreement: Double)? {
        guard let docs = load.tables.first(where: { $0.name == "docs" }), docs.rowCount == 1 else { return nil }
        func text(_ name: String) -> String { docs.column(named: name).map { $0.value(at: 0).isNull ? "" : $0.value(at: 0).description } ?? "" }
        let identity = ["unit", "year", "stage", "scope"].map(text).joined(separator: "|")
        let figures = Set(load.figures)
        if !text("unit").isEmpty, figures.count >= 10 {
            for k in kept where k.identity == identity {
                let shared = Double(k.figures.intersection(figures).count) / Double(max(k.figures.count, figures.count))
                if shared >= Self.agreement { return (k.id, k.file, shared) }
            }
        }
        kept.append((identity, figures, text("doc"), text("file")))
        return nil
    }

    /// The fingerprint of a file's tables: its coded figures, each keyed by table, code and column
    /// with its amount in 万元 (what any reading of the document holds), hashed to 64 bits
    /// (a collision among a document's few thousand figures is not a practical concern) and sorted,
    /// so it is stored compactly and compared as a set.
    static func figures(of tables: [Table]) -> [UInt64] {
        guard let facts = tables.first(where: { $0.name == "facts" }),
              let table = facts.column(named: "table"), let column = facts.column(named: "column"),
              let code = facts.column(named: "code"), let econ = facts.column(named: "econ_code"),
              let amount = facts.column(named: "amount") else { return [] }
        var out = Set<UInt64>()
        for i in 0..<facts.rowCount {
            let c = code.isNull(i) ? econ.value(at: i) : code.value(at: i)
            guard !c.isNull, case .decimal(let d) = amount.value(at: i) else { continue }
            out.insert(XXHash64.hash("\(table.value(at: i))|\(c)|\(column.value(at: i))|\(d.normalized)"))
        }
        return out.sorted()
    }
}

extension FileLoad {
    /// This file as a duplicate of `kept`: only its `docs` row, saying so.
    func markedDuplicate(of kept: String) -> FileLoad {
        guard let docs = tables.first(where: { $0.name == "docs" }), docs.rowCount == 1 else { return self }
        var builder = TableBuilder(name: "docs", schema: docs.columns.map { ($0.name, $0.type) })
        let row = docs.columns.map { $0.name == "duplicate_of" ? Value.text(kept) : $0.value(at: 0) }
        guard (try? builder.append(row)) != nil, let marked = try? builder.build() else { return self }
        return FileLoad(tables: [marked], problems: problems, figures: figures)
    }
}
