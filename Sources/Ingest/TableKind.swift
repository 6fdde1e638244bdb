/// A money column of a canonical table: its SCHEMA.md name and the header words that name it
/// in the templates (matched on header text with spaces removed).
struct CanonicalColumn: Sendable {
    let name: String
    let keywords: [String]
    /// Header words that, when they are all the header says, must not match this column
    /// (e.g. 一般公共预算 inside 上级一般公共预算安排的转移支付).
    let excluding: [String]

    init(_ name: String, _ keywords: [String], excluding: [String] = []) {
        self.name = name
        self.keywords = keywords
        self.excluding = excluding
    }
}

/// How the rows of a table are keyed.
enum RowKey: Sendable {
    /// Function code 类/款/项 (spending, income, general_spending …).
    case function
    /// Economic code 类/款 (basic_spending).
    case economic
    /// Free row labels (overview, appropriation, three_public, carryover).
    case label
}

/// The standard tables of DOMAIN.md, found by title keywords (names vary by region).
struct TableKind: Sendable {
    let name: String
    /// The title matches when it contains every word of one of these groups…
    let titleGroups: [[String]]
    /// …and none of these.
    let titleExcluding: [String]
    let key: RowKey
    /// Money columns in the template's order; a table prints a subset.
    let columns: [CanonicalColumn]

    func matches(title: String) -> Bool {
        if titleExcluding.contains(where: { title.contains($0) }) { return false }
        return titleGroups.contains { group in group.allSatisfy { title.contains($0) } }
    }

    static let spendingColumns: [CanonicalColumn] = [
        CanonicalColumn("amount", ["本年支出合计", "合计", "总计"]),
        CanonicalColumn("basic", ["基本支出"]),
        // Many templates print 基本支出 split, under it or in its place.
        CanonicalColumn("personnel", ["人员经费"]),
        CanonicalColumn("public", ["公用经费"]),
        CanonicalColumn("project", ["项目支出"]),
        CanonicalColumn("upper", ["上缴上级支出"]),
        CanonicalColumn("operating", ["经营支出"]),
        CanonicalColumn("affiliated", ["对附属单位补助支出", "对附属单位补"]),
    ]

