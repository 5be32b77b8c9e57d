import ClinicBase
import ClinicCheck
import ClinicSiteTestSupport
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing

/// The test link server (`Fixtures/link-server.py`) on a loopback port, stopped when the
/// value goes away.
final class LinkServer {
    let process = Process()
    let port: Int

    /// Starts the server; `slow` is how long `/slow` takes to answer.
    init(slow: Double) throws {
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", Fixtures.path("link-server.py"), String(slow)]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        var line = Data()
        while let byte = try output.fileHandleForReading.read(upToCount: 1), !byte.isEmpty, byte != Data("\n".utf8) {
            line += byte
        }
        guard let port = Int(String(decoding: line, as: UTF8.self)) else {
            process.terminate()
            throw LinkServerError.noPort
        }
        self.port = port
    }

    deinit {
        process.terminate()
        process.waitUntilExit()
    }

    func url(_ path: String) -> String { "http://127.0.0.1:\(port)\(path)" }

    /// What the server saw: requests per "METHOD /path", user agents, most requests at once.
    func stats() async throws -> (requests: [String: Int], agents: [String], mostInFlight: Int) {
        let (data, _) = try await URLSession.shared.data(from: URL(string: url("/_stats"))!)
        let object = try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
        return (object["requests"] as? [String: Int] ?? [:], object["agents"] as? [String] ?? [],
                object["most_in_flight"] as? Int ?? -1)
    }

    enum LinkServerError: Error {
        case noPort
    }
}

@Suite("clinicsite check --external, against a local server")
struct ExternalCheckTests {
    /// A site whose only external links point at the local server.
    func site(linkingTo server: LinkServer) throws -> TemporaryFolder {
        let site = try TemporaryFolder()
        try site.copy(["templates"], from: Repository.root)
        try site.write("name: Link Test Clinic\nurl: https://clinic.example/\n", to: "content/clinic.yml")
        let delays = (1...6).map { "[delay \($0)](\(server.url("/delay/\($0)")))" }.joined(separator: " ")
        try site.write("""
        ---
        title: Links
        summary: Links to a test server.
        ---
        [fine](\(server.url("/ok"))) and [fine again](\(server.url("/ok#part")))

        [gone](\(server.url("/missing")))

        [too slow](\(server.url("/slow")))

        [HEAD refused](\(server.url("/head-refused"))) and [flaky](\(server.url("/flaky")))

        \(delays)

        [gone again](\(server.url("/missing")))

        """, to: "content/links.md")
        return site
    }

    @Test("404 and timeouts are warnings at every place; HEAD refusals, retries and duplicates are handled")
    func external() async throws {
        // /slow answers after a minute: waiting for it would be unmistakable, even on a busy machine.
        let server = try LinkServer(slow: 60)
        let site = try site(linkingTo: server)
        let start = Date()
        let result = try Binary.run(["check", "--external", "--timeout", "1", "--retries", "1"], in: site.root)
        let elapsed = Date().timeIntervalSince(start)
        #expect(result.status == 0, "\(result.output)\(result.errors)")
        #expect(result.lines == [
            "content/links.md:7:1: warning: external link \(server.url("/missing")) answered 404 Not Found",
            "content/links.md:9:1: warning: external link \(server.url("/slow")) did not answer within 1 s (tried 2 times)",
            "content/links.md:15:1: warning: external link \(server.url("/missing")) answered 404 Not Found",
            "Checked 4 pages, 0 links within the site, 11 external links: 0 errors, 3 warnings",
        ])
        #expect(elapsed < 30, "the slow link is given up on after --timeout (1 s, 2 tries), not waited for (60 s)")

        let stats = try await server.stats()
        #expect(stats.requests["HEAD /ok"] == 1, "one request per address, however often it is linked")
        #expect(stats.requests["GET /ok"] == nil)
        #expect(stats.requests["HEAD /missing"] == 1 && stats.requests["GET /missing"] == 1, "a failed HEAD is tried again with GET")
        #expect(stats.requests["GET /head-refused"] == 1)
        #expect(stats.requests["HEAD /flaky"] == 2, "a 503 is retried")
        #expect(stats.requests["HEAD /slow"] == 2, "a timeout is retried, once with --retries 1")
        #expect(stats.mostInFlight >= 1 && stats.mostInFlight <= 2, "at most two requests to one host at a time")
        #expect(!stats.agents.isEmpty)
        #expect(stats.agents.allSatisfy { $0.hasPrefix("ClinicSite/\(ClinicSiteVersion.current) ") })

        let strict = try Binary.run(["check", "--external", "--strict", "--timeout", "1", "--retries", "0"], in: site.root)
        #expect(strict.status == 1)
    }

    @Test("without --external no request leaves the machine")
    func offline() async throws {
        let server = try LinkServer(slow: 0)
        let site = try site(linkingTo: server)
        let result = try Binary.run(["check"], in: site.root)
        #expect(result.status == 0)
        #expect(result.lines == ["Checked 4 pages, 0 links within the site (11 external not checked; --external checks them): 0 errors, 0 warnings"])
        #expect(try await server.stats().requests.isEmpty)
    }

    @Test("libcurl (and the TLS, Kerberos and LDAP libraries behind it) is loaded by check --external only")
    func libcurlOnlyWhenNeeded() async throws {
        let server = try LinkServer(slow: 0)
        let site = try site(linkingTo: server)
        let version = try LoadedLibraries(["--version"], in: site.root)
        #expect(version.result.status == 0)
        #expect(version.contains("libc.so"), "LD_DEBUG reported nothing: \(version.files)")
        let offline = try LoadedLibraries(["check"], in: site.root)
        #expect(offline.result.status == 0, "\(offline.result.errors)")
        for run in [version, offline] {
            #expect(!run.contains("libcurl"), "\(run.result.output): libcurl was loaded")
            #expect(!run.contains("libFoundationNetworking"))
        }
        let external = try LoadedLibraries(["check", "--external", "--timeout", "1", "--retries", "0"], in: site.root)
        #expect(external.result.output.contains("11 external links"), "\(external.result.output)\(external.result.errors)")
        #expect(external.contains("libcurl.so.4"), "\(external.files)")
    }
}
