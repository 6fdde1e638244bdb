/// Recognises a disclosure loaded twice: the same unit, year, stage and scope printing the same
/// figures, whether the files are two copies or the PDF and a text extraction of it. Counting
/// such a document twice would double every sum, so the loader keeps the first and records the
/// other in `docs.duplicate_of`.
struct DuplicateDisclosures {
    private var kept: [(identity: String, figures: Set<String>, id: String, file: String)] = []

    /// The share of coded figures two loads of one disclosure must have in common: a second
    /// extraction of the same PDF may misread a few, another disclosure shares almost none.
    static let agreement = 0.9

    /// The kept document `ingested` repeats, with the share of figures they agree on; nil when
    /// it is new (it is then remembered).
    mutating func original(of ingested: IngestedDocument) -> (id: String, file: String, agreement: Double)? {
        let document = ingested.document
        let identity = [document.unit, document.year.map(String.init) ?? "", document.stage, document.scope].joined(separator: "|")
        let figures = Self.figures(of: ingested)
        if !document.unit.isEmpty, figures.count >= 10 {
            for k in kept where k.identity == identity {
                let shared = Double(k.figures.intersection(figures).count) / Double(max(k.figures.count, figures.count))
                if shared >= Self.agreement { return (k.id, k.file, shared) }
            }
        }
        kept.append((identity, figures, document.id, document.file))
        return nil
    }

    /// Figures keyed by table, code and column, in 万元: what any reading of the document holds.
    static func figures(of ingested: IngestedDocument) -> Set<String> {
        var out = Set<String>()
        for f in ingested.facts {
            guard let code = f.code else { continue }
            out.insert("\(f.table)|\(code)|\(f.column)|\(f.amount.normalized)")
        }
        return out
    }
}
