/// Where the running preview can be opened.
public struct PreviewAddress: Sendable, Equatable {
    /// The address listened on, as given (`127.0.0.1`, `0.0.0.0`, `::1`).
    public let host: String
    /// The port listened on.
    public let port: Int
    /// The site's base path (`/` or `/willow/`).
    public let basePath: String
    /// This machine's address on the local network, when the preview listens beyond
    /// loopback.
    public let networkHost: String?

    /// Describes a listening preview.
    public init(host: String, port: Int, basePath: String, networkHost: String?) {
        self.host = host
        self.port = port
        self.basePath = basePath
        self.networkHost = networkHost
    }

    /// Whether only this machine can connect.
    public var isLoopback: Bool { HostPolicy.isLoopback(host) }

    /// The address to open on this machine.
    public var localURL: String {
        PreviewAddress.url(host: HostPolicy.isWildcard(host) ? "127.0.0.1" : host, port: port, path: basePath)
    }

    /// The address to open from another device on the network (a phone), when the preview
    /// listens beyond loopback.
    public var networkURL: String? {
        if isLoopback { return nil }
        if HostPolicy.isWildcard(host) {
            return networkHost.map { PreviewAddress.url(host: $0, port: port, path: basePath) }
        }
        return PreviewAddress.url(host: host, port: port, path: basePath)
    }

    /// `http://host:port/path`, with IPv6 addresses in brackets.
    static func url(host: String, port: Int, path: String) -> String {
        let bare = HostPolicy.unbracketed(host)
        let shown = bare.contains(":") ? "[\(bare)]" : bare
        return "http://\(shown):\(port)\(path)"
    }
}
