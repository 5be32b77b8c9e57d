#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Finds a port the server can listen on, by binding a throw-away socket the way the server
/// will (same address, `SO_REUSEADDR`) and closing it again.
enum PortFinder {
    /// The first port from `start` (inclusive) that `host` can listen on, trying `attempts`
    /// ports; nil when none is free.
    static func firstFree(host: String, from start: Int, attempts: Int) -> Int? {
        var port = start
        while port < start + attempts, port <= 65535 {
            if canListen(host: host, port: port) { return port }
            port += 1
        }
        return nil
    }

    /// Whether a listening socket on `host:port` could be opened now.
    static func canListen(host: String, port: Int) -> Bool {
        var hints = addrinfo()
        hints.ai_flags = AI_PASSIVE | AI_NUMERICSERV
        hints.ai_family = AF_UNSPEC
        #if canImport(Glibc)
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        #else
        hints.ai_socktype = SOCK_STREAM
        #endif
        var list: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(host, String(port), &hints, &list) == 0, let first = list else { return false }
        defer { freeaddrinfo(list) }
        let descriptor = socket(first.pointee.ai_family, first.pointee.ai_socktype, first.pointee.ai_protocol)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        var one: Int32 = 1
        _ = setsockopt(descriptor, SOL_SOCKET, SO_REUSEADDR, &one, socklen_t(MemoryLayout<Int32>.size))
        guard bind(descriptor, first.pointee.ai_addr, first.pointee.ai_addrlen) == 0 else { return false }
        return listen(descriptor, 1) == 0
    }
}
