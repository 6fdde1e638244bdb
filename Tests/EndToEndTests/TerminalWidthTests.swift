import Foundation
import Query
import Testing

/// Wide results in a real terminal of 80 and of 200 columns: `SELECT * FROM docs` fits the screen
/// (no line wraps; at 200 columns nothing is cut), and `.checks` is readable without switching
/// modes (the rule and the numbers, not the snapshot columns every row repeats).
@Suite(.serialized, .enabled(if: Terminal.isAvailable, "tmux is needed (./ensure-deps installs it)"))
struct TerminalWidthTests {
    static let corpus = Binary.packageRoot.deletingLastPathComponent().appendingPathComponent("shared/corpus")
    static let data = ["--data", corpus.appendingPathComponent("planning-2024-dept-final.pdf").path,
                       "--data", corpus.appendingPathComponent("kashgar-party-mass-work-dept-2024-budget.txt").path]

    /// Runs one line in a terminal `columns` wide and returns the screen with wrapped lines joined.
    func screen(of line: String, columns: Int, until: String) throws -> [String] {
        let terminal = try Terminal(arguments: Self.data, columns: columns, rows: 60)
        defer { terminal.stop() }
        try terminal.type(line)
        try terminal.press("Enter")
        // Below the typed line: the banner above it ("… 469 rows in 10 tables") must not end the
        // wait before the statement has even been echoed, as it did on a loaded machine.
        try terminal.waitFor(until) { screen in
            guard let typed = screen.range(of: "budgetql> " + line, options: .backwards) else { return false }
            return screen[typed.upperBound...].contains(until)
        }
        try terminal.waitForLastLine("budgetql>")
        return try terminal.screen(joined: true).split(separator: "\n").map(String.init)
    }

    /// The widest line of the result's table (the banner above it names long paths and may wrap).
    func widest(_ lines: [String]) -> Int {
        lines.filter { $0.contains(" | ") || $0.hasPrefix("--") }.map { DisplayWidth.of($0.trimmingTrailingBlanks()) }.max() ?? 0
    }

    @Test(arguments: [80, 200])
    func aWideResultFitsTheTerminal(columns: Int) throws {
        let lines = try screen(of: "SELECT * FROM docs", columns: columns, until: "(2 rows)")
        #expect(widest(lines) <= columns, "a line wraps:\n\(lines.joined(separator: "\n"))")
        let header = lines.first { $0.hasPrefix(" doc ") } ?? ""
        #expect(header.contains("| unit"), "got: \(lines.joined(separator: "\n"))")
        if columns == 200 {
            // The narrow columns whole, only the widest text cut; more of the columns fit than at 80.
            #expect(lines.contains { $0.hasPrefix(" planning-") && $0.contains("| 决算  | 部门  |") })
            #expect(header.contains("| checks_failed"))
        } else {
            // At 80 columns the text columns give way, with a visible cut, and the columns that
            // cannot fit are counted in the footer.
            #expect(lines.contains { $0.contains("…") })
            #expect(lines.contains { $0.contains("more columns not shown; .mode line shows every column") })
        }
    }

    @Test(arguments: [80, 200])
    func checksAreReadableWithoutSwitchingModes(columns: Int) throws {
        // The footer says "(N rows)", or "(N rows, M shown; …)" past .maxrows.
        let lines = try screen(of: ".checks", columns: columns, until: " rows")
        #expect(widest(lines) <= columns, "a line wraps:\n\(lines.joined(separator: "\n"))")
        let header = lines.first { $0.contains("| status") } ?? ""
        #expect(header.contains("rule") && header.contains("expected") && header.contains("diff"), "got: \(header)")
        #expect(!header.contains("stage") && !header.contains("scope") && !header.contains("| unit"), "snapshot columns repeated: \(header)")
        #expect(lines.contains { $0.contains("mismatch") })
    }
}
