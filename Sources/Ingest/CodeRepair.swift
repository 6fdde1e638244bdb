/// Codes the document itself prints in full, by name: the same codes appear in several tables
/// (income, spending, general budget), so a code that extraction broke in one table is
/// usually whole in another.
struct CodeDictionary: Sendable {
    private(set) var byParentAndName: [String: [ClassificationCode]] = [:]
    private(set) var byParent: [String: Set<ClassificationCode>] = [:]

    mutating func add(_ code: ClassificationCode, name: String) {
        let parentKey = code.parent?.description ?? ""
        let key = parentKey + "|" + name
        if !(byParentAndName[key]?.contains(code) ?? false) { byParentAndName[key, default: []].append(code) }
        byParent[parentKey, default: []].insert(code)
    }

    /// The child of `parent` (nil for classes) printed elsewhere with this name, when unique.
    func child(of parent: ClassificationCode?, named name: String) -> ClassificationCode? {
        let found = byParentAndName[(parent?.description ?? "") + "|" + name] ?? []
        return found.count == 1 ? found[0] : nil
    }

    func children(of parent: ClassificationCode?) -> Set<ClassificationCode> {
        byParent[parent?.description ?? ""] ?? []
    }
}

/// A repair made to a printed code, for `checks` ('repaired', with the line).
struct Repair: Sendable {
    let line: Int
    let detail: String
}

/// Repairs the codes of a table's rows: joins displaced digits back ("208|0" + "|1" = 208 01),
/// completes cut codes from the hierarchy (a section row belongs to the class above it), from
/// the names the document prints with whole codes elsewhere, and from the class names.
struct CodeRepairer {
    /// Digits per level: [3, 2, 2] for function codes, [3, 2] for economic codes.
    let widths: [Int]
    let dictionary: CodeDictionary
    private(set) var repairs: [Repair] = []

    init(widths: [Int], dictionary: CodeDictionary) {
        self.widths = widths
        self.dictionary = dictionary
    }

    /// The printed parts cut into class/section/item digit strings.
    func levels(of parts: [String]) -> [String] {
        let nonEmpty = parts.filter { !$0.isEmpty }
        // One run of digits (layout text, 决算 tables): 3, 5 or 7 digits.
        if nonEmpty.count == 1, parts.count <= 1 || parts.first == nonEmpty.first, nonEmpty[0].count > widths[0] {
            var out: [String] = []
            var rest = Substring(nonEmpty[0])
            for w in widths {
                out.append(String(rest.prefix(w)))
                rest = rest.dropFirst(w)
            }
            return out
        }
        var out = Array(parts.prefix(widths.count))
        while out.count < widths.count { out.append("") }
        return out
    }

    /// Resolves the codes of `lines` in order; returns one code (or nil) per line. Fragments
    /// are merged into the row before them and get nil.
    mutating func resolve(_ lines: inout [TableLine]) -> [ClassificationCode?] {
        // 1. Displaced digits: a line of code digits only continues the code of the row above.
        var previousData: Int?
        for i in lines.indices {
            switch lines[i].shape {
            case .data:
                if lines[i].hasCode { previousData = i } else { previousData = nil }
            case .codeFragment:
                guard let p = previousData else { continue }
                var target = levels(of: lines[p].codeParts)
                let pieces = levels(of: lines[i].codeParts)
                var merged = false
                for l in widths.indices where !pieces[l].isEmpty {
                    let joined = target[l] + pieces[l]
                    if !target[l].isEmpty && target[l].count < widths[l] && joined.count <= widths[l] {
                        target[l] = joined
                        merged = true
                    } else if target[l].isEmpty && l > 0 && !target[l - 1].isEmpty && pieces[l].count == widths[l] {
                        // A whole lower-level piece under a row that printed none is not ours.
                        continue
                    }
                }
                if !lines[i].name.isEmpty {
                    // The rest of a name the extraction wrapped with the digits ("信息访" + "问").
                    lines[p].name += lines[i].name
                    if let last = lines[p].texts.indices.last { lines[p].texts[last] += lines[i].name }
                }
                if merged {
                    repairs.append(Repair(line: lines[p].line,
                                          detail: "code digits \(lines[i].codeParts.joined(separator: " ")) on line \(lines[i].line) joined to the row above"))
                    lines[p].codeParts = target
                }
            default:
                continue
            }
        }
        // 2. Complete each row's code from context.
        var result = [ClassificationCode?](repeating: nil, count: lines.count)
        var currentClass: Int?
        var currentSection: ClassificationCode?
        for i in lines.indices where lines[i].shape == .data && lines[i].hasCode {
            let printed = levels(of: lines[i].codeParts)
            let level = printed.lastIndex { !$0.isEmpty }.map { $0 + 1 } ?? 0
            let name = lines[i].name
            // Class.
            var classCode: Int?
            let c = printed[0]
            if c.count == 3, let v = Int(c) {
                classCode = v
            } else if level == 1 {
                classCode = dictionary.child(of: nil, named: name)?.classCode
                    ?? (widths.count == 3 ? FunctionClasses.code(named: name) : nil)
                    ?? lookAheadClass(lines, from: i, prefix: c)
            } else if let cc = currentClass, String(cc).hasPrefix(c) {
                classCode = cc
            } else {
                classCode = lookAheadClass(lines, from: i, prefix: c) ?? currentClass
            }
            guard let cls = classCode else { continue }
            let classOnly = ClassificationCode(classCode: cls, section: nil, item: nil)
            if level == 1 {
                currentClass = cls
                currentSection = nil
                result[i] = classOnly
                noteRepair(lines[i], printed: printed, code: classOnly)
                continue
            }
            currentClass = cls
            // Section.
            let s = printed[1]
            var section: Int?
            if s.count == widths[1], let v = Int(s) {
                section = v
            } else if level == 2 {
                section = dictionary.child(of: classOnly, named: name)?.section
                    ?? lookAheadSection(lines, from: i)
                    ?? uniqueChild(of: classOnly, prefix: s)?.section
                    ?? lostZero(s, under: classOnly, name: name)
            } else if let cs = currentSection, cs.classCode == cls, let sec = cs.section,
                      s.isEmpty || String(format2(sec)).hasPrefix(s) {
                section = sec
            } else {
                section = uniqueChild(of: classOnly, prefix: s)?.section
                    ?? lostZero(s, under: classOnly, name: widths.count == 2 ? name : nil)
            }
            guard let sec = section else { continue }
            let sectionCode = ClassificationCode(classCode: cls, section: sec, item: nil)
            if level == 2 || widths.count == 2 {
                currentSection = sectionCode
                result[i] = sectionCode
                noteRepair(lines[i], printed: printed, code: sectionCode)
                continue
            }
            currentSection = sectionCode
            // Item.
            let t = printed[2]
            var item: Int?
            if t.count == widths[2], let v = Int(t) {
                item = v
            } else {
                item = dictionary.child(of: sectionCode, named: name)?.item
                    ?? uniqueChild(of: sectionCode, prefix: t)?.item
                    ?? lostZero(t, under: sectionCode, name: name)
            }
            guard let it = item else { continue }
            let code = ClassificationCode(classCode: cls, section: sec, item: it)
            result[i] = code
            noteRepair(lines[i], printed: printed, code: code)
        }
        return result
    }

