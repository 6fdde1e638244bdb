import Foundation
import Testing

/// Every example in README.md, executed: transcripts (`budgetql> ` lines with their output) are
/// typed into the REPL in a real terminal and the screen must read as the README does; command
/// lines (`budgetql ...`) must run with exit 0; SQL examples must run; a saved-query example must
/// run as a report. The blocks are found by their form, not by their place, so an example added
/// later is checked the same way.
@Suite(.serialized) struct ReadmeExamplesTests {
    struct Block {
        let text: String
        /// The README line the block starts on, for failure messages.
        let line: Int
        var lines: [String] { text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) }
    }

    static let readme = Binary.packageRoot.appendingPathComponent("README.md")

    /// Fenced (```) blocks and blocks indented by four spaces after a blank line.
    static func blocks() throws -> [Block] {
        let lines = try String(contentsOf: readme, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var blocks: [Block] = []
        var index = 0
        while index < lines.count {
            let line = lines[index]
            if line.hasPrefix("```") {
                var body: [String] = []
                var end = index + 1
                while end < lines.count, !lines[end].hasPrefix("```") { body.append(lines[end]); end += 1 }
                blocks.append(Block(text: body.joined(separator: "\n"), line: index + 2))
                index = end + 1
                continue
            }
            if line.hasPrefix("    "), index > 0, lines[index - 1].isEmpty {
                var body: [String] = []
                var end = index
                while end < lines.count, lines[end].hasPrefix("    ") { body.append(String(lines[end].dropFirst(4))); end += 1 }
                blocks.append(Block(text: body.joined(separator: "\n"), line: index + 1))
                index = end
                continue
            }
            index += 1
        }
        return blocks
    }

    static let prompt = "budgetql> "
    static let continuation = "   ...> "

    static func isTranscript(_ block: Block) -> Bool {
        block.lines.contains { $0.hasPrefix(prompt) } && !needsSparkCluster(block)
    }

    /// The Spark engine's examples need a running cluster (`spark/cluster start`, a PORT of its
    /// own): `theSparkExamplesRunOnTheTestCluster` runs them on the cluster ./test starts.
    static func needsSparkCluster(_ block: Block) -> Bool {
        block.lines.contains { $0.contains("--engine spark") || $0.hasPrefix("spark/") }
    }

    /// `budgetql ...` lines (a `$ ` before them allowed), with `\` continuations joined and `#`
    /// comments dropped.
    static func commands(in block: Block) -> [String] {
        guard !isTranscript(block), !needsSparkCluster(block) else { return [] }
        var joined: [String] = []
        var pending = ""
        for raw in block.lines {
            var line = raw.hasPrefix("$ ") ? String(raw.dropFirst(2)) : raw
            if !pending.isEmpty { line = pending + " " + line.trimmingCharacters(in: .whitespaces); pending = "" }
            if line.hasSuffix("\\") { pending = String(line.dropLast()).trimmingCharacters(in: .whitespaces); continue }
            joined.append(line)
        }
        return joined.filter { $0.hasPrefix("budgetql ") || $0 == "budgetql" || $0.hasPrefix("budgetql  ") }
            .map(withoutComment)
    }

    /// The command before an unquoted `#` that follows a space.
    static func withoutComment(_ line: String) -> String {
        var quote: Character?
        var previous: Character = " "
        var out = ""
        for c in line {
            if let q = quote { if c == q { quote = nil } } else if c == "'" || c == "\"" { quote = c } else if c == "#" && previous == " " { break }
            out.append(c)
            previous = c
        }
        return out.trimmingCharacters(in: .whitespaces)
    }

    static func isSQL(_ block: Block) -> Bool {
        let code = block.lines.filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
        return !code.isEmpty && code.allSatisfy { $0.hasPrefix("SELECT ") && !$0.contains("[") }
    }

    static func isSavedQuery(_ block: Block) -> Bool { block.lines.first?.hasPrefix("-- name: ") == true }

    /// A folder where the README's command lines run as an analyst in the repository runs them:
    /// `budgetql` on PATH, `../shared/corpus` beside it, and the placeholder inputs the examples
    /// name (`report.bql`, `statements.bql`, `two-years/`).
    static func workspace() throws -> (root: String, path: String) {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("budgetql-readme-\(getpid())-\(UUID().uuidString.prefix(8))")
        let root = base.appendingPathComponent("repository")
        let bin = base.appendingPathComponent("bin")
        let fm = FileManager.default
        try fm.createDirectory(at: root, withIntermediateDirectories: true)
        try fm.createDirectory(at: bin, withIntermediateDirectories: true)
        try fm.createSymbolicLink(atPath: bin.appendingPathComponent("budgetql").path, withDestinationPath: Binary.path)
        try fm.createSymbolicLink(atPath: base.appendingPathComponent("shared").path,
                                  withDestinationPath: Binary.packageRoot.deletingLastPathComponent().appendingPathComponent("shared").path)
        try "SELECT count(*);\nSELECT sum(amount) WHERE class = 208;\n".write(to: root.appendingPathComponent("report.bql"), atomically: true, encoding: .utf8)
        try "SELECT count(*) FROM docs;\n".write(to: root.appendingPathComponent("statements.bql"), atomically: true, encoding: .utf8)
        let twoYears = root.appendingPathComponent("two-years")
        try fm.createDirectory(at: twoYears, withIntermediateDirectories: true)
        for file in ["welfare-2024-unit-budget.pdf", "govoffice-2025-dept-budget.pdf"] {
            try fm.createSymbolicLink(atPath: twoYears.appendingPathComponent(file).path,
                                      withDestinationPath: base.appendingPathComponent("shared/corpus/\(file)").path)
        }
        return (root.path, bin.path + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"))
    }

    @Test func theReadmeHasExamplesOfEveryKind() throws {
        let blocks = try Self.blocks()
        #expect(blocks.filter(Self.isTranscript).count >= 2)
        #expect(blocks.flatMap(Self.commands).count >= 8)
        #expect(blocks.contains(where: Self.isSQL))
        #expect(blocks.contains(where: Self.isSavedQuery))
    }

    @Test func everyCommandLineRuns() throws {
        let (root, path) = try Self.workspace()
        for block in try Self.blocks() {
            for command in Self.commands(in: block) {
                let outcome = try Binary.run(["-c", command + " </dev/null"], directory: root, environment: ["PATH": path], shell: true)
                #expect(outcome.status == 0, "README.md:\(block.line): `\(command)` exited \(outcome.status): \(outcome.stderr)")
            }
        }
    }

    @Test func everySQLExampleRuns() throws {
        for block in try Self.blocks() where Self.isSQL(block) {
            for statement in block.lines where !statement.trimmingCharacters(in: .whitespaces).isEmpty {
                let outcome = try Binary.run(["-c", statement])
                #expect(outcome.status == 0, "README.md:\(block.line): `\(statement)`: \(outcome.stderr)")
            }
        }
    }

    @Test func everySavedQueryExampleRunsAsAReport() throws {
        for block in try Self.blocks() where Self.isSavedQuery(block) {
            let name = String(block.lines[0].dropFirst("-- name: ".count)).trimmingCharacters(in: .whitespaces)
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("budgetql-readme-queries-\(UUID().uuidString.prefix(8))")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try block.text.write(to: folder.appendingPathComponent(name + ".bql"), atomically: true, encoding: .utf8)
            let outcome = try Binary.run(["run", name, "--format", "markdown"], environment: ["BUDGETQL_QUERIES": folder.path])
            #expect(outcome.status == 0, "README.md:\(block.line): \(outcome.stderr)")
            #expect(outcome.stdout.contains("(from") == false)
        }
    }

    /// Each transcript typed at the prompt of a real terminal gives the screen the README shows.
    @Test(.enabled(if: Terminal.isAvailable, "tmux is needed"))
    func everyTranscriptIsWhatTheTerminalShows() throws {
        for block in try Self.blocks() where Self.isTranscript(block) {
            try Self.checkTranscript(block.lines, at: block.line)
        }
    }

    /// The cluster ./test starts (nil when the Spark tests are left out).
    static var sparkMaster: String? {
        let m = ProcessInfo.processInfo.environment["BUDGETQL_SPARK_MASTER"] ?? ""
        return m.isEmpty ? nil : m
    }

    /// The Spark section's examples, on the cluster ./test started: its commands (the cluster's
    /// own start and stop left out: it runs already) in the repository, as written, with the
    /// cluster's address for PORT and a scratch folder for /tmp; its REPL transcript in a
    /// terminal; its EXPLAIN's output (`…` in the README stands for the columns left out).
    @Test(.enabled(if: sparkMaster != nil && Terminal.isAvailable, "the Spark tests' cluster (./test) and tmux are needed"))
    func theSparkExamplesRunOnTheTestCluster() throws {
        let master = try #require(Self.sparkMaster)
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("budgetql-readme-spark-\(UUID().uuidString.prefix(8))").path
        try FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        func substituted(_ line: String) -> String {
            line.replacingOccurrences(of: "spark://127.0.0.1:PORT", with: master).replacingOccurrences(of: "/tmp/", with: scratch + "/")
        }
        let path = Binary.path.split(separator: "/").dropLast().joined(separator: "/")
        let environment = ["PATH": "/" + path + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")]
        var ran = (commands: 0, transcripts: 0, outputs: 0)
        for block in try Self.blocks() where Self.needsSparkCluster(block) {
            let lines = Self.joined(block.lines).map(substituted)
            if block.lines.contains(where: { $0.hasPrefix(Self.prompt) }) {
                try Self.checkTranscript(block.lines.map(substituted), at: block.line)
                ran.transcripts += 1
            } else if let first = lines.first, first.hasPrefix("$ ") {
                // A command and the output it prints.
                let outcome = try Binary.run(["-c", String(first.dropFirst(2)) + " </dev/null"], directory: Binary.packageRoot.path,
                                             environment: environment, shell: true)
                #expect(outcome.status == 0, "README.md:\(block.line): \(outcome.stderr)")
                let got = outcome.stdout.split(separator: "\n", omittingEmptySubsequences: false).map { String($0).trimmingTrailingBlanks() }
                let want = Array(lines.dropFirst()).map { $0.trimmingTrailingBlanks() }
                #expect(Self.matches(got.prefix(want.count), want), "README.md:\(block.line): the README shows\n\(want.joined(separator: "\n"))\nand the command printed\n\(got.joined(separator: "\n"))")
                ran.outputs += 1
            } else {
                for command in lines.map(Self.withoutComment) where !command.isEmpty && !command.hasPrefix("spark/cluster") {
                    let outcome = try Binary.run(["-c", command + " </dev/null"], directory: Binary.packageRoot.path, environment: environment, shell: true)
                    #expect(outcome.status == 0, "README.md:\(block.line): `\(command)` exited \(outcome.status): \(outcome.stderr)")
                    ran.commands += 1
                }
            }
        }
        #expect(ran.commands >= 4 && ran.transcripts >= 1 && ran.outputs >= 1, "\(ran)")
    }

    /// Lines with `\` continuations joined.
    static func joined(_ lines: [String]) -> [String] {
        var out: [String] = []
        var pending = ""
        for raw in lines {
            var line = raw
            if !pending.isEmpty { line = pending + " " + line.trimmingCharacters(in: .whitespaces); pending = "" }
            if line.hasSuffix("\\") { pending = String(line.dropLast()).trimmingCharacters(in: .whitespaces); continue }
            out.append(line)
        }
        return out
    }

    /// Printed lines against the README's, where `…` stands for anything.
    static func matches(_ got: ArraySlice<String>, _ want: [String]) -> Bool {
        guard got.count == want.count else { return false }
        return zip(got, want).allSatisfy { g, w in
            let parts = w.components(separatedBy: "…")
            guard parts.count > 1 else { return g == w }
            var rest = Substring(g)
            for (i, part) in parts.enumerated() {
                if i == 0 { guard rest.hasPrefix(part) else { return false }; rest = rest.dropFirst(part.count); continue }
                if i == parts.count - 1 { return rest.hasSuffix(part) }
                guard let r = rest.range(of: part) else { return false }
                rest = rest[r.upperBound...]
            }
            return true
        }
    }

    /// Types a transcript's lines at the prompt of a real terminal and compares the screen.
    static func checkTranscript(_ blockLines: [String], at blockLine: Int) throws {
        let block = (lines: blockLines, line: blockLine)
        var lines = block.lines
        var arguments: [String] = []
        if let first = lines.first, first.hasPrefix("$ ") {
            // `$ ./repl ARGS` or `$ budgetql ARGS`: the REPL with those arguments.
            arguments = first.split(separator: " ").dropFirst(2).map(String.init)
            lines.removeFirst()
        }
        // In the repository, as `./repl` runs, so Data/ is named as the README names it.
        let terminal = try Terminal(arguments: arguments, columns: 200, rows: 120, directory: Binary.packageRoot.path)
        defer { terminal.stop() }
        var promptsSeen = 0
        for line in lines {
            if line.hasPrefix(Self.prompt) || line.hasPrefix(Self.continuation) {
                let typed = line.hasPrefix(Self.prompt) ? String(line.dropFirst(Self.prompt.count)) : String(line.dropFirst(Self.continuation.count))
                promptsSeen += 1
                // The prompt for this line: one more than before, and waiting, so nothing is
                // typed while the statement before still runs (the terminal would echo it).
                try terminal.waitFor("prompt \(promptsSeen) before typing \"\(typed)\"") { screen in
                    let shown = screen.split(separator: "\n").map { String($0).trimmingTrailingBlanks() }
                    let prompts = shown.filter { $0.hasPrefix(Self.prompt.trimmingTrailingBlanks()) || $0.hasPrefix(Self.continuation.trimmingTrailingBlanks()) }
                    let last = shown.last ?? ""
                    return prompts.count == promptsSeen
                        && (last == Self.prompt.trimmingTrailingBlanks() || last == Self.continuation.trimmingTrailingBlanks())
                }
                try terminal.type(typed)
                if typed != ".quit" { try terminal.press("Enter") }
            }
        }
        let expected = lines.map { $0.trimmingTrailingBlanks() }
        let firstPrompt = expected.firstIndex { $0.hasPrefix(Self.prompt) } ?? 0
        let endsAtAPrompt = expected.last?.hasPrefix(Self.prompt) == true
        let screen = try terminal.waitFor("the README's last line, then a prompt") { screen in
            let shown = screen.split(separator: "\n").map { String($0).trimmingTrailingBlanks() }
            if endsAtAPrompt { return shown.last == expected.last }
            // A new prompt after the last line typed: the bare prompt before the typed keys
            // were echoed must not end the wait (it did on a loaded machine).
            let prompts = shown.filter { $0.hasPrefix(Self.prompt.trimmingTrailingBlanks()) || $0.hasPrefix(Self.continuation.trimmingTrailingBlanks()) }
            return prompts.count == promptsSeen + 1 && shown.last == Self.prompt.trimmingTrailingBlanks()
        }
        var shown = screen.split(separator: "\n", omittingEmptySubsequences: false).map { String($0).trimmingTrailingBlanks() }
        // The prompt waiting after the README's last output line is not part of the example.
        if !endsAtAPrompt { shown.removeLast() }
        // A transcript without a `$` line starts at its first prompt (the banner is not shown).
        if lines.first?.hasPrefix(Self.prompt) == true, let start = shown.firstIndex(of: expected[firstPrompt]) {
            shown = Array(shown[start...])
        }
        if shown != expected {
            let first = (0..<min(shown.count, expected.count)).first { shown[$0] != expected[$0] } ?? min(shown.count, expected.count)
            let want = first < expected.count ? expected[first] : "<end>"
            let got = first < shown.count ? shown[first] : "<end>"
            Issue.record("README.md:\(block.line + first): the README shows \"\(want)\" where the terminal shows \"\(got)\"")
        }
    }
}
