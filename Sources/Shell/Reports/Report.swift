import Store
import Query

/// A saved query after running: what was asked (title, parameters), over what (the documents
/// loaded), and what came back, section by section. Renderers turn it into text; it holds no
/// clock time, so the same data and parameters render to the same bytes.
public struct Report: Sendable {
    public let query: SavedQuery
    public let parameters: ReportParameters
    /// The loaded snapshots (the `docs` table), in a stable order.
    public let documents: [ReportDocument]
    public let sections: [RanSection]
    /// The `--data` paths the report ran on, as given, for the command that reruns it: without
    /// them a rerun compares whatever `Data/` holds instead.
    public let dataPaths: [String]
    /// The reconciliation checks of the loaded documents that failed: the figures a reader should
    /// know are disputed (the document's own tables disagree, or a number could not be read).
    public let failedChecks: [ReportCheck]
    /// Every check of the loaded documents, failed or not, for "N of M failed".
    public let checkCount: Int

    public init(query: SavedQuery, parameters: ReportParameters, documents: [ReportDocument], sections: [RanSection],
                dataPaths: [String] = [], failedChecks: [ReportCheck] = [], checkCount: Int = 0) {
        self.query = query
        self.parameters = parameters
        self.documents = documents
        self.sections = sections
        self.dataPaths = dataPaths
        self.failedChecks = failedChecks
        self.checkCount = checkCount
    }
}

/// One loaded snapshot as a report lists it.
public struct ReportDocument: Sendable, Equatable {
    public let doc: String
    public let unit: String
    public let year: String
    public let stage: String

    public init(doc: String, unit: String, year: String, stage: String) {
        self.doc = doc
        self.unit = unit
        self.year = year
        self.stage = stage
    }
}

/// One failed reconciliation check, as a report lists it.
public struct ReportCheck: Sendable, Equatable {
    public let doc: String
    public let rule: String
    public let status: String
    public let expected: String
    public let actual: String
    public let diff: String
    /// Where the check points: the page of a PDF ("p.16"), else the line of a text snapshot
    /// ("l.466"), so a reader can open the document there.
    public let place: String
    public let detail: String
}

/// A section's results (one per statement) and the chart drawn from its last result.
public struct RanSection: Sendable {
    public let title: String
    public let results: [QueryResult]
    public let chart: ChartSpec?

    public init(title: String, results: [QueryResult], chart: ChartSpec?) {
        self.title = title
        self.results = results
        self.chart = chart
    }
}
