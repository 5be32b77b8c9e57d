import ClinicSiteTestSupport
import Foundation
import Testing

/// The shared libraries one run of the binary loaded, as the dynamic loader itself reports
/// them (LD_DEBUG=files: every object it maps, at start-up and by dlopen). The test process
/// cannot look at itself: it links libvips to make its test photos.
struct LoadedLibraries {
    let result: CommandResult
    let files: [String]

    init(_ arguments: [String], in folder: String) throws {
        let scratch = try TemporaryFolder()
        let prefix = scratch.path("ld")
        result = try Binary.run(arguments, in: folder, environment: ["LD_DEBUG": "files", "LD_DEBUG_OUTPUT": prefix])
        // One file per process: `ld.<pid>`.
        var files: [String] = []
        for name in try FileManager.default.contentsOfDirectory(atPath: scratch.root) where name.hasPrefix("ld.") {
            let log = try String(contentsOfFile: scratch.path(name), encoding: .utf8)
            for line in log.split(separator: "\n") {
                guard let start = line.range(of: "file=") else { continue }
                let rest = line[start.upperBound...]
                files.append(String(rest.prefix { $0 != " " && $0 != "\t" && $0 != ";" }))
            }
        }
        self.files = files
    }

    /// Whether a library whose file name starts with `name` ("libvips.so") was loaded.
    func contains(_ name: String) -> Bool {
        files.contains { ($0.split(separator: "/").last ?? "").hasPrefix(name) }
    }
}

@Suite("libvips is loaded only when a photo is processed")
struct LazyVipsTests {
    static let photoLibraries = ["libvips.so", "libglib-2.0.so", "libgobject-2.0.so", "libgio-2.0.so", "libwebp.so", "libwebpmux.so"]

    @Test("--version and a build of a site without photos load neither libvips nor GLib nor libwebp")
    func noPhotos() throws {
        let scratch = try TemporaryFolder()
        #expect(try Binary.run(["init", "clinic"], in: scratch.root).status == 0)

        let version = try LoadedLibraries(["--version"], in: scratch.root)
        #expect(version.result.status == 0)
        #expect(version.contains("libc.so"), "LD_DEBUG reported nothing: \(version.files)")
        let build = try LoadedLibraries(["build", "--site", scratch.path("clinic")], in: "/")
        #expect(build.result.status == 0, "\(build.result.errors)")
        #expect(build.result.output.contains("Built "), "\(build.result.output)")
        for library in Self.photoLibraries {
            #expect(!version.contains(library), "--version loaded \(library)")
            #expect(!build.contains(library), "the build loaded \(library)")
        }
    }

    @Test("a build that processes photos loads libvips; the next build, every photo cached, does not")
    func photosThenCached() throws {
        let demo = try TemporaryFolder.demoWithPhonePhotos()
        let cold = try LoadedLibraries(["build"], in: demo.root)
        #expect(cold.result.status == 0, "\(cold.result.errors)")
        #expect(cold.result.output.contains("; 8 images, 8 processed\n"), "\(cold.result.output)")
        for library in Self.photoLibraries {
            #expect(cold.contains(library), "processing photos did not load \(library): \(cold.files)")
        }
        let site = try demo.files(under: "site")

        let warm = try LoadedLibraries(["build"], in: demo.root)
        #expect(warm.result.status == 0, "\(warm.result.errors)")
        #expect(warm.result.output.contains("; 8 images, 0 processed\n"), "\(warm.result.output)")
        #expect(!warm.contains("libvips.so"), "a build with every photo cached loaded libvips")
        #expect(try demo.files(under: "site") == site)
    }

    /// The libvips file the loader opens, resolved through its links (from the build's own
    /// libdir, as the program looks it up).
    static let libvipsFile: String? = ["/usr/lib/x86_64-linux-gnu/libvips.so.42", "/usr/lib/aarch64-linux-gnu/libvips.so.42"]
        .first { FileManager.default.fileExists(atPath: $0) }
        .map { URL(fileURLWithPath: $0).resolvingSymlinksInPath().path }

    static let canHideLibvips = getuid() == 0 && libvipsFile != nil && FileManager.default.isExecutableFile(atPath: "/usr/bin/unshare")

    @Test("without a usable libvips, a photo is an error at each place that shows it, saying what to install; the build exits 1",
          .enabled(if: canHideLibvips, "needs root, unshare and libvips at Debian's path"))
    func libvipsMissing() throws {
        let demo = try TemporaryFolder.demoWithPhonePhotos()
        // In a mount namespace of its own, libvips' file reads as empty (/dev/null over it).
        let script = "mount --bind /dev/null \"$1\" && exec \"$2\" build --site \"$3\""
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/unshare")
        process.arguments = ["--mount", "/bin/sh", "-c", script, "sh", try #require(Self.libvipsFile), Binary.path, demo.root]
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = Pipe()
        try process.run()
        let text = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 1, "\(text)")
        #expect(text.contains("content/about.md:21:1: "), "\(text)")
        #expect(text.contains("orange-flower.jpg: libvips could not be loaded ("), "\(text)")
        #expect(text.contains("libvips.so.42: file too short); install libvips42\n"), "\(text)")
    }
}
