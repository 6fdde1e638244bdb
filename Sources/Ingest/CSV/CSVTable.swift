import Store

/// An analyst's own CSV file as a table: `bench.csv` becomes table `bench`.
///
/// The first line names the columns. Each column is typed from its contents: INTEGER when every
/// cell is a whole number, DECIMAL (exact, one scale per column, never binary floating point)
/// when every cell is a number and some have places, BOOLEAN when every cell is true or false,
/// TEXT otherwise. Numbers may have surrounding spaces and thousands separators ("1,234.50").
/// An empty cell is NULL, and so are NA, N/A, NULL and a lone - in a number or boolean column.
/// Fields may be quoted (RFC 4180); a quoted field may hold commas, `""` and line breaks.
public enum CSVTable {
    /// Loads the file at `path`; errors name the file, the line and the column at fault.
    public static func load(path: String) throws(CSVError) -> Table {
        try read(path: path).table
    }

    /// As `load`, with the columns that fell back to TEXT and the cell that made them.
    public static func read(path: String) throws(CSVError) -> CSVLoad {
        let file: FileBytes
        do { file = try FileBytes(path: path) } catch {
            throw CSVError(file: path, line: nil, message: error.reason)
        }
        let name = tableName(forPath: path)
        return try file.withBytes { (bytes) throws(CSVError) -> CSVLoad in
            try parse(bytes, tableName: name, file: path)
        }
    }

    /// Parses CSV text already in memory (tests, pasted data).
    public static func parse(_ text: String, tableName: String, file: String = "<text>") throws(CSVError) -> Table {
        try read(text, tableName: tableName, file: file).table
    }

    /// As `parse`, with the columns that fell back to TEXT.
    public static func read(_ text: String, tableName: String, file: String = "<text>") throws(CSVError) -> CSVLoad {
        let bytes = Array(text.utf8)
        return try bytes.withUnsafeBufferPointer { (buffer) throws(CSVError) -> CSVLoad in
            try parse(buffer, tableName: tableName, file: file)
        }
    }

    /// The table name a file gets: its base name without the last extension.
    public static func tableName(forPath path: String) -> String {
        let base = path.split(separator: "/", omittingEmptySubsequences: true).last.map(String.init) ?? path
        if let dot = base.lastIndex(of: "."), dot != base.startIndex { return String(base[..<dot]) }
        return base
    }

    static func parse(_ bytes: UnsafeBufferPointer<UInt8>, tableName: String, file: String) throws(CSVError) -> CSVLoad {
        var scanner = CSVRecordScanner(bytes)
        scanner.skipByteOrderMark()
        let names = try readHeader(&scanner, file: file)
        let dataStart = scanner.position, dataLine = scanner.line
        let n = names.count

        // Every column starts as INTEGER (widening to DECIMAL in place); a cell that is not a
        // number turns its column to TEXT, and the data is read again from the top.
        var kinds = [CSVColumnKind](repeating: .integer, count: n)
        var fallbacks: [CSVTextFallback] = []
        while true {
            switch try readRecords(bytes, from: dataStart, line: dataLine, kinds: kinds, names: names, file: file) {
            case .columns(let columns):
                return CSVLoad(table: Table(name: tableName, columns: columns), textFallbacks: fallbacks.sorted { $0.column < $1.column })
            case .retry(let widened, let fallback):
                kinds = widened
                if let fallback { fallbacks.append(fallback) }
            }
        }
    }

    enum Attempt {
        case columns([Column])
        /// `fallback`: the cell that turned a column of numbers or booleans to TEXT.
        case retry(kinds: [CSVColumnKind], fallback: CSVTextFallback?)
    }

