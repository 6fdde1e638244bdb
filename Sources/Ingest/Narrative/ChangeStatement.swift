import Store

/// One year-on-year (or budget-against-final) statement of the narrative, e.g.
/// "社会保障和就业支出(类)人力资源和社会保障管理事务(款)行政运行(项)2024年预算数为477.68万元,
/// 比上年预算增加52.61万元,增长12.38%,主要原因是:…". Money is in 万元.
public struct ChangeStatement: Sendable, Equatable {
    /// The function code the statement talks about ('2080101'), nil when it names no code path
    /// (e.g. "基本支出 539.99 万元，比上年预算增加 30.38 万元") or the path could not be resolved.
    public var code: String?
    /// The names of the path as the narrative prints them (类, 款, 项), or the subject of a
    /// statement without a code path ("基本支出").
    public var path: [String]
    /// The 主要原因 text, when given.
    public var reason: String?
    /// This year's figure.
    public var amount: ExactDecimal?
    /// The figure compared with: printed, or amount − change.
    public var prior: ExactDecimal?
    /// amount − prior: printed (减少/下降 negative), or derived from amount and prior.
    public var change: ExactDecimal?
    /// The growth percentage with the digits as printed; negative for 下降/减少.
    public var pct: ExactDecimal?
    /// 决算 narratives: "完成年初预算的 98.61%".
    public var completion: ExactDecimal?
    /// What `prior` is: "上年预算", "2023年预算执行数", "年初预算", "上年" …
    public var basis: String?
    /// Whether amount, change and pct (or completion) agree within the rounding of the printed
    /// digits; nil when the statement gives nothing to check against.
    public var consistent: Bool?
    /// Whether the document's own tables print this amount for this code (any column); nil when
    /// the tables were not given or do not have the code.
    public var inTables: Bool?
    /// The source line where the statement starts.
    public var line: Int

    public init(code: String? = nil, path: [String], reason: String? = nil, amount: ExactDecimal? = nil,
                prior: ExactDecimal? = nil, change: ExactDecimal? = nil, pct: ExactDecimal? = nil,
                completion: ExactDecimal? = nil, basis: String? = nil, consistent: Bool? = nil,
                inTables: Bool? = nil, line: Int) {
        self.code = code
        self.path = path
        self.reason = reason
        self.amount = amount
        self.prior = prior
        self.change = change
        self.pct = pct
        self.completion = completion
        self.basis = basis
        self.consistent = consistent
        self.inTables = inTables
        self.line = line
    }

    /// The path as one text: "社会保障和就业支出/人力资源和社会保障管理事务/行政运行".
    public var pathText: String { path.joined(separator: "/") }
}

/// A sentence of the narrative that looked like a statement but could not be read fully.
public struct NarrativeDiagnostic: Sendable, Equatable, CustomStringConvertible {
    /// How a `checks` row should file it.
    public enum Kind: String, Sendable {
        /// Could not be read (fully): status 'unparsed'.
        case unparsed
        /// Read by assuming something (a look-alike name, a realigned row): status 'repaired'.
        case repaired
    }

    public let line: Int
    public let message: String
    /// The statement's text (folded punctuation, no spaces), shortened.
    public let excerpt: String
    public let kind: Kind

    public init(line: Int, message: String, excerpt: String, kind: Kind = .unparsed) {
        self.line = line
        self.message = message
        self.excerpt = excerpt
        self.kind = kind
    }

    public var description: String { "line \(line): \(message): \(excerpt)" }
}
