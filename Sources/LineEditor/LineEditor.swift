import Glibc
@preconcurrency import CReadline

/// What one prompt produced.
public enum LineInput: Equatable, Sendable {
    case line(String)
    /// Ctrl-C: the text typed so far is discarded.
    case interrupted
    /// Ctrl-D on an empty line, or the end of the input.
    case endOfInput
}

/// Computes Tab-completion candidates: gets the whole line buffer, the UTF-8 offsets of the word
/// being completed and the word itself; returns full replacements for that word.
public typealias Completer = (_ line: String, _ wordStart: Int, _ wordEnd: Int, _ word: String) -> [String]

// Readline calls back through plain C function pointers with no context, so what those callbacks
// need lives here. Only the main thread reads lines.
nonisolated(unsafe) private var activeCompleter: Completer?
nonisolated(unsafe) private var interruptedDuringRead = false

/// The terminal line editor: the only code that touches GNU readline.
public enum LineEditor {
    nonisolated(unsafe) private static var configured = false

    /// Prepares readline once: UTF-8 input whatever the locale, no bracketed paste, our Ctrl-C,
    /// our completion and multi-line history entries.
    public static func configure(completer: Completer?) {
        activeCompleter = completer
        guard !configured else { return }
        configured = true
        ensureUTF8Locale()
        rl_readline_name = UnsafePointer(strdup("budgetql"))
        rl_catch_signals = 0
        rl_initialize()
        rl_variable_bind("enable-bracketed-paste", "off")
        // '.' and '/' are not breaks: `.run`, `spending.amount` and paths complete as one word.
        rl_completer_word_break_characters = UnsafePointer(strdup(" \t\n(),;=<>+*|"))
        rl_getc_function = { stream in readByte(stream) }
        rl_attempted_completion_function = { text, start, end in
            completionMatches(text: text, start: start, end: end)
        }
        // A timestamp line ("#1700000000") before each entry is what lets a multi-line statement
        // come back from the file as one entry; readline only stamps entries when the comment
        // character is set.
        history_comment_char = CChar(UInt8(ascii: "#"))
        history_write_timestamps = 1
        history_multiline_entries = 1
        stifle_history(Int32(historyLimit))
        Interrupt.install()
    }

    /// Reads one line with `prompt`.
    public static func readLine(prompt: String) -> LineInput {
        Interrupt.reset()
        interruptedDuringRead = false
        let raw = readline(prompt)
        if interruptedDuringRead {
            if let raw { free(raw) }
            Interrupt.reset()
            return .interrupted
        }
        guard let raw else { return .endOfInput }
        defer { free(raw) }
        return .line(String(cString: raw))
    }

    // MARK: History

    /// Loads a history file; a missing file is an empty history.
    public static func loadHistory(from path: String) {
        _ = read_history(path)
    }

    public static func addHistory(_ entry: String) {
        add_history(entry)
    }

    /// The most entries the history file keeps; older ones are trimmed away.
    public static let historyLimit = 2000

    /// Why an entry could not be kept in the history file.
    public enum HistoryProblem: Error, Equatable, CustomStringConvertible {
        /// The history path is a symlink: appending would write into whatever file it points at.
        case symlink(path: String, target: String)
        /// The file is read-only (its owner's write bit is off): it is read, never written.
        case readOnly(path: String)
        case unwritable(path: String, reason: String)

        public var description: String {
            switch self {
            case let .symlink(path, target):
                return "the history file \(path) is a symbolic link to \(target); history will not be kept (replace the link with a file to keep it)"
            case let .readOnly(path): return "the history file \(path) is read-only; history will not be kept"
            case let .unwritable(path, reason): return "cannot write history to \(path): \(reason); history will not be kept"
            }
        }
    }

    /// Appends one entry (already added with `addHistory`) to the history file, mode 0600, and
    /// trims the file to `historyLimit` entries. Both happen under an exclusive lock on the file,
    /// so two REPLs at once each add their entries instead of the last to exit overwriting the
    /// other's.
    public static func appendHistory(to path: String) -> HistoryProblem? {
        let directory = parentDirectory(of: path)
        if let failure = makeDirectories(directory) { return .unwritable(path: path, reason: failure) }
        var info = stat()
        if lstat(path, &info) == 0 {
            if (info.st_mode & S_IFMT) == S_IFLNK {
                var target = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
                let n = readlink(path, &target, target.count - 1)
                let name = n > 0 ? String(decoding: target[..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self) : "?"
                return .symlink(path: path, target: name)
            }
            // Root may write anywhere: the mode bits say what the owner wants.
            if info.st_mode & S_IWUSR == 0 { return .readOnly(path: path) }
        }
        let fd = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC | O_NOFOLLOW, 0o600)
        guard fd >= 0 else { return .unwritable(path: path, reason: String(cString: strerror(errno))) }
        defer { close(fd) }
        while flock(fd, LOCK_EX) != 0 && errno == EINTR {}
        defer { flock(fd, LOCK_UN) }
        let appended = append_history(1, path)
        if appended != 0 { return .unwritable(path: path, reason: String(cString: strerror(appended))) }
        _ = history_truncate_file(path, Int32(historyLimit))
        fchmod(fd, 0o600)
        return nil
    }

