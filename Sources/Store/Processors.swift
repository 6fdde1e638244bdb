import Foundation

/// The processors this process may run on: the default for every "how many at once" BudgetQL
/// has (files read at once, worker threads per query), one number for both.
public enum Processors {
    /// The processors this process may run on: its CPU affinity (`taskset`, a container's CPU
    /// set, from /proc/self/status, since Glibc's sched_getaffinity is not visible to Swift),
    /// which can be fewer than the machine's; else the machine's active processors; at least 1.
    public static var available: Int {
        if let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
           let line = status.split(separator: "\n").first(where: { $0.hasPrefix("Cpus_allowed_list:") }),
           let count = processorCount(list: line.dropFirst("Cpus_allowed_list:".count)), count > 0 {
            return count
        }
        return max(1, ProcessInfo.processInfo.activeProcessorCount)
    }

    /// The processors of a Linux CPU list ("0-3,8,10-11" is 7); nil when it is not one.
    public static func processorCount(list: Substring) -> Int? {
        var count = 0
        for part in list.split(separator: ",") {
            let bounds = part.split(separator: "-").map { Int($0.trimmingCharacters(in: .whitespaces)) }
            switch bounds.count {
            case 1:
                guard bounds[0] != nil else { return nil }
                count += 1
            case 2:
                guard let low = bounds[0], let high = bounds[1], low <= high else { return nil }
                count += high - low + 1
            default:
                return nil
            }
        }
        return count
    }
}
