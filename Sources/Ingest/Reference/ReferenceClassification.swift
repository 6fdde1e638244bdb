/// Which classification a reference code belongs to.
public enum ClassKind: String, Sendable, Hashable {
    /// 支出功能分类: what the money is for (类/款/项 = class/section/item).
    case function
    /// 部门预算支出经济分类: what the money buys (类/款).
    case economic
}

/// One code of the Ministry of Finance's 政府收支分类科目, as shipped in Data/classes.tsv.
public struct ClassEntry: Sendable, Hashable {
    /// '208', '20801', '2080101' (function) or '302', '30228' (economic).
    public let code: String
    public let kind: ClassKind
    /// 1 = 类, 2 = 款, 3 = 项.
    public let level: Int
    public let name: String
    public let nameEnglish: String
    /// `ReferenceClassification.matchKey(name)`, computed once.
    public let matchKey: String

    public init(code: String, kind: ClassKind, level: Int, name: String, nameEnglish: String) {
        self.code = code
        self.kind = kind
        self.level = level
        self.name = name
        self.nameEnglish = nameEnglish
        self.matchKey = ReferenceClassification.matchKey(name)
    }

    /// The code one level up ('2080101' -> '20801', '20801' -> '208'), nil for a class.
    public var parentCode: String? {
        switch code.count {
        case 7: return String(code.prefix(5))
        case 5: return String(code.prefix(3))
        default: return nil
        }
    }
}

/// A line of a classification file that could not be read: where and why.
public struct ClassificationFileProblem: Sendable, Equatable, CustomStringConvertible {
    public let line: Int
    public let message: String

    public var description: String { "classes line \(line): \(message)" }
}

/// The reference classification: code -> names, for `classes` and for class_name(code).
///
/// Function codes and economic codes overlap as text only in theory (function classes are
/// 2xx, economic 3xx), but lookups still take the kind so that a caller never mixes them.
public struct ReferenceClassification: Sendable {
    public let entries: [ClassEntry]
    private let byKey: [String: Int]
    /// Entry indices by kind and parent code ("" for the classes): children without a scan.
    private let childIndex: [String: [Int]]

    public init(entries: [ClassEntry]) {
        self.entries = entries
        var index: [String: Int] = [:]
        var children: [String: [Int]] = [:]
        for (i, e) in entries.enumerated() where index[Self.key(e.code, e.kind)] == nil {
            index[Self.key(e.code, e.kind)] = i
            children[Self.key(e.parentCode ?? "", e.kind), default: []].append(i)
        }
        self.byKey = index
        self.childIndex = children
    }

    private static func key(_ code: String, _ kind: ClassKind) -> String { kind.rawValue + ":" + code }

    /// The classification shipped with BudgetQL (Data/classes.tsv, embedded at build time).
    public static let standard: ReferenceClassification = {
        let parsed = parse(tsv: ShippedClassesData.tsv)
        return ReferenceClassification(entries: parsed.entries)
    }()

    /// The entry for `code` ('208', '2080101', '30228'); the kind is taken from the leading
    /// digit (2 = function, 3 = economic) unless given.
    public func entry(code: String, kind: ClassKind? = nil) -> ClassEntry? {
        let trimmed = String(code.filter { !$0.isWhitespace })
        let k = kind ?? (trimmed.hasPrefix("3") ? .economic : .function)
        return byKey[Self.key(trimmed, k)].map { entries[$0] }
    }

    /// The Chinese name of a code, nil when the reference does not know it.
    public func name(ofCode code: String, kind: ClassKind? = nil) -> String? {
        entry(code: code, kind: kind)?.name
    }

    /// The English name of a code, nil when the reference does not know it.
    public func englishName(ofCode code: String, kind: ClassKind? = nil) -> String? {
        entry(code: code, kind: kind)?.nameEnglish
    }

    /// The direct children of a code (sections of a class, items of a section), or the
    /// classes of a kind when `code` is nil.
    public func children(of code: String?, kind: ClassKind) -> [ClassEntry] {
        (childIndex[Self.key(code ?? "", kind)] ?? []).map { entries[$0] }
    }

    /// What two spellings of one name share: no spaces or quotes, full-width brackets and
    /// punctuation folded to ASCII, a trailing 支出 dropped ("行政单位离退休支出" ~ "行政单位离退休",
    /// "政府办公厅（室）" ~ "政府办公厅(室)").
    public static func matchKey(_ name: String) -> String {
        var scalars = String.UnicodeScalarView()
        for c in name.unicodeScalars {
            switch c {
            case " ", "\t", "\u{3000}", "\r", "\n", "“", "”", "\"": continue
            case "（": scalars.append("(")
            case "）": scalars.append(")")
            case "：": scalars.append(":")
            case "，": scalars.append(",")
            case "；": scalars.append(";")
            case "－", "—", "–": scalars.append("-")
            default: scalars.append(c)
            }
        }
        var key = String(scalars)
        if key.hasSuffix("支出") { key.removeLast(2) }
        return key
    }

    /// Shorthand for the shipped classification: `ReferenceClassification.name(ofCode: "208")`.
    public static func name(ofCode code: String) -> String? { standard.name(ofCode: code) }

    /// Reads the classification file format: '#' comments, then one code a line as
    /// `code TAB kind TAB level TAB name TAB name_en`. Malformed lines are reported, not fatal.
    public static func parse(tsv: String) -> (entries: [ClassEntry], problems: [ClassificationFileProblem]) {
        var entries: [ClassEntry] = []
        var problems: [ClassificationFileProblem] = []
        var seen = Set<String>()
        var number = 0
        for raw in tsv.split(separator: "\n", omittingEmptySubsequences: false) {
            number += 1
            let line = raw.hasSuffix("\r") ? raw.dropLast() : raw
            if line.isEmpty || line.hasPrefix("#") { continue }
            let cells = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard cells.count == 5 else {
                problems.append(.init(line: number, message: "expected 5 tab-separated cells, got \(cells.count)"))
                continue
            }
            let code = cells[0]
            guard let kind = ClassKind(rawValue: cells[1]) else {
                problems.append(.init(line: number, message: "kind '\(cells[1])' is neither function nor economic"))
                continue
            }
            guard let level = Int(cells[2]) else {
                problems.append(.init(line: number, message: "level '\(cells[2])' is not a number"))
                continue
            }
            let expectedLength = [1: 3, 2: 5, 3: 7][level]
            guard code.allSatisfy({ $0.isASCII && $0.isNumber }), expectedLength == code.count,
                  kind == .function || level <= 2 else {
                problems.append(.init(line: number, message: "code '\(code)' does not fit \(kind.rawValue) level \(level)"))
                continue
            }
            guard !cells[3].isEmpty, !cells[4].isEmpty else {
                problems.append(.init(line: number, message: "code \(code) has an empty name"))
                continue
            }
            guard seen.insert(key(code, kind)).inserted else {
                problems.append(.init(line: number, message: "code \(code) appears twice"))
                continue
            }
            entries.append(ClassEntry(code: code, kind: kind, level: level, name: cells[3], nameEnglish: cells[4]))
        }
        return (entries, problems)
    }
}
