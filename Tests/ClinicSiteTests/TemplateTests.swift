import ClinicSiteTestSupport
import Foundation
import Testing
@testable import ClinicBase
@testable import ClinicContent
@testable import ClinicMarkdown
@testable import ClinicModel
@testable import ClinicRender
@testable import ClinicOutput
@testable import ClinicBuild

@Suite("Templates")
struct TemplateTests {
    let folder = SiteFolder("/tmp/site")

    /// A theme of `files` (name → text), every required template "x" unless given.
    func theme(_ files: [String: String], assets: [String] = []) -> (Theme?, [Diagnostic]) {
        var all = Dictionary(uniqueKeysWithValues: Theme.required.map { ($0, "x") })
        for (name, text) in files { all[name] = text }
        let sources = all.keys.sorted().map { name in
            SourceFile(path: "templates/\(name).mustache", relativePath: "\(name).mustache", text: all[name]!)
        }
        let statics = assets.map { StaticFile(outputPath: "assets/" + $0, sourcePath: "/tmp/site/templates/assets/" + $0, displayPath: "templates/assets/" + $0) }
        return Theme.load(sources, assets: statics, folder: folder)
    }

    @Test("a syntax error carries the template's path, line and column")
    func syntaxError() {
        let (loaded, diagnostics) = theme(["page": "<p>\n{{#open}}\nnever closed\n"])
        #expect(loaded == nil)
        #expect(diagnostics.count == 1)
        #expect(diagnostics[0].location == SourceLocation(path: "templates/page.mustache", line: 2, column: 1))
        #expect(diagnostics[0].message.contains("open"))
    }

    @Test("a name the page does not have is an error at the tag, with what it does have and the closest name")
    func unknownName() {
        let (loaded, diagnostics) = theme(["aftercare": "<h1>\n  {{page.titel}}</h1>\n"])
        #expect(loaded == nil)
        #expect(diagnostics.count == 1)
        #expect(diagnostics[0].location == SourceLocation(path: "templates/aftercare.mustache", line: 2, column: 3))
        #expect(diagnostics[0].message.hasPrefix("unknown variable 'page.titel'; page has title, head_title, "))
        #expect(diagnostics[0].message.hasSuffix("did you mean 'page.title'?"))
    }

    @Test("every problem of every template is reported at once")
    func everyProblem() {
        let (_, diagnostics) = theme([
            "home": "{{site.nmae}}\n{{#page.content}}x{{/page.content}}\n",
            "aftercare": "{{#page.word_count}}x{{/page.word_count}}\n",
            "page": "{{>partials/nope}}\n",
        ])
        let places = diagnostics.map { "\($0.location.path):\($0.location.line)" }.sorted()
        #expect(places == ["templates/aftercare.mustache:1", "templates/home.mustache:1", "templates/home.mustache:2", "templates/page.mustache:1"])
        #expect(diagnostics.contains { $0.message == "a section needs a list, an object, text or a yes/no value; 'page.word_count' is a number" })
        #expect(diagnostics.contains { $0.message.hasPrefix("unknown variable 'site.nmae'") && $0.message.hasSuffix("did you mean 'site.name'?") })
        #expect(diagnostics.contains { $0.message.hasPrefix("unknown variable 'page.content'") })
        #expect(diagnostics.contains { $0.message.hasPrefix("no template named 'partials/nope'") })
        #expect(diagnostics.allSatisfy { $0.severity == .error })
    }

    @Test("a syntax error in one template does not hide an unknown name in another")
    func syntaxErrorBesideUnknownName() {
        let (loaded, diagnostics) = theme([
            "faq": "{{#faq.sections}}\n{{title}}\n{{/faq.nope}}\n",
            "aftercare": "<h1>{{page.titel}}</h1>\n",
        ])
        #expect(loaded == nil)
        #expect(diagnostics.count == 2)
        #expect(diagnostics.first?.description == "templates/faq.mustache:3:1: '{{/faq.nope}}' does not match '{{#faq.sections}}' (line 1, column 1), the section open here; close it with {{/faq.sections}}")
        #expect(diagnostics.last?.location == SourceLocation(path: "templates/aftercare.mustache", line: 1, column: 5))
        #expect(diagnostics.last?.message.hasPrefix("unknown variable 'page.titel'") == true)
    }

