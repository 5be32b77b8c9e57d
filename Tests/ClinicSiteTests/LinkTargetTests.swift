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

@Suite("Resolving links written in Markdown")
struct LinkTargetTests {
    let root = SiteURL("https://clinic.example/")!
    let willow = SiteURL("https://example.org/willow/")!

    @Test("root-relative, relative and same-page links resolve to output paths")
    func internalLinks() {
        #expect(LinkTarget.resolve("/faq/", from: "aftercare/cupping/", site: root) == .site(path: "faq/", fragment: nil))
        #expect(LinkTarget.resolve("/faq/#why-am-i-sore", from: "", site: root) == .site(path: "faq/", fragment: "why-am-i-sore"))
        #expect(LinkTarget.resolve("../hot-stone/", from: "aftercare/cupping/", site: root) == .site(path: "aftercare/hot-stone/", fragment: nil))
        #expect(LinkTarget.resolve("#the-marks", from: "aftercare/cupping/", site: root) == .site(path: "aftercare/cupping/", fragment: "the-marks"))
        #expect(LinkTarget.resolve("faq/", from: "", site: root) == .site(path: "faq/", fragment: nil))
        #expect(LinkTarget.resolve("/", from: "faq/", site: root) == .site(path: "", fragment: nil))
        #expect(LinkTarget.resolve("..", from: "faq/", site: root) == .site(path: "", fragment: nil))
        #expect(LinkTarget.resolve("/media/room%20plan.pdf?v=2", from: "", site: root) == .site(path: "media/room plan.pdf", fragment: nil))
        #expect(LinkTarget.resolve("./x", from: "about/", site: root) == .site(path: "about/x", fragment: nil))
    }

    @Test("root-relative links start at the site's root, whatever its sub-path")
    func subPath() {
        #expect(LinkTarget.resolve("/faq/", from: "", site: willow) == .site(path: "faq/", fragment: nil))
        // Written with the sub-path, the link gets it twice once rendered: it leads nowhere.
        #expect(LinkTarget.resolve("/willow/faq/", from: "", site: willow) == .site(path: "willow/faq/", fragment: nil))
    }

    @Test("absolute links to the site's own address are links into the site")
    func ownAddress() {
        #expect(LinkTarget.resolve("https://clinic.example/faq/#q", from: "about/", site: root) == .site(path: "faq/", fragment: "q"))
        #expect(LinkTarget.resolve("https://example.org/willow", from: "", site: willow) == .site(path: "", fragment: nil))
        #expect(LinkTarget.resolve("https://example.org/other/", from: "", site: willow) == .external("https://example.org/other/"))
    }

    @Test("other sites, other schemes and impossible links")
    func others() {
        #expect(LinkTarget.resolve("https://nhs.example/advice#top", from: "", site: root) == .external("https://nhs.example/advice"))
        #expect(LinkTarget.resolve("//cdn.example/x.js", from: "", site: root) == .external("https://cdn.example/x.js"))
        #expect(LinkTarget.resolve("mailto:hello@clinic.example", from: "", site: root) == .other)
        #expect(LinkTarget.resolve("tel:+15550100", from: "", site: root) == .other)
        #expect(LinkTarget.resolve("", from: "", site: root) == .invalid("the link has no address"))
        #expect(LinkTarget.resolve("../../x", from: "faq/", site: root) == .invalid("'../../x' climbs above the site's root folder"))
    }
}

@Suite("Anchors in built HTML")
struct HTMLAnchorsTests {
    @Test("ids in any quoting, name on <a>; comments, scripts and other attributes do not count")
    func ids() {
        let html = """
        <!doctype html><html><body id=top>
        <h2 id="the-marks">Marks</h2><details class='q' id='why'></details>
        <a name="old-style">x</a><p data-id="not-an-id" title="id=&quot;no&quot;">
        <!-- <div id="commented"> -->
        <script type="application/ld+json">{"x": "<span id='in-script'>"}</script>
        <DIV ID="Upper"></DIV><span id="a&amp;b"></span>
        """
        #expect(HTMLAnchors.ids(in: Array(html.utf8)) == ["top", "the-marks", "why", "old-style", "Upper", "a&b"])
    }
}
