import Testing
@testable import ClinicSitePreview

@Suite("Host and Origin checks")
struct HostPolicyTests {
    let loopback = HostPolicy(boundHost: "127.0.0.1")

    @Test("loopback names and addresses are allowed, with or without a port",
          arguments: ["localhost", "localhost:4000", "LOCALHOST:4000", "localhost.:4000", "127.0.0.1", "127.0.0.1:4000",
                      "[::1]", "[::1]:4000", "[0:0:0:0:0:0:0:1]:4000"])
    func allowed(_ host: String) {
        #expect(loopback.allows(host: host))
    }

    @Test("other names are refused (DNS rebinding)",
          arguments: ["evil.example", "evil.example:4000", "127.0.0.1.evil.example", "localhost.evil.example:4000",
                      "192.168.1.20:4000", "[::2]:4000", "localhost:http", "localhost:", "[::1", ""])
    func refused(_ host: String) {
        #expect(!loopback.allows(host: host))
    }

    @Test("a missing Host header is refused")
    func missing() {
        #expect(!loopback.allows(host: nil))
    }

    @Test("bound to every interface, the machine's own addresses and name are allowed, others are not")
    func wildcard() {
        let policy = HostPolicy(boundHost: "0.0.0.0", machineAddresses: ["192.168.1.20", "fe80::1"], machineNames: ["clinic-laptop"])
        #expect(policy.allows(host: "192.168.1.20:4000"))
        #expect(policy.allows(host: "clinic-laptop:4000"))
        #expect(policy.allows(host: "localhost:4000"))
        #expect(!policy.allows(host: "192.168.1.21:4000"))
        #expect(!policy.allows(host: "evil.example:4000"))
        #expect(!loopback.allows(host: "192.168.1.20:4000"))
    }

    @Test("the event stream accepts no Origin or its own origin only")
    func origin() {
        #expect(loopback.allows(origin: nil, host: "127.0.0.1:4000"))
        #expect(loopback.allows(origin: "http://127.0.0.1:4000", host: "127.0.0.1:4000"))
        #expect(!loopback.allows(origin: "http://evil.example", host: "127.0.0.1:4000"))
        #expect(!loopback.allows(origin: "http://localhost:4000", host: "127.0.0.1:4000"))
        #expect(!loopback.allows(origin: "http://127.0.0.1:4001", host: "127.0.0.1:4000"))
        #expect(!loopback.allows(origin: "https://127.0.0.1:4000", host: "127.0.0.1:4000"))
        #expect(!loopback.allows(origin: "null", host: "127.0.0.1:4000"))
        #expect(!loopback.allows(origin: "http://evil.example:4000", host: "evil.example:4000"))
    }
}
