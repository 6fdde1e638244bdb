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
/// The folders are 0700 and the entries 0600; the entries together stay under `maximumBytes`
/// (BUDGETQL_CACHE_MAX), the least recently used deleted first.
public struct SnapshotCache: Sendable {
    /// What a load produced: tables plus notes (e.g. the loader's warnings) to show again on a
    /// hit, and a fingerprint the loader worked out from the tables (kept so a hit need not work
    /// it out again).
    public struct Entry: Sendable {
        public var tables: [Table]
        public var notes: [String]
        public var fingerprint: [UInt64]
        public init(tables: [Table], notes: [String] = [], fingerprint: [UInt64] = []) {
            self.tables = tables
            self.notes = notes
            self.fingerprint = fingerprint
        }
    }

    public let directory: String
    public let loaderVersion: String
    /// The most the entries may take together; past it the least recently used go first.
    public let maximumBytes: Int64

    /// 4 GiB unless BUDGETQL_CACHE_MAX says otherwise.
    public static let defaultMaximumBytes: Int64 = 4 << 30

    /// `directory` defaults to $XDG_CACHE_HOME/budgetql, else ~/.cache/budgetql. Change
    /// `loaderVersion` whenever the loader would read the same bytes into different tables.
    /// `maximumBytes` defaults to BUDGETQL_CACHE_MAX (bytes, or with a K, M or G suffix).
    public init(directory: String? = nil, loaderVersion: String, maximumBytes: Int64? = nil) {
        self.directory = directory ?? SnapshotCache.defaultDirectory()
        self.loaderVersion = loaderVersion
        self.maximumBytes = maximumBytes
            ?? getenv("BUDGETQL_CACHE_MAX").flatMap { SnapshotCache.byteCount(String(cString: $0)) }
            ?? SnapshotCache.defaultMaximumBytes
    }

    /// "500M", "2G", "1048576" -> bytes; nil when it is not a size.
    public static func byteCount(_ text: String) -> Int64? {
        let trimmed = text.filter { $0 != " " }
        guard let last = trimmed.last else { return nil }
        let shifts: [Character: Int64] = ["K": 10, "k": 10, "M": 20, "m": 20, "G": 30, "g": 30]
        let shift = shifts[last] ?? 0
        let digits = shift == 0 ? Substring(trimmed) : trimmed.dropLast()
        guard let value = Int64(digits), value >= 0, value <= Int64.max >> shift else { return nil }
        return value << shift
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
        if let stored = lookup(location, describing: path, warn: warn) { return stored }
        let fresh = try load()
        save(fresh, at: location, describing: path, warn: warn)
        return fresh
    }

    /// The good entry at `location`, marked used now (the least recently used are the ones
    /// trimmed); a damaged one is reported, deleted and missed.
    private func lookup(_ location: String, describing path: String, warn: (String) -> Void) -> Entry? {
        switch read(location) {
        case .hit(let entry):
            utimes(location, nil)
            return entry
        case .damaged(let reason):
            warn("warning: ignoring damaged cache entry \(location) for \(path) (\(reason)); reading \(path) again")
            unlink(location)
            return nil
        case .miss:
            return nil
        }
    }

    /// Writes `entry` at `location` (a failure is reported, not fatal), then trims the cache.
    private func save(_ entry: Entry, at location: String, describing path: String, warn: (String) -> Void) {
        if let problem = write(entry, to: location) {
            warn("warning: could not save the cache entry for \(path): \(problem)")
        }
        trim(keeping: location)
    }

    /// As `entry(forFileAt:orLoad:)` for a set of files loaded together (a data directory): one
    /// entry keyed by every file's name and content, so any added, removed or edited file
    /// rebuilds it. Unreadable files are keyed by name (the loader reports them).
    public func entry<E: Error>(forFilesAt paths: [String], warn: (String) -> Void = SnapshotCache.printWarning,
                                orLoad load: () throws(E) -> Entry) throws(E) -> Entry {
        let fingerprint = SourceFingerprint(directory: directory)
        var key = ""
        for path in paths.sorted() {
            // An unreadable file is part of the key too: its problem is in the entry's notes,
            // and an entry made without it would hit and lose that problem silently.
            guard let k = fingerprint.key(of: path) else { key += "\(path)\u{0}unreadable\n"; continue }
            key += "\(path)\u{0}\(k.hash)\u{0}\(k.size)\n"
        }
        guard !key.isEmpty else { return try load() }
        let location = directory + "/set-" + hex(XXHash64.hash(key)) + "-" + hex(loaderHash) + ".bqlt"
        return try entry(at: location, describing: "\(paths.count) files", warn: warn, orLoad: load)
    }

