import Synchronization
import Testing
@testable import ClinicBase
@testable import ClinicContent
@testable import ClinicMarkdown
@testable import ClinicModel
@testable import ClinicRender
@testable import ClinicOutput
@testable import ClinicBuild
@testable import ClinicCheck
@testable import ClinicAuthoring

/// A probe that answers from a script, counts requests and records how many run at once.
final class ScriptedProbe: LinkProbe {
    struct State {
        var requests: [String] = []
        var inFlight: [String: Int] = [:]
        var mostInFlight: [String: Int] = [:]
        var mostInFlightOverall = 0
    }
    let state = Mutex(State())
    let answer: @Sendable (String, ProbeMethod, Int) -> ProbeOutcome
    let delay: Duration

    init(delay: Duration = .zero, answer: @escaping @Sendable (String, ProbeMethod, Int) -> ProbeOutcome) {
        self.answer = answer
        self.delay = delay
    }

    func probe(_ url: String, method: ProbeMethod, timeout: Double) async -> ProbeOutcome {
        let host = ClinicRules.host(of: url)
        let attempt = state.withLock { state -> Int in
            state.requests.append("\(method.rawValue) \(url)")
            state.inFlight[host, default: 0] += 1
            state.mostInFlight[host] = max(state.mostInFlight[host] ?? 0, state.inFlight[host]!)
            state.mostInFlightOverall = max(state.mostInFlightOverall, state.inFlight.values.reduce(0, +))
            return state.requests.filter { $0 == "\(method.rawValue) \(url)" }.count
        }
        if delay > .zero { try? await Task.sleep(for: delay) }
        state.withLock { $0.inFlight[host]! -= 1 }
        return answer(url, method, attempt)
    }
}

@Suite("External link checking")
struct ExternalLinkCheckerTests {
    let fast = ExternalLinkChecker.Configuration(timeout: 1, retries: 2, perHost: 2, total: 3, retryDelay: 0.001)

    func link(_ url: String, lines: [Int] = [1]) -> ExternalLink {
        ExternalLink(url: url, locations: lines.map { SourceLocation(path: "content/a.md", line: $0, column: 1) })
    }

    @Test("a 404 is a warning at every place the link is written; a success is silent")
    func statuses() async {
        let probe = ScriptedProbe { url, _, _ in url.hasSuffix("/gone") ? .status(404, "Not Found") : .status(200, "OK") }
        let found = await ExternalLinkChecker.check([link("https://a.example/ok"), link("https://a.example/gone", lines: [3, 8])],
                                                    configuration: fast, probe: probe)
        #expect(found.map(\.description) == [
            "content/a.md:3:1: warning: external link https://a.example/gone answered 404 Not Found",
            "content/a.md:8:1: warning: external link https://a.example/gone answered 404 Not Found",
        ])
    }

    @Test("HEAD first, GET when HEAD fails; no GET after a successful HEAD")
    func headThenGet() async {
        let probe = ScriptedProbe { _, method, _ in method == .head ? .status(405, "Method Not Allowed") : .status(200, "OK") }
        let found = await ExternalLinkChecker.check([link("https://a.example/x")], configuration: fast, probe: probe)
        #expect(found.isEmpty)
        #expect(probe.state.withLock { $0.requests } == ["HEAD https://a.example/x", "GET https://a.example/x"])
    }

    @Test("timeouts, lost connections and 5xx are retried up to the limit; 4xx are not")
    func retries() async {
        let probe = ScriptedProbe { url, _, attempt in
            if url.hasSuffix("/slow") { return .timedOut }
            if url.hasSuffix("/recovers") { return attempt < 2 ? .status(503, "Service Unavailable") : .status(200, "OK") }
            if url.hasSuffix("/down") { return .failed("the connection was refused") }
            return .status(410, "Gone")
        }
        let found = await ExternalLinkChecker.check([link("https://a.example/slow", lines: [1]), link("https://b.example/recovers", lines: [2]),
                                                     link("https://c.example/down", lines: [3]), link("https://d.example/gone", lines: [4])],
                                                    configuration: fast, probe: probe)
        #expect(found.map(\.message) == [
            "external link https://a.example/slow did not answer within 1 s (tried 3 times)",
            "external link https://c.example/down could not be reached: the connection was refused (tried 3 times)",
            "external link https://d.example/gone answered 410 Gone",
        ])
        let requests = probe.state.withLock { $0.requests }
        #expect(requests.filter { $0 == "HEAD https://a.example/slow" }.count == 3)
        #expect(requests.filter { $0.hasSuffix("a.example/slow") && $0.hasPrefix("GET") }.isEmpty, "a timeout is not repeated with GET")
        #expect(requests.filter { $0.hasSuffix("/gone") }.count == 2, "HEAD and GET, no retry")
    }

    @Test("at most perHost requests to one host and total in all at a time")
    func concurrency() async {
        let probe = ScriptedProbe(delay: .milliseconds(20)) { _, _, _ in .status(200, "OK") }
        var links: [ExternalLink] = []
        for host in ["a", "b", "c"] {
            for index in 1...6 { links.append(link("https://\(host).example/\(index)")) }
        }
        let found = await ExternalLinkChecker.check(links, configuration: fast, probe: probe)
        #expect(found.isEmpty)
        let state = probe.state.withLock { $0 }
        #expect(state.requests.count == 18)
        #expect(state.mostInFlight.values.allSatisfy { $0 <= 2 })
        #expect(state.mostInFlight.values.contains(2), "two requests to one host do run together")
        #expect(state.mostInFlightOverall <= 3)
    }

    @Test("the User-Agent names ClinicSite and its version")
    func userAgent() {
        #expect(ExternalLinkChecker.userAgent.hasPrefix("ClinicSite/\(ClinicSiteVersion.current) "))
    }
}
