import Foundation
import LineEditor
import Query

/// The interactive loop: prompts, multi-line statements, history, completion, Ctrl-C and Ctrl-D.
final class REPL {
    static let prompt = "budgetql> "
    static let continuationPrompt = "   ...> "

    private let session: Session
    private let historyPath: String?
    private var historyWarningShown = false
    /// Lines of a statement still being typed.
    private var pending: [String] = []

    init(session: Session, historyPath: String?) {
        self.session = session
        self.historyPath = historyPath
    }

    func run() {
        LineEditor.configure(completer: { [unowned self] line, start, _, word in
            self.complete(line: line, wordStart: start, word: word)
        })
        if let historyPath { LineEditor.loadHistory(from: historyPath) }
        loop: while true {
            switch LineEditor.readLine(prompt: pending.isEmpty ? REPL.prompt : REPL.continuationPrompt) {
            case .endOfInput:
                Console.standardOutput("\n")
                break loop
            case .interrupted:
                pending = []
            case .line(let line):
                if handle(line) == .quit { break loop }
            }
        }
    }

    private enum Next { case proceed, quit }

    private func handle(_ line: String) -> Next {
        if pending.isEmpty {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty { return .proceed }
            if trimmed.hasPrefix(".") || trimmed.hasPrefix("\\") {
                remember(trimmed)
                switch session.runDotCommand(trimmed) {
                case .done: return .proceed
                case .failed(let message):
                    if let message { Console.error(message) }
                    return .proceed
                case .quit: return .quit
                }
            }
        }
        pending.append(line)
        let text = pending.joined(separator: "\n")
        guard Engine.isComplete(text) else { return .proceed }
        pending = []
        remember(text)
        for statement in Engine.statements(in: text) where !Script.isBlank(statement.text) {
            if !session.run(statement, in: text, origin: .prompt) { break }
        }
        return .proceed
    }

    /// One history entry per statement (a multi-line statement stays one entry), appended at once
    /// so a crash or a killed terminal loses nothing and another REPL's entries stay; a failure
    /// to save is a warning, once.
    private func remember(_ entry: String) {
        LineEditor.addHistory(entry)
        guard let historyPath, !historyWarningShown else { return }
        if let problem = LineEditor.appendHistory(to: historyPath) {
            historyWarningShown = true
            Console.error("warning: \(problem)")
        }
    }

    private func complete(line: String, wordStart: Int, word: String) -> [String] {
        let utf8 = Array(line.utf8)
        let cut = min(max(0, wordStart), utf8.count)
        let beforeOnLine = String(decoding: utf8[..<cut], as: UTF8.self)
        let earlier = pending.isEmpty ? "" : pending.joined(separator: "\n") + "\n"
        let context = CompletionContext(
            tables: session.catalog.tables.map { ($0.name, $0.columns.map(\.name)) },
            // Listing saved queries reads their files: only when completing after .run.
            savedQueries: line.trimmingCharacters(in: .whitespaces).hasPrefix(".run") ? Shell.savedQueryNames() : [])
        return Completion.candidates(word: word, before: earlier + beforeOnLine, statement: earlier + line, context: context)
    }
}
