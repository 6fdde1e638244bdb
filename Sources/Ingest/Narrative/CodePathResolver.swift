import Store

/// A function code as the document's own tables print it, with the amounts printed on its rows:
/// the best evidence of which code a narrative sentence means.
public struct DocumentCode: Sendable, Hashable {
    public let code: String
    public let name: String
    public let amounts: [ExactDecimal]

    public init(code: String, name: String, amounts: [ExactDecimal] = []) {
        self.code = code
        self.name = name
        self.amounts = amounts
    }

    /// Does one of the code's rows print `amount`? A narrative in 万元 rounds to the cent what
    /// a table in 元 prints to the yuan (538,440 元 is "53.84万元"), so a table amount counts when
    /// it equals `amount` at the narrative's places (never fewer than two: "25万元" is 25.00).
    public func prints(_ amount: ExactDecimal) -> Bool {
        let places = max(amount.scale, 2)
        return amounts.contains { $0 == amount || $0.rounded(to: places) == amount }
    }
}

/// Turns the names of a narrative path (类, 款, 项) into a function code.
///
/// Narratives name codes instead of printing them, and not always with the reference wording:
/// "行政单位离退休支出" for 行政单位离退休, "养老福利" for 养老服务, a censored "信息访问务" for
/// 信访事务, or a former name such as 医疗卫生与计划生育支出. Each level is matched among the
/// children of the level above: an exact name first, then the one child whose printed amount
/// equals the sentence's amount (when the document's tables are known), then the closest name.
/// Anything but an exact match is reported, so a reader can see what was assumed.
struct CodePathResolver: Sendable {
    let reference: ReferenceClassification
    let documentCodes: [DocumentCode]

    /// Names the classification used before its current edition.
    static let formerNames: [String: String] = [
        "医疗卫生与计划生育": "210", "医疗卫生": "210", "文化体育与传媒": "207", "国土海洋气象等": "220",
        "国土资源气象等": "220", "一般公共服务": "201", "资源勘探信息等": "215", "商业服务业": "216",
        "其他国土资源事务": "2200199", "住房保障": "221",
    ]

    struct Resolution: Sendable {
        var code: String?
        /// Why a level was not an exact match, one note per such level.
        var notes: [String]
    }

    func resolve(path: [String], amount: ExactDecimal?) -> Resolution {
        var notes: [String] = []
        var parent: String? = nil
        for (depth, printed) in path.enumerated() {
            let isLast = depth == path.count - 1
            var choice = choose(printed: printed, parent: parent, amount: amount, isLast: isLast)
            if isLast, depth == 2, choice.note != nil, let parent, let moved = elsewhereInClass(printed, section: parent, amount: amount) {
                choice = moved
            }
            guard let code = choice.code else {
                notes.append("'\(printed)' matches no \(CodePathResolver.levelName(depth)) under \(parent ?? "the classes")")
                return Resolution(code: nil, notes: notes)
            }
            if let note = choice.note { notes.append(note) }
            parent = code
        }
        return Resolution(code: parent, notes: notes)
    }

    /// An item printed under the wrong section ("公安(款)其他公共安全支出(项)") that the
    /// document's tables hold, by that exact name and amount, under another section of the class.
    private func elsewhereInClass(_ printed: String, section: String, amount: ExactDecimal?) -> (code: String?, note: String?)? {
        let wanted = CodePathResolver.key(printed)
        let classCode = String(section.prefix(3))
        let matches = documentCodes.filter { (d: DocumentCode) -> Bool in
            guard d.code.count == 7, d.code.hasPrefix(classCode), !d.code.hasPrefix(section),
                  CodePathResolver.key(d.name) == wanted else { return false }
            guard let amount else { return true }
            return d.prints(amount)
        }
        guard Set(matches.map { $0.code }).count == 1, let found = matches.first else { return nil }
        return (found.code, "'\(printed)' is printed under \(section) but the document has it as \(found.code)")
    }

    static func levelName(_ depth: Int) -> String { ["class (类)", "section (款)", "item (项)"][min(depth, 2)] }

