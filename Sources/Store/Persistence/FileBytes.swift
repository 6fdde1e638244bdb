#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Why a file could not be read.
public struct FileReadError: Error, Sendable, CustomStringConvertible {
    public let path: String
    public let reason: String
    public var description: String { "\(path): \(reason)" }
}

/// A whole file read into memory. Not memory-mapped: a mapped file that another process
/// truncates while we scan it kills us with SIGBUS (issue 15, item 3), and no Swift code can
/// recover from that signal. A read() of a shrinking file just ends early, which the size check
/// below turns into an error naming the file.
public final class FileBytes {
    public let path: String
    public let count: Int
    private let base: UnsafeMutableRawPointer?

    public init(path: String) throws(FileReadError) {
        self.path = path
        var fd: Int32
        // Non-blocking open: opening a FIFO for reading would otherwise wait for a writer forever.
        repeat { fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK) } while fd < 0 && errno == EINTR
        guard fd >= 0 else { throw FileReadError(path: path, reason: FileBytes.lastError()) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw FileReadError(path: path, reason: FileBytes.lastError()) }
        // A FIFO or a device would block or never end; a directory is no data.
        guard (info.st_mode & S_IFMT) == S_IFREG else { throw FileReadError(path: path, reason: "not a regular file") }
        let expected = Int(info.st_size)
        // Read to the end, whatever the size said: a file of the kernel's (/proc) says 0 and
        // has bytes; one past its end would tell a file that grew while we read.
        var capacity = max(expected + 1, 4096)
        guard var memory = malloc(capacity) else { throw FileReadError(path: path, reason: "out of memory") }
        var filled = 0
        while true {
            if filled == capacity {
                capacity *= 2
                guard let grown = realloc(memory, capacity) else {
                    free(memory)
                    throw FileReadError(path: path, reason: "out of memory")
                }
                memory = grown
            }
            let n = read(fd, memory + filled, capacity - filled)
            if n < 0 && errno == EINTR { continue }
            if n < 0 {
                let reason = FileBytes.lastError()
                free(memory)
                throw FileReadError(path: path, reason: reason)
            }
            if n == 0 { break }
            filled += n
        }
        // Shrunk or grown while we read: what we have is neither the old file nor the new one.
        guard filled == expected || expected == 0 else {
            free(memory)
            throw FileReadError(path: path, reason: "the file changed while it was being read (\(expected) bytes expected, \(filled) found)")
        }
        count = filled
        base = memory
    }

    deinit {
        free(base)
    }

    /// The bytes, valid only inside `body`.
    public func withBytes<R, E: Error>(_ body: (UnsafeBufferPointer<UInt8>) throws(E) -> R) throws(E) -> R {
        guard let base else { return try body(UnsafeBufferPointer(start: nil, count: 0)) }
        return try body(UnsafeBufferPointer(start: base.assumingMemoryBound(to: UInt8.self), count: count))
    }

    static func lastError() -> String { String(cString: strerror(errno)) }
}
