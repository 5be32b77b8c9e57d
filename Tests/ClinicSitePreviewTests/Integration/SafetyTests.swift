import ClinicSiteTestSupport
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
@testable import ClinicSitePreview

@Suite("Only the built site, only to this machine", .serialized, .timeLimit(.minutes(2)))
struct SafetyTests {
    /// Text only the sources hold: the first line of clinic.yml, Mustache tags.
    private func leaks(_ text: String, from site: TemporaryFolder) throws -> Bool {
        let clinicFirstLine = try site.read("content/clinic.yml").split(separator: "\n")[0]
        return text.contains(clinicFirstLine) || text.contains("{{") || text.contains("root:x:0:0")
    }

    static let traversals = [
        "/../content/clinic.yml", "/../../../../etc/passwd", "/%2e%2e/content/clinic.yml", "/%2E%2E/%2E%2E/etc/passwd",
        "/%252e%252e/content/clinic.yml", "/%252e%252e/%252e%252e/etc/passwd", "/..%2fcontent%2fclinic.yml",
        "/..%2f..%2f..%2fetc%2fpasswd", "/..%5ccontent%5cclinic.yml", "/%5c..%5ccontent%5cclinic.yml",
        "/assets/../../content/clinic.yml", "/assets/%2e%2e/%2e%2e/content/clinic.yml", "/aftercare/..%2f..%2fcontent/clinic.yml",
        "/./content/clinic.yml", "/.%2fcontent/clinic.yml", "//content/clinic.yml", "/content/clinic.yml", "/clinic.yml",
        "/content/", "/templates/base.mustache", "/templates/assets/style.css", "/etc/passwd", "/assets/style.css%00.html",
        "/assets%2f..%2f..%2fcontent%2fclinic.yml", "/site/index.html",
    ]

    @Test("sources and anything outside the built site are unreachable, whatever the encoding", arguments: traversals)
    func traversal(_ path: String) async throws {
        let site = try TemporaryFolder.demo()
        try await withPreview(site) { preview in
            let response = try await preview.request(path)
            #expect(response.status == .notFound || response.status == .badRequest, "\(path) → \(response.status)")
            #expect(try !leaks(RunningPreview.text(response), from: site), "\(path)")
        }
    }

    @Test("a sibling of the base path is not the site", arguments: ["/willowx/", "/willow-old/index.html", "/willow../content/clinic.yml", "/willow%2f..%2fcontent/clinic.yml"])
    func siblingPrefix(_ path: String) async throws {
        let site = try TemporaryFolder.demo()
        try site.edit("content/clinic.yml", replacing: "url: https://willowstreet.example/", with: "url: https://willowstreet.example/willow/")
        try await withPreview(site) { preview in
            let response = try await preview.request(path)
            #expect(response.status == .notFound || response.status == .badRequest, "\(path) → \(response.status)")
            #expect(try !leaks(RunningPreview.text(response), from: site))
        }
    }

    @Test("a symlink out of the site folder is not followed, and a stale site/ folder is not served")
    func symlinks() async throws {
        let site = try TemporaryFolder.demo()
        let outside = FileManager.default.temporaryDirectory.appendingPathComponent("clinicsite-secret-\(UUID().uuidString).txt").path
        try "TOP-SECRET-OUTSIDE".write(toFile: outside, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: outside) }
        try site.write("planted TOP-SECRET-STALE", to: "site/planted.html")
        try FileManager.default.createDirectory(atPath: site.root + "/content/media", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: site.root + "/content/media/secret.txt", withDestinationPath: outside)
        try await withPreview(site) { preview in
            let secret = try await preview.request("/media/secret.txt")
            #expect(secret.status != .ok)
            #expect(!RunningPreview.text(secret).contains("TOP-SECRET"))
            #expect(RunningPreview.text(secret).contains("points outside the site folder"))
            try FileManager.default.removeItem(atPath: site.root + "/content/media/secret.txt")
            #expect(await eventually(within: .seconds(20)) { preview.server.site.snapshot != nil })
            let planted = try await preview.request("/planted.html")
            #expect(planted.status == .notFound)
            #expect(!RunningPreview.text(planted).contains("TOP-SECRET"))
        }
    }

    @Test("a foreign Host gets 403 (DNS rebinding); loopback names are answered",
          arguments: ["evil.example", "evil.example:PORT", "127.0.0.1.evil.example:PORT", "localhost.evil.example", "192.168.1.20:PORT"])
    func foreignHost(_ host: String) async throws {
        let site = try TemporaryFolder.demo()
        try await withPreview(site) { preview in
            let header = host.replacingOccurrences(of: "PORT", with: String(preview.port))
            for path in ["/", "/assets/style.css", "/no-such-page/", LiveReloadPage.eventsPath] {
                let response = try await preview.request(path, host: header)
                #expect(response.status == .forbidden, "\(header) \(path)")
                #expect(!RunningPreview.text(response).contains("Willow"))
            }
            for allowed in ["localhost:\(preview.port)", "127.0.0.1:\(preview.port)", "[::1]:\(preview.port)", "localhost"] {
                #expect(try await preview.request("/", host: allowed).status == .ok, "\(allowed)")
            }
        }
    }

    @Test("the event stream refuses a foreign Origin and never allows every origin")
    func origin() async throws {
        let site = try TemporaryFolder.demo()
        try await withPreview(site) { preview in
            for origin in ["http://evil.example", "http://localhost.evil.example:\(preview.port)", "null", "https://127.0.0.1:\(preview.port)"] {
                let refused = try EventStreamClient(port: preview.port, origin: origin)
                let head = await refused.responseHead()
                #expect(head?.hasPrefix("HTTP/1.1 403") == true, "\(origin)")
            }
            let own = try EventStreamClient(port: preview.port, origin: "http://127.0.0.1:\(preview.port)")
            let head = try #require(await own.responseHead())
            #expect(head.hasPrefix("HTTP/1.1 200"))
            #expect(head.lowercased().contains("content-type: text/event-stream"))
            #expect(!head.lowercased().contains("access-control-allow-origin"))
            #expect(await own.next(named: "hello", timeout: .seconds(20)) != nil)
        }
    }

    static let redirectTricks = [
        "/aftercare", "//aftercare", "///aftercare", "//evil.example/aftercare", "/%2faftercare", "/%2Fevil.example%2Faftercare",
        "/%5caftercare", "/\\aftercare", "/\\/evil.example/aftercare", "/./aftercare", "/aftercare/.", "/%09/evil.example",
        "/aftercare%2f%2fevil.example",
    ]

    @Test("a redirect never produces a Location starting with // or /\\", arguments: redirectTricks)
    func redirects(_ path: String) async throws {
        let site = try TemporaryFolder.demo()
        try await withPreview(site) { preview in
            // A plain socket: client libraries refuse to send some of these targets.
            let client = try EventStreamClient(port: preview.port, path: path)
            let head = try #require(await client.responseHead(), "\(path)")
            let location = head.split(separator: "\r\n").first { $0.lowercased().hasPrefix("location:") }
                .map { $0.dropFirst("location:".count).trimmingCharacters(in: .whitespaces) }
            if let location {
                #expect(location.hasPrefix("/"), "\(path) → \(location)")
                #expect(!location.hasPrefix("//") && !location.hasPrefix("/\\"), "\(path) → \(location)")
            }
            if path == "/aftercare" {
                #expect(location == "/aftercare/")
            }
        }
    }
}
