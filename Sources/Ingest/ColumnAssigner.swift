import Store

/// Decides which column each printed number of a row belongs to. The number of cells per row
/// changes from page to page, so position alone is not enough: a candidate assignment is scored
/// by how far its numbers sit from the columns' usual positions, and assignments that break
/// the row's arithmetic (total = sum of parts) lose to ones that keep it.
struct ColumnAssigner: Sendable {
    /// Usual position of each column (tab index, or right edge in layout text); nil if unknown.
    let anchors: [Double?]

    var columnCount: Int { anchors.count }

    /// One way to place a row's numbers: column index per number, its position cost, and
    /// whether it keeps the row's arithmetic.
    struct Candidate: Sendable {
        let columns: [Int]
        let cost: Double
        let keepsArithmetic: Bool
    }

    /// Column index per number (same order as `positions`), strictly increasing; nil when
    /// there are more numbers than columns.
    func assign(positions: [Int], satisfiesArithmetic: ([Int]) -> Bool) -> [Int]? {
        candidates(positions: positions, limit: 1, satisfiesArithmetic: satisfiesArithmetic).first?.columns
    }

    /// The best placements, best first: those keeping the arithmetic before those breaking it,
    /// then by position cost.
    func candidates(positions: [Int], limit: Int, satisfiesArithmetic: ([Int]) -> Bool) -> [Candidate] {
        let m = positions.count
        let k = columnCount
        guard m <= k else { return [] }
        if m == 0 { return [Candidate(columns: [], cost: 0, keepsArithmetic: true)] }
        // Position cost first for every placement (cheap); the arithmetic is checked only
        // along the best ones until enough keep it.
        var scored: [(columns: [Int], cost: Double)] = []
        var combination = Array(0..<m)
        var evaluated = 0
        while true {
            evaluated += 1
            scored.append((combination, positionCost(combination, positions)))
            // Next combination in lexicographic order; bounded so a wide table stays fast.
            guard evaluated < 20_000, let next = ColumnAssigner.next(combination, k) else { break }
            combination = next
        }
        scored.sort { $0.cost < $1.cost }
        var keeping: [Candidate] = []
        var breaking: [Candidate] = []
        for (checked, s) in scored.enumerated() {
            if satisfiesArithmetic(s.columns) {
                keeping.append(Candidate(columns: s.columns, cost: s.cost, keepsArithmetic: true))
                if keeping.count >= limit { break }
            } else if breaking.count < limit {
                breaking.append(Candidate(columns: s.columns, cost: s.cost, keepsArithmetic: false))
            }
            if checked >= 400 && !keeping.isEmpty { break }
        }
        return Array((keeping + breaking).prefix(limit))
    }

    private func positionCost(_ columns: [Int], _ positions: [Int]) -> Double {
        var diffs: [Double] = []
        diffs.reserveCapacity(columns.count)
        for (i, c) in columns.enumerated() {
            guard let a = anchors[c] else { continue }
            diffs.append(Double(positions[i]) - a)
        }
        // Columns without a known position: a number goes there only when the known ones are
        // taken or break the arithmetic; among them the leftmost win (totals come first).
        let unknownPenalty = columns.reduce(0.0) { $0 + (anchors[$1] == nil ? 6 + Double($1) * 0.01 : 0) }
        guard !diffs.isEmpty else { return unknownPenalty + Double(columns.reduce(0, +)) * 0.001 }
        let sorted = diffs.sorted()
        let shift = sorted[sorted.count / 2]
        var cost = abs(shift) * 0.5
        for d in diffs { cost += abs(d - shift) }
        return cost + unknownPenalty
    }

    static func next(_ c: [Int], _ k: Int) -> [Int]? {
        var c = c
        let m = c.count
        var i = m - 1
        while i >= 0 && c[i] == k - m + i { i -= 1 }
        if i < 0 { return nil }
        c[i] += 1
        for j in (i + 1)..<m { c[j] = c[j - 1] + 1 }
        return c
    }
}

extension ExactDecimal {
    /// One unit of the last printed digit: 0.01 for "12.34", 1 for "12".
    var lastDigitUnit: ExactDecimal { ExactDecimal(units: 1, scale: scale) }
}

/// Sums and tolerances for the checks and the arithmetic of rows.
enum Arithmetic {
    static func sum(_ values: [ExactDecimal]) -> ExactDecimal {
        var total = ExactDecimal.zero
        for v in values { total = total.adding(v) ?? total }
        return total
    }

    /// Whether `a` and `b` agree within one unit of the last printed digit per summand
    /// (each printed part was rounded once).
    static func agree(_ a: ExactDecimal, _ b: ExactDecimal, parts: Int, unit: ExactDecimal) -> Bool {
        guard let diff = a.subtracting(b)?.magnitude else { return false }
        let tolerance = unit.multiplied(by: ExactDecimal(Int64(max(1, parts)))) ?? unit
        return !(tolerance < diff)
    }
}
