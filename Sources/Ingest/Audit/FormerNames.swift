/// Names the classification used before its current edition, by code: a disclosure that still
/// prints one is using an old template (a notice that says which), not misnaming the code.
enum FormerNames {
    static let byCode: [String: [String]] = [
        "207": ["文化体育与传媒支出"],
        "20799": ["其他文化体育与传媒支出"],
        "210": ["医疗卫生与计划生育支出", "医疗卫生支出"],
        "211": ["环境保护支出"],
        "212": ["城乡社区事务"],
        "213": ["农林水事务"],
        "215": ["资源勘探电力信息等支出", "资源勘探信息等支出"],
        "216": ["商业服务业等事务"],
        "220": ["国土海洋气象等支出", "国土资源气象等支出"],
        "22001": ["国土资源事务"],
        "2200199": ["其他国土资源事务支出"],
        "20805": ["行政事业单位离退休"],
        "2080501": ["归口管理的行政单位离退休"],
    ]

    /// The current name when `name` is a former name of `code`.
    static func isFormer(_ name: String, of code: String) -> Bool {
        let key = ReferenceClassification.matchKey(name)
        return (byCode[code] ?? []).contains { ReferenceClassification.matchKey($0) == key }
    }

    /// Every former name with its code, longest first (so a sentence matches the most precise).
    static let all: [(code: String, name: String)] = byCode.flatMap { code, names in names.map { (code, $0) } }
        .sorted { $0.name.count != $1.name.count ? $0.name.count > $1.name.count : $0.code < $1.code }
}
