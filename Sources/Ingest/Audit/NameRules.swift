/// Names of codes (issue 11, item 3): each (code, name) a table prints against the reference
/// classification and against the same code's name in the document's other tables.
enum NameRules {
    static func check(_ context: AuditContext) -> [Check] {
        var checks: [Check] = []
        let reference = ReferenceClassification.standard
        // First name and where it was seen, per code, for the comparison across tables.
        var seen: [String: (table: String, name: String, key: String, line: Int)] = [:]
        var reported = Set<String>()
        for table in context.ingested.codedTables {
            let kind: ClassKind = table.kind.key == .economic ? .economic : .function
            for row in table.rows where row.project == nil && !row.isTotal {
                guard let code = row.code?.description, !row.name.isEmpty else { continue }
                let key = ReferenceClassification.matchKey(row.name)
                if let entry = reference.entry(code: code, kind: kind), entry.matchKey != key {
                    if FormerNames.isFormer(row.name, of: code) {
                        checks.append(.failed(RuleCatalogue.formerName, table: table.kind.name,
                                              detail: "\(code)「\(row.name)」是旧称，现名「\(entry.name)」",
                                              quote: context.quote(line: row.line), line: row.line))
                    } else if !reported.contains(table.kind.name + code) {
                        reported.insert(table.kind.name + code)
                        checks.append(.failed(RuleCatalogue.nameReference, table: table.kind.name,
                                              detail: "\(code) 的名称不符：表中为「\(row.name)」，科目表为「\(entry.name)」",
                                              quote: context.quote(line: row.line), line: row.line))
                    }
                }
                let seenKey = kind.rawValue + code
                if let first = seen[seenKey] {
                    if first.key != key && first.table != table.kind.name && !reported.contains("across" + seenKey + key) {
                        reported.insert("across" + seenKey + key)
                        checks.append(.failed(RuleCatalogue.nameAcrossTables, table: table.kind.name,
                                              detail: "\(code) 在\(TableTitles.title(first.table))中为「\(first.name)」，在\(TableTitles.title(table.kind.name))中为「\(row.name)」",
                                              quote: context.quote(line: row.line), line: row.line))
                    }
                } else {
                    seen[seenKey] = (table.kind.name, row.name, key, row.line)
                }
            }
        }
        return checks
    }
}
