import Foundation

extension Collection where Index == Int, Self: Sendable {
    /// `map` on all cores; the result is in the collection's order, whatever order the work ran in.
    package func parallelMap<T>(_ transform: @Sendable (Element) -> T) -> [T] {
        let results = ResultSlots<T>(count: count)
        DispatchQueue.concurrentPerform(iterations: count) { offset in
            results.store(transform(self[startIndex + offset]), at: offset)
        }
        return results.values
    }
}

/// Slots filled from several threads, each once.
private final class ResultSlots<T>: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [T?]

    init(count: Int) { slots = [T?](repeating: nil, count: count) }

    func store(_ value: T, at index: Int) {
        lock.withLock { slots[index] = value }
    }

    var values: [T] { lock.withLock { slots.compactMap { $0 } } }
}
