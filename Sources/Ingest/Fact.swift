import Store

/// One number printed in a table, with where it sits: the `facts` table's row.
struct Fact: Sendable {
    /// Canonical table name, or the raw title when the table is not a standard one.
    let table: String
    let columnLabel: String
    let column: String
    let rowLabel: String
    let code: ClassificationCode?
    /// True when `code` is an economic code (basic_spending).
    let economic: Bool
    let project: String?
    /// In 万元.
    let amount: ExactDecimal
    let line: Int
    /// The cell the figure was printed in, where cells are columns (tab text, a PDF read by
    /// geometry): with the line, where on the page it stands.
    var cell: Int? = nil
    /// Printed beside the table's own columns (a 决算's 预算数, the year before, a change): a
    /// fact with no column that is no unplaced figure.
    var beside = false
}

/// A rule applied to a document, with its outcome: the `checks` table's row. A check whose
/// status is not ok/rounding is a finding of the audit.
struct Check: Sendable {
    /// ok and rounding pass; mismatch is figures that disagree; failed is a rule broken with no
    /// figures to compare (a placeholder, a missing table); repaired and unparsed are the
    /// reader's notes.
    enum Status: String, Sendable { case ok, rounding, mismatch, failed, repaired, unparsed }
    let table: String
    let rule: AuditRule
    let status: Status
    let expected: ExactDecimal?
    let actual: ExactDecimal?
    let detail: String
    let line: Int?
    /// The words the finding is about: the sentence or the cell text, as printed.
    var quote: String = ""

    var severity: Severity { rule.severity }
    /// Not passed: what `budgetql audit` reports.
    var isFinding: Bool { status != .ok && status != .rounding }

    /// A finding without figures (status 'failed').
    static func failed(_ rule: AuditRule, table: String, detail: String, quote: String = "", line: Int?) -> Check {
        Check(table: table, rule: rule, status: .failed, expected: nil, actual: nil, detail: detail, line: line, quote: quote)
    }

    var diff: ExactDecimal? {
        guard let e = expected, let a = actual else { return nil }
        return a.subtracting(e)
    }

    /// Compares two published amounts (万元): equal 'ok', within `unit` per summand 'rounding',
    /// else 'mismatch'.
    static func compare(table: String, rule: AuditRule, expected: ExactDecimal, actual: ExactDecimal,
                        unit: ExactDecimal, parts: Int, detail: String, line: Int?, quote: String = "") -> Check {
        let status: Status
        if expected == actual {
            status = .ok
        } else if Arithmetic.agree(expected, actual, parts: parts, unit: unit) {
            status = .rounding
        } else {
            status = .mismatch
        }
        return Check(table: table, rule: rule, status: status, expected: expected, actual: actual,
                     detail: detail, line: line, quote: quote)
    }
}
