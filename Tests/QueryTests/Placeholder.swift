import Testing
@testable import Query

@Suite struct QueryPlaceholder { @Test func builds() {} }
