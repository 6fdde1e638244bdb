import Foundation
import Store

/// Writes a catalog as files Spark reads natively: one RFC 4180 CSV per table (a header, then
/// rows) plus `schema.json`, which gives every column its exact Spark type. Money is written as
/// its exact decimal text and typed DECIMAL(p, s) with the column's own scale, so nothing passes
/// through floating point. NULL is written `\N` (unquoted; Spark's reader otherwise reads the
/// empty string `""` as NULL too), and schema.json says so.
///
/// CSV rather than Parquet because the Swift side has no Parquet writer and needs none: the
/// ingest job (spark/ingest.py) turns exports into the Parquet warehouse with Spark itself.
public enum CatalogExport {
    public struct ExportedTable: Sendable, Equatable {
        public let name: String
        public let rows: Int
        public let file: String
    }

    public enum Failure: Error, CustomStringConvertible {
        case cannotCreate(String, String)
        case cannotWrite(String, String)
        case ambiguousText(table: String, column: String, row: Int)

        public var description: String {
            switch self {
            case .cannotCreate(let path, let why): return "cannot create \(path): \(why)"
            case .cannotWrite(let path, let why): return "cannot write \(path): \(why)"
            case .ambiguousText(let table, let column, let row):
                return "\(table).\(column), row \(row + 1): the text \(CatalogExport.nullMarker) is the export's NULL marker and would read back as NULL"
            }
        }
    }

    /// The Spark SQL type of a column: BIGINT, STRING, BOOLEAN or DECIMAL(p, s) with the
    /// column's scale and enough digits for its largest value (at least 18, the engine's own
    /// arithmetic width, so sums and products keep their scale in Spark too).
    public static func sparkType(of column: Column) -> String {
        switch column.storage {
        case .integer: return "BIGINT"
        case .text: return "STRING"
        case .boolean: return "BOOLEAN"
        case .decimal(let units, let scale):
            let largest = units.reduce(UInt64(0)) { max($0, $1.magnitude) }
            let digits = String(largest).count
            return "DECIMAL(\(min(38, max(18, digits + 1, scale + 1))),\(scale))"
        }
    }

    /// Writes every table of `catalog` into `directory` (created when missing). `problems` (files
    /// that could not be loaded, as "file: message") go into schema.json, so whoever reads the
    /// export (the ingest job) knows what it lacks.
    @discardableResult
    public static func write(_ catalog: Catalog, to directory: String, problems: [String] = []) throws(Failure) -> [ExportedTable] {
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw .cannotCreate(directory, error.localizedDescription)
        }
        var exported: [ExportedTable] = []
        var schemaTables: [[String: Any]] = []
        for table in catalog.tables {
            let file = table.name + ".csv"
            let path = directory + "/" + file
            try write(try csv(of: table), to: path)
            exported.append(ExportedTable(name: table.name, rows: table.rowCount, file: file))
            schemaTables.append([
                "name": table.name, "file": file, "rows": table.rowCount,
                "columns": table.columns.map { ["name": $0.name, "type": sparkType(of: $0)] },
            ])
        }
        let schema: [String: Any] = ["format": "budgetql-export", "version": 1, "null": nullMarker, "tables": schemaTables,
                                     "problems": problems]
        guard let json = try? JSONSerialization.data(withJSONObject: schema, options: [.prettyPrinted, .sortedKeys]) else {
            throw .cannotWrite(directory + "/schema.json", "the schema is not JSON")
        }
        try write(json, to: directory + "/schema.json")
        return exported
    }

    private static func write(_ data: Data, to path: String) throws(Failure) {
        do { try data.write(to: URL(fileURLWithPath: path), options: .atomic) } catch {
            throw .cannotWrite(path, error.localizedDescription)
        }
    }

    /// The table as CSV: a header row, then one line per row.
    static func csv(of table: Table) throws(Failure) -> Data {
        var out = Data()
        out.append(contentsOf: table.columns.map { quoted($0.name) }.joined(separator: ",").utf8)
        out.append(0x0A)
        for row in 0..<table.rowCount {
            var line = ""
            for (i, column) in table.columns.enumerated() {
                if i > 0 { line += "," }
                let value = column.value(at: row)
                if case .text(nullMarker) = value { throw .ambiguousText(table: table.name, column: column.name, row: row) }
                line += field(value)
            }
            line += "\n"
            out.append(contentsOf: line.utf8)
        }
        return out
    }

    static func field(_ value: Value) -> String {
        switch value {
        case .null: return nullMarker
        case .text(let s): return quoted(s)
        default: return value.description
        }
    }

    /// How NULL is written (Hive's and MySQL's convention). A text cell holding exactly these two
    /// characters would read back as NULL: `write` refuses such a table rather than lose it.
    public static let nullMarker = "\\N"

    /// Text is always quoted, so an empty string ("") differs from NULL (nothing).
    static func quoted(_ s: String) -> String { "\"" + s.escaping(["\""]) + "\"" }
}
