/// The template's names of the standard tables, for findings a reviewer reads ("支出表" rather
/// than "spending"); the canonical name stays in `checks.table`.
enum TableTitles {
    static let byName: [String: String] = [
        "overview": "收支总表", "income": "收入表", "spending": "支出表", "appropriation": "财政拨款收支总表",
        "general_spending": "一般公共预算支出表", "basic_spending": "一般公共预算基本支出表", "project_spending": "项目支出表",
        "fund_spending": "政府性基金预算支出表", "soe_spending": "国有资本经营预算支出表", "three_public": "“三公”经费表",
        "carryover": "结转结余表", "targets": "绩效目标表",
    ]

    static func title(_ name: String) -> String { byName[name] ?? name }
}
