/// Family 2: the standard tables listed in 目录 are printed, once, in that order; an empty table
/// says so and a table with rows does not.
enum CompletenessRules {
    /// Words of a statement that a table has no data: "本表无数据", "故本表为空表", "本单位无…经费".
    static func statesEmpty(_ text: String) -> Bool {
        let t = text.withoutSpaces
        return t.containsUTF8("无数据") || t.containsUTF8("空表") || t.containsUTF8("本表无")
            || (t.containsUTF8("无") && t.containsUTF8("经费") && (t.containsUTF8("本单位") || t.containsUTF8("本部门")))
    }

    static func check(_ context: AuditContext) -> (checks: [Check], missing: [String], statedEmpty: [String]) {
        var checks: [Check] = []
        let document = context.document
        // Printed tables: standard titles outside the contents page, in order; a title repeated
        // right after itself is the same table continued on the next page.
        var printed: [(table: String, segment: TableSegment)] = []
        for segment in context.segments where !context.contents.contains(line: segment.titleLine) {
            guard let kind = segment.kind, segment.lines != nil else { continue }
            if let last = printed.last, last.table == kind.name { continue }
            if printed.contains(where: { $0.table == kind.name }) {
                checks.append(.failed(RuleCatalogue.duplicateTable, table: kind.name,
                                      detail: "\(TableTitles.title(kind.name))重复出现：第\(segment.titleLine)行再次列出「\(context.title(segment))」",
                                      quote: context.title(segment), line: segment.titleLine))
                continue
            }
            printed.append((kind.name, segment))
        }
        let printedNames = printed.map(\.table)
        let listed = context.contents.listed.map(\.table)
        var missing: [String] = []
        for entry in context.contents.listed where !printedNames.contains(entry.table) && !missing.contains(entry.table) {
            missing.append(entry.table)
            checks.append(.failed(RuleCatalogue.missingTable, table: entry.table,
                                  detail: "目录列出「\(context.quote(line: entry.line))」，正文未见此表",
                                  quote: context.quote(line: entry.line), line: entry.line))
        }
        if !listed.isEmpty {
            let listedOrder = listed.filter { printedNames.contains($0) }
            let printedOrder = printedNames.filter { listed.contains($0) }
            if listedOrder != printedOrder, let first = zip(listedOrder, printedOrder).first(where: { $0 != $1 }),
               let at = printed.first(where: { $0.table == first.1 }) {
                checks.append(.failed(RuleCatalogue.tableOrder, table: first.1,
                                      detail: "表的顺序与目录不一致：目录此处为\(TableTitles.title(first.0))，正文为\(TableTitles.title(first.1))（\(context.title(at.segment))）",
                                      quote: context.title(at.segment), line: at.segment.titleLine))
            }
            for name in DisclosureTables.expectedTables where !listed.contains(name) && !printedNames.contains(name) {
                checks.append(.failed(RuleCatalogue.standardAbsent, table: name,
                                      detail: "标准表\(TableTitles.title(name))既未列入目录也未公开", line: context.contents.line))
            }
        }
        var statedEmpty: [String] = []
        for (name, segment) in printed {
            guard let body = segment.lines else { continue }
            // The note stands under the table, sometimes a line or two past what the locator kept.
            let nextTitle = context.segments.map(\.titleLine).filter { $0 > segment.titleLine }.min() ?? Int.max
            let noteLines = body.lowerBound...max(body.lowerBound, min(document.lines.count, body.upperBound + 3, nextTitle - 1))
            let statement = noteLines.first { statesEmpty(document.lines[$0 - 1]) }
            let empty = context.ingested.emptyTables.contains(name)
            if empty {
                if statement != nil {
                    statedEmpty.append(name)
                } else {
                    checks.append(.failed(RuleCatalogue.emptyUnstated, table: name,
                                          detail: "「\(context.title(segment))」没有数据行，也未说明（如“本表无数据”）",
                                          quote: context.title(segment), line: segment.titleLine))
                }
            } else if let line = statement {
                checks.append(.failed(RuleCatalogue.statementWithRows, table: name,
                                      detail: "「\(context.title(segment))」说明本表无数据，但表中有数据行",
                                      quote: context.quote(line: line), line: line))
            }
        }
        return (checks, missing, statedEmpty)
    }
}
