import Foundation
import Testing
@testable import CityPressCore

/// Two steps at once: both results come back, also when every worker thread is busy (then the
/// caller runs the second step itself instead of waiting for a thread).
@Suite struct InParallelTests {
    @Test func givesBothResultsEvenFromBusyWorkers() {
        let (a, b) = inParallel({ (1...1_000).reduce(0, +) }, { "second" })
        #expect(a == 500_500 && b == "second")
        let results = ResultsBox()
        DispatchQueue.concurrentPerform(iterations: 16) { index in
            let (x, y) = inParallel({ index * 2 }, { index * 3 })
            results.add(x + y)
        }
        #expect(results.sorted == (0..<16).map { $0 * 5 })
    }
}

private final class ResultsBox: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [Int] = []
    func add(_ value: Int) { lock.withLock { values.append(value) } }
    var sorted: [Int] { lock.withLock { values.sorted() } }
}
