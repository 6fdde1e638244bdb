import Foundation
import Testing
import Store
@testable import Query

/// Runs the sqllogictest-style files in Logic/: records of
///
///     query [rowsort]        or   error
///     SELECT ...                  SELECT ...
///     ----                        ----
///     cell | cell                 part of the message
///     (blank line)
///
/// `param name=value` lines bind parameters for the next record. Set BUDGETQL_RECORD=1 to
/// rewrite the expected rows from the actual ones (then read the diff before committing).
struct LogicRecord {
    var file: String
    var line: Int
    var kind: String          // "query" or "error"
    var options: [String]
    var parameters: [String: Value]
    var sql: String
    var expected: [String]
}

enum LogicFile {
    static var directory: String {
        let here = "\(#filePath)"
        return String(here[..<(here.lastIndex(of: "/") ?? here.endIndex)]) + "/Logic"
    }

    static func parse(_ text: String, file: String) -> [LogicRecord] {
        var records: [LogicRecord] = []
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var i = 0
        var parameters: [String: Value] = [:]
        while i < lines.count {
            let line = lines[i]
            if line.hasPrefix("param ") {
                let assignment = line.dropFirst(6)
                if let eq = assignment.firstIndex(of: "=") {
                    let name = String(assignment[..<eq]), raw = String(assignment[assignment.index(after: eq)...])
                    if let n = Int64(raw) { parameters[name] = .integer(n) }
                    else if let d = ExactDecimal(raw) { parameters[name] = .decimal(d) }
                    else { parameters[name] = .text(raw) }
                }
                i += 1
                continue
            }
            let words = line.split(separator: " ").map(String.init)
            guard let first = words.first, first == "query" || first == "error" else { i += 1; continue }
            let start = i + 1
            var sql: [String] = []
            i += 1
            while i < lines.count && lines[i] != "----" { sql.append(lines[i]); i += 1 }
            i += 1
            var expected: [String] = []
            while i < lines.count && !lines[i].isEmpty { expected.append(lines[i]); i += 1 }
            records.append(LogicRecord(file: file, line: start, kind: first, options: Array(words.dropFirst()),
                                       parameters: parameters, sql: sql.joined(separator: "\n"), expected: expected))
            parameters = [:]
        }
        return records
    }

    static func actual(_ r: LogicRecord, engine: Engine) -> [String] {
        do {
            let result = try engine.execute(r.sql, parameters: r.parameters).last
            guard let result else { return [] }
            var lines = result.lines
            if r.options.contains("rowsort") { lines.sort() }
            if r.options.contains("names") { lines.insert(result.columns.joined(separator: " | "), at: 0) }
            return lines
        } catch {
            return ["ERROR: " + error.message]
        }
    }
}

@Suite struct LogicTests {
    @Test func corpus() throws {
        let engine = try Fixtures.engine()
        let fm = FileManager.default
        let files = try fm.contentsOfDirectory(atPath: LogicFile.directory).filter { $0.hasSuffix(".test") }.sorted()
        var total = 0
        let record = ProcessInfo.processInfo.environment["BUDGETQL_RECORD"] != nil
        for name in files {
            let path = LogicFile.directory + "/" + name
            let text = try String(contentsOfFile: path, encoding: .utf8)
            let records = LogicFile.parse(text, file: name)
            total += records.count
            var rewritten = text
            for r in records {
                let got = LogicFile.actual(r, engine: engine)
                if r.kind == "error" {
                    let message = got.first ?? ""
                    let ok = message.hasPrefix("ERROR: ") && r.expected.allSatisfy { message.contains($0) }
                    #expect(ok, "\(name):\(r.line): \(r.sql)\nexpected an error containing \(r.expected), got \(got)")
                    continue
                }
                var expected = r.expected
                if r.options.contains("rowsort") { expected = r.options.contains("names") ? [expected.first ?? ""] + expected.dropFirst().sorted() : expected.sorted() }
                if got != expected {
                    if record {
                        let old = "\(r.sql)\n----\n" + r.expected.map { $0 + "\n" }.joined()
                        let new = "\(r.sql)\n----\n" + got.map { $0 + "\n" }.joined()
                        if let range = rewritten.range(of: old) { rewritten.replaceSubrange(range, with: new) }
                    } else {
                        Issue.record("\(name):\(r.line): \(r.sql)\nexpected:\n\(expected.joined(separator: "\n"))\ngot:\n\(got.joined(separator: "\n"))")
                    }
                }
            }
            if record && rewritten != text { try rewritten.write(toFile: path, atomically: true, encoding: .utf8) }
        }
        #expect(total >= 150, "the corpus has \(total) queries")
    }
}
