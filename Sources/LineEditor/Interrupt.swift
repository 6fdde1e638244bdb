import Glibc
import Synchronization

/// Ctrl-C as a flag: the SIGINT handler only sets it (the one async-signal-safe thing to do), and
/// the line reader and the query runner look at it. Readline's own signal handling is off, because
/// `rl_done = 1` from a signal hook loses the next keystroke.
public enum Interrupt {
    /// Counts SIGINTs since the last `reset()`.
    static let pending = Atomic<Int>(0)
    /// The thread that reads lines: a SIGINT delivered to any other thread is passed on to it,
    /// so its blocked read() is interrupted.
    nonisolated(unsafe) static var readerThread = pthread_self()

    /// Installs the handler without SA_RESTART, so the getc hook's wait for a key returns EINTR
    /// and sees the interruption at once.
    public static func install() {
        _ = pending.load(ordering: .relaxed)  // initialise the globals before a signal can touch them
        readerThread = pthread_self()
        var action = sigaction()
        action.__sigaction_handler.sa_handler = { signal in
            Interrupt.pending.add(1, ordering: .relaxed)
            let reader = Interrupt.readerThread
            if pthread_equal(pthread_self(), reader) == 0 { pthread_kill(reader, signal) }
        }
        sigemptyset(&action.sa_mask)
        action.sa_flags = 0
        sigaction(SIGINT, &action, nil)
        // A parent may have started us with SIGINT blocked (test harnesses, some launchers).
        var unblock = sigset_t()
        sigemptyset(&unblock)
        sigaddset(&unblock, SIGINT)
        pthread_sigmask(SIG_UNBLOCK, &unblock, nil)
    }

    public static var isPending: Bool { pending.load(ordering: .relaxed) > 0 }

    public static func reset() { pending.store(0, ordering: .relaxed) }
}
