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
/// `CLINICSITE_KILL_RUNS` sets the number of kills (default 16; e.g. 500 for a long run), and
/// `CLINICSITE_SEED` the seed of the moments (default 15; a failure prints the seed it had).
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

    /// The demo with 400 more aftercare pages, so that a build takes long enough to be killed
    /// in every phase of it; built as version A and as version B (in that order), with the
    /// files of each and how long the second build took.
    func twoVersions() throws -> (demo: TemporaryFolder, a: [String: Data], b: [String: Data], duration: Duration) {
        let demo = try TemporaryFolder.demo()
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
        return (demo, versionA, versionB, duration)
    }

    /// Starts `clinicsite build` in the demo folder, its output discarded.
    func startBuild(_ demo: TemporaryFolder) throws -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Binary.path)
        process.arguments = ["build"]
        process.currentDirectoryURL = URL(fileURLWithPath: demo.root)
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    @Test("SIGKILL at random points: each time, site/ is the previous build or the new one, and leftovers are cleaned")
    func killedBuilds() throws {
        let (demo, versionA, versionB, duration) = try twoVersions()
        let seed = TestSeed.value(default: 15)
        var generator = SplitMix(seed: seed)
        var current = versionB
        for run in 0..<Self.runs {
            let (version, next) = run % 2 == 0 ? ("A", versionA) : ("B", versionB)
            try useVersion(version, in: demo)
            // Anywhere from before the first file is read to just after the swap.
            let delay = Int.random(in: 0...Int(duration / .microseconds(1) * 1.1), using: &generator)
            let place = "run \(run) (version \(version)), killed after \(delay) µs, \(TestSeed.replay(seed))"
            let process = try startBuild(demo)
            usleep(useconds_t(delay))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let site = try demo.files(under: "site")
            if process.terminationReason == .exit {
                // It finished before the signal came.
                #expect(process.terminationStatus == 0, "\(place): the build failed")
                #expect(site == next, "\(place): the build finished, so site/ is the new build")
            } else {
                #expect(site == current || site == next, "\(place): site/ is a mix (\(site.count) files)")
            }
            if site == next { current = next }
        }

        // The next build cleans what the killed ones left behind.
        try useVersion("A", in: demo)
        _ = try build(demo)
        #expect(try demo.files(under: "site") == versionA)
        #expect(try leftovers(demo).isEmpty)
    }

    @Test("SIGKILL while the staging folder is being written: site/ is the previous build; the next build removes the folder",
          .enabled(if: FileManager.default.fileExists(atPath: "/proc/self/stat"), "reads a process's state from /proc"))
    func killedWhileWriting() throws {
        let (demo, _, versionB, _) = try twoVersions()
        try useVersion("A", in: demo)
        // A build is caught writing when its staging folder holds pages and its marker has no
        // file list yet (commit writes the list just before the swap). It is stopped there
        // (SIGSTOP, then waited for until the kernel says it is stopped), checked again, and
        // killed. Only if it finished between the first look and the stop is it run again.
        var caught = false
        for attempt in 0..<20 where !caught {
            let process = try startBuild(demo)
            let pid = process.processIdentifier
            while process.isRunning, !writing(demo) { usleep(200) }
            if process.isRunning {
                kill(pid, SIGSTOP)
                while process.isRunning, !isStopped(pid) { usleep(200) }
                caught = process.isRunning && writing(demo)
            }
            kill(pid, SIGKILL)
            process.waitUntilExit()
            let site = try demo.files(under: "site")
            if caught {
                #expect(process.terminationReason == .uncaughtSignal, "attempt \(attempt)")
                #expect(site == versionB, "attempt \(attempt): killed before the swap, site/ is the previous build")
                #expect(try leftovers(demo).count == 1, "attempt \(attempt): the killed build's staging folder is left")
            } else {
                // It finished first: it swapped the new build in. Back to version B to try again.
                try useVersion("B", in: demo)
                _ = try build(demo)
                try useVersion("A", in: demo)
            }
        }
        #expect(caught, "in 20 builds, none was seen writing its staging folder")
        _ = try build(demo)
        #expect(try leftovers(demo).isEmpty, "the next build removes the staging folder")
    }

    /// Whether a build is writing its staging folder: the folder holds rendered pages and its
    /// marker only the header line that commit replaces with the file list.
    func writing(_ demo: TemporaryFolder) -> Bool {
        guard let staging = try? leftovers(demo).first,
              let marker = try? demo.read(staging + "/.clinicsite-output") else { return false }
        return marker.split(separator: "\n").count == 1 && demo.exists(staging + "/aftercare")
    }

    /// Whether the process is stopped (state `T` in `/proc/PID/stat`).
    func isStopped(_ pid: Int32) -> Bool {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let end = stat.range(of: ") ", options: .backwards) else { return false }
        return stat[end.upperBound...].first == "T"
    }
}
