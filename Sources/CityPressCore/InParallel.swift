import Foundation

/// `first()` on this thread while `second()` runs on another; returns both results. For two
/// independent steps that each keep fewer than all cores busy.
package func inParallel<A, B>(_ first: () -> A, _ second: @escaping @Sendable () -> B) -> (A, B) {
    let slot = ResultSlot<B>()
    let group = DispatchGroup()
    DispatchQueue.global(qos: .userInitiated).async(group: group) { slot.store(second()) }
    let firstResult = first()
    group.wait()
    // The slot is filled once the group is done; made here again only if that ever failed.
    return (firstResult, slot.value ?? second())
}

/// One result handed from one thread to another.
private final class ResultSlot<T>: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: T?

    func store(_ value: T) { lock.withLock { stored = value } }
    var value: T? { lock.withLock { stored } }
}
