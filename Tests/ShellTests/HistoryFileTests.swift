import Foundation
import Testing
@testable import LineEditor

/// The history file shared by REPLs (issue 15, item 14): each entry is appended under a lock, so
/// a second REPL's entries survive the first one's; a symlinked or read-only file is left alone
/// with a reason; the file keeps at most `historyLimit` entries.
@Suite(.serialized) struct HistoryFileTests {
    private func scratch() throws -> String {
        let dir = NSTemporaryDirectory() + "budgetql-history-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }

    @Test func anotherSessionsEntriesAreKept() throws {
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/budgetql/history"
        LineEditor.addHistory("SELECT 'mine 1'")
        #expect(LineEditor.appendHistory(to: path) == nil)
        // Another REPL appends while this one runs.
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data("SELECT 'theirs'\n".utf8))
        try handle.close()
        LineEditor.addHistory("SELECT 'mine 2'")
        #expect(LineEditor.appendHistory(to: path) == nil)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.contains("SELECT 'mine 1'\nSELECT 'theirs'\nSELECT 'mine 2'"), "\(text)")
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
    }

    @Test func aSymlinkedHistoryIsNotFollowed() throws {
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let victim = dir + "/notes.txt"
        try "precious\n".write(toFile: victim, atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: dir + "/history", withDestinationPath: victim)
        LineEditor.addHistory("SELECT 1")
        #expect(LineEditor.appendHistory(to: dir + "/history") == .symlink(path: dir + "/history", target: victim))
        #expect(try String(contentsOfFile: victim, encoding: .utf8) == "precious\n")
    }

    @Test func aReadOnlyHistoryIsRespected() throws {
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/history"
        try "SELECT 'kept'\n".write(toFile: path, atomically: true, encoding: .utf8)
        chmod(path, 0o400)
        LineEditor.addHistory("SELECT 1")
        #expect(LineEditor.appendHistory(to: path) == .readOnly(path: path))
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "SELECT 'kept'\n")
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(mode == 0o400)
    }

    @Test func theFileIsTrimmedToTheLimit() throws {
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/history"
        let old = (0..<(LineEditor.historyLimit + 50)).map { "SELECT \($0)" }.joined(separator: "\n") + "\n"
        try old.write(toFile: path, atomically: true, encoding: .utf8)
        LineEditor.addHistory("SELECT 'newest'")
        #expect(LineEditor.appendHistory(to: path) == nil)
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == LineEditor.historyLimit)
        #expect(lines.last == "SELECT 'newest'")
    }
}
