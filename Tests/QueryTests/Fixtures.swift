import Store
@testable import Query

/// Small hand-written tables in the shape of SCHEMA.md, with Chinese names, NULLs and amounts
/// that binary floating point gets wrong (0.1 + 0.2). Every logic and golden test runs on these.
enum Fixtures {
    static func decimal(_ s: String) -> Value {
        guard let d = ExactDecimal(s) else { return .null }
        return .decimal(d)
    }

    static func spending() throws -> Table {
        var b = TableBuilder(name: "spending", schema: [
            ("doc", .text), ("unit", .text), ("year", .integer), ("stage", .text), ("class", .integer),
            ("section", .integer), ("item", .integer), ("code", .text), ("name", .text),
            ("amount", .decimal), ("basic", .decimal), ("project", .decimal),
        ])
        let rows: [(String, String, Int64, String, Int64, Int64, Int64, String, String, String, String?, String?)] = [
            ("a-2024", "万里学校", 2024, "预算", 201, 1, 1, "2010101", "行政运行", "100.10", "100.10", "0"),
            ("a-2024", "万里学校", 2024, "预算", 208, 1, 1, "2080101", "行政运行", "0.10", "0.10", nil),
            ("a-2024", "万里学校", 2024, "预算", 208, 5, 2, "2080502", "事业单位离退休", "0.20", nil, "0.20"),
            ("a-2024", "万里学校", 2024, "预算", 208, 7, 99, "2080799", "其他就业补助支出", "12.34", "2.34", "10"),
            ("a-2024", "万里学校", 2024, "预算", 221, 2, 1, "2210201", "住房公积金", "7.5", "7.5", "0"),
            ("a-2025", "万里学校", 2025, "预算", 208, 1, 1, "2080101", "行政运行", "110.00", "110.00", "0"),
            ("a-2025", "万里学校", 2025, "预算", 210, 11, 2, "2101102", "事业单位医疗", "3.03", "3.03", "0"),
            ("b-2024", "喀什市委", 2024, "预算", 201, 1, 1, "2010101", "行政运行", "50", "50", "0"),
            ("b-2024", "喀什市委", 2024, "预算", 208, 1, 1, "2080101", "行政运行", "25.25", nil, nil),
            ("b-2025", "喀什市委", 2025, "预算", 208, 2, 8, "2080208", "基层政权建设和社区治理", "-1.50", "0", "-1.50"),
        ]
        for r in rows {
            try b.append([.text(r.0), .text(r.1), .integer(r.2), .text(r.3), .integer(r.4), .integer(r.5), .integer(r.6),
                          .text(r.7), .text(r.8), decimal(r.9), r.10.map(decimal) ?? .null, r.11.map(decimal) ?? .null])
        }
        return try b.build()
    }

    /// A second table to join with spending: income by code, with a code that spending lacks.
    static func income() throws -> Table {
        var b = TableBuilder(name: "income", schema: [
            ("unit", .text), ("year", .integer), ("code", .text), ("amount", .decimal), ("fiscal", .decimal),
        ])
        let rows: [(String, Int64, String, String, String?)] = [
            ("万里学校", 2024, "2010101", "100.10", "100.10"),
            ("万里学校", 2024, "2080101", "0.30", "0.30"),
            ("万里学校", 2025, "2080101", "110", nil),
            ("喀什市委", 2024, "2130101", "8.8", "8.8"),
        ]
        for r in rows { try b.append([.text(r.0), .integer(r.1), .text(r.2), decimal(r.3), r.4.map(decimal) ?? .null]) }
        return try b.build()
    }

    static func classes() throws -> Table {
        var b = TableBuilder(name: "classes", schema: [("code", .text), ("kind", .text), ("level", .integer), ("name", .text), ("name_en", .text)])
        let rows: [(String, String, Int64, String, String)] = [
            ("201", "function", 1, "一般公共服务支出", "General public services"),
            ("208", "function", 1, "社会保障和就业支出", "Social security and employment"),
            ("20801", "function", 2, "人力资源和社会保障管理事务", "Human resources and social security administration"),
            ("210", "function", 1, "卫生健康支出", "Health"),
            ("221", "function", 1, "住房保障支出", "Housing"),
            ("301", "economic", 1, "工资福利支出", "Wages and benefits"),
        ]
        for r in rows { try b.append([.text(r.0), .text(r.1), .integer(r.2), .text(r.3), .text(r.4)]) }
        return try b.build()
    }

    /// A table with no rows, for empty inputs.
    static func empty() throws -> Table {
        try TableBuilder(name: "nothing", schema: [("class", .integer), ("name", .text), ("amount", .decimal)]).build()
    }

    static func catalog() throws -> Catalog {
        Catalog(tables: [try spending(), try income(), try classes(), try empty()])
    }

    static func engine() throws -> Engine { Engine(catalog: try catalog()) }
}

extension QueryResult {
    /// Rows as text, cells joined by " | ", for compact expectations.
    var lines: [String] { rows.map { $0.map(\.description).joined(separator: " | ") } }
}
