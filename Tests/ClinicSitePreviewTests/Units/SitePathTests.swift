import Testing
@testable import ClinicSitePreview

@Suite("Request paths")
struct SitePathTests {
    /// `"relative (folder)"` or `"relative (file)"`.
    private func resolve(_ path: String, _ base: String) -> String? {
        SitePath(path, basePath: base).map { "\($0.relative) (\($0.namesFolder ? "folder" : "file"))" }
    }

    @Test("plain paths map to files and folders under the base path")
    func plainPaths() {
        #expect(resolve("/", "/") == " (folder)")
        #expect(resolve("/aftercare/", "/") == "aftercare (folder)")
        #expect(resolve("/aftercare", "/") == "aftercare (file)")
        #expect(resolve("/assets/style.css", "/") == "assets/style.css (file)")
        #expect(resolve("/willow/faq/", "/willow/") == "faq (folder)")
        #expect(resolve("/willow", "/willow/") == " (file)")
    }

    @Test("anything that is not a plain path inside the base path is refused",
          arguments: ["", "aftercare", "//aftercare", "/aftercare//", "/../content", "/aftercare/../..", "/./aftercare",
                      "/a\\b", "/\\evil.example", "/a\u{0}b", "/a\nb"])
    func refused(_ path: String) {
        #expect(SitePath(path, basePath: "/") == nil)
    }

    @Test("a sibling of the base path is outside the site", arguments: ["/willowx", "/willow-old/", "/willowx/index.html", "/", "/aftercare/"])
    func siblings(_ path: String) {
        #expect(SitePath(path, basePath: "/willow/") == nil)
    }
}
