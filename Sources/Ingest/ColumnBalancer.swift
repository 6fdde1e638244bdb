/// Moves a row's numbers to other columns when the table's own sums say they sit in the wrong
/// one. Extraction shifts trailing cells from page to page (the seed's income table puts the
/// same column one or two cells further right on its second page), so position can put a
/// value in the wrong column; the arithmetic the table obeys (a section is the sum of its
/// items, a class of its sections, 合计 of the classes, column by column) tells where it
/// belongs. Rows whose cells line up with the header exactly are trusted and never move; a
/// move must keep the row's own arithmetic and clearly reduce the disagreement, so a
/// document's real inconsistencies are left as published.
enum ColumnBalancer {
    /// `rows[i].assignment` is changed in place when a move helps; repairs are recorded.
    static func balance(_ rows: inout [CodedRow], columnNames: [String], repairs: inout [Repair]) {
        let columnCount = columnNames.count
        let movable = rows.indices.filter { rows[$0].alternatives.count > 1 && !rows[$0].isTrusted }
        guard columnCount > 1, !movable.isEmpty else { return }
        // Integer units at one scale: the search compares sums, so exact and cheap.
        let scale = min(rows.flatMap { $0.numbers.map(\.number.value.scale) }.max() ?? 0, 8)
        let units: [[Int128]] = rows.map { row in
            row.numbers.map { $0.number.value.rescaled(to: scale)?.units ?? 0 }
        }
        // Parent of each row: the row of its nearest printed ancestor code, else the total row.
        var rowOfCode: [ClassificationCode: Int] = [:]
        for (i, r) in rows.enumerated() where r.project == nil { if let c = r.code, rowOfCode[c] == nil { rowOfCode[c] = i } }
        let totalRow = rows.firstIndex { $0.isTotal }
        var parent = [Int?](repeating: nil, count: rows.count)
        var children = [[Int]](repeating: [], count: rows.count)
        for (i, r) in rows.enumerated() {
            guard let c = r.code else { continue }
            // A project row sits under the item row of its own code.
            if r.project != nil, let own = rowOfCode[c], own != i {
                parent[i] = own
                children[own].append(i)
                continue
            }
            var p = c.parent
            while let q = p {
                if let pr = rowOfCode[q], pr != i { parent[i] = pr; break }
                p = q.parent
            }
            if parent[i] == nil, let t = totalRow { parent[i] = t }
            if let pr = parent[i] { children[pr].append(i) }
        }
        let start = rows.map(\.assignment)
        var assignment = start
        // Two units of the last printed digit: the rounding a published subtotal may carry.
        let tolerance: Int128 = 2

        func cost(of p: Int) -> Int128 {
            guard !children[p].isEmpty else { return 0 }
            var diff = [Int128](repeating: 0, count: columnCount)
            for (j, col) in assignment[p].enumerated() { diff[col] += units[p][j] }
            for ch in children[p] {
                for (j, col) in assignment[ch].enumerated() { diff[col] -= units[ch][j] }
            }
            // How many columns disagree beyond rounding (high bits), and by how much (low bits).
            var count: Int128 = 0, l1: Int128 = 0
            for d in diff {
                let m = d < 0 ? -d : d
                if m > tolerance { count += 1 }
                l1 = min(l1 &+ m, l1Cap)
            }
            return count << 80 | l1
        }
        let l1Cap: Int128 = (1 << 79) - 1
        // Rows below each row, computed once: every move carries its change down to them.
        let below: [[Int]] = rows.indices.map { r in
            var out: [Int] = []
            var stack = children[r]
            while let d = stack.popLast() { out.append(d); stack.append(contentsOf: children[d]) }
            return out
        }
        func descendants(of r: Int) -> [Int] { below[r] }
        /// Applies `newColumns` to row r and carries the same column change down to the rows
        /// below it (a section moved with its items, an item with its projects).
        func move(_ r: Int, to newColumns: [Int]) -> [(Int, [Int])] {
            var changed: [(Int, [Int])] = [(r, assignment[r])]
            let old = assignment[r]
            assignment[r] = newColumns
            let moves = zip(rows[r].numbers.indices, zip(old, newColumns)).filter { $0.1.0 != $0.1.1 }
                .map { (value: units[r][$0.0], from: $0.1.0, to: $0.1.1) }
            for d in descendants(of: r) where !rows[d].isTrusted {
                var candidate = assignment[d]
                var touched = false
                for (k, col) in candidate.enumerated() {
                    // The same column change for the rows below (their own values differ).
                    if let m = moves.first(where: { $0.from == col }) {
                        candidate[k] = m.to
                        touched = true
                    }
                }
                if touched, rows[d].alternatives.contains(candidate) {
                    changed.append((d, assignment[d]))
                    assignment[d] = candidate
                }
            }
            return changed
        }

        let margin: Int128 = 0
        // Costs per parent row, kept up to date as rows move: a move touches only the parents
        // of the rows it changes, so the search stays cheap on wide tables.
        var costs = rows.indices.map { cost(of: $0) }
        var current = costs.reduce(0, +)
        guard current > margin else { return }
        func apply(_ r: Int, _ columns: [Int]) -> (undo: [(Int, [Int])], delta: Int128, touched: [(Int, Int128)]) {
            let undo = move(r, to: columns)
            var affected = Set<Int>()
            for (row, _) in undo {
                affected.insert(row)
                if let p = parent[row] { affected.insert(p) }
            }
            var delta: Int128 = 0
            var touched: [(Int, Int128)] = []
            for a in affected {
                let c = cost(of: a)
                delta += c - costs[a]
                touched.append((a, costs[a]))
                costs[a] = c
            }
            return (undo, delta, touched)
        }
        func revert(_ change: (undo: [(Int, [Int])], delta: Int128, touched: [(Int, Int128)])) {
            for (row, columns) in change.undo.reversed() { assignment[row] = columns }
            for (row, old) in change.touched { costs[row] = old }
        }
        var bestOverall = current
        var bestAssignment = assignment
        // Each placement of the total row is a start: the total row fixes the columns the
        // others must sum to.
        var starts: [[Int]?] = [nil]
        if let t = totalRow, movable.contains(t) { starts += rows[t].alternatives.prefix(8).map { Optional($0) } }
        for startTotal in starts {
            assignment = start
            costs = rows.indices.map { cost(of: $0) }
            current = costs.reduce(0, +)
            if let s = startTotal, let t = totalRow { current += apply(t, s).delta }
            for _ in 0..<8 {
                var improved = false
                for i in movable where i != totalRow {
                    // Only rows next to a disagreement can help: skip balanced neighbourhoods.
                    if costs[i] == 0 && (parent[i].map { costs[$0] } ?? 0) == 0 { continue }
                    for alternative in rows[i].alternatives where alternative != assignment[i] {
                        let change = apply(i, alternative)
                        // A move must make columns agree (fewer disagreeing columns), or remove
                        // most of the disagreement around it; shrinking a gap the document itself
                        // prints by a little is not evidence.
                        let before = change.touched.reduce(Int128(0)) { $0 + ($1.1 & l1Cap) }
                        let after = change.touched.reduce(Int128(0)) { $0 + (costs[$1.0] & l1Cap) }
                        let countBefore = change.touched.reduce(Int128(0)) { $0 + ($1.1 >> 80) }
                        let countAfter = change.touched.reduce(Int128(0)) { $0 + (costs[$1.0] >> 80) }
                        if countAfter < countBefore || countAfter == countBefore && (before - after) * 2 > before {
                            current += change.delta
                            improved = true
                            break
                        }
                        revert(change)
                    }
                }
                if !improved || current == 0 { break }
            }
            if current + margin < bestOverall {
                bestOverall = current
                bestAssignment = assignment
            }
            // The table balances (within rounding): no other start can do better.
            if bestOverall <= margin { break }
        }
        for i in rows.indices where bestAssignment[i] != start[i] {
            rows[i].assignment = bestAssignment[i]
            let moved = zip(rows[i].numbers, zip(start[i], bestAssignment[i]))
                .filter { $0.1.0 != $0.1.1 }
                .map { "\($0.0.cell) \(columnNames[$0.1.0])→\(columnNames[$0.1.1])" }
            repairs.append(Repair(line: rows[i].line,
                                  detail: "column set by the table's sums (cells shift on this page): " + moved.joined(separator: ", ")))
        }
    }
}
