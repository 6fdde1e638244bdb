import Store
import Query

/// The bars of a section's chart: one per row of its result, labelled by one column and measured
/// by another, in the result's order. Lengths are computed in exact decimals and rounded to whole
/// steps, so the same numbers always draw the same picture (no floating point, no drift).
struct ReportChart: Equatable {
    struct Bar: Equatable {
        let label: String
        let value: ExactDecimal
        /// The value as the tables print it (thousands separators), for the bar's caption.
        let caption: String
    }

    let labelColumn: String
    let valueColumn: String
    let valueType: ColumnType
    /// "class", "section" or "item" when the lines are classification codes of one level.
    let lines: String?
    let bars: [Bar]
    /// Rows left out because the chart would be unreadable with all of them.
    let omitted: Int

    static let maximumBars = 30

    /// The chart for `result`, or nil when it has no numeric column to measure (or no rows).
    /// Rows labelled 合计 (the templates' word for a total) or with neither label nor first column
    /// are left out: a total bar would dwarf the lines it sums.
    init?(result: QueryResult, spec: ChartSpec?) {
        let columns = result.columns.map { $0.lowercased() }
        func index(of name: String) -> Int? { columns.firstIndex(of: name.lowercased()) }
        let valueIndex: Int
        let labelIndex: Int
        if let spec {
            guard !spec.isNone, let v = index(of: spec.valueColumn), let l = index(of: spec.labelColumn) else { return nil }
            valueIndex = v
            labelIndex = l
        } else {
            let types = result.types
            guard let v = types.firstIndex(of: .decimal)
                ?? types.indices.first(where: { types[$0] == .integer && !CellText.isIdentifierLike(column: result.columns[$0]) })
            else { return nil }
            valueIndex = v
            labelIndex = types.firstIndex(of: .text) ?? 0
        }
        let codeIndex = index(of: "code")
        var bars: [Bar] = []
        var omitted = 0
        for row in result.rows {
            guard valueIndex < row.count, labelIndex < row.count else { continue }
            let number: ExactDecimal
            switch row[valueIndex] {
            case .decimal(let d): number = d
            case .integer(let i): number = ExactDecimal(i)
            default: continue
            }
            // A line with no name (a code missing from the reference) is drawn under its first
            // column, usually the code, rather than dropped.
            let labelValue = row[labelIndex].isNull ? row[0] : row[labelIndex]
            guard !labelValue.isNull, labelValue.description != "合计" else { continue }
            if bars.count == ReportChart.maximumBars { omitted += 1; continue }
            // Names repeat across classes (six sections are called 一般行政管理事务): the code
            // before the name tells the bars apart.
            var label = labelValue.description
            if let codeIndex, codeIndex != labelIndex, codeIndex < row.count, !row[codeIndex].isNull, !row[labelIndex].isNull {
                label = row[codeIndex].description + " " + label
            }
            bars.append(Bar(label: label, value: number,
                            caption: CellText.display(row[valueIndex], column: result.columns[valueIndex])))
        }
        guard !bars.isEmpty else { return nil }
        self.labelColumn = result.columns[labelIndex]
        self.valueColumn = result.columns[valueIndex]
        self.valueType = valueIndex < result.types.count ? result.types[valueIndex] : .decimal
        self.lines = ReportColumns.lines(of: result)
        self.bars = bars
        self.omitted = omitted
    }

    var largestPositive: ExactDecimal { bars.map(\.value).filter { !$0.isNegative }.max() ?? .zero }
    var largestNegativeMagnitude: ExactDecimal { bars.map(\.value).filter(\.isNegative).map(\.magnitude).max() ?? .zero }

    /// `magnitude / whole × steps`, rounded to a whole number of steps; 0 when whole is 0.
    static func steps(_ magnitude: ExactDecimal, of whole: ExactDecimal, in steps: Int) -> Int {
        guard !whole.isZero,
              let scaled = magnitude.multiplied(by: ExactDecimal(Int64(steps))),
              let quotient = scaled.divided(by: whole, scale: 0),
              let count = Int(exactly: quotient.units) else { return 0 }
        return min(max(count, 0), steps)
    }
}
