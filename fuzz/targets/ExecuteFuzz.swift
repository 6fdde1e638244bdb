// Fuzz target: the executor on random valid queries generated from the grammar over the
// seed's tables. A Diagnostic (division by zero, overflow, a type error the generator did
// not foresee) is a fine answer; a trap is a crash.
import Foundation
import Store
import Query

let executeEngine = Engine(catalog: seedCatalog)
let generator = QueryGenerator(catalog: seedCatalog)
let printQueries = ProcessInfo.processInfo.environment["FUZZ_PRINT"] != nil

@_cdecl("LLVMFuzzerTestOneInput")
public func executeFuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    var chooser = ByteChooser(Array(UnsafeBufferPointer(start: data, count: size)))
    let sql = generator.query(&chooser)
    // Printed before running so a crash log names the query that caused it.
    if printQueries { FileHandle.standardError.write(Data((sql + "\n").utf8)) }
    do {
        _ = try executeEngine.execute(sql)
    } catch {
        if printQueries { FileHandle.standardError.write(Data(("  -> \(error.kind): \(error.message)\n").utf8)) }
    }
    return 0
}
