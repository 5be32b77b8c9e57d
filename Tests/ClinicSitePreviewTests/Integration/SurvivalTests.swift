import ClinicBase
import ClinicContent
import ClinicModel
import ClinicRender
import ClinicBuild
import ClinicSiteTestSupport
import Foundation
import Hummingbird
import HummingbirdTesting
import Synchronization
import Testing
@testable import ClinicSitePreview

#if canImport(Glibc)
import Glibc
#endif

/// `clinicsite serve` keeps serving through what a clinic owner's editor and browser do to it.
@Suite("Hardening: serve survives", .serialized, .timeLimit(.minutes(2)))
struct SurvivalTests {
    static let page = "content/aftercare/cupping-aftercare.md"

    @Test("1,000 saves in 10 seconds while the page is requested: every answer is 200, and the last save wins")
    func thousandSaves() async throws {
        let site = try TemporaryFolder.demo()
        let original = try site.read(Self.page)
        try await withPreview(site, configure: { $0.quietPeriod = .milliseconds(20) }) { preview in
            let clock = ContinuousClock()
            let start = clock.now
            let saved = Mutex(false)
            let saving = Task.detached {
                defer { saved.withLock { $0 = true } }
                for index in 0..<1_000 {
                    try site.write(original.replacingOccurrences(of: "title: Cupping aftercare", with: "title: Cupping aftercare \(index)"),
                                   to: Self.page)
                    try await Task.sleep(until: start + .milliseconds(10 * (index + 1)))
                }
            }
            // Requests one after another for as long as the saves go on (however many a busy
            // machine answers in that time).
            var answered = 0
            repeat {
                let response = try await preview.request("/aftercare/cupping-aftercare/")
                #expect(response.status == .ok, "request \(answered)")
                #expect(RunningPreview.text(response).contains("</html>"), "request \(answered): a whole page, never a partial one")
                answered += 1
            } while !saved.withLock({ $0 })
            try await saving.value
            #expect(await eventually(within: .seconds(20)) {
                preview.server.site.snapshot?.files["aftercare/cupping-aftercare/index.html"].map {
                    String(decoding: $0.bytes, as: UTF8.self).contains("Cupping aftercare 999")
                } ?? false
            })
            #expect(preview.server.site.problem == nil)
            #expect(preview.log.buildCount > 2 && preview.log.buildCount < 1_000, "saves are coalesced: \(preview.log.buildCount) builds")
        }
    }

    @Test("pages and media deleted and re-created during rebuilds never stop the server")
    func deletedMidRebuild() async throws {
        let site = try TemporaryFolder.demo()
        let original = try site.read(Self.page)
        // The pauses between saves are random, from a seed a failure names.
        let seed = TestSeed.value(default: 150)
        try await withPreview(site, configure: { $0.quietPeriod = .milliseconds(5) }) { preview in
            var generator = SplitMix(seed: seed)
            let extra = "content/aftercare/short-lived.md"
            for round in 0..<150 {
                try site.write("---\ntitle: Short lived \(round)\n---\nGone soon.\n", to: extra)
                try site.write(String(repeating: "x", count: 100_000), to: "content/media/short-lived-\(round % 3).txt")
                try await Task.sleep(for: .milliseconds(Int.random(in: 0...12, using: &generator)))
                try FileManager.default.removeItem(atPath: site.root + "/" + extra)
                try FileManager.default.removeItem(atPath: site.root + "/content/media/short-lived-\(round % 3).txt")
                if round % 10 == 0 {
                    // The page being edited vanishes for a moment too, as some editors save.
                    try FileManager.default.removeItem(atPath: site.root + "/" + Self.page)
                    try await Task.sleep(for: .milliseconds(Int.random(in: 0...8, using: &generator)))
                    try site.write(original, to: Self.page)
                }
            }
            #expect(await eventually(within: .seconds(20)) {
                guard let snapshot = preview.server.site.snapshot else { return false }
                return snapshot.files["aftercare/short-lived/index.html"] == nil
                    && snapshot.files["aftercare/cupping-aftercare/index.html"] != nil
                    && !snapshot.files.keys.contains { $0.hasPrefix("media/short-lived") }
                    // The rebuild after the last deletion clears a failure of one racing it
                    // (on a loaded machine the snapshot can be right before that rebuild ran).
                    && preview.server.site.problem == nil
            }, "\(TestSeed.replay(seed))")
            #expect(preview.server.site.problem == nil, "\(TestSeed.replay(seed))")
            #expect(try await preview.request("/aftercare/cupping-aftercare/").status == .ok)
            #expect(try await preview.request("/aftercare/short-lived/").status == .notFound)
        }
    }

    @Test("clients that disconnect in the middle of a download or an event stream do not disturb the others")
    func disconnects() async throws {
        let site = try TemporaryFolder.demo()
        // A large file, so the download is cut off in the middle.
        try site.write(String(repeating: "0123456789abcdef", count: 1 << 20), to: "content/media/large.txt")
        try await withPreview(site) { preview in
            for round in 0..<40 {
                let socket = try RawConnection(port: preview.port)
                socket.send("GET /media/large.txt HTTP/1.1\r\nHost: 127.0.0.1:\(preview.port)\r\n\r\n")
                _ = socket.receive(atLeast: round * 1_000 + 1)
                socket.abort()
                if round % 4 == 0 {
                    // An event stream closed before, and after, its first event.
                    let events = try EventStreamClient(port: preview.port)
                    if round % 8 == 0 { _ = await events.next(named: "hello", timeout: .seconds(20)) }
                }
            }
            let response = try await preview.request("/media/large.txt")
            #expect(response.status == .ok)
            #expect(response.body?.readableBytes == 16 << 20)
            #expect(await eventually(within: .seconds(20)) { preview.server.hub.subscriberCount == 0 })
            let events = try EventStreamClient(port: preview.port)
            #expect(await events.next(named: "hello", timeout: .seconds(20)) != nil)
        }
    }
}

/// A plain TCP connection that can be cut off abruptly (RST, via SO_LINGER 0).
final class RawConnection: @unchecked Sendable {
    private let descriptor: Int32

    init(port: Int) throws {
        descriptor = try connectToLoopback(port: port)
        var timeout = timeval(tv_sec: 5, tv_usec: 0)
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
    }

    func send(_ text: String) {
        let bytes = Array(text.utf8)
        _ = Glibc.send(descriptor, bytes, bytes.count, Int32(MSG_NOSIGNAL))
    }

    /// Reads until at least `count` bytes arrived, the peer closed, or 5 seconds passed.
    func receive(atLeast count: Int) -> Int {
        var total = 0
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while total < count {
            let got = recv(descriptor, &buffer, buffer.count, 0)
            if got <= 0 { break }
            total += got
        }
        return total
    }

    /// Closes with a reset, as a browser tab that is closed mid-download.
    func abort() {
        var option = linger(l_onoff: 1, l_linger: 0)
        setsockopt(descriptor, SOL_SOCKET, SO_LINGER, &option, socklen_t(MemoryLayout<linger>.size))
        close(descriptor)
    }
}
