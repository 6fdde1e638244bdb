import Foundation
import Testing

/// `--threads N` and `.threads N`: the worker count is set, shown, refused when below 1, and
/// the answers do not depend on it (the query tests compare every operator; here, the binary).
@Suite struct ThreadsOptionTests {
    @Test func theOptionAndTheCommandSetTheCount() throws {
        let outcome = try Binary.run(["--threads", "3", "-c", ".threads", "-c", ".threads 1", "-c", ".threads"])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stdout.contains("threads: 3\n"), "\(outcome.stdout)")
        #expect(outcome.stdout.contains("threads: 1\n"), "\(outcome.stdout)")
    }

    @Test func answersAreTheSameOnOneThreadAndOnMany() throws {
        let query = "SELECT class, sum(amount), count(*), min(name) GROUP BY class"
        let one = try Binary.run(["--threads", "1", "-c", query])
        let many = try Binary.run(["--threads", "8", "-c", query])
        #expect(one.status == 0 && many.status == 0)
        #expect(one.stdout == many.stdout)
        #expect(one.stdout.contains("208,6157.25,"), "\(one.stdout)")
    }

    @Test func belowOneIsBadUsage() throws {
        let outcome = try Binary.run(["--threads", "0", "-c", "SELECT 1"])
        #expect(outcome.status == 64)
        #expect(outcome.stderr.contains("--threads needs 1 or more"), "\(outcome.stderr)")
        let command = try Binary.run(["-c", ".threads 0"])
        #expect(command.status == 1)
        #expect(command.stderr.contains(".threads: \"0\" is not a thread count"), "\(command.stderr)")
    }
}
