import ClinicSiteTestSupport
import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// `clinicsite build` killed with SIGKILL at random moments. The output folder is swapped in
/// with one atomic exchange, so whatever the moment, `site/` holds one complete build: the
/// previous one or the new one, never a mix, never nothing. Staging folders left behind by a
/// killed build are removed by the next one.
///
/// `CLINICSITE_KILL_RUNS` sets the number of kills (default 16; e.g. 500 for a long run).
@Suite("Hardening: builds killed at random moments", .serialized)
struct KillTests {
    static let runs = Int(ProcessInfo.processInfo.environment["CLINICSITE_KILL_RUNS"] ?? "") ?? 16

    /// Two versions of the same site: every page differs between them (the tagline is on each).
    func useVersion(_ version: String, in demo: TemporaryFolder) throws {
        let path = demo.root + "/content/clinic.yml"
        var lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let index = try #require(lines.firstIndex { $0.hasPrefix("tagline:") })
        lines[index] = "tagline: Version \(version)"
        try lines.joined(separator: "\n").write(toFile: path, atomically: false, encoding: .utf8)
    }

    func build(_ demo: TemporaryFolder) throws -> Duration {
        let clock = ContinuousClock()
        let start = clock.now
        let result = try Binary.run(["build"], in: demo.root)
        #expect(result.status == 0, "\(result.errors)")
        return clock.now - start
    }

    func leftovers(_ demo: TemporaryFolder) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: demo.root).filter { $0.contains("clinicsite-staging") }
    }

    @Test("SIGKILL at random points: site/ is the previous build or the new one, and leftovers are cleaned")
    func killedBuilds() throws {
        let demo = try TemporaryFolder.demo()
        // Enough pages that a build takes long enough to be killed in every phase of it.
        let body = String(repeating: "Rest, drink water and move gently. Ice helps for **15 minutes**.\n\n", count: 40)
        for index in 0..<400 {
            try demo.write("---\ntitle: Extra page \(index)\nsummary: Page \(index).\n---\n\(body)", to: "content/aftercare/extra-\(index).md")
        }
        try useVersion("A", in: demo)
        _ = try build(demo)
        let versionA = try demo.files(under: "site")
        try useVersion("B", in: demo)
        let duration = try build(demo)
        let versionB = try demo.files(under: "site")
        #expect(versionA != versionB)
        #expect(versionA.count == versionB.count && versionA.count > 400)

        var generator = SystemRandomNumberGenerator()
        var killedMidway = 0
        var delays: [Int] = []
        for run in 0..<Self.runs {
            try useVersion(run % 2 == 0 ? "A" : "B", in: demo)
            // Anywhere from before the first file is read to just after the swap.
            let delay = Int.random(in: 0...Int(duration / .microseconds(1) * 1.1), using: &generator)
            delays.append(delay)
            let process = Process()
            process.executableURL = URL(fileURLWithPath: Binary.path)
            process.arguments = ["build"]
            process.currentDirectoryURL = URL(fileURLWithPath: demo.root)
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            usleep(useconds_t(delay))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            if process.terminationReason == .uncaughtSignal { killedMidway += 1 }

            let site = try demo.files(under: "site")
            #expect(site == versionA || site == versionB,
                    "run \(run), killed after \(delay) µs: site/ is a mix (\(site.count) files)")
        }
        #expect(killedMidway > Self.runs / 2, "most builds were killed before they finished (delays: \(delays))")

        // The next build cleans what the killed ones left behind.
        try useVersion("A", in: demo)
        _ = try build(demo)
        #expect(try demo.files(under: "site") == versionA)
        #expect(try leftovers(demo).isEmpty)
    }
}
