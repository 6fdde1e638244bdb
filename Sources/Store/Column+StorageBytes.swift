/// How much memory a column's data takes, for the bytes-per-row budget (PERF.md: at most 40).
/// Counts the payload a scan touches plus the dictionary; Swift's fixed per-array headers
/// (a few dozen bytes per column) are left out as they do not grow with rows.
extension Column {
    public var storageBytes: Int {
        var bytes = 0
        switch storage {
        case .integer(let v): bytes += v.count * v.width
        case .decimal(let units, _): bytes += units.count * MemoryLayout<Int64>.size
        case .text(let codes, let dictionary):
            bytes += codes.count * codes.width
            // Each entry: a 16-byte String header, plus its UTF-8 bytes when too long to be stored inline.
            for s in dictionary {
                let n = s.utf8.count
                bytes += 16 + (n > 15 ? n : 0)
            }
        case .boolean(let v): bytes += v.count
        }
        if let nulls { bytes += nulls.words.count * 8 }
        return bytes
    }
}

extension Table {
    /// Bytes of column data (see `Column.storageBytes`).
    public var storageBytes: Int { columns.reduce(0) { $0 + $1.storageBytes } }
}
