import ClinicMustache
import Testing

/// The real theme compiled against typed view models: no diagnostics, and the same bytes as
/// swift-mustache rendering the same data as dictionaries.
@Suite struct ThemeTests {
    let library = MustacheLibrary(Theme.sources())

    @Test func theThemeParsesCleanly() {
        #expect(library.diagnostics == [])
        #expect(library.names.count == 15)
        #expect(Theme.sources().filter { $0.text.isEmpty }.map(\.name) == [])
    }

    @Test func aftercareCompilesWithoutDiagnostics() {
        let (template, diagnostics) = library.compile("aftercare", for: AftercareView.self)
        #expect(template != nil)
        #expect(diagnostics == [])
    }

    @Test(arguments: [("sample", AftercareView.sample), ("bare", AftercareView.bare)])
    func aftercareRendersAsSwiftMustacheDoes(_ name: String, _ view: AftercareView) throws {
        let template = try #require(library.compile("aftercare", for: AftercareView.self).0)
        let ours = String(decoding: template.render(view), as: UTF8.self)
        let theirs = Oracle.render(Theme.sources(), "aftercare", MustacheValue(describing: view))
        #expect(ours == theirs)
        #expect(ours.count > 1000)
    }

    @Test(arguments: ["home", "aftercare", "aftercare-list", "faq", "page", "404", "contact"])
    func everyPageTemplateRendersMustacheValueDataAsSwiftMustacheDoes(_ name: String) throws {
        var data = MustacheValue(describing: AftercareView.sample)
        if case .object(var members) = data {
            members["has_latest"] = .bool(true)
            members["latest_aftercare"] = .list([.object(["title": .string("Heat & ice"), "url": .string("/a/"), "treatment": .null])])
            members["intro"] = .string("<p>Welcome</p>")
            let sections = MustacheValue(describing: AftercareView.sample.page.faqSections[0])
            members["faq"] = .object(["title": .string("FAQ"), "intro": .string("<p>i</p>"), "sections": .list([sections])])
            data = .object(members)
        }
        let template = try #require(library.compile(name, for: MustacheValue.self).0)
        let ours = String(decoding: template.render(data), as: UTF8.self)
        #expect(ours == Oracle.render(Theme.sources(), name, data))
        #expect(ours.hasPrefix("<!doctype html>"))
    }

    @Test func escapingIsByteLevelAndExactlyFiveCharacters() throws {
        let template = try #require(library.compile("aftercare", for: AftercareView.self).0)
        let html = String(decoding: template.render(.sample), as: UTF8.self)
        #expect(html.contains("<h1>Cupping aftercare: what&#39;s &lt;normal&gt;</h1>"))
        #expect(html.contains("<p class=\"summary\">Marks fade in 3–10 days.</p>"))
        #expect(html.contains("href=\"https://book.example/willow?ref=site&amp;src=aftercare\""))
        #expect(html.contains("<svg viewBox=\"0 0 29 29\"><path d=\"M0 0h7v7H0z\"/></svg>"))
        #expect(html.contains("<p data-show-from=\"2026-12-10\" data-to=\"2026-12-24\">Closed Thursday 24 December: Closed for the &lt;holidays&gt;</p>"))
        #expect(html.contains("<p data-show-from=\"2027-01-01\" data-to=\"2027-01-15\" hidden>Closed Friday 15 January</p>"))
        #expect(html.contains("<tr class=\"day-tue differs\">"))
    }

    @Test func listPositionsWorkInsideListSections() throws {
        let template = try #require(library.compile("aftercare", for: AftercareView.self).0)
        let html = String(decoding: template.render(.sample), as: UTF8.self)
        #expect(html.contains("<time datetime=\"09:00\">09:00</time>–<time datetime=\"13:00\">13:00</time>, <time datetime=\"14:00\">14:00</time>–<time datetime=\"18:00\">18:00</time></td>"))
    }
}
