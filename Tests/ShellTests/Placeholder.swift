import Testing
@testable import Shell

@Suite struct ShellPlaceholder { @Test func builds() {} }
