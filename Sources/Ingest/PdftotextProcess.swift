import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// Runs pdftotext on one file as a child that cannot hang the load, exhaust the machine's memory
/// or outlive BudgetQL (issue 15, items 1, 4 and 16):
/// - the path comes after `--`, so a file named `-v` is a file, not the version option;
/// - the child runs in a process group of its own, under a time limit (BUDGETQL_PDF_TIMEOUT,
///   seconds, default 120) and an address-space limit (BUDGETQL_PDF_MEMORY, megabytes, default
///   2048); past either, the whole group is killed and the error names the file;
/// - stdout and stderr are read together (poll), so a child that fills the stderr pipe while we
///   wait on stdout cannot deadlock; interrupted system calls are retried;
/// - a cancelled load (Ctrl-C during `.load`) kills its conversions; a fatal signal to BudgetQL
///   kills every running group.
public enum PdftotextProcess {
    /// The limits of one conversion.
    public struct Limits: Sendable, Equatable {
        public var seconds: Double
        public var megabytes: Int

        public static let standard = Limits(seconds: 120, megabytes: 2048)

        /// The standard limits with BUDGETQL_PDF_TIMEOUT / BUDGETQL_PDF_MEMORY applied (a value
        /// that is not a positive number is ignored).
        public static func from(environment: [String: String]) -> Limits {
            var limits = Limits.standard
            if let s = environment["BUDGETQL_PDF_TIMEOUT"].flatMap(Double.init), s > 0 { limits.seconds = s }
            if let m = environment["BUDGETQL_PDF_MEMORY"].flatMap(Int.init), m > 0 { limits.megabytes = m }
            return limits
        }
    }

    /// `pdftotext ARGUMENTS -- PATH -`: the text pdftotext writes to stdout. `arguments` are
    /// pdftotext's options only (`["-layout", "-enc", "UTF-8"]`, `["-bbox-layout"]`).
    static func run(path: String, arguments: [String]) throws(SnapshotReadError) -> Data {
        try run(path: path, arguments: arguments,
                limits: Limits.from(environment: ProcessInfo.processInfo.environment))
    }