    /// One pass over the records with the columns typed as `kinds`.
    private static func readRecords(_ bytes: UnsafeBufferPointer<UInt8>, from dataStart: Int, line dataLine: Int,
                                    kinds: [CSVColumnKind], names: [String], file: String) throws(CSVError) -> Attempt {
        let n = kinds.count
        // The builders live in a raw buffer so the per-cell calls mutate them in place.
        let builders = UnsafeMutablePointer<CSVColumnBuilder>.allocate(capacity: n)
        for c in 0..<n { (builders + c).initialize(to: CSVColumnBuilder(kind: kinds[c], expectedRows: 1024)) }
        defer {
            for c in 0..<n { builders[c].release() }
            builders.deinitialize(count: n)
            builders.deallocate()
        }
        var records = CSVRecordScanner(bytes, position: dataStart, line: dataLine)
        var rows = 0
        while records.startRecord() {
            let recordLine = records.line
            var c = 0
            while true {
                let cell: UnsafeBufferPointer<UInt8>
                let terminator: CSVRecordScanner.Terminator
                do { (cell, terminator) = try records.nextField() } catch {
                    throw scanError(error, file: file, line: recordLine, column: c, names: names)
                }
                do { try builders[c].append(cell) } catch {
                    switch error {
                    case .needsText:
                        var widened = (0..<n).map { builders[$0].kind }
                        widened[c] = .text
                        // Only a column that had values of another type is news: one that is
                        // text from its first value (names, units) is what it looks like.
                        var fallback: CSVTextFallback?
                        if builders[c].values > 0 {
                            fallback = CSVTextFallback(column: c + 1, columnName: names[c], line: recordLine,
                                                       value: CSVTextFallback.shortened(String(decoding: cell, as: UTF8.self)),
                                                       earlier: builders[c].kind == .boolean ? "true/false" : "numbers")
                        }
                        return .retry(kinds: widened, fallback: fallback)
                    case .invalidUTF8:
                        throw CSVError(file: file, line: recordLine, column: c + 1, columnName: names[c],
                                       message: "text is not valid UTF-8 (save the file as UTF-8)")
                    }
                }
                c += 1
                if terminator == .endOfRecord {
                    if c < n {
                        throw CSVError(file: file, line: recordLine,
                                       message: "expected \(n) fields as in the header, found \(c)")
                    }
                    break
                }
                if c == n {
                    let found = try countRemainingFields(&records, file: file, line: recordLine, names: names) + n
                    throw CSVError(file: file, line: recordLine,
                                   message: "expected \(n) fields as in the header, found \(found)")
                }
            }
            rows += 1
            if rows == 4096 {
                // Size the columns once from the first records instead of regrowing them.
                let perRow = max(1, (records.position - dataStart) / rows)
                let expected = (bytes.count - dataStart) / perRow + (bytes.count - dataStart) / perRow / 16 + 16
                for i in 0..<n { builders[i].reserve(expected) }
            }
        }
        return .columns((0..<n).map { builders[$0].build(name: names[$0]) })
    }

    private static func readHeader(_ scanner: inout CSVRecordScanner, file: String) throws(CSVError) -> [String] {
        guard scanner.startRecord() else {
            throw CSVError(file: file, line: nil, message: "the file is empty: expected a header line of column names")
        }
        let line = scanner.line
        var names: [String] = []
        var seen: [String: Int] = [:]
        while true {
            let cell: UnsafeBufferPointer<UInt8>
            let terminator: CSVRecordScanner.Terminator
            do { (cell, terminator) = try scanner.nextField() } catch {
                throw scanError(error, file: file, line: line, column: names.count, names: [])
            }
            guard let name = String(validating: cell, as: UTF8.self) else {
                throw CSVError(file: file, line: line, column: names.count + 1,
                               message: "the column name is not valid UTF-8 (save the file as UTF-8)")
            }
            let column = name.isEmpty ? "column\(names.count + 1)" : name
            if let earlier = seen[column.lowercased()] {
                throw CSVError(file: file, line: line, column: names.count + 1,
                               message: "column name \"\(column)\" is used twice (also column \(earlier + 1))")
            }
            seen[column.lowercased()] = names.count
            names.append(column)
            if terminator == .endOfRecord { return names }
        }
    }

    private static func countRemainingFields(_ scanner: inout CSVRecordScanner, file: String, line: Int,
                                             names: [String]) throws(CSVError) -> Int {
        var extra = 0
        while true {
            let terminator: CSVRecordScanner.Terminator
            do { (_, terminator) = try scanner.nextField() } catch {
                throw scanError(error, file: file, line: line, column: names.count + extra, names: names)
            }
            extra += 1
            if terminator == .endOfRecord { return extra }
        }
    }

    private static func scanError(_ problem: ScanProblem, file: String, line: Int, column: Int,
                                  names: [String]) -> CSVError {
        let name = column < names.count ? names[column] : nil
        switch problem {
        case .unterminatedQuote:
            return CSVError(file: file, line: line, column: column + 1, columnName: name,
                            message: "a quoted field is never closed (missing '\"')")
        case .textAfterClosingQuote:
            return CSVError(file: file, line: line, column: column + 1, columnName: name,
                            message: "text after a closing quote (write \"\" for a quote inside a quoted field)")
        }
    }
}
