import ClinicSiteTestSupport
import Foundation
import Testing

/// Runs the built `clinicsite` binary the way a clinic owner would.
struct CommandResult {
    var status: Int32
    var output: String
    var errors: String
}

enum Binary {
    /// The `clinicsite` executable next to the test bundle.
    static let path: String = {
        var folder = Bundle.main.bundleURL
        for _ in 0..<4 {
            let candidate = folder.appendingPathComponent("clinicsite").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            folder = folder.deletingLastPathComponent()
        }
        let fromSource = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent(".build/debug/clinicsite").path
        return fromSource
    }()

    /// Runs the binary in `folder`, with `environment` added to the test's own.
    static func run(_ arguments: [String], in folder: String, environment: [String: String] = [:]) throws -> CommandResult {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        if !environment.isEmpty {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, added in added }
        }
        process.currentDirectoryURL = URL(fileURLWithPath: folder)
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        let errorData = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return CommandResult(status: process.terminationStatus,
                             output: String(decoding: outputData, as: UTF8.self),
                             errors: String(decoding: errorData, as: UTF8.self))
    }
}

@Suite("clinicsite build, as a program")
struct BuildCommandTests {
    @Test("builds the demo site in a fresh clone's folder and exits 0")
    func buildsDemo() throws {
        let demo = try TemporaryFolder.demo()
        let result = try Binary.run(["build"], in: demo.root)
        #expect(result.status == 0, "\(result.errors)")
        #expect(result.output.contains("Built "))
        #expect(result.errors.isEmpty)
        let files = try demo.files(under: "site")
        for path in ["index.html", "404.html", "sitemap.xml", "robots.txt", "feed.xml", "faq/index.html",
                     "aftercare/index.html", "aftercare/why-am-i-sore-after-massage/index.html", ".gitignore"] {
            #expect(files[path] != nil, "missing \(path)")
        }
        // The stylesheet's name carries its content hash, and pages link that name.
        let stylesheet = try #require(files.keys.first { $0.hasPrefix("assets/style.") && $0.hasSuffix(".css") })
        #expect(stylesheet != "assets/style.css")
        let home = String(decoding: try #require(files["index.html"]), as: UTF8.self)
        #expect(home.contains("href=\"/\(stylesheet)\""))
    }

    @Test("build ends by saying how to look at the site: clinicsite serve, with the folder and the page choices it was given")
    func howToLook() throws {
        let demo = try TemporaryFolder.demo()
        let here = try Binary.run(["build"], in: demo.root)
        #expect(here.status == 0, "\(here.errors)")
        #expect(here.lines.last == "To look at it: clinicsite serve", "\(here.output)")
        let elsewhere = try Binary.run(["build", "--site", demo.root, "--output", demo.path("public"), "--drafts", "--today", "2026-12-20"],
                                       in: "/")
        #expect(elsewhere.status == 0, "\(elsewhere.errors)")
        #expect(elsewhere.lines.last == "To look at it: clinicsite serve --site \(demo.root) --drafts --today 2026-12-20", "\(elsewhere.output)")
    }

    @Test("--site and --output choose the folders")
    func siteAndOutput() throws {
        let demo = try TemporaryFolder.demo()
        let result = try Binary.run(["build", "--site", demo.root, "--output", demo.root + "/public"], in: "/")
        #expect(result.status == 0, "\(result.errors)")
        #expect(FileManager.default.fileExists(atPath: demo.root + "/public/index.html"))
    }

    @Test("broken front matter: path:line:column message, exit 1, site/ untouched")
    func brokenBuild() throws {
        let demo = try TemporaryFolder.demo()
        #expect(try Binary.run(["build"], in: demo.root).status == 0)
        let before = try demo.files(under: "site")
        try demo.write("---\ntitle: Cupping\ndate: 2026-02-30\n---\nBody\n", to: "content/aftercare/bad-date.md")
        try demo.write("---\ntitle: [unclosed\n---\n", to: "content/aftercare/bad-yaml.md")
        let result = try Binary.run(["build"], in: demo.root)
        #expect(result.status == 1)
        let lines = result.errors.split(separator: "\n").map(String.init)
        #expect(lines.contains { $0.hasPrefix("content/aftercare/bad-date.md:3:7: 'date' is not a date") })
        #expect(lines.contains { $0.hasPrefix("content/aftercare/bad-yaml.md:") })
        #expect(lines.last == "error: build failed with 2 errors; site was not changed")
        #expect(try demo.files(under: "site") == before)
    }

    @Test("a typo in a template: build and check say where and what was meant, exit 1, site/ untouched")
    func templateTypo() throws {
        let demo = try TemporaryFolder.demo()
        #expect(try Binary.run(["build"], in: demo.root).status == 0)
        let before = try demo.files(under: "site")
        let template = try demo.read("templates/aftercare.mustache")
        #expect(template.contains("    <h1>{{page.title}}</h1>"))
        try demo.write(template.replacingOccurrences(of: "    <h1>{{page.title}}</h1>", with: "    <h1>{{page.titel}}</h1>"),
                       to: "templates/aftercare.mustache")
        let line = template.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains("<h1>{{page.title}}") }! + 1
        let build = try Binary.run(["build"], in: demo.root)
        #expect(build.status == 1)
        let message = "templates/aftercare.mustache:\(line):9: unknown variable 'page.titel'; page has title, "
        #expect(build.errors.contains(message), "\(build.errors)")
        #expect(build.errors.contains("did you mean 'page.title'?"))
        #expect(build.errors.hasSuffix("error: build failed with 1 error; site was not changed\n"), "\(build.errors)")
        #expect(try demo.files(under: "site") == before)
        let check = try Binary.run(["check"], in: demo.root)
        #expect(check.status == 1)
        #expect(check.output.contains("templates/aftercare.mustache:\(line):9: error: unknown variable 'page.titel'"), "\(check.output)")
    }