    private mutating func noteRepair(_ line: TableLine, printed: [String], code: ClassificationCode) {
        let asPrinted = printed.filter { !$0.isEmpty }.joined()
        if asPrinted != code.description {
            repairs.append(Repair(line: line.line,
                                  detail: "code printed as '\(line.codeParts.filter { !$0.isEmpty }.joined(separator: " "))' read as \(code) (\(line.name))"))
        }
    }

    private func format2(_ n: Int) -> String { n < 10 ? "0\(n)" : String(n) }

    /// A one-digit section or item where the level has two ("301  2  津贴补贴" for 30102): the
    /// part lost its leading zero in print (a spreadsheet cell typed as a number). Taken when the
    /// reference classification names that code as the row does, or the document prints that
    /// code whole with this name elsewhere; anything else stays unread and is reported.
    private func lostZero(_ digits: String, under parent: ClassificationCode, name: String?) -> Int? {
        guard digits.count == 1, let v = Int(digits), let name else { return nil }
        let code = parent.level == 1 ? ClassificationCode(classCode: parent.classCode, section: v, item: nil)
            : ClassificationCode(classCode: parent.classCode, section: parent.section, item: v)
        if dictionary.children(of: parent).contains(code), dictionary.child(of: parent, named: name) == code { return v }
        let kind: ClassKind = widths.count == 2 ? .economic : .function
        guard let reference = ReferenceClassification.standard.name(ofCode: code.description, kind: kind) else { return nil }
        let a = ReferenceClassification.matchKey(reference), b = ReferenceClassification.matchKey(name)
        return !b.isEmpty && (a == b || a.contains(b) || b.contains(a)) ? v : nil
    }

    private func uniqueChild(of parent: ClassificationCode, prefix: String) -> ClassificationCode? {
        let found = dictionary.children(of: parent).filter { child in
            let digits = child.level == 2 ? format2(child.section ?? -1) : format2(child.item ?? -1)
            return digits.hasPrefix(prefix)
        }
        return found.count == 1 ? found.first : nil
    }

    /// The class of the next rows that print a whole class code, if it extends `prefix`.
    private func lookAheadClass(_ lines: [TableLine], from i: Int, prefix: String) -> Int? {
        var j = i + 1
        while j < lines.count && j <= i + 40 {
            if lines[j].shape == .data && lines[j].hasCode {
                let p = levels(of: lines[j].codeParts)
                if p[0].count == 3, p[0].hasPrefix(prefix), let v = Int(p[0]) { return v }
                if p[1].isEmpty { return nil }  // the next class row: ours ended without a whole code
            }
            j += 1
        }
        return nil
    }

    /// The section printed whole by the item rows under a section row.
    private func lookAheadSection(_ lines: [TableLine], from i: Int) -> Int? {
        var j = i + 1
        while j < lines.count && j <= i + 40 {
            if lines[j].shape == .data && lines[j].hasCode {
                let p = levels(of: lines[j].codeParts)
                guard p.count == 3, !p[2].isEmpty else { return nil }
                if p[1].count == 2 { return Int(p[1]) }
            }
            j += 1
        }
        return nil
    }
}