    /// Every history entry, oldest first.
    public static func historyEntries() -> [String] {
        var entries: [String] = []
        guard let list = history_list() else { return entries }
        var i = 0
        while let entry = list[i] {
            if let line = entry.pointee.line { entries.append(String(cString: line)) }
            i += 1
        }
        return entries
    }

    /// Terminal columns, or nil when stdout is not a terminal.
    public static func terminalColumns() -> Int? {
        var size = winsize()
        guard ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return nil }
        return Int(size.ws_col)
    }

    /// Under a non-UTF-8 locale readline takes Chinese input as Meta keys, so switch to C.UTF-8.
    public static func ensureUTF8Locale() {
        setlocale(LC_ALL, "")
        let codeset = String(cString: nl_langinfo(nl_item(CODESET))).uppercased()
        if codeset != "UTF-8" && codeset != "UTF8" {
            setenv("LC_ALL", "C.UTF-8", 1)
            setlocale(LC_ALL, "C.UTF-8")
        }
    }

    private static func parentDirectory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    private static func makeDirectories(_ path: String) -> String? {
        var current = path.hasPrefix("/") ? "" : "."
        for part in path.split(separator: "/") {
            current += "/" + part
            var info = stat()
            if stat(current, &info) == 0 { continue }
            if mkdir(current, 0o700) != 0 && errno != EEXIST {
                return "cannot create \(current): \(String(cString: strerror(errno)))"
            }
        }
        return nil
    }
}

/// Reads one byte for readline. A Ctrl-C ends the line and its text is dropped; any other
/// interruption (a window resize) just redraws. The flag is looked at before each wait and the
/// wait is short: a SIGINT that lands while readline is busy between two reads (redrawing the
/// line just typed) interrupts no read(), and a read() blocked until the next key would miss it.
private func readByte(_ stream: UnsafeMutablePointer<FILE>?) -> Int32 {
    let fd = stream.map { fileno($0) } ?? STDIN_FILENO
    var byte: UInt8 = 0
    while true {
        if Interrupt.isPending {
            interruptedDuringRead = true
            if let out = rl_outstream { fputs("^C", out); fflush(out) }
            return 10  // accept the line; readLine() discards it
        }
        var waiting = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        let ready = poll(&waiting, 1, 100)
        if ready == 0 { continue }
        if ready < 0 {
            if errno == EINTR {
                if !Interrupt.isPending { rl_resize_terminal() }
                continue
            }
            return EOF
        }
        let n = read(fd, &byte, 1)
        if n == 1 { return Int32(byte) }
        if n == 0 { return EOF }
        if errno == EINTR { continue }
        return EOF
    }
}

/// Builds readline's match array: [common prefix, match..., NULL], every string malloc'ed
/// (readline frees them).
private func completionMatches(text: UnsafePointer<CChar>?, start: Int32, end: Int32)
    -> UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?
{
    rl_attempted_completion_over = 1  // never fall back to readline's file names
    guard let completer = activeCompleter, let buffer = rl_line_buffer else { return nil }
    let line = String(cString: buffer)
    let word = text.map { String(cString: $0) } ?? ""
    let candidates = completer(line, Int(start), Int(end), word)
    guard !candidates.isEmpty else { return nil }
    let unique = Array(Set(candidates)).sorted()
    if unique.count == 1, unique[0].hasSuffix("/") { rl_completion_suppress_append = 1 }
    let slots = unique.count + 2
    guard let memory = malloc(slots * MemoryLayout<UnsafeMutablePointer<CChar>?>.stride) else { return nil }
    let matches = memory.bindMemory(to: UnsafeMutablePointer<CChar>?.self, capacity: slots)
    var shared = unique.count == 1 ? unique[0] : commonPrefix(unique)
    // Never replace what was typed with less (candidates that differ from it only in case).
    if shared.count < word.count { shared = word }
    matches[0] = strdup(shared)
    for (i, candidate) in unique.enumerated() where unique.count > 1 {
        matches[i + 1] = strdup(candidate)
    }
    matches[unique.count == 1 ? 1 : unique.count + 1] = nil
    return matches
}

/// The longest shared prefix, by whole characters so a Chinese character is never split.
/// Case-insensitive matches (keywords) keep the shortest candidate's own spelling.
private func commonPrefix(_ words: [String]) -> String {
    guard var prefix = words.first.map(Array.init) else { return "" }
    for word in words.dropFirst() {
        let chars = Array(word)
        var n = 0
        while n < prefix.count, n < chars.count, prefix[n] == chars[n] { n += 1 }
        prefix = Array(prefix[..<n])
    }
    return String(prefix)
}