    @Test("an unknown template is reported with its place, exit 1")
    func unknownTemplate() throws {
        let demo = try TemporaryFolder.demo()
        try demo.write("---\ntitle: X\ntemplate: nope\n---\nBody\n", to: "content/aftercare/x.md")
        let result = try Binary.run(["build"], in: demo.root)
        #expect(result.status == 1)
        #expect(result.errors.contains("content/aftercare/x.md:3:11: unknown template 'nope'"))
    }

    @Test("refusing a dangerous output folder exits 1 and leaves it alone")
    func refusesOutput() throws {
        let demo = try TemporaryFolder.demo()
        try demo.write("keep me", to: "elsewhere/file.txt")
        let result = try Binary.run(["build", "--output", "elsewhere"], in: demo.root)
        #expect(result.status == 1)
        #expect(result.errors.hasPrefix("elsewhere:1:1: refusing to replace this folder"))
        #expect(try String(contentsOfFile: demo.root + "/elsewhere/file.txt", encoding: .utf8) == "keep me")
        let dot = try Binary.run(["build", "--output", "."], in: demo.root)
        #expect(dot.status == 1)
        #expect(dot.errors.contains("refusing to write the site into its own folder"))
    }

    @Test("drafts are left out unless --drafts; --verbose says why")
    func drafts() throws {
        let demo = try TemporaryFolder.demo()
        try demo.write("---\ntitle: Work in progress\ndraft: true\n---\nSoon.\n", to: "content/aftercare/wip.md")
        let normal = try Binary.run(["build", "--verbose"], in: demo.root)
        #expect(normal.status == 0)
        #expect(normal.output.contains("left out content/aftercare/wip.md: draft"))
        #expect(!FileManager.default.fileExists(atPath: demo.root + "/site/aftercare/wip/index.html"))
        let withDrafts = try Binary.run(["build", "--drafts"], in: demo.root)
        #expect(withDrafts.status == 0)
        #expect(FileManager.default.fileExists(atPath: demo.root + "/site/aftercare/wip/index.html"))
    }

    @Test("two runs in separate processes give byte-identical sites")
    func deterministic() throws {
        let demo = try TemporaryFolder.demo()
        #expect(try Binary.run(["build"], in: demo.root).status == 0)
        let first = try demo.files(under: "site")
        #expect(try Binary.run(["build"], in: demo.root).status == 0)
        #expect(try demo.files(under: "site") == first)
    }

    @Test("a missing site folder is a clear error")
    func notASite() throws {
        let result = try Binary.run(["build", "--site", "/nonexistent-clinic"], in: "/")
        #expect(result.status == 1)
        #expect(result.errors.contains("/nonexistent-clinic/content:1:1: no 'content' folder here"))
    }
}
