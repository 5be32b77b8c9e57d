import ClinicMustache

/// The template variables as README.md lists them, made from the models the templates compile
/// against: every variable a template can use, and nothing else. A test holds README to this
/// text, so a field added to a model without a word in README (or a word about a field that
/// no longer exists) fails it.
package enum TemplateVariables {
    /// One variable: its path, its kind, and the note README gives it.
    package struct Variable: Equatable {
        package var path: String
        package var kind: MustacheFieldKind
        /// What the note is looked up by: the path, or, for a field of a value that appears in
        /// several places (a listing entry, a date), the value's schema name and the field
        /// (`listing entry.title`).
        package var keys: [String]
    }

    /// The variables every page's template has (`site`, `links`, `nav`, `assets`, `root`, the
    /// head of `page`, `json_ld`), then each template's own.
    package static var markdown: String {
        let shared = variables(of: MustacheSchemaDescription(NotFoundView.self))
        let sharedPaths = Set(shared.map(\.path))
        var text = "### On every page\n\n" + table(shared)
        for (template, model) in templates {
            text += "\n### `\(template)`\n\n" + table(variables(of: model).filter { !sharedPaths.contains($0.path) })
        }
        return text
    }

    /// Each template with the model it renders.
    static let templates: [(String, MustacheSchemaDescription)] = [
        ("home", MustacheSchemaDescription(HomeView.self)),
        ("aftercare", MustacheSchemaDescription(AftercareModel.self)),
        ("aftercare-list", MustacheSchemaDescription(ListingView.self)),
        ("faq", MustacheSchemaDescription(FAQView.self)),
        ("page", MustacheSchemaDescription(PageModel.self)),
        ("404", MustacheSchemaDescription(NotFoundView.self)),
    ]

    /// Every variable of `model`, depth first, in the schemas' order.
    package static func variables(of model: MustacheSchemaDescription, prefix: String = "") -> [Variable] {
        model.fields.flatMap { field -> [Variable] in
            let path = prefix.isEmpty ? field.name : prefix + "." + field.name
            let own = Variable(path: path, kind: field.kind, keys: [path, model.name + "." + field.name])
            return [own] + (field.child.map { variables(of: $0, prefix: path) } ?? [])
        }
    }

    /// Every variable of every template.
    package static var all: [Variable] {
        templates.flatMap { variables(of: $0.1) }
    }

    /// The note for `variable`, if README has one.
    package static func note(_ variable: Variable) -> String? {
        variable.keys.lazy.compactMap { TemplateVariableNotes.notes[$0] }.first
    }

    private static func table(_ variables: [Variable]) -> String {
        var rows = "| variable | | |\n| --- | --- | --- |\n"
        for variable in variables {
            rows += "| `\(variable.path)` | \(words(variable.kind)) | \(note(variable) ?? "") |\n"
        }
        return rows
    }

    private static func words(_ kind: MustacheFieldKind) -> String {
        switch kind {
        case .text: "text"
        case .html: "HTML"
        case .bool: "yes/no"
        case .int: "number"
        case .object: "object"
        case .list: "list"
        case .dynamic: "by name"
        }
    }
}
