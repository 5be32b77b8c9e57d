import ClinicMustache
import Testing

/// Every load-time problem, with its exact place and message.
@Suite struct LoadErrorTests {
    static let entryFields = "entry has title, url, summary, word_count, tags, draft, author, children, body"
    static let viewFields = "view has page, entries, site_name, extra"

    @Test func aTypoInTheRealThemeIsReportedWithItsPlaceAndASuggestion() {
        let sources = Theme.sources().map { source in
            guard source.name == "aftercare" else { return source }
            let text = source.text.replacingOccurrences(of: "<h1>{{page.title}}</h1>", with: "<h1>{{page.titel}}</h1>")
            return MustacheSource(name: source.name, path: source.path, text: text)
        }
        let (template, diagnostics) = MustacheLibrary(sources).compile("aftercare", for: AftercareView.self)
        #expect(template == nil)
        #expect(diagnostics.map(\.description) == [
            "templates/aftercare.mustache:14:9: unknown variable 'page.titel'; page has title, head_title, kind, og_type, path, url, "
                + "description, treatment, summary, reviewed, reviewed_by, reading_minutes, has_toc, toc, content, has_faq, "
                + "faq_sections, has_related, related, qr_code, image, og_image; did you mean 'page.title'?",
        ])
        #expect(diagnostics.first.map { ($0.path, $0.line, $0.column, $0.severity) } ?? ("", 0, 0, .warning) == ("templates/aftercare.mustache", 14, 9, .error))
    }

    @Test func unknownNamesListWhatEachFrameHas() {
        #expect(messages([("main", "{{#entries}}{{#author}}\n  {{nmae}}{{/author}}{{/entries}}")], for: PageView.self) == [
            "templates/main.mustache:2:3: unknown variable 'nmae'; person has name, bio; \(Self.entryFields); \(Self.viewFields); did you mean 'name'?",
        ])
        #expect(messages([("main", "{{titel}}")], for: PageView.self) == ["templates/main.mustache:1:1: unknown variable 'titel'; \(Self.viewFields)"])
    }

    @Test func aSectionOverANumberIsAnError() {
        #expect(messages([("main", "x\n {{#page.word_count}}{{/page.word_count}}")], for: PageView.self) == [
            "templates/main.mustache:2:2: a section needs a list, an object, text or a yes/no value; 'page.word_count' is a number",
        ])
    }

    @Test func printingAnObjectOrAListIsAnError() {
        #expect(messages([("main", "{{page}} {{{entries}}}")], for: PageView.self) == [
            "templates/main.mustache:1:1: 'page' is an object; {{page}} cannot print it; use a section: {{#page}}…{{/page}}",
            "templates/main.mustache:1:10: 'entries' is a list; {{entries}} cannot print it; use a section: {{#entries}}…{{/entries}}",
        ])
    }

    @Test func lookingInsideTextOrAListIsAnError() {
        #expect(messages([("main", "{{page.title.x}}{{page.tags.first}}")], for: PageView.self) == [
            "templates/main.mustache:1:1: 'page.title' is text, which has no fields, so 'page.title.x' names nothing",
            "templates/main.mustache:1:17: 'page.tags' is a list, which has no fields, so 'page.tags.first' names nothing; "
                + "to read its elements use a section: {{#page.tags}}{{first}}{{/page.tags}}",
        ])
    }

    @Test func listPositionsOutsideAListAreAnError() {
        #expect(messages([("main", "{{#page}}{{^last()}},{{/last()}}{{/page}}")], for: PageView.self) == [
            "templates/main.mustache:1:10: 'last()' works only directly inside a section over a list",
        ])
    }

    @Test func theImplicitIteratorNeedsAValueOfItsOwn() {
        #expect(messages([("main", "{{#entries}}{{.}}{{/entries}}")], for: PageView.self) == [
            "templates/main.mustache:1:13: '.' needs a value of its own, and entry has none; \(Self.entryFields)",
        ])
    }

    @Test func tripleMustacheOnTextIsAWarningAndTheTemplateStillCompiles() {
        let (template, diagnostics) = library([("main", "{{{page.title}}}{{& page.summary}}{{{page.body}}}")]).compile("main", for: PageView.self)
        #expect(template != nil)
        #expect(diagnostics.map(\.description) == [
            "templates/main.mustache:1:1: warning: 'page.title' holds text from the content files; {{{page.title}}} would put any HTML in it into the page unescaped; use {{page.title}}",
            "templates/main.mustache:1:17: warning: 'page.summary' holds text from the content files; {{& page.summary}} would put any HTML in it into the page unescaped; use {{page.summary}}",
        ])
        #expect(diagnostics.map(\.severity) == [.warning, .warning])
    }

    @Test func syntaxErrorsAreAllReportedAtOnce() {
        // A closing tag that matches nothing open is taken as closing the innermost section
        // (said so), so what follows is read as meant and not reported again.
        let text = "{{#page}}\n{{/pag}}\n{{/entries}}\n{{=<% %>}}\n{{#entries}}{{#a}}{{/entries}}\n{{#open}}\n{{title"
        let expected = [
            "templates/main.mustache:2:1: '{{/pag}}' does not match '{{#page}}' (line 1, column 1), the section open here; close it with {{/page}}",
            "templates/main.mustache:3:1: '{{/entries}}' closes nothing: no section is open here",
            "templates/main.mustache:4:1: bad set-delimiter tag: it needs two delimiters, without '=', separated by a space, as in {{=<% %>=}}",
            "templates/main.mustache:5:19: '{{/entries}}' closes '{{#entries}}' while '{{#a}}' (line 5, column 13) inside it is still open",
            "templates/main.mustache:6:1: '{{#open}}' is never closed: there is no {{/open}}",
            "templates/main.mustache:7:1: this tag is never closed with '}}'",
        ]
        #expect(library([("main", text)]).diagnostics.map(\.description) == expected)
        #expect(library([("main", text)]).compile("main", for: PageView.self).0 == nil)
    }

    @Test func severalProblemsInSeveralFilesAreReportedEachInItsOwnFile() {
        let templates = [("main", "{{>partials/item}}\n{{page.titel}}"), ("partials/item", "<li>\n  {{#page}}{{urll}}{{/page}}</li>")]
        #expect(messages(templates, for: PageView.self) == [
            "templates/main.mustache:2:1: unknown variable 'page.titel'; \(Self.entryFields); did you mean 'page.title'?",
            "templates/partials/item.mustache:2:12: unknown variable 'urll'; \(Self.entryFields); \(Self.viewFields); did you mean 'url'?",
        ])
    }

    @Test func aMissingPartialOrParentIsAnErrorInStrictModeOnly() {
        let templates = [("main", "[{{>partials/headr}}]\n{{<bse}}{{/bse}}"), ("partials/header", "x")]
        #expect(messages(templates, for: PageView.self) == [
            "templates/main.mustache:1:2: no template named 'partials/headr' (for {{>partials/headr}}); did you mean 'partials/header'?",
            "templates/main.mustache:2:1: no template named 'bse' (for {{<bse}})",
        ])
        #expect(messages(templates, for: PageView.self, options: .spec) == [])
        #expect(render(templates, PageView(page: Entry(title: "t")), options: .spec) == "[]\n")
    }

    @Test func aPartialCycleThatNothingEndsIsAnError() {
        let templates = [("main", "a{{>a}}"), ("a", "x\n{{>b}}"), ("b", "{{#page.draft}}{{>a}}{{/page.draft}}")]
        #expect(messages(templates, for: PageView.self) == [
            "templates/b.mustache:1:16: 'a' includes itself (a → b → a) with nothing in between that changes the context; rendering it would never end",
        ])
    }

    @Test func typedRecursionIsReportedInsteadOfCompilingForever() {
        let templates = [("main", "{{#page}}{{>tree}}{{/page}}"), ("tree", "<li>{{title}}<ul>{{#children}}{{>tree}}{{/children}}</ul></li>")]
        #expect(messages(templates, for: PageView.self) == [
            "templates/tree.mustache:1:31: 'tree' includes itself (tree → tree) inside sections over typed values: each level would need a context one type deeper, so it can never be compiled; only MustacheValue data can recurse",
        ])
    }

    @Test func recursionOverMustacheValueDataWorksUnlessEachLevelIndentsFurther() {
        let tree = MustacheValue.object(["name": .string("a"), "kids": .list([.object(["name": .string("b"), "kids": .list([])])])])
        let flush = [("main", "{{>node}}"), ("node", "{{name}}\n{{#kids}}\n{{>node}}\n{{/kids}}\n")]
        #expect(render(flush, tree) == "a\nb\n")
        let indented = [("main", "{{>node}}"), ("node", "{{name}}\n{{#kids}}\n  {{>node}}\n{{/kids}}\n")]
        #expect(messages(indented, for: MustacheValue.self) == [
            "templates/node.mustache:3:3: 'node' includes itself (node → node) on an indented line of its own, so each level is indented further and would be compiled again without end; put the tag on a line with other content, or without indentation",
        ])
    }

    @Test func unknownNamesAreWarningsInSpecMode() {
        let templates = [("main", "[{{nope}}]")]
        #expect(messages(templates, for: PageView.self, options: .spec) == [
            "templates/main.mustache:1:2: warning: unknown variable 'nope'; \(Self.viewFields)",
        ])
        #expect(render(templates, PageView(page: Entry(title: "t")), options: .spec) == "[]")
    }

    @Test func anUnknownTemplateNameIsAnError() {
        #expect(messages([("main", "x")], for: PageView.self, name: "mian") == ["mian:1:1: no template named 'mian'; did you mean 'main'?"])
    }

    @Test func contentInsideAParentOutsideBlocksIsAWarning() {
        let templates = [("main", "{{<base}}hello {{page.title}}{{$x}}{{/x}}{{/base}}"), ("base", "{{$x}}{{/x}}")]
        #expect(library(templates).diagnostics.map(\.description) == [
            "templates/main.mustache:1:1: warning: text inside '{{<base}}' outside any {{$block}} is never rendered",
            "templates/main.mustache:1:1: warning: tags inside '{{<base}}' outside any {{$block}} are never rendered",
        ])
    }
}
