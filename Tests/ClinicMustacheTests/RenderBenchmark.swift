import ClinicMustache
import Foundation
import Mustache
import Testing

/// Renders the theme's aftercare page (base, aftercare and five partials) many times and prints
/// nanoseconds per render, for ClinicMustache on the typed view model and for swift-mustache on
/// the same data as dictionaries. Not a test of time: it only prints, and only runs when
/// `CLINICMUSTACHE_BENCHMARK` is set (a number of renders, or anything for 20,000). Run it
/// optimized: `CLINICMUSTACHE_BENCHMARK=20000 swift test -c release --filter RenderBenchmark`.
@Suite struct RenderBenchmark {
    static let renders = Int(ProcessInfo.processInfo.environment["CLINICMUSTACHE_BENCHMARK"] ?? "") ?? 20_000

    @Test(.enabled(if: ProcessInfo.processInfo.environment["CLINICMUSTACHE_BENCHMARK"] != nil))
    func aftercarePage() throws {
        let view = AftercareView.sample
        let template = try #require(MustacheLibrary(Theme.sources()).compile("aftercare", for: AftercareView.self).0)
        var theirs = Mustache.MustacheLibrary()
        for source in Theme.sources() { try theirs.register(source.text, named: source.name) }
        let context = Oracle.context(MustacheValue(describing: view))
        let bytes = template.render(view).count

        let typed = Self.measure { _ = template.render(view) }
        var buffer: [UInt8] = []
        buffer.reserveCapacity(bytes)
        let reused = Self.measure {
            buffer.removeAll(keepingCapacity: true)
            template.render(view, into: &buffer)
        }
        let dictionary = Self.measure(times: max(1, Self.renders / 10)) { _ = theirs.render(context, withTemplate: "aftercare") }
        let compile = Self.measure(times: max(1, Self.renders / 100)) {
            _ = MustacheLibrary(Theme.sources()).compile("aftercare", for: AftercareView.self)
        }
        print("""
            ClinicMustache benchmark: aftercare page, \(bytes) bytes, \(Self.renders) renders (best of 5 runs, thread CPU time)
              ClinicMustache, typed model, new buffer:   \(typed) ns/render
              ClinicMustache, typed model, reused buffer: \(reused) ns/render
              swift-mustache 2.1.1, dictionaries:         \(dictionary) ns/render (a tenth as many renders)  (\(String(format: "%.1f", Double(dictionary) / Double(typed)))x ClinicMustache)
              ClinicMustache parse + compile of the theme: \(compile) ns
            """)
    }

    /// The best of five runs of `times` calls, in nanoseconds of this thread's CPU time per
    /// call (other work on the machine does not count, as it would in wall-clock time).
    static func measure(times: Int = renders, _ body: () -> Void) -> Int {
        for _ in 0..<max(1, times / 20) { body() }
        var best = Int.max
        for _ in 0..<5 {
            let start = threadTime()
            for _ in 0..<times { body() }
            best = min(best, (threadTime() - start) / times)
        }
        return best
    }

    static func threadTime() -> Int {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return time.tv_sec * 1_000_000_000 + time.tv_nsec
    }
}
