#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The two file times CityPress compares, under one spelling: Darwin names them `st_mtimespec` and
/// `st_ctimespec`, Glibc `st_mtim` and `st_ctim`.
extension stat {
    /// When the file's bytes last changed.
    package var modificationTime: timespec {
        #if canImport(Darwin)
        st_mtimespec
        #else
        st_mtim
        #endif
    }

    /// When the file's bytes, name, links or permissions last changed; no call sets it back.
    package var statusChangeTime: timespec {
        #if canImport(Darwin)
        st_ctimespec
        #else
        st_ctim
        #endif
    }
}

extension timespec {
    /// The time as nanoseconds since 1970.
    package var nanoseconds: Int {
        Int(tv_sec) &* 1_000_000_000 &+ Int(tv_nsec)
    }
}
