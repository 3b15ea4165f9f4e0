import Foundation

/// `first()` on this thread while `second()` runs on another; returns both results. For two
/// independent steps that each keep fewer than all cores busy. When no other thread has started
/// `second` by the time `first` returns (every worker busy), this thread runs it: it never waits for
/// a thread to become free.
package func inParallel<A, B: Sendable>(_ first: () -> A, _ second: @escaping @Sendable () -> B) -> (A, B) {
    let task = ClaimedTask(second)
    DispatchQueue.global(qos: .userInitiated).async { task.runIfUnclaimed() }
    let firstResult = first()
    return (firstResult, task.result())
}

/// Work that runs once, on whichever thread claims it first; the others wait for its result.
private final class ClaimedTask<T: Sendable>: @unchecked Sendable {
    private let condition = NSCondition()
    private var work: (@Sendable () -> T)?
    private var value: T?

    init(_ work: @escaping @Sendable () -> T) { self.work = work }

    /// Runs the work unless another thread has claimed it.
    func runIfUnclaimed() {
        guard let work = claim() else { return }
        finish(work())
    }

    /// The work's result: run here if no thread has claimed it yet, else waited for.
    func result() -> T {
        if let work = claim() {
            let made = work()
            finish(made)
            return made
        }
        condition.lock()
        defer { condition.unlock() }
        while true {
            if let value { return value }
            condition.wait()
        }
    }

    private func claim() -> (@Sendable () -> T)? {
        condition.withLock {
            defer { work = nil }
            return work
        }
    }

    private func finish(_ made: T) {
        condition.withLock {
            value = made
            condition.broadcast()
        }
    }
}
