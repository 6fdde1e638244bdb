// Oracles shared by every fuzz target (issue 15): a slow input is a finding, and with
// FUZZ_CANCEL=1 each input is also run with a cancellation at a point chosen from its bytes.
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// CPU time of this thread, in milliseconds: unlike the wall clock it does not grow when the
/// shared machine is busy, so the bound below can be tight without false findings.
func threadCPUMilliseconds() -> Double {
    var t = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t)
    return Double(t.tv_sec) * 1000 + Double(t.tv_nsec) / 1e6
}

/// The timeout oracle: `body` may use at most FUZZ_SLOW_MS (default `defaultMilliseconds`) of
/// CPU, plus `perKilobyte` for each KiB of input. Past it the run traps, so libFuzzer keeps the
/// input as a crash (a hang or an exponential path is a finding like a trap is).
func withinTimeBudget<T>(_ what: String, inputBytes: Int, defaultMilliseconds: Double, perKilobyte: Double = 0,
                         _ body: () -> T) -> T {
    let budget = (ProcessInfo.processInfo.environment["FUZZ_SLOW_MS"].flatMap(Double.init) ?? defaultMilliseconds)
        + perKilobyte * Double(inputBytes) / 1024
    let started = threadCPUMilliseconds()
    let result = body()
    let used = threadCPUMilliseconds() - started
    if used > budget {
        fatalError("slow input: \(what) used \(Int(used)) ms of CPU on \(inputBytes) bytes (budget \(Int(budget)) ms; FUZZ_SLOW_MS)")
    }
    return result
}

/// FUZZ_CANCEL=1: also run each input with a cancellation at a random point.
let fuzzCancelMode = ProcessInfo.processInfo.environment["FUZZ_CANCEL"] != nil

/// A delay of 0…2.5 ms chosen from the input, so a finding replays at about the same point.
func cancellationDelay(_ bytes: UnsafeBufferPointer<UInt8>) -> DispatchTimeInterval {
    var h: UInt32 = 2166136261
    for b in bytes.prefix(64) { h = (h ^ UInt32(b)) &* 16777619 }
    return .microseconds(Int(h % 2500))
}
