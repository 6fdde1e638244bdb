import Foundation
import Store
import Testing
@testable import Ingest

/// The seed's table 3 (单位支出总体情况表) read into `spending`: item-level leaves, codes that
/// extraction broke repaired, exact 万元.
@Suite struct SpendingTableTests {
    let report = SnapshotLoader.load(paths: [Fixture.seed])

    @Test func seedSpendingHasTheItemLeavesOfTable3() throws {
        let spending = try #require(Fixture.table(report, "spending"))
        #expect(spending.rowCount == 28)
        #expect(Fixture.sum(spending, "amount") == ExactDecimal("7278.68"))
        #expect(Fixture.sum(spending, "amount") { $0["class"] == .integer(208) } == ExactDecimal("6157.25"))
        #expect(Fixture.sum(spending, "basic") == ExactDecimal("539.99"))
        #expect(Fixture.sum(spending, "project") == ExactDecimal("6738.69"))
    }
}
