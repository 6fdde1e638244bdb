import Query

/// A source of statements split into what runs one after another: dot-commands (a line starting
/// with "." where a statement could start) and SQL statements, each with its position in the source.
public struct Script {
    public enum Piece: Equatable {
        case dotCommand(String, line: Int)
        case statement(StatementText)
    }

    public let pieces: [Piece]

    public init(source: String) {
        var pieces: [Piece] = []
        var pending: [String] = []
        var pendingStart = 1
        func flush() {
            defer { pending = [] }
            let text = pending.joined(separator: "\n")
            guard !Script.isBlank(text) else { return }
            let statements = Engine.statements(in: text).filter { !Script.isBlank($0.text) }
            for statement in statements {
                pieces.append(.statement(StatementText(text: statement.text, line: pendingStart + statement.line - 1,
                                                       column: statement.column)))
            }
            if statements.isEmpty {
                // Text that is no statement yet not blank (an unterminated comment or quote):
                // the engine must see it, so the analyst gets an error rather than silence.
                pieces.append(.statement(StatementText(text: text, line: pendingStart, column: 1)))
            }
        }
        for (index, line) in source.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let lineNumber = index + 1
            let trimmed = line.drop { $0 == " " || $0 == "\t" }
            if trimmed.hasPrefix(".") || trimmed.hasPrefix("\\"), Script.endsStatement(pending.joined(separator: "\n")) {
                flush()
                pieces.append(.dotCommand(String(trimmed).trimmingTrailingWhitespace(), line: lineNumber))
                continue
            }
            if pending.isEmpty {
                if trimmed.isEmpty { continue }  // a statement starts on its first non-blank line
                pendingStart = lineNumber
            }
            pending.append(String(line))
        }
        flush()
        self.pieces = pieces
    }

    /// Whether text holds nothing to run: whitespace and `--` comments only.
    static func isBlank(_ text: String) -> Bool {
        withoutLineComments(text).allSatisfy { $0.isWhitespace || $0 == ";" }
    }

    /// Whether a dot-command may start after this text: nothing pending, or it ends with `;`.
    static func endsStatement(_ text: String) -> Bool {
        let code = withoutLineComments(text).trimmingTrailingWhitespace()
        return code.allSatisfy(\.isWhitespace) || code.hasSuffix(";")
    }

    /// Drops `--` comments (outside quotes) line by line.
    static func withoutLineComments(_ text: String) -> String {
        var out = ""
        var inQuote: Character?
        var previous: Character?
        var skipping = false
        for c in text {
            if skipping {
                if c == "\n" { skipping = false; out.append(c) }
                continue
            }
            if let q = inQuote {
                if c == q { inQuote = nil }
            } else if c == "'" || c == "\"" {
                inQuote = c
            } else if c == "-" && previous == "-" {
                out.removeLast()
                skipping = true
                previous = nil
                continue
            }
            out.append(c)
            previous = c
        }
        return out
    }
}

extension String {
    func trimmingTrailingWhitespace() -> String {
        var s = Substring(self)
        while let last = s.last, last.isWhitespace { s.removeLast() }
        return String(s)
    }
}

extension Session {
    /// Runs a whole source (a -f file, stdin, -c text, `.read`): statements and dot-commands in
    /// order; stops at the first failure unless `keepGoing`. Returns whether everything succeeded.
    @discardableResult
    public func runScript(_ source: String, origin: SourceOrigin, keepGoing: Bool) -> Bool {
        var allSucceeded = true
        for piece in Script(source: source).pieces {
            let succeeded: Bool
            switch piece {
            case .statement(let statement):
                succeeded = run(statement, in: source, origin: origin)
            case .dotCommand(let line, let lineNumber):
                let outcome = runDotCommand(line)
                if case .failed(let message) = outcome {
                    let place = origin.name.map { "\($0):\(lineNumber): " } ?? ""
                    if let message { Console.error(place + message) }
                    succeeded = false
                } else if case .quit = outcome {
                    return allSucceeded
                } else {
                    succeeded = true
                }
            }
            if !succeeded {
                allSucceeded = false
                // Nobody reads the results any more: --keep-going has nothing to go on for.
                if !keepGoing || output.readerGone { return false }
            }
        }
        return allSucceeded
    }
}
