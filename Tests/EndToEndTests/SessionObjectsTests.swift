import Foundation
import Testing

/// CREATE TABLE/VIEW, DROP and COPY through the binary on the seed: a script builds an
/// intermediate table, a view over it, and writes results to files in the format the
/// extension names.
@Suite struct SessionObjectsTests {
    @Test func aScriptBuildsTablesAndViewsAndCopiesResultsToFiles() throws {
        let directory = NSTemporaryDirectory() + "budgetql-copy-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let script = """
        CREATE TABLE by_class AS SELECT class, sum(amount) AS total GROUP BY class;
        CREATE VIEW big AS SELECT * FROM by_class WHERE total > 100;
        COPY (SELECT class, class_name(class) AS name, total FROM big ORDER BY class) TO '\(directory)/big.csv';
        COPY (SELECT count(*) AS n, sum(total) AS total FROM big) TO '\(directory)/big.json';
        COPY (SELECT class FROM big ORDER BY class) TO '\(directory)/big.tsv';
        DROP VIEW big;
        SELECT count(*) FROM by_class;
        """
        let file = directory + "/build.bql"
        try script.write(toFile: file, atomically: true, encoding: .utf8)
        let outcome = try Binary.run(["--data", Binary.dataDirectory, "-f", file])
        #expect(outcome.status == 0, "stderr: \(outcome.stderr)")
        #expect(outcome.stdout.hasSuffix("count(*)\n8\n"), "got: \(outcome.stdout)")
        #expect(outcome.stderr.contains("wrote 4 rows to \(directory)/big.csv"), "got: \(outcome.stderr)")
        #expect(try String(contentsOfFile: directory + "/big.csv", encoding: .utf8)
                == "class,name,total\n201,一般公共服务支出,296.66\n204,公共安全支出,186.48\n208,社会保障和就业支出,6157.25\n215,资源勘探工业信息等支出,560.18\n")
        #expect(try String(contentsOfFile: directory + "/big.json", encoding: .utf8).contains("\"n\":4,\"total\":7200.57"))
        #expect(try String(contentsOfFile: directory + "/big.tsv", encoding: .utf8) == "class\n201\n204\n208\n215\n")
    }

    @Test func copyToAnUnknownFormatOrAMissingDirectoryIsAnError() throws {
        let unknown = try Binary.run(["-c", "COPY (SELECT 1) TO 'out.xlsx'"])
        #expect(unknown.status == 1)
        #expect(unknown.stderr.contains("COPY writes .csv, .tsv or .json files"), "got: \(unknown.stderr)")
        let missing = try Binary.run(["-c", "COPY (SELECT 1) TO '/no/such/dir/out.csv'"])
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("cannot write /no/such/dir/out.csv"), "got: \(missing.stderr)")
    }
}
