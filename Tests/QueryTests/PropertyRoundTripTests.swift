#if canImport(Ingest)
import Foundation
import Testing
import Store
import Ingest
@testable import Query

/// Deterministic pseudo-random bytes (SplitMix64), so a failing property names a seed that
/// reproduces it.
struct SeededBytes {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next(_ count: Int) -> [UInt8] {
        (0..<count).map { _ in
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return UInt8(truncatingIfNeeded: z ^ (z >> 31))
        }
    }
}

/// The seed disclosure's catalog, loaded once through the real ingest path.
enum PropertySeed {
    static let engine: Engine = {
        var url = URL(fileURLWithPath: "\(#filePath)").resolvingSymlinksInPath()
        for _ in 0..<3 { url.deleteLastPathComponent() }
        let seed = url.appendingPathComponent("Data/kashgar-party-mass-work-dept-2024-budget.txt").path
        return Engine(catalog: Catalog(tables: SnapshotLoader.load(paths: [seed]).tables))
    }()

    /// 600 generated queries over the seed's tables (same generator as the executor fuzzer).
    static let generatedQueries: [String] = {
        let generator = QueryGenerator(catalog: engine.catalog)
        var random = SeededBytes(seed: 20_240_611)
        return (0..<600).map { _ in
            var chooser = ByteChooser(random.next(96))
            return generator.query(&chooser)
        }
    }()
}

/// parse -> print -> parse gives the same tree. The AST's `description` is the canonical
/// printer; trees are compared through it (spans differ by construction). The printed form must
/// also MEAN the same: it gives the same rows or the same error as the original text.
@Suite struct PropertyRoundTripTests {
    func roundTrip(_ source: String) throws -> (printed: String, reprinted: String)? {
        guard let statements = try? Parser.parse(source) else { return nil }
        let printed = statements.map(\.description).joined(separator: ";\n")
        let reparsed = try Parser.parse(printed)
        return (printed, reparsed.map(\.description).joined(separator: ";\n"))
    }

    @Test func everyLogicCorpusQueryRoundTrips() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: LogicFile.directory).filter { $0.hasSuffix(".test") }
        var checked = 0
        for file in files {
            let text = try String(contentsOfFile: LogicFile.directory + "/" + file, encoding: .utf8)
            for record in LogicFile.parse(text, file: file) {
                guard let (printed, reprinted) = try roundTrip(record.sql) else { continue }
                #expect(printed == reprinted, "\(file):\(record.line): \(record.sql)")
                checked += 1
            }
        }
        #expect(checked > 100, "the logic corpus should give well over 100 parsable queries, got \(checked)")
    }

    @Test func generatedQueriesRoundTripAndMeanTheSame() throws {
        let engine = PropertySeed.engine
        var ran = 0
        for sql in PropertySeed.generatedQueries {
            let trip = try #require(try roundTrip(sql), "generated query does not parse: \(sql)")
            #expect(trip.printed == trip.reprinted, "\(sql)")
            let original: Result<[[String]], Diagnostic> = Result { () throws(Diagnostic) in try engine.execute(sql).map(\.lines) }
            let printed: Result<[[String]], Diagnostic> = Result { () throws(Diagnostic) in try engine.execute(trip.printed).map(\.lines) }
            switch (original, printed) {
            case (.success(let a), .success(let b)):
                #expect(a == b, "rows differ after printing:\n\(sql)\n\(trip.printed)")
                ran += 1
            case (.failure(let a), .failure(let b)):
                #expect(a.kind == b.kind && a.message == b.message, "errors differ after printing:\n\(sql)\n\(trip.printed)")
            default:
                Issue.record("one form ran and the other failed:\n\(sql)\n\(trip.printed)\n\(original)\n\(printed)")
            }
        }
        // Most generated queries are valid: the generator is useful only if they reach the executor.
        #expect(ran > PropertySeed.generatedQueries.count / 2, "only \(ran) of \(PropertySeed.generatedQueries.count) generated queries ran")
    }
}
#endif
