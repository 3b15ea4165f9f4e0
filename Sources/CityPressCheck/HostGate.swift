/// Lets at most `perHost` requests at a time reach one host; the others wait their turn.
actor HostGate {
    private let perHost: Int
    private var busy: [String: Int] = [:]
    private var waiting: [String: [CheckedContinuation<Void, Never>]] = [:]

    init(perHost: Int) { self.perHost = max(1, perHost) }

    func enter(_ host: String) async {
        if busy[host, default: 0] < perHost {
            busy[host, default: 0] += 1
            return
        }
        await withCheckedContinuation { waiting[host, default: []].append($0) }
    }

    func leave(_ host: String) {
        if var queue = waiting[host], !queue.isEmpty {
            let next = queue.removeFirst()
            waiting[host] = queue
            next.resume()  // the slot passes to the waiter
        } else {
            busy[host, default: 1] -= 1
        }
    }
}
