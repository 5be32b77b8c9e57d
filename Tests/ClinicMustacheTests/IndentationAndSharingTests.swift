import ClinicMustache
import Testing

/// Indentation of standalone partials over lists, both ways; templates shared across tasks;
/// dynamic partial names over typed data.
@Suite struct IndentationAndSharingTests {
    static let templates = [("main", "<ul>\n  {{>items}}\n</ul>\n"), ("items", "{{#entries}}\n<li>\n  {{title}}\n</li>\n{{/entries}}\n")]
    static let view = PageView(page: Entry(title: "p"), entries: [Entry(title: "A"), Entry(title: "B")])

    @Test func specModeIndentsEveryLineOfAStandalonePartial() {
        #expect(render(Self.templates, Self.view, options: .spec) == "<ul>\n  <li>\n    A\n  </li>\n  <li>\n    B\n  </li>\n</ul>\n")
    }

    @Test func strictModeIndentsAsSwiftMustacheDoes() {
        let expected = "<ul>\n  <li>\n    A\n  </li>\n<li>\n    B\n  </li>\n</ul>\n"
        #expect(render(Self.templates, Self.view) == expected)
        let sources = Self.templates.map { MustacheSource(name: $0.0, path: $0.0, text: $0.1) }
        #expect(Oracle.render(sources, "main", MustacheValue(describing: Self.view)) == expected)
    }

    @Test func oneTemplateRendersOnManyTasksAtOnce() async throws {
        let template = try #require(MustacheLibrary(Theme.sources()).compile("aftercare", for: AftercareView.self).0)
        let expected = template.render(.sample)
        let outputs = await withTaskGroup(of: [UInt8].self) { group in
            for index in 0..<16 { group.addTask { template.render(index.isMultiple(of: 2) ? .sample : .bare) } }
            return await group.reduce(into: []) { $0.append($1) }
        }
        #expect(outputs.filter { $0 == expected }.count == 8)
        #expect(outputs.filter { $0 == template.render(.bare) }.count == 8)
    }

    @Test func aDynamicPartialNameChoosesAmongTheTemplatesThatCompileThere() {
        let templates = [("main", "{{#entries}}[{{>*title}}]{{/entries}}"), ("card", "card {{url}}"), ("wide", "wide {{nope}}")]
        let view = PageView(page: Entry(title: "p"), entries: [Entry(title: "card"), Entry(title: "wide"), Entry(title: "none")])
        #expect(render(templates, view) == "[card /][][]")
    }
}
