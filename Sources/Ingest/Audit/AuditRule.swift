/// How bad a finding is, as reviewers grade it: an error is a figure that disagrees or a
/// required part that is missing (a publishing pipeline stops on it); a warning is likely wrong
/// and worth a look; a notice is style, former names or what the reader had to mend.
public enum Severity: String, Sendable, CaseIterable {
    case error, warning, notice
}

/// The families of ../shared/design/AUDIT.md, plus the reader's own notes (family 0). The
/// number is the one a rule id carries (`T3.row-total` is family 3).
public enum RuleFamily: Int, Sendable, CaseIterable {
    case reading = 0, identity, completeness, withinTable, betweenTables, narrative, hygiene

    public var title: String {
        switch self {
        case .reading: return "reading (what extraction mended or could not read)"
        case .identity: return "identity and year"
        case .completeness: return "completeness"
        case .withinTable: return "within a table"
        case .betweenTables: return "between tables"
        case .narrative: return "narrative against tables"
        case .hygiene: return "text hygiene"
        }
    }
}

/// One rule reviewers apply to a disclosure: its stable id (what `checks.rule` holds and what
/// saved queries filter on), family, severity and a one-line description. Rules are declared
/// once, in `RuleCatalogue`; `budgetql rules`, the README's list and the tests follow from it.
public struct AuditRule: Sendable, Hashable {
    /// "T3.row-total": T for a rule on tables, N for one on the narrative (or R for the
    /// reader), the family number, then a name.
    public let id: String
    public let family: RuleFamily
    public let severity: Severity
    public let summary: String

    init(_ id: String, _ family: RuleFamily, _ severity: Severity, _ summary: String) {
        self.id = id
        self.family = family
        self.severity = severity
        self.summary = summary
    }
}
