import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A script being run (`-f FILE`, `.read FILE`): its name as given and the file it is.
struct ReadScript {
    let name: String
    let identity: FileIdentity?
}

/// A file's device and inode: the same file under two names (a symlink, `./a.bql` and `a.bql`).
struct FileIdentity: Equatable {
    let device: UInt64
    let inode: UInt64

    static func of(_ path: String) -> FileIdentity? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return FileIdentity(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))
    }
}

/// Reads a script's text (`-f`, `.read`) with a plain reason when it cannot: the system's words
/// ("Too many levels of symbolic links", "Is a directory"), said once. A pipe is read to its
/// end, so `-f <(generate)` works.
enum ScriptFile {
    static func read(_ path: String) -> Result<String, ScriptFileError> {
        var fd: Int32
        repeat { fd = open(path, O_RDONLY | O_CLOEXEC) } while fd < 0 && errno == EINTR
        guard fd >= 0 else { return .failure(ScriptFileError(path: path, reason: String(cString: strerror(errno)))) }
        defer { close(fd) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            if n < 0 { return .failure(ScriptFileError(path: path, reason: String(cString: strerror(errno)))) }
            if n == 0 { break }
            bytes.append(contentsOf: chunk[..<n])
        }
        return .success(String(decoding: bytes, as: UTF8.self))
    }
}

struct ScriptFileError: Error, CustomStringConvertible {
    let path: String
    let reason: String
    var description: String { "cannot read \(path): \(reason)" }
}