    static func run(path: String, arguments: [String], limits: Limits) throws(SnapshotReadError) -> Data {
        guard let tool = findTool("pdftotext") else { throw .pdftotextMissing(path) }
        let load = LoadCancellation.current
        let child = try Child.start(tool: tool, arguments: arguments + ["--", path, "-"], limits: limits, file: path, load: load)
        let deadline = DispatchTime.now().uptimeNanoseconds + UInt64(limits.seconds * 1e9)
        var output: [UInt8] = []
        var errors: [UInt8] = []
        var open = [child.stdout, child.stderr]
        while open.contains(where: { $0 >= 0 }) {
            if load?.isCancelled == true {
                child.kill()
                throw .cancelled(path)
            }
            let now = DispatchTime.now().uptimeNanoseconds
            if now >= deadline {
                child.kill()
                throw .pdftotextTimedOut(path, seconds: limits.seconds)
            }
            // Wake at least every 100 ms to notice a cancellation.
            let wait = Int32(min(100, (deadline - now) / 1_000_000 + 1))
            var fds = open.map { pollfd(fd: $0, events: Int16(POLLIN), revents: 0) }
            let ready = poll(&fds, nfds_t(fds.count), wait)
            if ready < 0 {
                if errno == EINTR { continue }
                child.kill()
                throw .pdftotextFailed(path, "poll: \(String(cString: strerror(errno)))")
            }
            for (i, fd) in open.enumerated() where fd >= 0 && fds[i].revents != 0 {
                let n = fd == child.stdout ? readSome(fd, into: &output) : readSome(fd, into: &errors)
                if n == 0 { open[i] = -1 }
            }
        }
        let status = child.wait()
        let message = String(decoding: errors, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        if status.signal != nil || message.contains("bad_alloc") || message.contains("Out of memory") {
            // A child that aborts or dies for want of memory under the limit ran out of address space.
            if let signal = status.signal, signal != SIGABRT && signal != SIGSEGV && signal != SIGBUS && signal != SIGKILL {
                throw .pdftotextFailed(path, "pdftotext was ended by signal \(signal)")
            }
            throw .pdftotextOutOfMemory(path, megabytes: limits.megabytes)
        }
        guard status.code == 0 else {
            throw .pdftotextFailed(path, message.isEmpty ? "exit status \(status.code)" : message)
        }
        return Data(output)
    }

    /// On SIGTERM, SIGHUP, SIGQUIT, and SIGINT when nothing else handles it, kills the running
    /// conversions' process groups (which a terminal's Ctrl-C does not reach, being groups of
    /// their own), then dies of the signal as before.
    public static func killChildrenOnFatalSignals() {
        RunningChildren.prepare()
        for signal in [SIGTERM, SIGHUP, SIGQUIT, SIGINT] {
            var current = sigaction()
            sigaction(signal, nil, &current)
            // Keep a handler someone installed (the REPL's Ctrl-C) and an inherited "ignore".
            guard current.__sigaction_handler.sa_handler == nil else { continue }
            var action = sigaction()
            action.__sigaction_handler.sa_handler = { signal in
                RunningChildren.killAll()
                Glibc.signal(signal, SIG_DFL)
                raise(signal)
            }
            sigemptyset(&action.sa_mask)
            action.sa_flags = 0
            sigaction(signal, &action, nil)
            // A parent may have started us with these blocked (test harnesses, some launchers):
            // then they would never end us, nor our conversions.
            var unblock = sigset_t()
            sigemptyset(&unblock)
            sigaddset(&unblock, signal)
            pthread_sigmask(SIG_UNBLOCK, &unblock, nil)
        }
    }

    /// Looks the tool up on PATH only, as a shell would: a PATH without it means it is missing
    /// (the standard directories stand in only when there is no PATH at all).
    static func findTool(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin:/usr/local/bin"
        for dir in path.split(separator: ":") {
            let candidate = "\(dir)/\(name)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    /// Reads what is there (up to 64 KiB) into `buffer`; 0 at the end or on an error.
    private static func readSome(_ fd: Int32, into buffer: inout [UInt8]) -> Int {
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { return 0 }
            buffer.append(contentsOf: chunk[..<n])
            return n
        }
    }
}

/// One pdftotext child: its pid (which is also its process group) and the read ends of its pipes.
private struct Child {
    let pid: pid_t
    let stdout: Int32
    let stderr: Int32
    let slot: Int?
    let load: LoadCancellation?

    struct Status {
        let code: Int32
        let signal: Int32?
    }

    /// Spawns `tool arguments` under `/bin/sh -c 'ulimit -v …; exec …'`: posix_spawn cannot set a
    /// resource limit in the child, and fork() from a multi-threaded Swift process is not safe.
    static func start(tool: String, arguments: [String], limits: PdftotextProcess.Limits,
                      file: String, load: LoadCancellation?) throws(SnapshotReadError) -> Child {
        let kilobytes = limits.megabytes * 1024
        let argv = ["/bin/sh", "-c", "ulimit -v \(kilobytes) && exec \"$0\" \"$@\"", tool] + arguments
        let spawned = spawnLock.withLock { _ -> Result<(pid_t, Int32, Int32), SnapshotReadError> in
            spawn(argv, file: file)
        }
        let (pid, stdout, stderr): (pid_t, Int32, Int32)
        switch spawned {
        case .success(let started): (pid, stdout, stderr) = started
        case .failure(let error): throw error
        }
        let child = Child(pid: pid, stdout: stdout, stderr: stderr, slot: RunningChildren.register(pid), load: load)
        if let load, !load.adopt(pid) {
            child.kill()
            throw .cancelled(file)
        }
        return child
    }

    /// Pipes are made and the child spawned under one lock: Glibc's pipe2 is not visible to
    /// Swift, so close-on-exec is set just after pipe(), and a conversion spawned meanwhile on
    /// another thread would otherwise inherit our write ends and keep our reads from ending.
    private static let spawnLock = Mutex<Void>(())

    private static func spawn(_ argv: [String], file: String) -> Result<(pid_t, Int32, Int32), SnapshotReadError> {
        var out: [Int32] = [-1, -1], err: [Int32] = [-1, -1]
        guard pipe(&out) == 0 else { return .failure(.pdftotextFailed(file, "pipe: \(String(cString: strerror(errno)))")) }
        guard pipe(&err) == 0 else {
            close(out[0]); close(out[1])
            return .failure(.pdftotextFailed(file, "pipe: \(String(cString: strerror(errno)))"))
        }
        for fd in out + err { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, out[1], 1)
        posix_spawn_file_actions_adddup2(&actions, err[1], 2)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        // A process group of its own (killed as one), default signal actions and no blocked signals.
        var everything = sigset_t(), nothing = sigset_t()
        sigfillset(&everything)
        sigemptyset(&nothing)
        posix_spawnattr_setpgroup(&attributes, 0)
        posix_spawnattr_setsigdefault(&attributes, &everything)
        posix_spawnattr_setsigmask(&attributes, &nothing)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))
        let cArguments: [UnsafeMutablePointer<CChar>?] = argv.map { strdup($0) } + [nil]
        defer { for a in cArguments { free(a) } }
        var pid: pid_t = 0
        let status = posix_spawn(&pid, argv[0], &actions, &attributes, cArguments, environ)
        close(out[1]); close(err[1])
        guard status == 0 else {
            close(out[0]); close(err[0])
            return .failure(.pdftotextFailed(file, "cannot start pdftotext: \(String(cString: strerror(status)))"))
        }
        return .success((pid, out[0], err[0]))
    }