    static let all: [TableKind] = [
        TableKind(name: "appropriation",
                  titleGroups: [["财政拨款收支"], ["财政拨款收入支出"]],
                  titleExcluding: ["政府性基金预算财政拨款", "国有资本经营预算财政拨款"],
                  key: .label,
                  columns: [
                      CanonicalColumn("amount", ["合计", "总计", "小计"]),
                      CanonicalColumn("general", ["一般公共预算"]),
                      CanonicalColumn("fund", ["政府性基金"]),
                      CanonicalColumn("soe", ["国有资本经营"]),
                  ]),
        TableKind(name: "overview",
                  titleGroups: [["收支总体情况表"], ["收支预算总表"], ["收入支出决算总表"], ["收支总表"]],
                  titleExcluding: ["财政拨款", "政府性基金", "国有资本"],
                  key: .label,
                  columns: [CanonicalColumn("amount", ["预算数", "决算数", "金额", "合计"])]),
        TableKind(name: "income",
                  titleGroups: [["收入总体情况表"], ["收入预算总表"], ["收入决算表"], ["收入预算表"], ["收入总表"]],
                  titleExcluding: ["财政拨款", "支出"],
                  key: .function,
                  columns: [
                      CanonicalColumn("amount", ["本年收入合计", "总计", "合计"]),
                      CanonicalColumn("fiscal", ["财政拨款(补助)小计", "财政拨款（补助）小计", "财政拨款小计", "财政拨款收入"]),
                      CanonicalColumn("general", ["一般公共预算"]),
                      CanonicalColumn("transfer", ["上级一般公共预算安排的转移支付", "一般公共预算安排的转移支付", "转移支付"]),
                      CanonicalColumn("fund", ["政府性基金"]),
                      CanonicalColumn("fund_transfer", ["上级政府性基金安排的转移支付", "政府性基金安排的转移支付"]),
                      CanonicalColumn("soe", ["国有资本经营"]),
                      CanonicalColumn("upper_grant", ["上级补助收入"]),
                      CanonicalColumn("special", ["财政专户"]),
                      CanonicalColumn("own", ["单位资金"]),
                      CanonicalColumn("business", ["事业收入"]),
                      CanonicalColumn("operating", ["经营收入"]),
                      CanonicalColumn("affiliated", ["附属单位上缴收入", "附属单位", "上缴收入"]),
                      CanonicalColumn("other", ["其他收入"]),
                      CanonicalColumn("carryover", ["财政拨款结转", "上年结转"]),
                      CanonicalColumn("other_carryover", ["非财政拨款结转", "非财政"]),
                  ]),
        TableKind(name: "basic_spending",
                  titleGroups: [["一般公共预算", "基本支出"], ["财政拨款", "基本支出"]],
                  titleExcluding: [],
                  key: .economic,
                  columns: [
                      CanonicalColumn("amount", ["合计", "总计"]),
                      CanonicalColumn("personnel", ["人员经费"]),
                      CanonicalColumn("public", ["公用经费"]),
                  ]),
        TableKind(name: "general_spending",
                  titleGroups: [["一般公共预算", "支出"]],
                  titleExcluding: ["基本支出", "项目支出", "三公", "收入", "经济分类"],
                  key: .function,
                  columns: spendingColumns),
        TableKind(name: "fund_spending",
                  titleGroups: [["政府性基金", "支出"]],
                  titleExcluding: ["三公"],
                  key: .function,
                  columns: spendingColumns),
        TableKind(name: "soe_spending",
                  titleGroups: [["国有资本经营", "支出"]],
                  titleExcluding: ["三公"],
                  key: .function,
                  columns: spendingColumns),
        TableKind(name: "three_public",
                  titleGroups: [["三公"]],
                  titleExcluding: [],
                  key: .label,
                  columns: [
                      CanonicalColumn("amount", ["合计", "总计", "小计"]),
                      CanonicalColumn("general", ["一般公共预算"]),
                      CanonicalColumn("fund", ["政府性基金"]),
                      CanonicalColumn("soe", ["国有资本经营"]),
                  ]),
        TableKind(name: "carryover",
                  titleGroups: [["结转结余", "表"]],
                  titleExcluding: [],
                  key: .label,
                  columns: [
                      CanonicalColumn("amount", ["合计", "总计"]),
                      CanonicalColumn("fiscal", ["财政拨款"]),
                      CanonicalColumn("nonfiscal", ["非财政拨款"]),
                  ]),
        TableKind(name: "project_spending",
                  titleGroups: [["项目支出", "情况表"], ["项目经费"], ["项目支出", "预算表"], ["项目支出表"]],
                  titleExcluding: ["绩效"],
                  key: .function,
                  columns: [
                      CanonicalColumn("amount", ["合计", "总计"]),
                      CanonicalColumn("wages", ["工资福利支出"]),
                      CanonicalColumn("goods_services", ["商品和服务支出"]),
                      CanonicalColumn("households", ["对个人和家庭的补助"]),
                      CanonicalColumn("debt_interest", ["债务利息及费用支出"]),
                      CanonicalColumn("capital_construction", ["资本性支出(基本建设)", "资本性支出（基本建设）"]),
                      CanonicalColumn("capital", ["资本性支出"]),
                      CanonicalColumn("enterprise_construction", ["对企业补助(基本建设)", "对企业补助（基本建设）"]),
                      CanonicalColumn("enterprise", ["对企业补助"]),
                      CanonicalColumn("social_security_fund", ["对社会保障基金补助"]),
                      CanonicalColumn("other", ["其他支出"]),
                  ]),
        TableKind(name: "spending",
                  titleGroups: [["支出总体情况表"], ["支出预算总表"], ["支出决算表"], ["支出预算表"], ["支出总表"]],
                  titleExcluding: ["一般公共预算", "财政拨款", "政府性基金", "国有资本", "三公", "基本支出", "项目支出", "收入", "经济分类"],
                  key: .function,
                  columns: spendingColumns),
    ]

    static func named(_ name: String) -> TableKind? { all.first { $0.name == name } }

    /// The kind a title names, trying the most specific kinds first (the order of `all`).
    static func matching(title: String) -> TableKind? {
        all.first { $0.matches(title: title) }
    }
}
