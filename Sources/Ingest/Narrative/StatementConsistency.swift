import Store

/// Do a statement's figures agree? Printed figures are rounded, so agreement means: within one
/// unit of the last printed digit of the figure being checked.
enum StatementConsistency {
    /// Completes prior/change from each other and judges them; nil when nothing can be checked.
    static func judge(_ f: inout StatementFigures) -> Bool? {
        var verdicts: [Bool] = []
        if f.change == nil, let unsigned = f.unsignedChange, let pct = f.pct {
            f.change = pct.isNegative ? unsigned.negated : unsigned
        }
        if f.change == nil, f.flat { f.change = .zero }
        if f.prior == nil, f.noPrior { f.prior = .zero }
        if let amount = f.amount, let prior = f.prior, let change = f.change {
            // All three printed: they must add up.
            if let difference = amount.subtracting(prior) { verdicts.append(withinRounding(difference, change)) }
        } else if let amount = f.amount, let change = f.change {
            f.prior = amount.subtracting(change)
        } else if let amount = f.amount, let prior = f.prior {
            f.change = amount.subtracting(prior)
        }
        if let pct = f.pct, let change = f.change, let prior = f.prior {
            verdicts.append(percentAgrees(pct, change: change, prior: prior, amount: f.amount))
        } else if let pct = f.pct, f.flat {
            verdicts.append(pct.isZero)
        }
        if let completion = f.completion, let amount = f.amount, let prior = f.prior {
            if prior.isZero {
                verdicts.append(false)
            } else if let ratio = amount.multiplied(by: ExactDecimal(100))?.divided(by: prior, scale: completion.scale + 2) {
                verdicts.append(withinRounding(ratio, completion))
            }
        }
        if f.flat, let change = f.change { verdicts.append(change.isZero) }
        return verdicts.isEmpty ? nil : !verdicts.contains(false)
    }

    /// Growth = change / prior. A new item (prior 0) is conventionally printed as 100%; a prior
    /// below zero (a change larger than the amount) cannot be a budget.
    static func percentAgrees(_ pct: ExactDecimal, change: ExactDecimal, prior: ExactDecimal, amount: ExactDecimal?) -> Bool {
        if prior.isNegative { return false }
        if prior.isZero {
            return (pct == ExactDecimal(100) && !change.isNegative) || (pct.isZero && change.isZero)
        }
        guard let ratio = change.multiplied(by: ExactDecimal(100))?.divided(by: prior, scale: pct.scale + 2) else { return false }
        return withinRounding(ratio, pct)
    }

    /// |computed − printed| ≤ one unit of the printed value's last digit.
    static func withinRounding(_ computed: ExactDecimal, _ printed: ExactDecimal) -> Bool {
        guard let difference = computed.subtracting(printed) else { return false }
        let unit = ExactDecimal(units: 1, scale: printed.scale)
        return !(unit < difference.magnitude)
    }
}
