extension String {
    /// Whether `needle` occurs in this string, compared as UTF-8 bytes: cheaper than Foundation's
    /// `contains` in hot loops (ingest's per-cell label tests, LIKE over a text dictionary), and
    /// exact for valid UTF-8, where a match can never start in the middle of a character.
    public func containsUTF8(_ needle: String) -> Bool {
        if let found = utf8.withContiguousStorageIfAvailable({ String.search($0, for: needle) }) {
            return found
        }
        return Array(utf8).withUnsafeBufferPointer { String.search($0, for: needle) }
    }

    private static func search(_ haystack: UnsafeBufferPointer<UInt8>, for needle: String) -> Bool {
        let n = Array(needle.utf8)
        guard let first = n.first else { return true }
        guard haystack.count >= n.count else { return false }
        var i = 0
        let last = haystack.count - n.count
        while i <= last {
            if haystack[i] == first {
                var j = 1
                while j < n.count && haystack[i + j] == n[j] { j += 1 }
                if j == n.count { return true }
            }
            i += 1
        }
        return false
    }
}
