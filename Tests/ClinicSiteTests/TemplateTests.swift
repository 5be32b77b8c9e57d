import ClinicSiteTestSupport
import Testing
@testable import ClinicSite

@Suite("Templates")
struct TemplateTests {
    let folder = SiteFolder("/tmp/site")

    func templates(_ files: [String: String]) -> (TemplateSet?, [Diagnostic]) {
        var all = Dictionary(uniqueKeysWithValues: TemplateSet.required.map { ($0, "x") })
        for (name, text) in files { all[name] = text }
        let sources = all.keys.sorted().map { name in
            SourceFile(path: "templates/\(name).mustache", relativePath: "\(name).mustache", text: all[name]!)
        }
        return TemplateSet.load(sources, folder: folder)
    }

    @Test("a syntax error carries the template's path, line and column")
    func syntaxError() {
        let (set, diagnostics) = templates(["page": "<p>\n{{#open}}\nnever closed\n"])
        #expect(set == nil)
        #expect(diagnostics.count == 1)
        #expect(diagnostics[0].location.path == "templates/page.mustache")
        #expect(diagnostics[0].location.line == 4)
        #expect(diagnostics[0].message.contains("never closed"))
    }

    @Test("a missing partial is an error at the tag")
    func missingPartial() {
        let (_, diagnostics) = templates(["page": "<p>\n  {{> partials/nope }}\n"])
        #expect(diagnostics.count == 1)
        #expect(diagnostics[0].location == SourceLocation(path: "templates/page.mustache", line: 2, column: 3))
        #expect(diagnostics[0].message.contains("unknown template 'partials/nope'"))
    }

    @Test("a partial that includes itself is refused")
    func recursion() {
        let (_, diagnostics) = templates(["partials/a": "{{>partials/b}}", "partials/b": "x {{>partials/a}}", "page": "{{>partials/a}}"])
        #expect(diagnostics.contains { $0.message.contains("includes itself") })
    }

    @Test("set-delimiter tags are followed when looking for partials")
    func delimiters() {
        let (_, diagnostics) = templates(["page": "{{=<% %>=}}<%> partials/missing %>"])
        #expect(diagnostics.first?.message.contains("partials/missing") == true)
    }

    @Test("a theme missing a page template is reported")
    func missingRequired() {
        let sources = [SourceFile(path: "templates/page.mustache", relativePath: "page.mustache", text: "x")]
        let (_, diagnostics) = TemplateSet.load(sources, folder: folder)
        #expect(diagnostics.count == TemplateSet.required.count - 1)
        #expect(diagnostics.contains { $0.location.path == "/tmp/site/templates/home.mustache" })
    }

    @Test("front matter naming an unknown template is an error at that field")
    func unknownTemplateField() throws {
        let temporary = try TemporaryFolder()
        let site = try temporary.copySite("basic")
        try temporary.write("---\ntitle: Fancy\ntemplate: fancy\n---\nx\n", to: "site-folder/content/aftercare/fancy.md")
        let errors = buildErrors(site).errors
        #expect(errors.count == 1)
        #expect(errors[0].location.line == 3)
        #expect(errors[0].location.column == 11)
        #expect(errors[0].message.contains("unknown template 'fancy'"))
    }
}
