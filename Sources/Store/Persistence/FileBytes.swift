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
        count = expected
        if expected == 0 {
            // A file that says it is empty may still refuse to be read (/proc/self/mem) or have
            // content after all (other /proc files): either is no snapshot file.
            var probe: UInt8 = 0
            var n: Int
            repeat { n = read(fd, &probe, 1) } while n < 0 && errno == EINTR
            if n < 0 { throw FileReadError(path: path, reason: FileBytes.lastError()) }
            if n > 0 { throw FileReadError(path: path, reason: "not a regular file (it reports no size but has content)") }
            base = nil
            return
        }
        let memory = UnsafeMutableRawPointer.allocate(byteCount: expected, alignment: 16)
        var filled = 0
        while filled < expected {
            let n = read(fd, memory + filled, expected - filled)
            if n < 0 && errno == EINTR { continue }
            if n < 0 {
                let reason = FileBytes.lastError()
                memory.deallocate()
                throw FileReadError(path: path, reason: reason)
            }
            if n == 0 { break }
            filled += n
        }
        // Shrunk or grown while we read: what we have is neither the old file nor the new one.
        var probe: UInt8 = 0
        var extra: Int
        repeat { extra = read(fd, &probe, 1) } while extra < 0 && errno == EINTR
        guard filled == expected, extra == 0 else {
            memory.deallocate()
            throw FileReadError(path: path, reason: "the file changed while it was being read (\(expected) bytes expected, \(filled < expected ? "\(filled)" : "more") found)")
        }
        base = memory
    }

    deinit {
        base?.deallocate()
    }

    /// The bytes, valid only inside `body`.
    public func withBytes<R, E: Error>(_ body: (UnsafeBufferPointer<UInt8>) throws(E) -> R) throws(E) -> R {
        guard let base else { return try body(UnsafeBufferPointer(start: nil, count: 0)) }
        return try body(UnsafeBufferPointer(start: base.assumingMemoryBound(to: UInt8.self), count: count))
    }

    static func lastError() -> String { String(cString: strerror(errno)) }
}
