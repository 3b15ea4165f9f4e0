import Foundation

extension LinkMemo {
    /// Memos waiting for a thread: a worker borrows one for a page or a run of pages and gives it
    /// back, so a memo keeps what it learnt from page to page and no two threads use one at once.
    package final class Pool: @unchecked Sendable {
        /// Guards `idle`: workers borrow from several threads.
        private let lock = NSLock()
        private var idle: [LinkMemo] = []

        package init() {}

        /// Calls `body` with a memo no other thread is using, and takes it back afterwards.
        package func lending<T>(_ body: (LinkMemo) -> T) -> T {
            let memo = lock.withLock { idle.popLast() } ?? LinkMemo()
            defer { lock.withLock { idle.append(memo) } }
            return body(memo)
        }
    }
}
