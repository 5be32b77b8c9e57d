import ClinicSiteTestSupport
import Testing
@testable import ClinicSite

@Suite("Frame cache")
struct FrameCacheTests {
    func templates(_ files: [String: String]) throws -> TemplateSet {
        var all = Dictionary(uniqueKeysWithValues: TemplateSet.required.map { ($0, "x") })
        for (name, text) in files { all[name] = text }
        let sources = all.keys.sorted().map { SourceFile(path: "templates/\($0).mustache", relativePath: "\($0).mustache", text: all[$0]!) }
        return try #require(TemplateSet.load(sources, folder: SiteFolder("/tmp/x")).0)
    }

    let shared: [String: Any] = ["site": ["name": "Willow"], "nav": [["title": "Home"]]]
    func page(_ title: String) -> [String: Any] {
        shared.merging(["page": ["title": title]]) { first, _ in first }
    }

    @Test("a partial that reads only shared values is rendered once; one that reads the page is not")
    func qualifies() throws {
        let set = try templates([
            "aftercare": "{{>partials/head}}{{>partials/brand}}<h1>{{page.title}}</h1>",
            "partials/head": "<title>{{page.title}}</title>",
            "partials/brand": "<p>{{site.name}}</p>{{#nav}}<a>{{title}}</a>{{/nav}}",
        ])
        let specialized = FrameCache.specialize(set, for: "aftercare", shared: shared, samples: [page("One"), page("Two")])
        #expect(specialized.render("aftercare", page("Three")) == "<title>Three</title><p>Willow</p><a>Home</a><h1>Three</h1>")
        // The brand partial became fixed text; the head partial still renders per page.
        #expect(specialized.render("partials/brand", ["site": ["name": "Other"]]) == "<p>Willow</p><a>Home</a>")
        #expect(specialized.render("partials/head", page("Four")) == "<title>Four</title>")
    }

    @Test("a partial reading a page's own top-level value is not cached, even if the samples agree")
    func pageValue() throws {
        let set = try templates(["aftercare": "{{>partials/x}}", "partials/x": "{{json_ld}}"])
        let samples = [page("One").merging(["json_ld": "{}"]) { a, _ in a }]
        let specialized = FrameCache.specialize(set, for: "aftercare", shared: shared, samples: samples)
        #expect(specialized.render("partials/x", ["json_ld": "changed"]) == "changed")
    }

    @Test("the demo theme's header, footer and print header are cached for aftercare pages")
    func demoTheme() throws {
        let (renderer, _) = try SiteBuilder.prepare(folder: SiteFolder(Repository.root), options: BuildOptions(today: Fixtures.today))
        let context = SiteContext(site: renderer.site, assetPaths: [:])
        let sample = context.page(kind: "aftercare", title: "T", description: nil, path: "aftercare/t/", jsonLD: nil, shared: context.aftercareShared)
        let specialized = FrameCache.specialize(renderer.templates, for: "aftercare", shared: context.aftercareShared, samples: [sample])
        let other = ["site": ["name": "Changed"]] as [String: Any]
        for partial in ["partials/header", "partials/footer", "partials/print-header"] {
            #expect(specialized.render(partial, other) == renderer.templates.render(partial, sample), "\(partial) not cached")
        }
    }

    @Test("fixed text survives braces, leading newlines and delimiter-like text")
    func constantText() {
        for text in ["{{x}} <p>", "\nline\n", "", "a {{=<% %>=}} b", "{{{raw}}}"] {
            if let template = FrameCache.constantTemplate(text) {
                #expect(template.render([String: Any]()) == text)
            }
        }
        #expect(FrameCache.constantTemplate("{{x}} <p>") != nil)
    }
}

@Suite("Frame cache: partials inside sections")
struct FrameCacheSectionTests {
    @Test("a partial included inside a section is never replaced, even when it reads nothing at the top level")
    func insideSection() throws {
        var all = Dictionary(uniqueKeysWithValues: TemplateSet.required.map { ($0, "x") })
        all["aftercare"] = "{{#page.items}}{{>partials/item}}{{/page.items}}{{>partials/brand}}"
        all["partials/item"] = "<li>{{name}}</li>"
        all["partials/brand"] = "<p>{{site.name}}</p>"
        let sources = all.keys.sorted().map { SourceFile(path: "templates/\($0).mustache", relativePath: "\($0).mustache", text: all[$0]!) }
        let set = try #require(TemplateSet.load(sources, folder: SiteFolder("/tmp/x")).0)
        #expect(set.topLevelPartials(of: "aftercare") == ["partials/brand"])
        let shared: [String: Any] = ["site": ["name": "Willow"]]
        let page: [String: Any] = shared.merging(["page": ["items": [["name": "a"], ["name": "b"]]]]) { a, _ in a }
        let specialized = FrameCache.specialize(set, for: "aftercare", shared: shared, samples: [page])
        #expect(specialized.render("aftercare", page) == "<li>a</li><li>b</li><p>Willow</p>")
        #expect(specialized.render("partials/item", ["name": "c"]) == "<li>c</li>")
    }

    @Test("references remember whether they sit inside a section")
    func scanner() {
        let references = TemplateReference.scan("{{>a}}{{#s}}{{>b}}{{/s}}{{^t}}{{>c}}{{/t}}{{<p}}{{$x}}{{>d}}{{/x}}{{/p}}")
        #expect(references.map(\.name) == ["a", "b", "c", "p", "d"])
        #expect(references.map(\.insideSection) == [false, true, true, false, false])
    }
}