    /// Kills the group and reaps the child.
    func kill() {
        Glibc.kill(-pid, SIGKILL)
        _ = wait()
    }

    /// Waits for the child's end (retrying interrupted waits) and closes its pipes.
    @discardableResult
    func wait() -> Status {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        RunningChildren.unregister(slot)
        load?.release(pid)
        close(stdout)
        close(stderr)
        // WIFSIGNALED / WTERMSIG / WEXITSTATUS, which Swift does not import.
        let signal = status & 0x7F
        if signal != 0 && signal != 0x7F { return Status(code: -1, signal: signal) }
        return Status(code: (status >> 8) & 0xFF, signal: nil)
    }
}

/// The process groups of running conversions, in lock-free slots that a signal handler may read.
enum RunningChildren {
    static let capacity = 256
    nonisolated(unsafe) static let slots: UnsafeMutablePointer<Atomic<Int32>> = {
        let p = UnsafeMutablePointer<Atomic<Int32>>.allocate(capacity: capacity)
        for i in 0..<capacity { (p + i).initialize(to: Atomic<Int32>(0)) }
        return p
    }()
    /// Initialises the globals before a signal handler can touch them.
    static func prepare() {
        _ = slots
    }

    static func register(_ pid: pid_t) -> Int? {
        for i in 0..<capacity where (slots + i).pointee.compareExchange(expected: 0, desired: pid, ordering: .sequentiallyConsistent).exchanged {
            return i
        }
        return nil
    }

    static func unregister(_ slot: Int?) {
        guard let slot else { return }
        (slots + slot).pointee.store(0, ordering: .sequentiallyConsistent)
    }

    /// Async-signal-safe: atomic loads and kill() only.
    static func killAll() {
        for i in 0..<capacity {
            let pid = (slots + i).pointee.load(ordering: .sequentiallyConsistent)
            if pid > 0 { kill(-pid, SIGKILL) }
        }
    }
}
