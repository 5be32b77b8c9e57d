import ClinicSiteTestSupport
import Foundation
import Testing
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// `clinicsite serve` as a person runs it: started, opened, stopped with Ctrl-C.
@Suite("clinicsite serve", .serialized, .timeLimit(.minutes(2)))
struct ServeCommandTests {
    @Test("serves the site, and Ctrl-C stops it cleanly with the port free again")
    func serveAndStop() async throws {
        let site = try TemporaryFolder.demo()
        let server = try ServeProcess(["serve", "--port", "0"], in: site.root)
        defer { server.kill() }
        let url = try #require(server.waitForURL(), "no URL printed: \(server.output) \(server.errors)")
        #expect(url.hasPrefix("http://127.0.0.1:"))
        #expect(server.output.contains("Built 10 pages"))

        let (body, response) = try await URLSession.shared.data(from: URL(string: url + "aftercare/")!)
        #expect((response as? HTTPURLResponse)?.statusCode == 200)
        #expect(String(decoding: body, as: UTF8.self).contains("/__clinicsite/events"))

        let port = try #require(Int(url.split(separator: ":").last?.split(separator: "/").first ?? ""))
        server.interrupt()
        let status = try #require(server.waitForExit(within: 20), "serve did not stop within 20 seconds of SIGINT")
        #expect(status == 0)
        #expect(server.output.contains("Stopped the preview."))
        #expect(Listener.canBind(port: port))
        #expect(try site.files(under: "site").keys.sorted() == [".gitignore"], "serve never writes site/")
    }

    @Test("the default port moves to the next free one when taken")
    func defaultPortTaken() throws {
        let site = try TemporaryFolder.demo()
        let blocker = Listener(port: 4000)
        defer { blocker?.close() }
        let server = try ServeProcess(["serve"], in: site.root)
        defer { server.kill() }
        let url = try #require(server.waitForURL(), "no URL printed: \(server.output) \(server.errors)")
        #expect(!url.hasPrefix("http://127.0.0.1:4000/"))
        #expect(server.output.contains("Port 4000 is in use; using "))
        server.interrupt()
        #expect(server.waitForExit(within: 20) == 0)
    }

    @Test("a port given with --port that is taken is an error")
    func explicitPortTaken() throws {
        let site = try TemporaryFolder.demo()
        let blocker = try #require(Listener(port: 0))
        defer { blocker.close() }
        let server = try ServeProcess(["serve", "--port", String(blocker.port)], in: site.root)
        defer { server.kill() }
        #expect(server.waitForExit(within: 20) == 1)
        #expect(server.errors.contains("error: cannot listen on http://127.0.0.1:\(blocker.port): the port is in use"))
        #expect(!server.output.contains("Built"), "the port is checked before building: \(server.output)")
    }

    @Test("--host 0.0.0.0 warns and shows the network address as a QR code")
    func network() throws {
        let site = try TemporaryFolder.demo()
        let server = try ServeProcess(["serve", "--host", "0.0.0.0", "--port", "0"], in: site.root)
        defer { server.kill() }
        _ = try #require(server.waitForURL(), "no URL printed: \(server.output) \(server.errors)")
        #expect(server.errors.contains("warning: with --host 0.0.0.0 anyone on your network can open this preview"))
        // The code is printed after the "On your network" line, in a write of its own: wait for it.
        let printed = server.waitFor {
            ($0.contains("On your network: http://") && $0.contains("█")) || $0.contains("No network address found")
        }
        #expect(printed)
        if server.output.contains("On your network: http://") {
            #expect(server.output.contains("█"))
            #expect(!server.output.contains("\u{1B}["), "no colour codes when the output is not a terminal")
        }
        server.interrupt()
        #expect(server.waitForExit(within: 20) == 0)
    }

    @Test("a build error is printed with its place, and serving goes on")
    func errors() throws {
        let site = try TemporaryFolder.demo()
        try site.write("---\ntitle: [broken\n---\nBody\n", to: "content/broken.md")
        let server = try ServeProcess(["serve", "--port", "0"], in: site.root)
        defer { server.kill() }
        _ = try #require(server.waitForURL(), "no URL printed: \(server.output) \(server.errors)")
        #expect(server.errors.contains(#/content/broken\.md:\d+:\d+: YAML: /#))
        #expect(server.errors.contains("The site did not build (1 error); the preview shows them until the site builds"))
        server.interrupt()
        #expect(server.waitForExit(within: 20) == 0)
    }

