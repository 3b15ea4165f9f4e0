import Foundation

/// Hands `value` to a background thread that lets it go a moment later. Freeing what a large build
/// holds (a site of ten thousand cities is hundreds of thousands of strings) takes tens of
/// milliseconds that a command would spend just before it exits; a process that exits first never
/// spends them, and a long-lived one frees them off its critical path.
package func releaseLater<T: Sendable>(_ value: T) {
    DispatchQueue.global(qos: .utility).asyncAfter(deadline: .now() + .milliseconds(250)) {
        withExtendedLifetime(value) {}
    }
}
