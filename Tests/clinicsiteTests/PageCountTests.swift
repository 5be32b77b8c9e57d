import ClinicSiteTestSupport
import Foundation
import Testing

/// `build`, `check` and `serve` count pages the same way: every HTML file rendered from a
/// template, `404.html` and each page of the aftercare index included.
@Suite("The page count", .serialized, .timeLimit(.minutes(2)))
struct PageCountTests {
    /// The demo clinic with one aftercare page per index page: 4 aftercare pages, 4 pages of
    /// the index, home, FAQ, about, contact and 404.
    static let pages = 13

    func paginatedDemo() throws -> TemporaryFolder {
        let demo = try TemporaryFolder.demo()
        try demo.write(try demo.read("content/clinic.yml") + "\naftercare_per_page: 1\n", to: "content/clinic.yml")
        return demo
    }

    @Test("on a paginated site, build, check and serve report the same number, the HTML files build writes")
    func sameNumberEverywhere() throws {
        let demo = try paginatedDemo()
        let built = try Binary.run(["build"], in: demo.root)
        #expect(built.status == 0, "\(built.errors)")
        let files = try demo.files(under: "site", includeHidden: false)
        #expect(files.keys.filter { $0.hasSuffix(".html") }.count == Self.pages)
        #expect(built.output.hasPrefix("Built \(Self.pages) pages (\(files.count) files) into site in "), "\(built.output)")

        let checked = try Binary.run(["check"], in: demo.root)
        #expect(checked.output.contains("Checked \(Self.pages) pages, "), "\(checked.output)")

        let server = try ServeProcess(["serve", "--port", "0"], in: demo.root)
        defer { server.kill() }
        #expect(server.waitFor { $0.contains("Serving the preview at ") }, "\(server.output) \(server.errors)")
        #expect(server.output.contains("Built \(Self.pages) pages ("), "\(server.output)")
        server.interrupt()
        #expect(server.waitForExit(within: 20) == 0)
    }

    @Test("a file in content/media/ named .html is a file, not a page")
    func mediaIsNotAPage() throws {
        let demo = try paginatedDemo()
        try demo.write("<!doctype html><title>Map</title>", to: "content/media/map.html")
        let built = try Binary.run(["build"], in: demo.root)
        #expect(built.status == 0, "\(built.errors)")
        #expect(built.output.hasPrefix("Built \(Self.pages) pages ("), "\(built.output)")
        let checked = try Binary.run(["check"], in: demo.root)
        #expect(checked.output.contains("Checked \(Self.pages) pages, "), "\(checked.output)")
    }
}
