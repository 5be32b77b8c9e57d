import ClinicMustache
import Testing

/// Schema introspection and conversion of typed models to ``MustacheValue``.
@Suite struct SchemaTests {
    @Test func schemasListTheirFieldsInOrderWithKinds() {
        let description = MustacheSchemaDescription(Entry.self)
        #expect(description.name == "entry")
        #expect(description.fields.map(\.name) == ["title", "url", "summary", "word_count", "tags", "draft", "author", "children", "body"])
        #expect(description.fields.map(\.kind) == [.text, .text, .text, .int, .list, .bool, .object, .list, .html])
        #expect(description.fields[6].child?.name == "person")
        #expect(description.fields[4].child?.implicit == .text)
        #expect(Entry.mustacheSchema.fieldNames == description.fields.map(\.name))
        #expect(Entry.mustacheSchema.fieldDescriptions.map(\.kind) == description.fields.map(\.kind))
        #expect(MustacheSchemaDescription(MustacheValue.self).isDynamic)
    }

    @Test func everyVariablePathOfAModel() {
        #expect(MustacheSchemaDescription(PageView.self).variablePaths() == [
            "page", "page.title", "page.url", "page.summary", "page.word_count", "page.tags", "page.draft",
            "page.author", "page.author.name", "page.author.bio", "page.children", "page.body",
            "entries", "entries.title", "entries.url", "entries.summary", "entries.word_count", "entries.tags", "entries.draft",
            "entries.author", "entries.author.name", "entries.author.bio", "entries.children", "entries.body",
            "site_name", "extra",
        ])
        #expect(MustacheSchemaDescription(AftercareView.self).variablePaths().contains("page.toc.is_sub"))
        #expect(MustacheSchemaDescription(AftercareView.self).variablePaths().contains("site.hours.ranges.opens"))
    }

    @Test func aTypedModelConvertsToTheSameDataAsAMustacheValue() {
        let entry = Entry(title: "T", summary: nil, wordCount: 3, tags: ["a"], draft: true, author: Person(name: "N"))
        #expect(MustacheValue(describing: entry) == .object([
            "title": .string("T"), "url": .string("/"), "summary": .null, "word_count": .number(3), "tags": .list([.string("a")]),
            "draft": .bool(true), "author": .object(["name": .string("N"), "bio": .null]), "children": .list([]),
            "body": .string("<p>Hi</p>"),
        ]))
        #expect(MustacheValue(describing: "plain") == .string("plain"))
        #expect(MustacheValue(describing: MustacheValue.list([.null])) == .list([.null]))
    }
}
