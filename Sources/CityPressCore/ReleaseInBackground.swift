import Foundation

/// Hands `value` to a background thread that lets it go. Freeing what a build holds (a site of ten
/// thousand cities is hundreds of thousands of strings) takes tens of milliseconds on one core, while
/// the build goes on; pass the caller's last reference (`releaseInBackground(consume site)`), or the
/// caller's copy is the one freed.
package func releaseInBackground<T: Sendable>(_ value: consuming T) {
    let owned = value
    DispatchQueue.global(qos: .utility).async { withExtendedLifetime(owned) {} }
}
