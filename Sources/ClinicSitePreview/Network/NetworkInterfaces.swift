#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// This machine's own addresses and name: the hosts a server bound to every interface may be
/// reached as, and the address a phone on the same network can use.
enum NetworkInterfaces {
    /// One address of an interface that is up.
    struct Address: Equatable {
        var interface: String
        var text: String
        var isIPv4: Bool
        var isLoopback: Bool
    }

    /// The addresses of every interface that is up, IPv4 first, in the system's order.
    static func addresses() -> [Address] {
        var list: UnsafeMutablePointer<ifaddrs>?
        guard getifaddrs(&list) == 0 else { return [] }
        defer { freeifaddrs(list) }
        var found: [Address] = []
        var current = list
        while let entry = current {
            defer { current = entry.pointee.ifa_next }
            guard let socketAddress = entry.pointee.ifa_addr,
                  (entry.pointee.ifa_flags & UInt32(IFF_UP)) != 0 else { continue }
            let family = Int32(socketAddress.pointee.sa_family)
            guard family == AF_INET || family == AF_INET6 else { continue }
            var host = [CChar](repeating: 0, count: Int(NI_MAXHOST))
            let length = socklen_t(family == AF_INET ? MemoryLayout<sockaddr_in>.size : MemoryLayout<sockaddr_in6>.size)
            guard getnameinfo(socketAddress, length, &host, socklen_t(host.count), nil, 0, NI_NUMERICHOST) == 0 else { continue }
            let text = String(decoding: host.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            found.append(Address(interface: String(cString: entry.pointee.ifa_name), text: text,
                                 isIPv4: family == AF_INET,
                                 isLoopback: (entry.pointee.ifa_flags & UInt32(IFF_LOOPBACK)) != 0))
        }
        return found.filter(\.isIPv4) + found.filter { !$0.isIPv4 }
    }

    /// The address to show for reaching this machine from the local network: the first
    /// non-loopback IPv4 address, else the first non-loopback IPv6 one without a zone.
    static func lanAddress(in addresses: [Address] = addresses()) -> String? {
        let outside = addresses.filter { !$0.isLoopback }
        return outside.first(where: \.isIPv4)?.text ?? outside.first(where: { !$0.text.contains("%") })?.text
    }

    /// The machine's host name, and the same with `.local` (how phones find it by mDNS).
    static func names() -> [String] {
        var buffer = [CChar](repeating: 0, count: 256)
        guard gethostname(&buffer, buffer.count) == 0 else { return [] }
        let name = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        guard !name.isEmpty else { return [] }
        return name.hasSuffix(".local") ? [name] : [name, name + ".local"]
    }
}
