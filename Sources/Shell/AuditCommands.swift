import Ingest
import Query
import Store

/// `budgetql rules` and `budgetql audit`: the rule catalogue, and the findings of every loaded
/// document as the saved report `Queries/audit.bql` (so `.run audit` in the shell prints the
/// same), with an exit status a publishing pipeline can stop on.
extension Shell {
    /// The saved report the audit renders.
    static let auditReport = "audit"

    /// `budgetql rules`: one line per rule of `RuleCatalogue`, in the chosen output format.
    public static func listRules(_ options: ShellOptions) -> Int32 {
        guard let session = prepareSession(options, interactive: false, loadData: false) else {
            return ExitStatus.inputUnavailable.rawValue
        }
        session.print(session.render(rulesResult()))
        return ExitStatus.success.rawValue
    }

    static func rulesResult() -> QueryResult {
        QueryResult(columns: ["rule", "severity", "family", "description"], types: [.text, .text, .text, .text],
                    rows: RuleCatalogue.all.map { [.text($0.id), .text($0.severity.rawValue), .text($0.family.title), .text($0.summary)] })
    }

    /// `budgetql audit`: the audit report over the loaded documents; exit status 1 when any
    /// finding is an error, 0 otherwise (2 when an input could not be read).
    public static func audit(_ options: ShellOptions) -> Int32 {
        var options = options
        if options.format == nil, let output = options.output { options.format = OutputMode(fileExtensionOf: output) }
        if options.format == nil { options.format = .table }
        guard let session = prepareSession(options, interactive: false) else { return ExitStatus.inputUnavailable.rawValue }
        if let output = options.output, let problem = session.output.redirect(to: output, once: false) {
            Console.error("audit: \(problem)")
            return ExitStatus.inputUnavailable.rawValue
        }
        defer { session.output.close() }
        guard savedQueries.run(name: auditReport, arguments: [:], in: session) else { return ExitStatus.statementFailed.rawValue }
        let errors = errorFindings(in: session.catalog)
        if errors > 0 { Console.error("audit: \(StartupSummary.count(errors, "error finding"))") }
        return errors > 0 ? ExitStatus.statementFailed.rawValue : ExitStatus.success.rawValue
    }

    /// Failed checks (as the start-up summary counts them) of error severity.
    static func errorFindings(in catalog: Catalog) -> Int {
        guard let checks = catalog.table(named: "checks"), let severity = checks.column(named: "severity"),
              let status = checks.column(named: "status") else { return 0 }
        var count = 0
        for row in 0..<checks.rowCount where StartupSummary.isFailure(status.value(at: row)) {
            if case .text(let s) = severity.value(at: row), s == Severity.error.rawValue { count += 1 }
        }
        return count
    }
}
