#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A reproducible stream of pseudo-random numbers (SplitMix64): the same seed gives the same
/// CSV on every machine, so benchmark runs compare like with like.
struct SplitMix64 {
    private var state: UInt64
    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Uniform in 0..<n.
    mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }

    /// Uniform in (0, 1).
    mutating func unit() -> Double { (Double(next() >> 11) + 0.5) / 9_007_199_254_740_992 }

    /// Standard normal (Box-Muller).
    mutating func normal() -> Double {
        let u = unit(), v = unit()
        return (-2 * log(u)).squareRoot() * cos(2 * Double.pi * v)
    }
}

/// Picks indices with fixed weights by binary search over the cumulative weights.
struct WeightedChoice {
    private let cumulative: [Double]
    init(weights: [Double]) {
        var total = 0.0
        cumulative = weights.map { total += $0; return total }
    }

    func pick(_ random: inout SplitMix64) -> Int {
        let x = random.unit() * (cumulative.last ?? 1)
        var lo = 0, hi = cumulative.count - 1
        while lo < hi {
            let mid = (lo + hi) / 2
            if cumulative[mid] < x { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }
}

/// Rows on the PERF.md benchmark schema: year, unit, table, class, section, item, econ_class, name,
/// project, measure, amount, with the distributions it gives (1,000 skewed units, class 208 at
/// about 13%, about 1,250 class/section/item combinations, 2,000 names of which about 8% of rows
/// contain 就业, 60% empty projects, lognormal 万元 amounts with 2 places, 1% negative).
struct BenchDataGenerator {
    static let header = "year,unit,table,class,section,item,econ_class,name,project,measure,amount"

    static let regions = ["喀什地区", "和田地区", "阿克苏地区", "伊犁州", "昌吉州", "哈密市", "吐鲁番市", "克拉玛依市",
                          "乌鲁木齐市", "巴州", "博州", "塔城地区", "阿勒泰地区", "克州", "石河子市", "万里区",
                          "东城区", "西城区", "朝阳区", "海淀区", "丰台区", "石景山区", "门头沟区", "房山区",
                          "通州区", "顺义区", "昌平区", "大兴区", "怀柔区", "平谷区", "密云区", "延庆区",
                          "浦东新区", "黄浦区", "徐汇区", "长宁区", "静安区", "普陀区", "虹口区", "杨浦区"]
    static let departments = ["民政局", "人力资源和社会保障局", "教育局", "卫生健康委员会", "财政局", "发展和改革委员会",
                              "住房和城乡建设局", "交通运输局", "农业农村局", "水利局", "自然资源局", "生态环境局",
                              "商务局", "文化和旅游局", "市场监督管理局", "应急管理局", "退役军人事务局", "医疗保障局",
                              "统计局", "审计局", "司法局", "公安局", "科学技术局", "林业和草原局", "机关事务管理局"]
    static let tables = ["收支总表", "收入总表", "支出总表", "财政拨款收支总表", "一般公共预算支出表",
                         "一般公共预算基本支出表", "政府性基金预算支出表", "国有资本经营预算支出表", "三公经费支出表", "项目支出表"]
    static let classes: [Int] = [201, 203, 204, 205, 206, 207, 208, 209, 210, 211, 212, 213, 214,
                                 215, 216, 217, 219, 220, 221, 222, 224, 227, 229, 230, 231, 232]
    static let econClasses: [Int] = [301, 302, 303, 307, 309, 310, 311, 312, 313, 399,
                                     501, 502, 503, 504, 505, 506, 507, 508, 509, 599]
    /// 50 name stems × 40 qualifiers = 2,000 names; 4 stems contain 就业, so about 8% of rows.
    static let stems = ["行政运行", "一般行政管理事务", "机关服务", "就业补助", "就业创业服务", "促进就业", "就业见习补贴",
                        "社会保险补贴", "职业培训补贴", "养老服务", "儿童福利", "残疾人事业", "最低生活保障",
                        "临时救助", "特困人员救助供养", "退役安置", "医疗救助", "公共卫生", "基层医疗卫生机构",
                        "疾病预防控制", "妇幼保健", "学前教育", "小学教育", "初中教育", "高中教育", "职业教育",
                        "学生资助", "教师培训", "图书馆", "文物保护", "群众文化", "体育竞赛", "农业生产发展",
                        "农田建设", "水利工程建设", "水资源节约", "林业草原生态保护", "污染防治", "城乡社区环境卫生",
                        "道路运输", "公路养护", "住房保障", "棚户区改造", "粮油储备", "应急救援", "安全监管",
                        "统计调查", "审计业务", "法治建设", "信息化建设"]
    static let qualifiers = ["", "（城镇）", "（农村）", "专项", "经费", "补助", "支出", "项目", "工作经费", "运行维护",
                             "资金", "奖补", "配套", "试点", "示范", "能力建设", "设备购置", "维修改造", "宣传",
                             "培训", "监测", "评估", "管理", "服务", "保障", "提升", "改革", "应急", "基础设施",
                             "购买服务", "信息系统", "标准化", "督导", "考核", "奖励", "慰问", "调研", "普查", "规划", "其他"]
    static let measures = ["预算数", "决算数", "调整预算数", "上年结转", "年初预算", "执行数", "基本支出", "项目支出",
                           "财政拨款", "其他资金"]
    static let projectKinds = ["城乡环境整治", "老旧小区改造", "高标准农田建设", "乡村振兴衔接", "义务教育薄弱环节改善",
                               "基层医疗能力提升", "公共文化服务", "数字政府建设", "河道综合治理", "就业创业扶持",
                               "养老服务体系建设", "应急物资储备", "道路提升改造", "污水处理设施", "森林防火"]
    static let projectCount = 100_000

    let seed: UInt64

    /// Writes `rows` rows plus the header to `path`; returns false when the file cannot be written.
    func write(rows: Int, to path: String) -> Bool {
        guard let out = fopen(path, "w") else { return false }
        defer { fclose(out) }
        var random = SplitMix64(seed: seed)

        let units = BenchDataGenerator.regions.flatMap { r in BenchDataGenerator.departments.map { r + $0 } }
        let unitChoice = WeightedChoice(weights: (0..<units.count).map { 1 / Double($0 + 1).squareRoot() })
        // Class 208 gets 13% of rows; the other 25 share the rest, skewed.
        let classWeights = BenchDataGenerator.classes.enumerated().map { i, c in
            c == 208 ? 0.13 : 0.87 * (1 / Double(i + 2)) / BenchDataGenerator.otherClassWeight
        }
        let classChoice = WeightedChoice(weights: classWeights)
        // About 1,250 (section, item) pairs: 48 per class, 50 for class 208.
        var combos: [[(Int, Int)]] = []
        for c in BenchDataGenerator.classes {
            var pairs = Set<Int>()
            var list: [(Int, Int)] = []
            let wanted = c == 208 ? 50 : 48
            while list.count < wanted {
                let section = 1 + random.below(30), item = 1 + random.below(20)
                if pairs.insert(section * 100 + item).inserted { list.append((section, item)) }
            }
            combos.append(list)
        }
        let comboChoice = WeightedChoice(weights: (0..<50).map { 1 / Double($0 + 1).squareRoot() })
        let names = BenchDataGenerator.stems.flatMap { s in BenchDataGenerator.qualifiers.map { s + $0 } }
        let projects = (0..<BenchDataGenerator.projectCount).map { i -> String in
            let kind = BenchDataGenerator.projectKinds[i % BenchDataGenerator.projectKinds.count]
            let region = BenchDataGenerator.regions[(i / 15) % BenchDataGenerator.regions.count]
            let name = "\(region)\(kind)项目\(i)"
            // A few names carry an ASCII comma or quote, so the CSV path meets quoted fields.
            if i % 100 == 7 { return "\"\(name),二期\"" }
            if i % 1000 == 13 { return "\"\(name)\"\"示范\"\"\"" }
            return name
        }

        let unitBytes = units.map { Array($0.utf8) }
        let tableBytes = BenchDataGenerator.tables.map { Array($0.utf8) }
        let nameBytes = names.map { Array($0.utf8) }
        let projectBytes = projects.map { Array($0.utf8) }
        let measureBytes = BenchDataGenerator.measures.map { Array($0.utf8) }

        var buffer: [UInt8] = []
        buffer.reserveCapacity(1 << 22)
        buffer.append(contentsOf: BenchDataGenerator.header.utf8)
        buffer.append(10)
        for _ in 0..<rows {
            let year = 2020 + random.below(5)
            let unit = unitChoice.pick(&random)
            let table = random.below(tableBytes.count)
            let classIndex = classChoice.pick(&random)
            let combosOfClass = combos[classIndex]
            let (section, item) = combosOfClass[min(comboChoice.pick(&random), combosOfClass.count - 1)]
            let econ = BenchDataGenerator.econClasses[random.below(BenchDataGenerator.econClasses.count)]
            let name = random.below(nameBytes.count)
            let hasProject = random.below(100) >= 60
            let project = random.below(projectBytes.count)
            let measure = random.below(measureBytes.count)
            // Lognormal 万元 around 20 with a long tail, to the cent; 1% are corrections (negative).
            var cents = Int64((exp(3.0 + 1.6 * random.normal()) * 100).rounded())
            if random.below(100) == 0 { cents = -cents }

            appendNumber(year, &buffer); buffer.append(44)
            buffer.append(contentsOf: unitBytes[unit]); buffer.append(44)
            buffer.append(contentsOf: tableBytes[table]); buffer.append(44)
            appendNumber(BenchDataGenerator.classes[classIndex], &buffer); buffer.append(44)
            appendNumber(section, &buffer); buffer.append(44)
            appendNumber(item, &buffer); buffer.append(44)
            appendNumber(econ, &buffer); buffer.append(44)
            buffer.append(contentsOf: nameBytes[name]); buffer.append(44)
            if hasProject { buffer.append(contentsOf: projectBytes[project]) }
            buffer.append(44)
            buffer.append(contentsOf: measureBytes[measure]); buffer.append(44)
            appendCents(cents, &buffer)
            buffer.append(10)
            if buffer.count > (1 << 22) - 4096 {
                guard flush(&buffer, out) else { return false }
            }
        }
        return flush(&buffer, out)
    }

    private static let otherClassWeight: Double = {
        var total = 0.0
        for (i, c) in classes.enumerated() where c != 208 { total += 1 / Double(i + 2) }
        return total
    }()

    private func flush(_ buffer: inout [UInt8], _ out: UnsafeMutablePointer<FILE>) -> Bool {
        let written = buffer.withUnsafeBytes { fwrite($0.baseAddress, 1, $0.count, out) }
        let ok = written == buffer.count
        buffer.removeAll(keepingCapacity: true)
        return ok
    }

    private func appendNumber(_ value: Int, _ buffer: inout [UInt8]) {
        buffer.append(contentsOf: String(value).utf8)
    }

    /// "-123.45" from -12345 cents, without going through floating point.
    private func appendCents(_ cents: Int64, _ buffer: inout [UInt8]) {
        if cents < 0 { buffer.append(UInt8(ascii: "-")) }
        let m = cents.magnitude
        buffer.append(contentsOf: String(m / 100).utf8)
        buffer.append(UInt8(ascii: "."))
        let frac = Int(m % 100)
        buffer.append(UInt8(48 + frac / 10))
        buffer.append(UInt8(48 + frac % 10))
    }
}