    @Test("a problem in a partial is reported in the partial's own file")
    func problemInPartial() {
        let (_, diagnostics) = theme(["partials/header": "<header>\n<p>{{site.phoen}}</p>\n", "home": "{{>partials/header}}\n"])
        #expect(diagnostics.map(\.location) == [SourceLocation(path: "templates/partials/header.mustache", line: 2, column: 4)])
    }

    @Test("{{{…}}} on text from the content files is a warning; on HTML ClinicSite made it is fine")
    func tripleOnText() {
        let (loaded, diagnostics) = theme(["aftercare": "{{{page.title}}} {{{page.content}}} {{& page.summary}}\n"])
        #expect(loaded != nil)
        #expect(diagnostics.map(\.severity) == [.warning, .warning])
        #expect(diagnostics.map(\.location.column) == [1, 37])
        #expect(diagnostics[0].message.hasPrefix("'page.title' holds text from the content files; "))
    }

    @Test("a partial that includes itself is refused")
    func recursion() {
        let (_, diagnostics) = theme(["partials/a": "{{>partials/b}}", "partials/b": "x {{>partials/a}}", "page": "{{>partials/a}}"])
        #expect(diagnostics.contains { $0.message.contains("includes itself") })
    }

    @Test("set-delimiter tags are followed when looking for partials")
    func delimiters() {
        let (_, diagnostics) = theme(["page": "{{=<% %>=}}<%> partials/missing %>"])
        #expect(diagnostics.first?.message.contains("partials/missing") == true)
    }

    @Test("an asset that the theme does not have is an error at its tag")
    func unknownAsset() {
        let (_, diagnostics) = theme(["home": "<link href=\"{{assets.style_css}}\">\n  <script src=\"{{assets.site_jss}}\"></script>\n"],
                                     assets: ["style.css", "site.js"])
        #expect(diagnostics.count == 1)
        #expect(diagnostics[0].location == SourceLocation(path: "templates/home.mustache", line: 2, column: 16))
        #expect(diagnostics[0].message == "unknown asset 'assets.site_jss'; the theme's assets are site_js, style_css (files in templates/assets/)")
    }

    @Test("a theme missing a page template is reported")
    func missingRequired() {
        let sources = [SourceFile(path: "templates/page.mustache", relativePath: "page.mustache", text: "x")]
        let (_, diagnostics) = Theme.load(sources, folder: folder)
        #expect(diagnostics.count == Theme.required.count - 1)
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

    @Test("a template a page names is checked even when the theme's own templates are broken")
    func namedTemplateCheckedBesideBrokenTheme() throws {
        let temporary = try TemporaryFolder()
        let site = try temporary.copySite("basic")
        try temporary.write("{{<base}}{{$main}}{{page.treatmnt}}{{/main}}{{/base}}\n", to: "site-folder/templates/fancy.mustache")
        try temporary.write("---\ntitle: Fancy\ntemplate: fancy\n---\nx\n", to: "site-folder/content/aftercare/fancy.md")
        try temporary.write("{{#page}}\n", to: "site-folder/templates/404.mustache")
        let errors = buildErrors(site).errors
        #expect(errors.map { "\(($0.location.path as NSString).lastPathComponent):\($0.location.line)" } == ["404.mustache:1", "fancy.mustache:1"])
        #expect(errors.last?.message.hasSuffix("did you mean 'page.treatment'?") == true)
    }

    @Test("a template a page names is compiled for that kind of page")
    func namedTemplateCompiled() throws {
        let temporary = try TemporaryFolder()
        let site = try temporary.copySite("basic")
        try temporary.write("{{<base}}{{$main}}{{page.content}} {{page.treatmnt}}{{/main}}{{/base}}\n", to: "site-folder/templates/fancy.mustache")
        try temporary.write("---\ntitle: Fancy\ntemplate: fancy\n---\nx\n", to: "site-folder/content/aftercare/fancy.md")
        let errors = buildErrors(site).errors
        #expect(errors.map(\.location.line) == [1])
        #expect(errors.first?.location.path.hasSuffix("templates/fancy.mustache") == true)
        #expect(errors.first?.message.hasSuffix("did you mean 'page.treatment'?") == true)
    }
}
