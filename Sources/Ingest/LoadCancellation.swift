import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// Stops a load that is under way (Ctrl-C during `.load`): no file is started after `cancel()`,
/// and the pdftotext conversions this load is running are killed. The caller keeps what it had
/// loaded before; a cancelled load is never cached.
public final class LoadCancellation: Sendable {
    /// The load the current thread works for: the loader binds it around each file, so the
    /// conversions started for that file (by whichever reader) belong to it.
    @TaskLocal static var current: LoadCancellation?

    private let flag = Atomic<Bool>(false)
    /// Process groups of this load's running conversions.
    private let children = Mutex<Set<Int32>>([])

    public init() {}

    public var isCancelled: Bool { flag.load(ordering: .sequentiallyConsistent) }

    public func cancel() {
        flag.store(true, ordering: .sequentiallyConsistent)
        children.withLock { groups in
            for group in groups { kill(-group, SIGKILL) }
        }
    }

    /// Adds a running conversion; false when the load is already cancelled (the caller kills it).
    /// Registered first, checked second: a `cancel()` in between still sees the child.
    func adopt(_ group: Int32) -> Bool {
        children.withLock { _ = $0.insert(group) }
        return !isCancelled
    }

    func release(_ group: Int32) {
        children.withLock { _ = $0.remove(group) }
    }
}
