#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The content key of a source file (XXH64 of its bytes, and its size), remembered per path
/// together with the file's identity (device, inode, size, modification and change times), so
/// that a start-up over unchanged files stats them instead of hashing gigabytes again. Any
/// write to a file changes its change time, so a stale key is never reused.
struct SourceFingerprint {
    let directory: String

    struct Key: Equatable {
        let hash: UInt64
        let size: Int
    }

    /// The content key of `path`, nil when it cannot be read.
    func key(of path: String) -> Key? {
        var info = stat()
        guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        let identity = SourceFingerprint.identity(info)
        let memo = memoPath(for: path)
        if let remembered = readMemo(memo), remembered.identity == identity { return remembered.key }
        guard let file = try? FileBytes(path: path) else { return nil }
        let key = Key(hash: file.withBytes { XXHash64.hash(UnsafeRawBufferPointer($0)) }, size: file.count)
        writeMemo(memo, identity: identity, key: key)
        return key
    }

    static func identity(_ s: stat) -> String {
        #if canImport(Darwin)
        let m = s.st_mtimespec, c = s.st_ctimespec
        #else
        let m = s.st_mtim, c = s.st_ctim
        #endif
        return "\(s.st_dev) \(s.st_ino) \(s.st_size) \(m.tv_sec).\(m.tv_nsec) \(c.tv_sec).\(c.tv_nsec)"
    }

    private func memoPath(for path: String) -> String {
        var absolute = path
        if let resolved = realpath(path, nil) {
            absolute = String(cString: resolved)
            free(resolved)
        }
        return directory + "/paths/" + String(XXHash64.hash(absolute), radix: 16) + ".key"
    }

    /// The memo file: the identity line, then "hash size" in hex.
    private func readMemo(_ memo: String) -> (identity: String, key: Key)? {
        guard let file = try? FileBytes(path: memo), file.count < 4096 else { return nil }
        let text = file.withBytes { String(decoding: $0, as: UTF8.self) }
        let lines = text.split(separator: "\n")
        guard lines.count == 2 else { return nil }
        let parts = lines[1].split(separator: " ")
        guard parts.count == 2, let hash = UInt64(parts[0], radix: 16), let size = Int(parts[1], radix: 16) else { return nil }
        return (String(lines[0]), Key(hash: hash, size: size))
    }

    /// Best effort: a memo that cannot be written only costs a re-hash next time.
    private func writeMemo(_ memo: String, identity: String, key: Key) {
        guard SnapshotCache.makeDirectories(directory + "/paths") == nil else { return }
        let text = identity + "\n" + String(key.hash, radix: 16) + " " + String(key.size, radix: 16) + "\n"
        let temporary = memo + ".tmp\(getpid())"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard fd >= 0 else { return }
        guard let out = fdopen(fd, "wb") else { close(fd); return }
        let bytes = Array(text.utf8)
        let written = bytes.withUnsafeBytes { fwrite($0.baseAddress, 1, $0.count, out) }
        if fclose(out) != 0 || written != bytes.count || rename(temporary, memo) != 0 { unlink(temporary) }
    }
}