    /// The entry of one snapshot file, when there is a good one: keyed by the file's content,
    /// its path as given (its tables name it) and the loader's version. A damaged entry is
    /// reported through `warn`, deleted, and missed.
    public func storedEntry(forSnapshotAt path: String, warn: (String) -> Void = SnapshotCache.printWarning) -> Entry? {
        guard let location = snapshotEntryPath(forFileAt: path) else { return nil }
        return lookup(location, describing: path, warn: warn)
    }

    /// Stores `entry` as the entry of the snapshot file at `path` (see `storedEntry`), then trims
    /// the cache to its limit.
    public func store(_ entry: Entry, forSnapshotAt path: String, warn: (String) -> Void = SnapshotCache.printWarning) {
        guard let location = snapshotEntryPath(forFileAt: path) else { return }
        save(entry, at: location, describing: path, warn: warn)
    }

    /// Where the entry of the snapshot file at `path` lives; nil when the file cannot be read.
    public func snapshotEntryPath(forFileAt path: String) -> String? {
        guard let key = SourceFingerprint(directory: directory).key(of: path) else { return nil }
        return directory + "/file-" + hex(key.hash) + "-" + String(key.size, radix: 16) + "-"
            + hex(XXHash64.hash(path + "\u{0}" + loaderVersion + "/archive-\(TableArchive.formatVersion)")) + ".bqlt"
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
        let file: FileBytes
        do { file = try FileBytes(path: location) } catch {
            return errno == ENOENT || access(location, F_OK) != 0 ? .miss : .damaged(error.reason)
        }
        do {
            let (tables, notes, fingerprint) = try file.withBytes { (bytes) throws(ArchiveError) in
                try TableArchive.decode(UnsafeRawBufferPointer(bytes))
            }
            return .hit(Entry(tables: tables, notes: notes, fingerprint: fingerprint))
        } catch {
            return .damaged(error.reason)
        }
    }

    /// Writes through a temporary file and a rename, so a crash never leaves half an entry
    /// under the real name. Returns what went wrong, or nil.
    func write(_ entry: Entry, to location: String) -> String? {
        if let problem = SnapshotCache.makeDirectories(directory) { return problem }
        // A cache folder made by an older BudgetQL was world-readable.
        chmod(directory, 0o700)
        let bytes = TableArchive.encode(entry.tables, notes: entry.notes, fingerprint: entry.fingerprint)
        let temporary = location + ".tmp\(getpid())"
        // 0600: the cache holds what the analyst loaded, which may not be for other users' eyes.
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard fd >= 0, let out = fdopen(fd, "wb") else {
            let reason = String(cString: strerror(errno))
            if fd >= 0 { close(fd) }
            return "\(temporary): \(reason)"
        }
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

    /// Creates the cache's folders, the new ones 0700 (only their owner may list or read them).
    static func makeDirectories(_ path: String) -> String? {
        var built = path.hasPrefix("/") ? "" : "."
        for part in path.split(separator: "/") {
            built += "/" + part
            if mkdir(built, 0o700) != 0 && errno != EEXIST {
                return "\(built): \(String(cString: strerror(errno)))"
            }
        }
        return nil
    }

    /// Deletes the least recently used entries until the rest fit in `maximumBytes`; the entry
    /// just written stays even if it alone is larger. Best effort: an entry another process
    /// removed first is simply gone.
    func trim(keeping kept: String) {
        guard let folder = opendir(directory) else { return }
        var entries: [(path: String, size: Int64, used: Int)] = []  // used: nanoseconds
        var total: Int64 = 0
        while let item = readdir(folder) {
            let name = withUnsafeBytes(of: item.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            guard name.hasSuffix(".bqlt") else { continue }
            let path = directory + "/" + name
            var info = stat()
            guard stat(path, &info) == 0 else { continue }
            #if canImport(Darwin)
            let used = info.st_mtimespec.tv_sec * 1_000_000_000 + info.st_mtimespec.tv_nsec
            #else
            let used = info.st_mtim.tv_sec * 1_000_000_000 + info.st_mtim.tv_nsec
            #endif
            entries.append((path, Int64(info.st_size), used))
            total += Int64(info.st_size)
        }
        closedir(folder)
        guard total > maximumBytes else { return }
        for entry in entries.sorted(by: { $0.used < $1.used }) where entry.path != kept {
            if unlink(entry.path) == 0 { total -= entry.size }
            if total <= maximumBytes { break }
        }
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