    /// Name without spaces, quotes and a trailing 支出, parentheses folded: what two spellings
    /// of the same name share.
    static func key(_ name: String) -> String { ReferenceClassification.matchKey(name) }

    private struct Candidate {
        let code: String
        /// The names' keys (`key(name)`), reference first, then the document's spelling.
        let names: [String]
        let fromDocument: Bool
    }

    private func candidates(parent: String?) -> [Candidate] {
        var byCode: [String: (names: [String], doc: Bool)] = [:]
        var order: [String] = []
        for e in reference.children(of: parent, kind: .function) {
            if byCode[e.code] == nil { order.append(e.code) }
            byCode[e.code, default: ([], false)].names.append(e.matchKey)
        }
        let length = parent.map { $0.count + 2 } ?? 3
        for d in documentCodes where d.code.count == length && (parent.map { d.code.hasPrefix($0) } ?? true) {
            if byCode[d.code] == nil { order.append(d.code) }
            byCode[d.code, default: ([], false)].names.append(CodePathResolver.key(d.name))
            byCode[d.code]?.doc = true
        }
        return order.compactMap { code in byCode[code].map { Candidate(code: code, names: $0.names, fromDocument: $0.doc) } }
    }

    private func choose(printed: String, parent: String?, amount: ExactDecimal?, isLast: Bool) -> (code: String?, note: String?) {
        let wanted = CodePathResolver.key(printed)
        let options = candidates(parent: parent)
        if let exact = options.first(where: { $0.names.contains(wanted) }) {
            return (exact.code, nil)
        }
        if parent == nil {
            // A class name may carry words before it ("主要用于以下方面社会保障和就业支出").
            let byLength = options.sorted { ($0.names.first?.count ?? 0) > ($1.names.first?.count ?? 0) }
            if let suffix = byLength.first(where: { c in c.names.contains { !$0.isEmpty && wanted.hasSuffix($0) } }) {
                return (suffix.code, nil)
            }
        }
        if let former = CodePathResolver.formerNames[wanted],
           former.count == (parent.map { $0.count + 2 } ?? 3), parent.map({ former.hasPrefix($0) }) ?? true {
            return (former, "'\(printed)' is a former name of \(former) \(name(of: former))")
        }
        if let amount {
            let supported = options.filter { c in
                documentCodes.contains { d in
                    (isLast ? d.code == c.code : (d.code.hasPrefix(c.code) && d.code.count == 7)) && d.prints(amount)
                }
            }
            if supported.count == 1, let only = supported.first {
                return (only.code, "'\(printed)' taken as \(only.code) \(name(of: only.code)): the document prints \(amount) there")
            }
        }
        var best: (code: String, score: Double)? = nil
        for c in options {
            for n in c.names {
                let s = CodePathResolver.similarity(wanted, n)
                if s > (best?.score ?? 0) { best = (c.code, s) }
            }
        }
        if let best, best.score >= 0.5 {
            return (best.code, "'\(printed)' taken as \(best.code) \(name(of: best.code)) (closest name)")
        }
        return (nil, nil)
    }

    private func name(of code: String) -> String {
        if let d = documentCodes.first(where: { $0.code == code }) { return d.name }
        return reference.name(ofCode: code, kind: .function) ?? ""
    }

    /// 2 × longest common subsequence / total length: 1 for equal names, 0 for disjoint ones.
    static func similarity(_ a: String, _ b: String) -> Double {
        let x = Array(a), y = Array(b)
        guard !x.isEmpty, !y.isEmpty else { return 0 }
        var previous = [Int](repeating: 0, count: y.count + 1)
        for i in 1...x.count {
            var current = [Int](repeating: 0, count: y.count + 1)
            for j in 1...y.count {
                current[j] = x[i - 1] == y[j - 1] ? previous[j - 1] + 1 : max(previous[j], current[j - 1])
            }
            previous = current
        }
        return 2 * Double(previous[y.count]) / Double(x.count + y.count)
    }
}
