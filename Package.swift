// swift-tools-version: 6.0
// BudgetQL: Chinese government budget disclosures -> exact tables -> a small SQL.
// Data flows one way: Ingest -> Store -> Query -> Shell -> budgetql (see shared/design/ARCHITECTURE.md).
import PackageDescription

let package = Package(
    name: "BudgetQL",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "budgetql", targets: ["budgetql"]),
        .executable(name: "budgetql-bench", targets: ["budgetql-bench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        // Columnar tables, exact decimals, the catalog. Knows nothing of text formats or SQL.
        .target(name: "Store"),
        // Snapshot files (PDF, layout text, tab text) -> typed disclosure tables + checks.
        .target(name: "Ingest", dependencies: ["Store"]),
        // Lexer -> Parser -> Binder -> Plan -> vectorised Executor; Diagnostics.
        .target(name: "Query", dependencies: ["Store"]),
        // The same bound queries on an Apache Spark cluster: export, translation to Spark SQL,
        // the long-lived PySpark driver (spark/driver.py).
        .target(name: "SparkEngine", dependencies: ["Query", "Store"]),
        // GNU readline, behind a module map and a shim header.
        .systemLibrary(name: "CReadline", providers: [.apt(["libreadline-dev"])]),
        // The only code that touches readline.
        .target(name: "LineEditor", dependencies: ["CReadline"]),
        // REPL, dot-commands, renderers, saved queries and reports.
        .target(name: "Shell", dependencies: ["Store", "Ingest", "Query", "SparkEngine", "LineEditor"]),
        .executableTarget(name: "budgetql", dependencies: [
            "Shell",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        // Runs the PERF.md queries over a CSV through the public loader and engine, timing each.
        .executableTarget(name: "budgetql-bench", dependencies: ["Store", "Ingest", "Query"]),
        .testTarget(name: "StoreTests", dependencies: ["Store"]),
        .testTarget(name: "IngestTests", dependencies: ["Ingest", "Store"]),
        .testTarget(name: "QueryTests", dependencies: ["Query", "Store", "Ingest", "SparkEngine"],
                    exclude: ["Logic", "Golden"]),  // read at run time from #filePath
        .testTarget(name: "ShellTests", dependencies: ["Shell", "Query", "Store", "Ingest", "SparkEngine", "LineEditor"],
                    exclude: ["RenderGolden", "ReportGolden"]),  // golden files, read from #filePath
        .testTarget(name: "EndToEndTests", dependencies: []),
    ],
    swiftLanguageModes: [.v6]
)
