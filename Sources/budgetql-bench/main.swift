import Ingest
import Query
import Store
import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// budgetql-bench: generates the PERF.md benchmark CSV, and times BudgetQL on it through the
/// same public path analysts use (CSVTable.load, Engine.execute). bench/run drives it and puts
/// DuckDB and SQLite beside it.
let usage = """
    usage: budgetql-bench generate --rows N --out FILE.csv [--seed S]
           budgetql-bench run --csv FILE.csv [--reps N] [--cache DIR] [--json FILE] [--queries Q1,Q2] [--threads N]
           budgetql-bench serve --csv FILE.csv [--cache DIR]   (lines on stdin: "Q1 2", "floor 2", "quit")
    """

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data((message + "\n").utf8))
    exit(2)
}

var arguments = Array(CommandLine.arguments.dropFirst())
guard let command = arguments.first else { fail(usage) }
arguments.removeFirst()
var options: [String: String] = [:]
var index = 0
while index < arguments.count {
    let key = arguments[index]
    guard key.hasPrefix("--"), index + 1 < arguments.count else { fail("unexpected argument \(key)\n" + usage) }
    options[String(key.dropFirst(2))] = arguments[index + 1]
    index += 2
}

switch command {
case "generate":
    guard let rowsText = options["rows"], let rows = Int(rowsText.replacingOccurrences(of: "_", with: "")), rows >= 0,
          let out = options["out"] else { fail(usage) }
    let seed = options["seed"].flatMap { UInt64($0) } ?? 20_260_101
    let started = Clock.now
    guard BenchDataGenerator(seed: seed).write(rows: rows, to: out) else { fail("cannot write \(out)") }
    print("generated \(rows) rows into \(out) in \(Clock.format(seconds: Clock.now - started))")
case "run":
    guard let csv = options["csv"] else { fail(usage) }
    let reps = options["reps"].flatMap { Int($0) } ?? 5
    var run = BenchRun(csvPath: csv, repetitions: max(1, reps), cacheDirectory: options["cache"],
                       jsonPath: options["json"])
    run.only = options["queries"].map { Set($0.split(separator: ",").map(String.init)) }
    run.threads = options["threads"].flatMap { Int($0) }
    run.run()
case "serve":
    guard let csv = options["csv"] else { fail(usage) }
    BenchServe(csvPath: csv, cacheDirectory: options["cache"]).run()
default:
    fail(usage)
}
