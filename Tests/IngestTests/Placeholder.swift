import Testing
@testable import Ingest

@Suite struct IngestPlaceholder { @Test func builds() {} }
