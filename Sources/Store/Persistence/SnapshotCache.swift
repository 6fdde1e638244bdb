#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Already-parsed snapshots on disk, so the REPL starts without parsing text again.
///
/// Each entry is keyed by the source file's content (XXH64 of its bytes and its size) and the
/// loader's version, so an edited file, or a new loader, simply misses and is parsed afresh;
/// a renamed or copied file still hits. The hash of an unchanged file is remembered by its
/// stat identity (`SourceFingerprint`), so a start-up does not re-read every source. A damaged
/// or truncated entry is reported through `warn` and rebuilt, never trusted and never fatal.
public struct SnapshotCache: Sendable {
    /// What a load produced: tables plus notes (e.g. the loader's warnings) to show again on a hit.
    public struct Entry: Sendable {
        public var tables: [Table]
        public var notes: [String]
        public init(tables: [Table], notes: [String] = []) {
            self.tables = tables
            self.notes = notes
        }
    }

    public let directory: String
    public let loaderVersion: String

    /// `directory` defaults to $XDG_CACHE_HOME/budgetql, else ~/.cache/budgetql. Change
    /// `loaderVersion` whenever the loader would read the same bytes into different tables.
    public init(directory: String? = nil, loaderVersion: String) {
        self.directory = directory ?? SnapshotCache.defaultDirectory()
        self.loaderVersion = loaderVersion
    }

    public static func defaultDirectory() -> String {
        if let xdg = getenv("XDG_CACHE_HOME").map({ String(cString: $0) }), xdg.hasPrefix("/") {
            return xdg + "/budgetql"
        }
        let home = getenv("HOME").map { String(cString: $0) } ?? "."
        return home + "/.cache/budgetql"
    }

    /// The tables of the file at `path`: from the cache when an entry matches its content,
    /// otherwise from `load`, whose result is then stored for next time.
    public func tables<E: Error>(forFileAt path: String, warn: (String) -> Void = SnapshotCache.printWarning,
                                 orLoad load: () throws(E) -> [Table]) throws(E) -> [Table] {
        try entry(forFileAt: path, warn: warn) { () throws(E) -> Entry in Entry(tables: try load()) }.tables
    }

    /// As `tables(forFileAt:orLoad:)`, keeping the loader's notes alongside the tables.
    public func entry<E: Error>(forFileAt path: String, warn: (String) -> Void = SnapshotCache.printWarning,
                                orLoad load: () throws(E) -> Entry) throws(E) -> Entry {
        // A file we cannot read is the loader's to report; the cache stays out of the way.
        guard let location = entryPath(forFileAt: path) else { return try load() }
        return try entry(at: location, describing: path, warn: warn, orLoad: load)
    }

    private func entry<E: Error>(at location: String, describing path: String, warn: (String) -> Void,
                                 orLoad load: () throws(E) -> Entry) throws(E) -> Entry {
        switch read(location) {
        case .hit(let entry):
            return entry
        case .damaged(let reason):
            warn("warning: ignoring damaged cache entry \(location) for \(path) (\(reason)); reading \(path) again")
            unlink(location)
        case .miss:
            break
        }
        let fresh = try load()
        if let problem = write(fresh, to: location) {
            warn("warning: could not save the cache entry for \(path): \(problem)")
        }
        return fresh
    }

    /// As `entry(forFileAt:orLoad:)` for a set of files loaded together (a data directory): one
    /// entry keyed by every file's name and content, so any added, removed or edited file
    /// rebuilds it. Unreadable files are left out of the key (the loader reports them).
    public func entry<E: Error>(forFilesAt paths: [String], warn: (String) -> Void = SnapshotCache.printWarning,
                                orLoad load: () throws(E) -> Entry) throws(E) -> Entry {
        let fingerprint = SourceFingerprint(directory: directory)
        var key = ""
        for path in paths.sorted() {
            guard let k = fingerprint.key(of: path) else { continue }
            key += "\(path)\u{0}\(k.hash)\u{0}\(k.size)\n"
        }
        guard !key.isEmpty else { return try load() }
        let location = directory + "/set-" + hex(XXHash64.hash(key)) + "-" + hex(loaderHash) + ".bqlt"
        return try entry(at: location, describing: "\(paths.count) files", warn: warn, orLoad: load)
    }

    /// Where the entry for the file at `path` lives; nil when the file cannot be read.
    public func entryPath(forFileAt path: String) -> String? {
        guard let key = SourceFingerprint(directory: directory).key(of: path) else { return nil }
        return directory + "/" + hex(key.hash) + "-" + String(key.size, radix: 16) + "-" + hex(loaderHash) + ".bqlt"
    }

    /// Entries of another loader version or archive format never match.
    private var loaderHash: UInt64 { XXHash64.hash(loaderVersion + "/archive-\(TableArchive.formatVersion)") }

    /// Warnings go to standard error, one line each.
    public static let printWarning: @Sendable (String) -> Void = { message in
        writeToStandardError(message + "\n")
    }

    enum Lookup {
        case hit(Entry)
        case miss
        case damaged(String)
    }

    func read(_ location: String) -> Lookup {
        let file: MappedFile
        do { file = try MappedFile(path: location) } catch {
            return errno == ENOENT || access(location, F_OK) != 0 ? .miss : .damaged(error.reason)
        }
        do {
            let (tables, notes) = try file.withBytes { (bytes) throws(ArchiveError) in
                try TableArchive.decode(UnsafeRawBufferPointer(bytes))
            }
            return .hit(Entry(tables: tables, notes: notes))
        } catch {
            return .damaged(error.reason)
        }
    }

    /// Writes through a temporary file and a rename, so a crash never leaves half an entry
    /// under the real name. Returns what went wrong, or nil.
    func write(_ entry: Entry, to location: String) -> String? {
        if let problem = SnapshotCache.makeDirectories(directory) { return problem }
        let bytes = TableArchive.encode(entry.tables, notes: entry.notes)
        let temporary = location + ".tmp\(getpid())"
        guard let out = fopen(temporary, "wb") else { return "\(temporary): \(String(cString: strerror(errno)))" }
        let written = bytes.withUnsafeBytes { fwrite($0.baseAddress, 1, $0.count, out) }
        let closed = fclose(out) == 0
        guard written == bytes.count, closed else {
            unlink(temporary)
            return "\(temporary): short write"
        }
        guard rename(temporary, location) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            return "\(location): \(reason)"
        }
        return nil
    }

    static func makeDirectories(_ path: String) -> String? {
        var built = path.hasPrefix("/") ? "" : "."
        for part in path.split(separator: "/") {
            built += "/" + part
            if mkdir(built, 0o755) != 0 && errno != EEXIST {
                return "\(built): \(String(cString: strerror(errno)))"
            }
        }
        return nil
    }

    private func hex(_ v: UInt64) -> String {
        let s = String(v, radix: 16)
        return String(repeating: "0", count: 16 - s.count) + s
    }
}

private func writeToStandardError(_ text: String) {
    var bytes = Array(text.utf8)
    _ = bytes.withUnsafeMutableBytes { write(2, $0.baseAddress, $0.count) }
}