    @Test("--today and --expired choose the pages as build does")
    func schedule() async throws {
        let site = try TemporaryFolder.demo()
        // Whatever the real date, 2099-06-15 is after the first page's date and the second's expiry.
        try site.write("---\ntitle: Summer hours\ndate: 2099-06-01\n---\nOpen late in June.\n", to: "content/summer-hours.md")
        try site.write("---\ntitle: Spring hours\nexpires: 2099-06-10\n---\nOpen early in spring.\n", to: "content/spring-hours.md")
        for (arguments, springStatus) in [([String](), 404), (["--expired"], 200)] {
            let server = try ServeProcess(["serve", "--port", "0", "--today", "2099-06-15"] + arguments, in: site.root)
            defer { server.kill() }
            let url = try #require(server.waitForURL(), "no URL printed: \(server.output) \(server.errors)")
            let (_, summer) = try await URLSession.shared.data(from: URL(string: url + "summer-hours/")!)
            #expect((summer as? HTTPURLResponse)?.statusCode == 200, "serve \(arguments): a page dated before --today is shown")
            let (_, spring) = try await URLSession.shared.data(from: URL(string: url + "spring-hours/")!)
            #expect((spring as? HTTPURLResponse)?.statusCode == springStatus, "serve \(arguments): a page expired by --today")
            if arguments.isEmpty {
                #expect(server.output.contains("Left out 1 page (drafts, future dates or expired; --drafts, --future and --expired include them)"),
                        "\(server.output)")
            }
            server.interrupt()
            #expect(server.waitForExit(within: 20) == 0)
        }
    }

    @Test("a --site folder that does not exist is an error")
    func missingFolder() throws {
        let result = try Binary.run(["serve", "--site", "no-such-folder", "--port", "0"], in: FileManager.default.temporaryDirectory.path)
        #expect(result.status == 1)
        #expect(result.errors.contains("error: there is no folder 'no-such-folder'"))
    }
}

/// A running `clinicsite` whose output is collected as it comes.
final class ServeProcess: @unchecked Sendable {
    private let process = Process()
    private let lock = NSLock()
    private var outputData = Data()
    private var errorData = Data()
    /// Pipes whose end was read: after the process exits, what it wrote may still be on
    /// its way to the handlers.
    private var ended = 0

    init(_ arguments: [String], in folder: String) throws {
        process.executableURL = URL(fileURLWithPath: Binary.path)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: folder)
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        output.fileHandleForReading.readabilityHandler = { [weak self] handle in
            let data = handle.availableData
            if data.isEmpty { handle.readabilityHandler = nil }
            self?.lock.withLock {
                self?.outputData.append(data)
                if data.isEmpty { self?.ended += 1 }
            }
        }
        errors.fileHandleForReading.readabilityHandler = { [weak self] handle in
            let data = handle.availableData
            if data.isEmpty { handle.readabilityHandler = nil }
            self?.lock.withLock {
                self?.errorData.append(data)
                if data.isEmpty { self?.ended += 1 }
            }
        }
        try process.run()
    }

    var output: String { lock.withLock { String(decoding: outputData, as: UTF8.self) } }
    var errors: String { lock.withLock { String(decoding: errorData, as: UTF8.self) } }

    /// Waits up to `seconds` for the printed output to satisfy `condition`.
    func waitFor(seconds: Double = 20, _ condition: (String) -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if condition(output) { return true }
            if !process.isRunning {
                drain(until: deadline)
                return condition(output)
            }
            Thread.sleep(forTimeInterval: 0.02)
        }
        return condition(output)
    }

    /// After the process exited: waits until both pipes were read to their end.
    private func drain(until deadline: Date) {
        while lock.withLock({ ended }) < 2, Date() < deadline {
            Thread.sleep(forTimeInterval: 0.02)
        }
    }

    /// The URL from `Serving the preview at …`.
    func waitForURL() -> String? {
        guard waitFor({ $0.contains("Serving the preview at ") && $0.contains("/\n") }) else { return nil }
        let line = output.split(separator: "\n").first { $0.hasPrefix("Serving the preview at ") }
        return line.map { String($0.dropFirst("Serving the preview at ".count)) }
    }

    func interrupt() { process.interrupt() }

    /// The exit status, or nil when it is still running after `seconds`. Once it has exited,
    /// waits (as long again) until all it wrote has been read, so `output` and `errors` are whole.
    func waitForExit(within seconds: Double) -> Int32? {
        let deadline = Date().addingTimeInterval(seconds)
        while process.isRunning, Date() < deadline {
            Thread.sleep(forTimeInterval: 0.02)
        }
        guard !process.isRunning else { return nil }
        drain(until: Date().addingTimeInterval(seconds))
        return process.terminationStatus
    }

    func kill() {
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
        }
    }
}

/// A listening socket on 127.0.0.1, to take a port.
final class Listener {
    let port: Int
    private var descriptor: Int32

    /// Listens on `port` (0: any free port); nil when the port cannot be taken.
    init?(port: Int) {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { return nil }
        var one: Int32 = 1
        setsockopt(descriptor, SOL_SOCKET, SO_REUSEADDR, &one, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(descriptor, 4) == 0 else {
            Glibc.close(descriptor)
            return nil
        }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
        }
        self.descriptor = descriptor
        self.port = Int(UInt16(bigEndian: address.sin_port))
    }

    func close() {
        if descriptor >= 0 {
            Glibc.close(descriptor)
            descriptor = -1
        }
    }

    /// Whether a server could listen on `port` now.
    static func canBind(port: Int) -> Bool {
        guard let listener = Listener(port: port) else { return false }
        listener.close()
        return true
    }
}
