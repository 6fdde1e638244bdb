import Foundation
import Testing

/// The built binary against a flood of malformed input: at least 1,000 malformed queries and 100
/// malformed snapshots. Every run must end with a normal exit status (0 ok, 1 a statement
/// failed, 2 an input could not be read) — never a signal (a Swift trap is SIGILL/SIGTRAP, which
/// Process reports as status 4/5; abort 6; segfault 11) — and every failure must be a rendered
/// error, not a crash report.
@Suite(.serialized) struct RobustnessMalformedInputTests {
    static let normalStatuses: Set<Int32> = [0, 1, 2]

    /// Valid statements over the seed, the raw material the mutations damage.
    static let baseQueries = [
        "SELECT sum(amount) WHERE class = 208",
        "SELECT class, class_name(class) AS name, sum(amount) AS total, share(total) GROUP BY class ORDER BY total DESC LIMIT 3",
        "SELECT name, sum(amount) FILTER (WHERE year = 2024) AS y2024 WHERE name LIKE '%行政%' GROUP BY name",
        "SELECT s.code, i.amount FROM spending s JOIN income i USING (code) WHERE s.amount BETWEEN 1 AND 100.5",
        "SELECT CASE WHEN amount > 100 THEN 'big' ELSE 'small' END AS size, count(*) FROM spending GROUP BY ALL",
        "SELECT DISTINCT parent(code) FROM spending ORDER BY 1 NULLS LAST LIMIT 5 OFFSET 1",
        "SELECT round(amount / 3, 2), coalesce(basic, 0) - project FROM spending WHERE code IN (2080101, '2080501') OR name IS NOT NULL",
        "EXPLAIN SELECT class, sum(amount) FROM spending GROUP BY class HAVING sum(amount) > 10 PIVOT BY year",
        "DESCRIBE spending",
        "SELECT upper(name) || '-' || substr(code, 1, 3) FROM spending UNION ALL SELECT name FROM income",
    ]

