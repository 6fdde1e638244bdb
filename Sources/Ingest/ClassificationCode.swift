/// A classification code at one of its levels: class (3 digits), section (2), item (2).
/// Function codes (支出功能分类) use all three; economic codes (经济分类) use class and section.
struct ClassificationCode: Sendable, Hashable, Comparable, CustomStringConvertible {
    let classCode: Int
    let section: Int?
    let item: Int?

    var level: Int { item != nil ? 3 : (section != nil ? 2 : 1) }

    /// '2080101', '20801', '208'.
    var description: String {
        var s = String(classCode)
        if let section { s += section < 10 ? "0\(section)" : String(section) }
        if let item { s += item < 10 ? "0\(item)" : String(item) }
        return s
    }

    var parent: ClassificationCode? {
        if item != nil { return ClassificationCode(classCode: classCode, section: section, item: nil) }
        if section != nil { return ClassificationCode(classCode: classCode, section: nil, item: nil) }
        return nil
    }

    /// Reads a complete printed code: 3, 5 or 7 digits.
    init?(digits: String) {
        guard digits.isDigits else { return nil }
        let d = Array(digits.utf8).map { Int($0) - 48 }
        switch d.count {
        case 3: self.init(classCode: d[0] * 100 + d[1] * 10 + d[2], section: nil, item: nil)
        case 5: self.init(classCode: d[0] * 100 + d[1] * 10 + d[2], section: d[3] * 10 + d[4], item: nil)
        case 7: self.init(classCode: d[0] * 100 + d[1] * 10 + d[2], section: d[3] * 10 + d[4], item: d[5] * 10 + d[6])
        default: return nil
        }
    }

    init(classCode: Int, section: Int?, item: Int?) {
        self.classCode = classCode
        self.section = section
        self.item = item
    }

    static func < (a: ClassificationCode, b: ClassificationCode) -> Bool {
        (a.classCode, a.section ?? -1, a.item ?? -1) < (b.classCode, b.section ?? -1, b.item ?? -1)
    }
}

/// The function classes of the national classification (DOMAIN.md), used to repair class
/// codes that extraction cut ("20" + 公共安全支出 is 204).
enum FunctionClasses {
    static let names: [Int: String] = [
        201: "一般公共服务支出", 202: "外交支出", 203: "国防支出", 204: "公共安全支出", 205: "教育支出",
        206: "科学技术支出", 207: "文化旅游体育与传媒支出", 208: "社会保障和就业支出", 209: "社会保险基金支出",
        210: "卫生健康支出", 211: "节能环保支出", 212: "城乡社区支出", 213: "农林水支出", 214: "交通运输支出",
        215: "资源勘探工业信息等支出", 216: "商业服务业等支出", 217: "金融支出", 219: "援助其他地区支出",
        220: "自然资源海洋气象等支出", 221: "住房保障支出", 222: "粮油物资储备支出", 223: "国有资本经营预算支出",
        224: "灾害防治及应急管理支出", 227: "预备费", 229: "其他支出", 230: "转移性支出", 231: "债务还本支出",
        232: "债务付息支出", 233: "债务发行费用支出", 234: "抗疫特别国债安排的支出", 270: "往来性支出",
    ]

    /// Earlier names of classes that older templates still print.
    static let formerNames: [Int: [String]] = [
        210: ["医疗卫生与计划生育支出", "医疗卫生支出"], 207: ["文化体育与传媒支出"], 220: ["国土海洋气象等支出"],
        215: ["资源勘探信息等支出", "资源勘探电力信息等支出"], 216: ["商业服务业等事务"], 224: ["灾害防治及应急管理"],
    ]

    /// The class whose standard name matches `name` (printed names drop or keep the 支出 suffix,
    /// and tables truncate long names: "208 社会保障和就").
    static func code(named name: String) -> Int? {
        let key = stem(name)
        guard key.count >= 2 else { return nil }
        var found: [Int] = []
        for (code, standard) in names {
            let s = stem(standard)
            if s == key || s.hasPrefix(key) || key.hasPrefix(s) { found.append(code) }
        }
        if found.isEmpty {
            for (code, former) in formerNames where former.contains(where: { stem($0) == key }) { return code }
        }
        return found.count == 1 ? found[0] : found.first { stem(names[$0] ?? "") == key }
    }

    static func stem(_ name: String) -> String {
        var s = name.withoutSpaces
        if s.hasSuffix("支出") { s.removeLast(2) }
        return s
    }
}
