import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A plain blocking TCP client for tests that must send bytes no HTTP client would (bare LFs, NULs,
/// half a request head), optionally from another loopback address so that per-address limits apply
/// to it separately. Every call runs on a dispatch thread, never on the test's own executor.
final class RawSocket: @unchecked Sendable {
    private let fd: Int32

    private init(fd: Int32) {
        self.fd = fd
    }

    deinit { close(fd) }

    /// Connects to 127.0.0.1:`port`, from `source` when given (127.0.0.2, say).
    static func connect(port: Int, from source: String? = nil, timeout: TimeInterval = 10) async throws -> RawSocket {
        try await blocking {
            let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            guard fd >= 0 else { throw POSIXError(.EMFILE) }
            var seconds = timeval(tv_sec: Int(timeout), tv_usec: 0)
            setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &seconds, socklen_t(MemoryLayout<timeval>.size))
            if let source {
                var local = sockaddr_in()
                local.sin_family = sa_family_t(AF_INET)
                inet_pton(AF_INET, source, &local.sin_addr)
                _ = withUnsafePointer(to: &local) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) } }
            }
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_port = in_port_t(UInt16(port).bigEndian)
            inet_pton(AF_INET, "127.0.0.1", &address.sin_addr)
            let result = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
            }
            guard result == 0 else { close(fd); throw POSIXError(.ECONNREFUSED) }
            return RawSocket(fd: fd)
        }
    }

    func send(_ bytes: [UInt8]) async throws {
        try await Self.blocking {
            var offset = 0
            while offset < bytes.count {
                let sent = bytes[offset...].withUnsafeBytes { Glibc.send(self.fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
                guard sent > 0 else { throw POSIXError(.EPIPE) }
                offset += sent
            }
        }
    }

    func send(_ text: String) async throws {
        try await send(Array(text.utf8))
    }

    /// Everything the server sends until it closes the connection (or the receive timeout passes, which
    /// makes `closed` false).
    func readToClose() async throws -> (text: String, closed: Bool) {
        try await Self.blocking {
            var received: [UInt8] = []
            var buffer = [UInt8](repeating: 0, count: 65_536)
            while true {
                let count = buffer.withUnsafeMutableBytes { recv(self.fd, $0.baseAddress, $0.count, 0) }
                if count == 0 { return (String(decoding: received, as: UTF8.self), true) }
                if count < 0 { return (String(decoding: received, as: UTF8.self), errno == ECONNRESET) }
                received += buffer[0..<count]
            }
        }
    }

    /// What the server sends until `isComplete` holds for everything read so far, it closes the
    /// connection, or the receive timeout passes.
    func read(until isComplete: @escaping @Sendable ([UInt8]) -> Bool) async throws -> [UInt8] {
        try await Self.blocking {
            var received: [UInt8] = []
            var buffer = [UInt8](repeating: 0, count: 65_536)
            while !isComplete(received) {
                let count = buffer.withUnsafeMutableBytes { recv(self.fd, $0.baseAddress, $0.count, 0) }
                guard count > 0 else { break }
                received += buffer[0..<count]
            }
            return received
        }
    }

    private static func blocking<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(with: Result { try work() }) }
        }
    }
}
