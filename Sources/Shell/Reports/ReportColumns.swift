import Query
import Store

/// The language of a report's headers: Chinese by default (the English column name as a tooltip
/// in HTML, a second header line in Markdown), or English (`--lang en`).
public enum ReportLanguage: String, CaseIterable, Sendable {
    case zh, en
}

/// What a report column holds, which decides how its header and values read: money carries its
/// unit (万元) and thousands separators, a percentage its % sign.
enum ReportColumnKind: Equatable {
    case money, percent, other
}

/// How report columns are named and written for a reader: one table of the result columns the
/// saved reports use, with their Chinese names.
enum ReportColumns {
    /// Result column -> its Chinese header. A column not here keeps its name (a year or a unit's
    /// name put there by `AS "{a}"` is already what a reader expects).
    static let chinese: [String: String] = [
        "code": "编码", "class": "类", "section": "款", "item": "项", "name": "名称",
        "amount": "金额", "basic": "基本支出", "project": "项目支出", "general": "一般公共预算",
        "change": "增减", "change_pct": "增减率", "share_pct": "占比", "status": "状态",
        "unit": "单位", "doc": "文件", "year": "年度", "stage": "阶段", "total": "合计",
        "project_pct": "项目支出占比", "personnel": "人员经费", "public": "公用经费",
        "personnel_pct": "人员经费占比", "prior_year": "上年", "this_year": "本年",
        "printed_change": "说明中的增减", "printed_pct": "说明中的增减率", "rule": "核对规则",
        "expected": "应为", "actual": "实为", "diff": "差额", "detail": "说明", "line": "行",
        "page": "页", "checks": "核对数", "failed": "未通过", "econ_class": "经济分类",
        "indicator": "指标", "target": "指标值", "target_unit": "单位", "weight": "权重", "op": "关系",
        "level1": "一级指标", "level2": "二级指标", "budget": "预算", "count": "数量", "sentences": "句数",
        "inconsistent": "不一致", "budget_amount": "预算数", "final_amount": "决算数",
    ]

    static func kind(of column: String, type: ColumnType) -> ReportColumnKind {
        guard type == .decimal else { return .other }
        let n = column.lowercased()
        return n.hasSuffix("pct") || n.hasPrefix("share") || n.hasSuffix("percent") ? .percent : .money
    }

    /// The header a reader sees, and the other language's name (a tooltip or a second line).
    static func header(_ column: String, type: ColumnType, language: ReportLanguage) -> (text: String, other: String?) {
        let unit: String
        switch kind(of: column, type: type) {
        case .money: unit = language == .zh ? "（万元）" : " (10k yuan)"
        case .percent: unit = language == .zh ? "（%）" : " (%)"
        case .other: unit = ""
        }
        guard language == .zh, let zh = chinese[column.lowercased()] else { return (column + unit, nil) }
        return (zh + unit, column)
    }

    /// A cell as a report prints it: money with thousands separators (as in the terminal), a
    /// percentage with %, a total row's empty labels blank, NULL as NULL.
    static func cell(_ value: Value, column: String, type: ColumnType, places: Int?, totalRow: Bool) -> String {
        let placed = CellText.placed(value, places)
        if placed.isNull { return totalRow ? "" : "NULL" }
        switch kind(of: column, type: type) {
        case .percent: return CellText.display(placed, column: column) + "%"
        case .money, .other: return CellText.display(placed, column: column)
        }
    }

    /// The title a chart of this measure has: "增减（万元）按类".
    static func chartTitle(_ chart: ReportChart, language: ReportLanguage) -> String {
        let measure = header(chart.valueColumn, type: chart.valueType, language: language).text
        let grouping: String
        if let lines = chart.lines {
            let zh = ["class": "类", "section": "款", "item": "项"]
            grouping = language == .zh ? (zh[lines] ?? lines) : lines
        } else {
            grouping = header(chart.labelColumn, type: .text, language: language).text
        }
        return language == .zh ? "\(measure)按\(grouping)" : "\(measure) by \(grouping)"
    }

    /// What the lines of a result are, from the length of their codes: 3 digits a class (类),
    /// 5 a section (款), 7 an item (项); nil when there is no code column or the lengths differ.
    static func lines(of result: QueryResult) -> String? {
        guard let code = result.columns.firstIndex(of: "code") else { return nil }
        let lengths = Set(result.rows.compactMap { row -> Int? in
            code < row.count && !row[code].isNull ? row[code].description.count : nil
        })
        guard lengths.count == 1, let length = lengths.first else { return nil }
        return [3: "class", 5: "section", 7: "item"][length]
    }

    /// A result as a Markdown table for a report: headers in the report's language (Chinese over
    /// the English name), money and percentages marked, numbers right-aligned.
    static func markdown(_ result: QueryResult, language: ReportLanguage) -> String {
        let count = result.columns.count
        guard count > 0 else { return "" }
        let types = (0..<count).map { $0 < result.types.count ? result.types[$0] : ColumnType.text }
        let places = CellText.decimalPlaces(of: result.rows, columns: count)
        func escape(_ text: String) -> String {
            text.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
        }
        let headers = (0..<count).map { i -> String in
            let h = header(result.columns[i], type: types[i], language: language)
            return escape(h.text) + (h.other.map { "<br>" + escape($0) } ?? "")
        }
        var out = "| " + headers.joined(separator: " | ") + " |\n"
        out += "|" + (0..<count).map { CellText.isNumeric(types[$0]) ? "---:" : "---" }.joined(separator: "|") + "|\n"
        for row in result.rows {
            let total = CellText.isTotalRow(row)
            let cells = (0..<count).map { i in
                escape(cell(i < row.count ? row[i] : .null, column: result.columns[i], type: types[i], places: places[i], totalRow: total))
            }
            out += "| " + cells.joined(separator: " | ") + " |\n"
        }
        return out
    }

    /// A result as an HTML table for a report: Chinese headers with the English name as a
    /// tooltip (title), money and percentages marked, a total row set apart.
    static func html(_ result: QueryResult, language: ReportLanguage) -> String {
        let e = HTMLRenderer.escape
        let count = result.columns.count
        let types = (0..<count).map { $0 < result.types.count ? result.types[$0] : ColumnType.text }
        let places = CellText.decimalPlaces(of: result.rows, columns: count)
        var out = "<table>\n<thead><tr>"
        for i in 0..<count {
            let h = header(result.columns[i], type: types[i], language: language)
            let classAttribute = CellText.isNumeric(types[i]) ? " class=\"num\"" : ""
            let title = h.other.map { " title=\"\(e($0))\"" } ?? ""
            out += "<th\(classAttribute)\(title)>\(e(h.text))</th>"
        }
        out += "</tr></thead>\n<tbody>\n"
        for row in result.rows {
            let total = CellText.isTotalRow(row)
            out += total ? "<tr class=\"total\">" : "<tr>"
            for i in 0..<count {
                let value = i < row.count ? row[i] : .null
                let text = e(cell(value, column: result.columns[i], type: types[i], places: places[i], totalRow: total))
                if value.isNull && !total {
                    out += "<td class=\"null\">\(text)</td>"
                } else {
                    out += (CellText.isNumeric(types[i]) ? "<td class=\"num\">" : "<td>") + text + "</td>"
                }
            }
            out += "</tr>\n"
        }
        return out + "</tbody>\n</table>\n"
    }
}