    /// Deterministic malformed statements: every base query cut at many points, with characters
    /// inserted, deleted and swapped, plus hand-picked nasties (deep nesting, huge numbers, Chinese
    /// punctuation, control bytes). None starts a line with "." (that would be a dot-command).
    static func malformedQueries() -> [String] {
        var queries: [String] = []
        var state: UInt64 = 0xB0D6E7
        func next(_ n: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(max(n, 1)))
        }
        let inserts = ["(", ")", "'", "\"", ",", ";", "--", "/*", "*/", "||", "=", "NOT", "SELECT", "FROM", "NULL", "9999999999999999999999999",
                       "-", "%", "（", "）", "，", "：", ":", ":p", "\u{0}", "\u{7}", "\u{FEFF}", "\t", "::", "..", "*", "GROUP BY", "OVER ()", "'\u{FFFD}"]
        for base in baseQueries {
            let chars = Array(base)
            for cut in stride(from: 1, to: chars.count, by: max(1, chars.count / 20)) {
                queries.append(String(chars[..<cut]))                       // cut short
            }
            for _ in 0..<50 {
                var c = chars
                switch next(4) {
                case 0: c.insert(contentsOf: Array(" " + inserts[next(inserts.count)] + " "), at: next(c.count))
                case 1: c.remove(at: next(c.count))
                case 2: c.swapAt(next(c.count), next(c.count))
                default:
                    let i = next(c.count); let j = min(c.count, i + 1 + next(12))
                    c.removeSubrange(i..<j)
                }
                queries.append(String(c))
            }
            for _ in 0..<30 {
                // Token-level: a word of the query replaced by another query's word.
                var words = base.split(separator: " ").map(String.init)
                let donor = baseQueries[next(baseQueries.count)].split(separator: " ").map(String.init)
                words[next(words.count)] = donor[next(donor.count)]
                words.insert(inserts[next(inserts.count)], at: next(words.count + 1))
                queries.append(words.joined(separator: " "))
            }
        }
        queries += [
            "SELECT " + String(repeating: "(", count: 10_000) + "1" + String(repeating: ")", count: 10_000),
            "SELECT " + String(repeating: "(", count: 10_000),
            "SELECT " + String(repeating: "abs(", count: 5_000) + "1",
            "SELECT 1 WHERE " + String(repeating: "NOT ", count: 10_000) + "TRUE",
            "SELECT " + String(repeating: "- ", count: 10_000) + "1",
            "SELECT " + String(repeating: "9", count: 10_000),
            "SELECT 0." + String(repeating: "0", count: 10_000) + "1",
            "SELECT 9223372036854775807 + 1", "SELECT -9223372036854775807 - 9", "SELECT 99999999999999999999999999999999999999 * 10",
            "SELECT sum(amount * 99999999999999999999999999) FROM spending",
            "SELECT 1 / 0", "SELECT 1 % 0", "SELECT amount / 0 FROM spending",
            "SELECT * FROM spending LIMIT 9223372036854775807 OFFSET 9223372036854775807",
            "SELECT * FROM spending LIMIT -1", "SELECT * FROM spending ORDER BY 0", "SELECT * FROM spending GROUP BY 99",
            "SELECT substr(name, -9223372036854775807, 9223372036854775807) FROM spending",
            "SELECT round(amount, 9223372036854775807) FROM spending", "SELECT round(amount, -99) FROM spending",
            "SELECT '" + String(repeating: "预", count: 100_000) + "'",
            "SELECT " + Array(repeating: "amount", count: 5_000).joined(separator: " + ") + " FROM spending",
            "SELECT 'unterminated", "SELECT \"unterminated", "/* unterminated", "SELECT 1 /* a */ /* b",
            "SELECT :missing", "SELECT ::", "SELECT :", "SELECT 1e10", "SELECT 1.2.3", "SELECT 0x1F", "SELECT .5", "SELECT 5.",
            "SELECT （1）", "SELECT 1；", "选择 金额", "SELECT \u{0}", "\u{FEFF}SELECT 1", "SELECT\u{85}1", "SELECT\u{2028}1",
            "SELECT * FROM spending a JOIN spending a USING (code)", "SELECT * FROM spending JOIN income ON",
            "SELECT share(share(amount))", "SELECT sum(sum(amount))", "SELECT count(DISTINCT *)", "SELECT avg('x')",
            "SELECT * PIVOT BY", "SELECT class PIVOT BY class PIVOT BY year", "SELECT CASE END", "SELECT CASE WHEN THEN END",
            "SELECT CAST(amount AS WIBBLE) FROM spending", "SELECT CAST('x' AS INTEGER)", "SELECT CAST(1e AS TEXT)",
            "SELECT 1 UNION ALL SELECT 1, 2", "SELECT 1 UNION SELECT", "EXPLAIN", "EXPLAIN EXPLAIN SELECT 1", "DESCRIBE", "DESCRIBE nope",
        ]
        return queries.map { q in
            // Not a dot-command, and one line (a leading "." on a later line would be one too).
            let oneLine = q.replacingOccurrences(of: "\n", with: " ")
            return oneLine.hasPrefix(".") ? " " + oneLine : oneLine
        }
    }

    /// Runs `work` over `items` with at most `width` at a time (the machine is shared).
    static func bounded<T: Sendable>(_ items: [T], width: Int, _ work: @Sendable @escaping (T) -> Void) {
        let semaphore = DispatchSemaphore(value: width)
        let group = DispatchGroup()
        for item in items {
            semaphore.wait()
            group.enter()
            DispatchQueue.global().async {
                work(item)
                semaphore.signal()
                group.leave()
            }
        }
        group.wait()
    }

    final class Failures: @unchecked Sendable {
        private let lock = NSLock()
        private(set) var list: [String] = []
        func add(_ s: String) { lock.lock(); list.append(s); lock.unlock() }
    }

    static func looksLikeACrash(_ text: String) -> Bool {
        ["Fatal error", "Stack dump", "Illegal instruction", "Segmentation fault", "Current stack trace", "Swift runtime failure"]
            .contains { text.contains($0) }
    }

    /// Whether a statement ends where its text ends: quotes balanced and no block comment left
    /// open (otherwise, by design, it swallows whatever follows it in a batch).
    static func isSelfContained(_ q: String) -> Bool {
        q.filter { $0 == "'" }.count % 2 == 0 && q.filter { $0 == "\"" }.count % 2 == 0
            && q.components(separatedBy: "/*").count == q.components(separatedBy: "*/").count
    }

    /// Self-contained statements run in batches of 25 over the seed (one file each, --keep-going,
    /// each statement on its own lines so that a `--` comment cannot hide the `;`); the others
    /// each in their own `-c` run over a tiny data set (they fail in the lexer, so tables do not
    /// matter and startup stays short).
    @Test func aThousandMalformedQueriesGetCleanErrorsAndNormalExits() throws {
        let queries = Self.malformedQueries()
        #expect(queries.count >= 1_000)
        let batched = queries.filter(Self.isSelfContained)
        let alone = queries.filter { !Self.isSelfContained($0) }
        let dir = NSTemporaryDirectory() + "budgetql-malformed-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        var batches: [(path: String, count: Int)] = []
        for (n, start) in stride(from: 0, to: batched.count, by: 25).enumerated() {
            let slice = batched[start..<min(start + 25, batched.count)]
            let path = "\(dir)/batch-\(n).bql"
            let text = slice.map { $0 + "\n;\n" }.joined() + "SELECT 'end of batch' AS sentinel;\n"
            try text.write(toFile: path, atomically: true, encoding: .utf8)
            batches.append((path, slice.count))
        }
        let failures = Failures()
        let located = Failures()
        Self.bounded(batches, width: 3) { batch in
            do {
                let outcome = try Binary.run(["-f", batch.path, "--keep-going", "--format", "csv"])
                if !Self.normalStatuses.contains(outcome.status) || Self.looksLikeACrash(outcome.stderr) {
                    failures.add("\(batch.path) exit \(outcome.status):\n\(outcome.stderr.suffix(600))")
                } else if !outcome.stdout.contains("end of batch") {
                    failures.add("\(batch.path): the batch stopped before its last statement\n\(outcome.stderr.suffix(600))")
                }
                // Every error names the batch file, a line and a column.
                for _ in 0..<(outcome.stderr.components(separatedBy: batch.path + ":").count - 1) { located.add(batch.path) }
            } catch {
                failures.add("\(batch.path): could not run the binary: \(error)")
            }
        }
        let tiny = Binary.dataDirectory + "/classes.tsv"
        Self.bounded(Array(alone.enumerated()), width: 3) { (i, query) in
            do {
                // A NUL cannot travel in an argument (C strings); those bytes are tested in the batches.
                let outcome = try Binary.run(["--data", tiny, "-c", query.replacingOccurrences(of: "\u{0}", with: ""), "--format", "csv"])
                if !Self.normalStatuses.contains(outcome.status) || Self.looksLikeACrash(outcome.stderr) {
                    failures.add("query \(i) exit \(outcome.status): \(query.prefix(120).debugDescription)\n\(outcome.stderr.prefix(400))")
                } else if outcome.status != 1 || !outcome.stderr.contains("error") {
                    failures.add("query \(i) should fail with an error: \(query.prefix(120).debugDescription) exit \(outcome.status)")
                }
            } catch {
                failures.add("query \(i): could not run the binary: \(error)")
            }
        }
        #expect(failures.list.isEmpty, "\(failures.list.count) runs misbehaved:\n\(failures.list.prefix(15).joined(separator: "\n"))")
        // They are malformed: most statements in the batches must be reported as located errors.
        #expect(located.list.count > batched.count / 2, "only \(located.list.count) located errors for \(batched.count) batched statements")
        #expect(alone.count < batched.count, "most malformed statements should be batchable")
    }

    /// Damaged snapshots, each loaded alone with --data, then all at once.
    @Test func aHundredMalformedSnapshotsEachGetACleanProblemAndANormalExit() throws {
        let dir = NSTemporaryDirectory() + "budgetql-bad-snapshots-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let seed = try String(contentsOfFile: Binary.dataDirectory + "/kashgar-party-mass-work-dept-2024-budget.txt", encoding: .utf8)
        let lines = seed.components(separatedBy: "\n")
        var state: UInt64 = 0x5AFE
        func next(_ n: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(max(n, 1)))
        }
        var files: [String] = []
        func add(_ name: String, _ bytes: [UInt8]) {
            let path = dir + "/" + name
            FileManager.default.createFile(atPath: path, contents: Data(bytes))
            files.append(path)
        }
        add("empty.txt", [])
        add("empty.pdf", [])
        add("only-newlines.txt", Array(String(repeating: "\n", count: 10_000).utf8))
        add("nul.txt", [UInt8](repeating: 0, count: 4096))
        add("fake.pdf", Array("%PDF-1.7\n%âãÏÓ\n1 0 obj\n<<>>\n".utf8))
        add("random.txt", (0..<8192).map { _ in UInt8(next(256)) })
        add("long-line.txt", Array(("预算表 " + String(repeating: "1   ", count: 250_000)).utf8))
        // Page-sized pieces of the seed (its first lines, which carry unit and year, then 80 lines
        // from somewhere in the tables), each damaged: every reader is reached, and a piece loads
        // in a fraction of the whole seed's time.
        let header = Array(lines.prefix(6))
        for n in 0..<100 {
            let from = 6 + next(max(1, lines.count - 86))
            var m = header + lines[from..<min(lines.count, from + 80)]
            for _ in 0..<(1 + next(8)) where !m.isEmpty {
                let i = next(m.count)
                switch next(8) {
                case 0: m = Array(m.prefix(i))
                case 1: m.remove(at: i)
                case 2: m.insert(m[i], at: i)
                case 3: m[i] = m[i].replacingOccurrences(of: "  ", with: " ")
                case 4: m[i] = m[i].replacingOccurrences(of: "0", with: "9999999999999999999999999")
                case 5: m[i] = String(m[i].prefix(next(m[i].count + 1)))
                case 6: m[i] += "\t\t-\t.\t1..2\t（）"
                default: m.swapAt(i, next(m.count))
                }
            }
            add("mutant-\(n).txt", Array(m.joined(separator: "\n").utf8))
        }
        let failures = Failures()
        Self.bounded(files, width: 3) { path in
            do {
                let outcome = try Binary.run(["--data", path, "-c", "SELECT count(*), sum(amount) FROM spending", "--format", "csv"])
                if !Self.normalStatuses.contains(outcome.status) || Self.looksLikeACrash(outcome.stderr) {
                    failures.add("\(path) exit \(outcome.status):\n\(outcome.stderr.prefix(400))")
                }
            } catch {
                failures.add("\(path): could not run the binary: \(error)")
            }
        }
        #expect(failures.list.isEmpty, "\(failures.list.count) of \(files.count) snapshots misbehaved:\n\(failures.list.prefix(10).joined(separator: "\n"))")
        #expect(files.count >= 100)
        // All of them together: the good parts load, each bad file is named.
        let all = try Binary.run(["--data", dir, "-c", "SELECT count(*) FROM docs", "--format", "csv"])
        #expect(Self.normalStatuses.contains(all.status), "exit \(all.status)\n\(all.stderr.prefix(800))")
        // The summary counts the problems and names the first file's.
        #expect(all.stderr.contains("problems while loading") && all.stderr.contains(dir + "/"), "problems name their files:\n\(all.stderr.prefix(800))")
    }
}
