import Glibc
import Synchronization

/// Ctrl-C as a flag: the SIGINT handler only sets it (the one async-signal-safe thing to do), and
/// the line reader and the query runner look at it. Readline's own signal handling is off, because
/// `rl_done = 1` from a signal hook loses the next keystroke.
public enum Interrupt {
    /// Counts SIGINTs since the last `reset()`.
    static let pending = Atomic<Int>(0)

    /// Installs the handler without SA_RESTART, so a blocked read() returns EINTR and the getc
    /// hook can see the interruption.
    public static func install() {
        _ = pending.load(ordering: .relaxed)  // initialise the global before a signal can touch it
        var action = sigaction()
        action.__sigaction_handler.sa_handler = { _ in
            Interrupt.pending.add(1, ordering: .relaxed)
        }
        sigemptyset(&action.sa_mask)
        action.sa_flags = 0
        sigaction(SIGINT, &action, nil)
    }

    public static var isPending: Bool { pending.load(ordering: .relaxed) > 0 }

    public static func reset() { pending.store(0, ordering: .relaxed) }
}
