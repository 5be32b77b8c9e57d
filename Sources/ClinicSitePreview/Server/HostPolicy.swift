#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Which `Host` headers the preview answers, against DNS rebinding: a web page on another
/// site whose name has been pointed at 127.0.0.1 reaches the preview with its own name in
/// `Host`, and gets 403.
///
/// Allowed: `localhost`, `127.0.0.1`, `[::1]`, the address the server is bound to, and, when
/// bound to every interface (`0.0.0.0`, `::`), this machine's own addresses and name. A port,
/// when given, must be a number.
public struct HostPolicy: Sendable, Equatable {
    /// The allowed host names and canonical IP addresses, lowercased, IPv6 without brackets.
    public let allowedHosts: Set<String>

    /// The policy for a server bound to `boundHost`. `machineAddresses` and `machineNames` are
    /// allowed too when `boundHost` is a wildcard address.
    public init(boundHost: String, machineAddresses: [String] = [], machineNames: [String] = []) {
        var allowed: Set<String> = ["localhost", "127.0.0.1", "::1"]
        let bound = HostPolicy.canonical(HostPolicy.unbracketed(boundHost))
        if HostPolicy.isWildcard(bound) {
            for address in machineAddresses { allowed.insert(HostPolicy.canonical(address)) }
            for name in machineNames where !name.isEmpty { allowed.insert(HostPolicy.canonical(name)) }
        } else {
            allowed.insert(bound)
        }
        self.allowedHosts = allowed
    }

    /// Whether a request with this `Host` header (`localhost:4000`, `[::1]:4000`) is answered.
    /// A missing header is refused.
    public func allows(host header: String?) -> Bool {
        guard let header, let (host, _) = HostPolicy.split(header) else { return false }
        return allowedHosts.contains(host)
    }

    /// Whether a request carrying this `Origin` header may open the event stream: no `Origin`
    /// (same-origin `EventSource`, command-line tools), or `http://` plus exactly the request's
    /// own allowed `Host`.
    public func allows(origin: String?, host: String?) -> Bool {
        guard let origin else { return true }
        guard let host, allows(host: host) else { return false }
        let lowered = origin.lowercased()
        guard lowered.hasPrefix("http://") else { return false }
        let originHost = String(lowered.dropFirst("http://".count))
        guard let (originName, originPort) = HostPolicy.split(originHost),
              let (hostName, hostPort) = HostPolicy.split(host) else { return false }
        return originName == hostName && (originPort ?? "80") == (hostPort ?? "80")
    }

    /// Whether `host` means every interface.
    public static func isWildcard(_ host: String) -> Bool {
        let bare = canonical(unbracketed(host))
        return bare == "0.0.0.0" || bare == "::"
    }

    /// Whether `host` is a loopback address or `localhost`.
    public static func isLoopback(_ host: String) -> Bool {
        let bare = canonical(unbracketed(host))
        return bare == "localhost" || bare == "::1" || bare.hasPrefix("127.")
    }

    /// Splits `name:port` or `[v6]:port` into a canonical host and the port; nil when malformed.
    static func split(_ header: String) -> (String, String?)? {
        let text = header.lowercased()
        let host: Substring
        let rest: Substring
        if text.hasPrefix("[") {
            guard let close = text.firstIndex(of: "]") else { return nil }
            host = text[text.index(after: text.startIndex)..<close]
            rest = text[text.index(after: close)...]
        } else if let colon = text.firstIndex(of: ":") {
            host = text[..<colon]
            rest = text[colon...]
        } else {
            host = text[...]
            rest = ""
        }
        var port: String?
        if !rest.isEmpty {
            guard rest.first == ":" else { return nil }
            let digits = rest.dropFirst()
            guard !digits.isEmpty, digits.count <= 5, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
            port = String(digits)
        }
        guard !host.isEmpty else { return nil }
        var name = String(host)
        if name.hasSuffix("."), name.count > 1 { name.removeLast() }
        return (canonical(name), port)
    }

    static func unbracketed(_ host: String) -> String {
        if host.hasPrefix("["), host.hasSuffix("]") { return String(host.dropFirst().dropLast()) }
        return host
    }

    /// IP addresses in their canonical text form (`0:0::1` → `::1`); names lowercased.
    static func canonical(_ host: String) -> String {
        let lowered = host.lowercased()
        var v4 = in_addr()
        if inet_pton(AF_INET, lowered, &v4) == 1 {
            return withUnsafeBytes(of: &v4) { text(of: $0, family: AF_INET, length: Int(INET_ADDRSTRLEN)) }
        }
        var v6 = in6_addr()
        if inet_pton(AF_INET6, lowered, &v6) == 1 {
            return withUnsafeBytes(of: &v6) { text(of: $0, family: AF_INET6, length: Int(INET6_ADDRSTRLEN)) }
        }
        return lowered
    }

    private static func text(of address: UnsafeRawBufferPointer, family: Int32, length: Int) -> String {
        var buffer = [CChar](repeating: 0, count: length)
        guard inet_ntop(family, address.baseAddress, &buffer, socklen_t(length)) != nil else { return "" }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
