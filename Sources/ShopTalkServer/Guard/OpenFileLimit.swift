#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The process's limit on open files, which bounds how many connections it can hold.
public enum OpenFileLimit {
    /// Descriptors kept back for the database, logs and static files.
    public static let reserve = 64

    /// Raises the soft limit to the hard limit (as far as the system allows) and returns both.
    @discardableResult
    public static func raise() -> (soft: Int, hard: Int) {
        var limit = rlimit()
        guard getrlimit(Self.resource, &limit) == 0 else { return (1024, 1024) }
        if limit.rlim_cur < limit.rlim_max {
            var raised = limit
            raised.rlim_cur = limit.rlim_max
            if setrlimit(Self.resource, &raised) == 0 { limit = raised }
        }
        return (Self.count(limit.rlim_cur), Self.count(limit.rlim_max))
    }

    private static func count(_ value: rlim_t) -> Int {
        // RLIM_INFINITY is all ones, which clamps to Int.max.
        Int(clamping: value)
    }

    #if canImport(Glibc)
    private static let resource = __rlimit_resource_t(RLIMIT_NOFILE.rawValue)
    #else
    private static let resource = RLIMIT_NOFILE
    #endif
}
