import Foundation
import Store
@testable import Ingest

/// Corpus documents as text the loader reads, with faults injected by editing that text: a
/// PDF is turned into its `pdftotext -layout` text once, the seed is read as it is. Each edit
/// names the source line it changes, so a fixture reads like a reviewer's note.
enum AuditFixture {
    /// One change to a document's text: on `line` (1-based), the first `find` becomes `replace`.
    struct Edit: Sendable {
        let line: Int
        let find: String
        let replace: String
        init(_ line: Int, _ find: String, _ replace: String) {
            self.line = line
            self.find = find
            self.replace = replace
        }
    }

    enum FixtureError: Error, CustomStringConvertible {
        case noText(String)
        case editMissed(Int, String)
        var description: String {
            switch self {
            case .noText(let file): return "\(file): no text (is pdftotext installed?)"
            case .editMissed(let line, let find): return "line \(line) does not contain \"\(find)\""
            }
        }
    }

    private final class Cache: @unchecked Sendable {
        let lock = NSLock()
        var texts: [String: String] = [:]
        var findings: [String: [String: Int]] = [:]
    }
    private static let cache = Cache()

    /// The document's text as the loader would read it.
    static func text(_ file: String) throws -> String {
        cache.lock.lock()
        if let t = cache.texts[file] { cache.lock.unlock(); return t }
        cache.lock.unlock()
        let path = Fixture.corpusFile(file)
        let text: String
        if file.hasSuffix(".pdf") {
            guard let layout = try? SnapshotReader.pdfText(path: path, arguments: ["-layout"]) else { throw FixtureError.noText(file) }
            text = layout
        } else {
            text = try String(contentsOfFile: path, encoding: .utf8)
        }
        cache.lock.lock()
        cache.texts[file] = text
        cache.lock.unlock()
        return text
    }

    static func edited(_ text: String, _ edits: [Edit]) throws -> String {
        var lines = text.components(separatedBy: "\n")
        for e in edits {
            guard e.line >= 1, e.line <= lines.count, let r = lines[e.line - 1].range(of: e.find) else {
                throw FixtureError.editMissed(e.line, e.find)
            }
            lines[e.line - 1].replaceSubrange(r, with: e.replace)
        }
        return lines.joined(separator: "\n")
    }

    /// Findings of the text loaded as a file: "rule|detail" -> how many (lines left out, so an
    /// edit that adds a line does not make every later finding look new).
    static func findings(ofText text: String, name: String) throws -> [String: Int] {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("budgetql-audit-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent(name + ".txt").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return findings(SnapshotLoader.load(paths: [path]))
    }

    static func findings(_ report: LoadReport) -> [String: Int] {
        guard let checks = Fixture.table(report, "checks") else { return [:] }
        var out: [String: Int] = [:]
        for row in Fixture.rows(checks) {
            guard case .text(let status)? = row["status"], ["mismatch", "failed", "unparsed", "repaired"].contains(status) else { continue }
            out["\(row["rule"]?.description ?? "")|\(row["detail"]?.description ?? "")", default: 0] += 1
        }
        return out
    }

    /// The unedited document's findings (computed once per file).
    static func baseline(_ file: String) throws -> [String: Int] {
        cache.lock.lock()
        if let f = cache.findings[file] { cache.lock.unlock(); return f }
        cache.lock.unlock()
        let f = try findings(ofText: try text(file), name: stem(file))
        cache.lock.lock()
        cache.findings[file] = f
        cache.lock.unlock()
        return f
    }

    static func stem(_ file: String) -> String {
        (file as NSString).deletingPathExtension
    }

    /// Findings the edits add: "rule|detail" of each finding the edited text has more of.
    static func added(_ file: String, _ edits: [Edit]) throws -> [String] {
        let base = try baseline(file)
        let after = try findings(ofText: try edited(try text(file), edits), name: stem(file))
        return after.flatMap { key, n in Array(repeating: key, count: max(0, n - (base[key] ?? 0))) }.sorted()
    }
}
