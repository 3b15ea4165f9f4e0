import CityPressCore
import Foundation

/// Holds the current preview and tells every connected browser when a new one is swapped in.
public actor ReloadBroadcaster {
    package private(set) var current: PreviewSite
    private var subscribers: [UUID: AsyncStream<String>.Continuation] = [:]

    /// Starts with `site`.
    public init(site: PreviewSite) {
        current = site
    }

    /// The site being served.
    public func site() -> PreviewSite { current }

    /// Swaps in a finished build, then tells the browsers to reload. The build it replaces is let go on
    /// another thread: freeing a site of ten thousand cities and closing its pages' file took 8–10 ms,
    /// which the reload would otherwise wait for.
    public func publish(_ content: PreviewSite.Content) {
        let replaced = current
        current = PreviewSite(content: content, version: current.version + 1, instance: current.instance)
        for continuation in subscribers.values { continuation.yield(current.tag) }
        releaseInBackground(consume replaced)
    }

    /// A stream of build tags, starting with the current one.
    public func subscribe() -> (UUID, AsyncStream<String>) {
        let id = UUID()
        let (stream, continuation) = AsyncStream<String>.makeStream(bufferingPolicy: .bufferingNewest(1))
        continuation.yield(current.tag)
        subscribers[id] = continuation
        return (id, stream)
    }

    /// Forgets a browser that went away.
    public func unsubscribe(_ id: UUID) {
        subscribers.removeValue(forKey: id)?.finish()
    }

    /// Ends every stream (on shutdown).
    public func finishAll() {
        for continuation in subscribers.values { continuation.finish() }
        subscribers.removeAll()
    }

    /// Number of connected browsers.
    public var subscriberCount: Int { subscribers.count }
}
