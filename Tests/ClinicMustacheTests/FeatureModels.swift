import ClinicMustache

struct Person: MustacheModel {
    var name: String
    var bio: String?

    static var mustacheSchema: MustacheSchema<Person> {
        MustacheSchema("person", ["name": .text { $0.name }, "bio": .text { $0.bio }])
    }
}

struct Entry: MustacheModel {
    var title: String
    var url = "/"
    var summary: String?
    var wordCount: Int? = 0
    var tags: [String] = []
    var draft = false
    var author: Person?
    var children: [Entry] = []
    var body = "<p>Hi</p>"

    static var mustacheSchema: MustacheSchema<Entry> {
        MustacheSchema("entry", [
            "title": .text { $0.title }, "url": .text { $0.url }, "summary": .text { $0.summary },
            "word_count": .int { $0.wordCount }, "tags": .list { $0.tags }, "draft": .bool { $0.draft },
            "author": .object { $0.author }, "children": .list { $0.children }, "body": .html { $0.body },
        ])
    }
}

struct PageView: MustacheModel {
    var page: Entry
    var entries: [Entry] = []
    var siteName = "Willow & Co"
    var extra: MustacheValue?

    static var mustacheSchema: MustacheSchema<PageView> {
        MustacheSchema("view", [
            "page": .object { $0.page }, "entries": .list { $0.entries }, "site_name": .text { $0.siteName },
            "extra": .dynamic { $0.extra },
        ])
    }
}

/// A library of templates given as (name, text), each at `templates/<name>.mustache`.
func library(_ templates: [(String, String)]) -> MustacheLibrary {
    MustacheLibrary(templates.map { MustacheSource(name: $0.0, path: "templates/\($0.0).mustache", text: $0.1) })
}

/// Compiles `name` for `Model` and renders `model`; nil when it does not compile.
func render<Model: MustacheModel>(_ templates: [(String, String)], _ model: Model, name: String = "main",
                                  options: MustacheOptions = .strict) -> String? {
    library(templates).compile(name, for: Model.self, options: options).0.map { String(decoding: $0.render(model), as: UTF8.self) }
}

/// The messages of compiling `name` for `Model`, as `path:line:column: message`.
func messages<Model: MustacheModel>(_ templates: [(String, String)], for model: Model.Type, name: String = "main",
                                    options: MustacheOptions = .strict) -> [String] {
    library(templates).compile(name, for: Model.self, options: options).1.map(\.description)
}
