/// Family 1: the cover, the table headings and the narrative name the same unit, year and stage;
/// every year the narrative compares with is the right one.
enum IdentityRules {
    static func check(_ context: AuditContext) -> [Check] {
        headings(context) + unitNames(context) + years(context)
    }

    static func headings(_ context: AuditContext) -> [Check] {
        var checks: [Check] = []
        let document = context.document
        let cover = document.unit
        if !cover.isEmpty {
            for (i, line) in document.lines.enumerated() where line.containsUTF8("编制") || line.containsUTF8("单位名称") || line.containsUTF8("主管部门") {
                // A heading that names the cover's unit with more ("…商务委员会（本级）") or less is the same unit.
                guard let unit = DocumentMetadata.unitName(in: [line]), !cover.containsUTF8(unit), !unit.containsUTF8(cover) else { continue }
                checks.append(.failed(RuleCatalogue.unitHeading, table: "", detail: "表头单位为「\(unit)」，封面为「\(cover)」",
                                      quote: context.quote(line: i + 1), line: i + 1))
            }
        }
        // A part's title page: "上海市规划和自然资源局 2024 年度部门决算表" naming a unit before its year.
        if !cover.isEmpty {
            for segment in context.segments where !context.contents.contains(line: segment.titleLine) {
                let title = context.title(segment)
                guard title.hasSuffix("决算表") || title.hasSuffix("预算表"), let year = DocumentMetadata.yearRange(in: title) else { continue }
                var unit = Substring(title[..<year.lowerBound])
                if unit.hasPrefix("第"), let part = unit.range(of: "部分") { unit = unit[part.upperBound...] }
                guard unit.count >= 4, unit != Substring(cover), !cover.containsUTF8(String(unit)) else { continue }
                checks.append(.failed(RuleCatalogue.unitHeading, table: "", detail: "标题中的单位为「\(unit)」，封面为「\(cover)」",
                                      quote: title, line: segment.titleLine))
            }
        }
        for segment in context.segments where segment.kind != nil && !context.contents.contains(line: segment.titleLine) {
            let title = context.title(segment)
            if let year = document.year, let printed = DocumentMetadata.year(in: [title]), printed != year {
                checks.append(.failed(RuleCatalogue.yearHeading, table: segment.kind?.name ?? "",
                                      detail: "表题年度为\(printed)年，文件为\(year)年：「\(title)」", quote: title, line: segment.titleLine))
            }
            let final = title.containsUTF8("决算")
            let budgetWord = title.replacingOccurrences(of: "一般公共预算", with: "").replacingOccurrences(of: "政府性基金预算", with: "")
                .replacingOccurrences(of: "国有资本经营预算", with: "").containsUTF8("预算")
            if document.stage == "预算" && final || document.stage == "决算" && budgetWord && !final {
                checks.append(.failed(RuleCatalogue.stageHeading, table: segment.kind?.name ?? "",
                                      detail: "表题「\(title)」与文件的阶段（\(document.stage)）不符", quote: title, line: segment.titleLine))
            }
        }
        return checks
    }

    /// The unit's name with one character changed, as a slip leaves it ("规划与自然资源局" for
    /// "规划和自然资源局"): same length, same first characters and last character. Two changed
    /// characters are usually another unit (商务委员会 / 经济委员会, 办公室 / 研究室).
    static func unitNames(_ context: AuditContext) -> [Check] {
        let unit = Array(context.document.unit)
        guard unit.count >= 6 else { return [] }
        let head = String(unit.prefix(4))
        var checks: [Check] = []
        for s in context.sentences.sentences {
            var reported = Set<String>()
            for o in s.offsets(of: head) where o + unit.count <= s.characters.count {
                let candidate = Array(s.characters[o..<(o + unit.count)])
                let differing = zip(candidate, unit).filter { $0 != $1 }.count
                guard differing == 1, candidate.last == unit.last else { continue }
                let name = String(candidate)
                if reported.insert(name).inserted {
                    checks.append(.failed(RuleCatalogue.unitName, table: "narrative", detail: "说明中单位名称为「\(name)」，封面为「\(context.document.unit)」",
                                          quote: excerpt(s.text), line: s.line))
                }
            }
        }
        return checks
    }

    static func years(_ context: AuditContext) -> [Check] {
        guard let year = context.document.year else { return [] }
        let final = context.document.stage == "决算"
        var checks: [Check] = []
        for s in context.sentences.sentences {
            for (printed, start) in s.years {
                let before = s.text(max(0, start - 2), start)
                let after = s.text(start + 5, start + 12)
                // "比2025年…" in a 2025 budget compares the year with itself; a 决算 compares its
                // final figures with the same year's budget ("比2024年年初预算"), which is right.
                if printed == year, before.hasSuffix("比") || before.hasSuffix("较") || before.hasSuffix("与") && after.containsUTF8("相比") {
                    let againstBudget = final && (after.hasPrefix("初") || after.hasPrefix("度年初") || after.hasPrefix("预算") || after.hasPrefix("度预算")
                                                  || after.hasPrefix("部门预算") || after.hasPrefix("年初"))
                    if !againstBudget {
                        checks.append(.failed(RuleCatalogue.yearSelf, table: "narrative",
                                              detail: "\(year)年的文件与\(printed)年自身比较", quote: excerpt(s.text), line: s.line))
                    }
                }
                let yearEnd = after.hasPrefix("12月31日") || after.hasPrefix("末") || after.hasPrefix("底")
                if final, printed != year, yearEnd, before.hasSuffix("截至") || before.hasSuffix("截止") || after.hasPrefix("末") || after.hasPrefix("底") {
                    checks.append(.failed(RuleCatalogue.yearEnd, table: "narrative",
                                          detail: "\(year)年度决算写成了\(printed)年末", quote: excerpt(s.text), line: s.line))
                }
                if !final, before.hasSuffix("截至") || before.hasSuffix("截止"), printed != year - 1, printed != year {
                    checks.append(.failed(RuleCatalogue.assetDate, table: "narrative",
                                          detail: "\(year)年预算的资产日期为\(printed)年", quote: excerpt(s.text), line: s.line))
                }
            }
        }
        return checks
    }

    static func excerpt(_ text: String) -> String { String(text.prefix(160)) }
}
