import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The process that runs cases, one after another, until its time is up. Before each case it writes
/// the case to `stateFile` (and its bytes beside it), so that when a case kills the process the
/// supervisor knows which one did; a watchdog thread ends the process with status 3 when one case
/// runs longer than the hang limit.
public struct FuzzWorker {
    public static let hangStatus: Int32 = 3

    public var target: FuzzTarget
    public var stateFile: URL
    public var hangLimit: TimeInterval
    /// Case numbers at which to trap or hang on purpose: show that the supervisor notices both.
    public var crashAt: UInt64?
    public var hangAt: UInt64?

    public init(target: FuzzTarget, stateFile: URL, hangLimit: TimeInterval, crashAt: UInt64? = nil, hangAt: UInt64? = nil) {
        self.target = target
        self.stateFile = stateFile
        self.hangLimit = hangLimit
        self.crashAt = crashAt
        self.hangAt = hangAt
    }

    /// Runs cases from `first` for `seconds`; returns the number of cases run.
    public func run(from first: UInt64, seconds: TimeInterval) throws -> UInt64 {
        let clock = CaseClock()
        // A hang is a case that uses more than `hangLimit` seconds of CPU: the fuzzer runs at low
        // priority beside builds, and a starved case must not count. A case that waits for ever
        // (a deadlock) uses none, so wall time over 15 times the limit (at least 30 s) counts too.
        let wallLimit = max(30, hangLimit * 15)
        let watchdog = Thread { [hangLimit, stateFile] in
            while true {
                Thread.sleep(forTimeInterval: 0.1)
                guard let started = clock.started else { continue }
                if CaseClock.processCPUTime() - started.cpu > hangLimit || Date().timeIntervalSince(started.wall) > wallLimit {
                    try? Data("hang\n".utf8).write(to: stateFile.appendingPathExtension("hang"))
                    _exit(FuzzWorker.hangStatus)
                }
            }
        }
        watchdog.start()
        let deadline = Date().addingTimeInterval(seconds)
        var index = first
        while Date() < deadline {
            let fuzzCase = target.makeCase(index)
            try Data(fuzzCase.bytes).write(to: stateFile.appendingPathExtension("bytes"))
            try Data("\(index)\n\(fuzzCase.file)\n".utf8).write(to: stateFile)
            if index == crashAt { trapOnPurpose() }
            clock.started = (Date(), CaseClock.processCPUTime())
            if index == hangAt { spinOnPurpose() }
            try target.run(fuzzCase)
            clock.started = nil
            index += 1
        }
        return index - first
    }

    /// Busy for ever, as an endless loop would be, until the watchdog ends the process.
    private func spinOnPurpose() {
        var spins = 0.0
        while spins >= 0 { spins += CaseClock.processCPUTime() }
    }

    private func trapOnPurpose() {
        let numbers: [Int] = []
        _ = numbers[numbers.count]  // an index out of range traps, like a bug would
    }
}

/// When the case now running started, in wall time and this process's CPU time (`nil` between
/// cases), shared with the watchdog.
final class CaseClock: @unchecked Sendable {
    private let lock = NSLock()
    private var value: (wall: Date, cpu: Double)?
    var started: (wall: Date, cpu: Double)? {
        get { lock.withLock { value } }
        set { lock.withLock { value = newValue } }
    }

    /// Seconds of CPU this process has used, all threads together.
    static func processCPUTime() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
}
