import ClinicMustache
import Testing

/// Typed models rendered: each section kind, and the same bytes as swift-mustache on the
/// equivalent dictionaries.
@Suite struct TypedRenderingTests {
    static let template = """
        {{page.title}}|{{page.word_count}}|{{#page.draft}}draft{{/page.draft}}{{^page.draft}}live{{/page.draft}}
        {{#page.summary}}[{{.}}]{{/page.summary}}{{^page.summary}}no summary{{/page.summary}}
        {{#page.tags}}<{{.}}>{{/page.tags}}{{^page.tags}}untagged{{/page.tags}}
        {{#page.author}}{{name}}{{#bio}} ({{bio}}){{/bio}} on {{page.title}} for {{site_name}}{{/page.author}}
        {{{page.body}}} {{page.body}}
        {{#entries}}
        - {{title}}{{#first()}} (first){{/first()}}{{^last()}},{{/last()}} {{#author}}by {{name}}{{/author}}
        {{/entries}}
        {{^entries}}
        none
        {{/entries}}
        {{#extra}}{{colour}} {{site_name}}{{/extra}}

        """

    static let full = PageView(
        page: Entry(title: "Heat <& ice>", summary: "", wordCount: 420, tags: ["neck", "back's"], draft: true,
                    author: Person(name: "Ana", bio: "Physio \"MSc\"")),
        entries: [Entry(title: "One", author: Person(name: "Bo")), Entry(title: "Two"), Entry(title: "Three")],
        extra: .object(["colour": .string("teal")]))

    static let empty = PageView(page: Entry(title: "Bare", wordCount: nil))

    @Test func everyKindOfSectionRenders() {
        #expect(render([("main", Self.template)], Self.full) == """
            Heat &lt;&amp; ice&gt;|420|draft
            []
            <neck><back&#39;s>
            Ana (Physio &quot;MSc&quot;) on Heat &lt;&amp; ice&gt; for Willow &amp; Co
            <p>Hi</p> &lt;p&gt;Hi&lt;/p&gt;
            - One (first), by Bo
            - Two, 
            - Three 
            teal Willow &amp; Co

            """)
    }

    @Test func absentValuesAreFalsyAndRenderNothing() {
        #expect(render([("main", Self.template)], Self.empty) == """
            Bare||live
            no summary
            untagged

            <p>Hi</p> &lt;p&gt;Hi&lt;/p&gt;
            none


            """)
    }

    @Test(arguments: [TypedRenderingTests.full, TypedRenderingTests.empty])
    func rendersAsSwiftMustacheDoes(_ view: PageView) {
        let sources = [MustacheSource(name: "main", path: "main.mustache", text: Self.template)]
        #expect(render([("main", Self.template)], view) == Oracle.render(sources, "main", MustacheValue(describing: view)))
    }

    @Test func aDeclaredFieldThatIsNilDoesNotFallThroughToOuterFrames() {
        let view = PageView(page: Entry(title: "Outer"), entries: [Entry(title: "Inner", summary: nil)])
        #expect(render([("main", "{{#entries}}{{title}}:{{summary}}{{/entries}}")], view) == "Inner:")
        #expect(render([("main", "{{#entries}}{{site_name}}{{/entries}}")], view) == "Willow &amp; Co")
    }

    @Test func partialsSeeTheContextOfTheirTag() {
        let templates = [("main", "{{#entries}}\n  {{>item}}\n{{/entries}}"), ("item", "<li>{{title}}</li>\n<i>{{site_name}}</i>\n")]
        let view = PageView(page: Entry(title: "P"), entries: [Entry(title: "A"), Entry(title: "B")])
        #expect(render(templates, view, options: .spec) == "  <li>A</li>\n  <i>Willow &amp; Co</i>\n  <li>B</li>\n  <i>Willow &amp; Co</i>\n")
    }

    @Test func inheritanceFillsBlocksFromTheChild() {
        let templates = [("main", "{{<base}}{{$body}}<b>{{page.title}}</b>{{/body}}{{/base}}"),
                         ("base", "<main>{{$body}}default{{/body}}</main>{{$foot}} (c) {{site_name}}{{/foot}}")]
        #expect(render(templates, PageView(page: Entry(title: "T"))) == "<main><b>T</b></main> (c) Willow &amp; Co")
    }

    @Test func renderingAppendsToTheGivenBuffer() throws {
        let template = try #require(library([("main", "[{{page.title}}]")]).compile("main", for: PageView.self).0)
        var buffer = Array("head:".utf8)
        template.render(PageView(page: Entry(title: "a")), into: &buffer)
        template.render(PageView(page: Entry(title: "b")), into: &buffer)
        #expect(String(decoding: buffer, as: UTF8.self) == "head:[a][b]")
    }

    @Test func mustacheValueRecursionEndsWithTheData() {
        let tree = MustacheValue.object(["name": .string("root"), "kids": .list([
            .object(["name": .string("a"), "kids": .list([.object(["name": .string("a1"), "kids": .list([])])])]),
            .object(["name": .string("b"), "kids": .list([])]),
        ])])
        let templates = [("main", "{{>node}}"), ("node", "{{name}}({{#kids}}{{>node}}{{/kids}})")]
        #expect(render(templates, tree) == "root(a(a1())b())")
    }
}
