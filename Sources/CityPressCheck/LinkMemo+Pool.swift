import Foundation

extension LinkMemo {
    /// Memos waiting for a thread: a worker borrows one for a page or a run of pages and gives it
    /// back, so a memo keeps what it learnt from page to page and no two threads use one at once.
    /// A thread gets back the memo it used last when it is free: its tables are still in that core's
    /// cache (handing memos round between two threads cost a tenth of the check in waits for memory).
    package final class Pool: @unchecked Sendable {
        /// Guards `idle`: workers borrow from several threads.
        private let lock = NSLock()
        /// Free memos, each with the thread that used it last.
        private var idle: [(thread: ObjectIdentifier, memo: LinkMemo)] = []

        /// A pool with no memo yet: memos are made as threads first ask.
        package init() {}

        /// Calls `body` with a memo no other thread is using, and takes it back afterwards.
        package func lending<T>(_ body: (LinkMemo) -> T) -> T {
            let thread = ObjectIdentifier(Thread.current)
            let memo = lock.withLock { () -> LinkMemo? in
                guard let mine = idle.lastIndex(where: { $0.thread == thread }) ?? idle.indices.last else { return nil }
                return idle.remove(at: mine).memo
            } ?? LinkMemo()
            defer { lock.withLock { idle.append((thread, memo)) } }
            return body(memo)
        }
    }
}
