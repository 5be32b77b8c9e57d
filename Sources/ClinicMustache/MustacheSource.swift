/// One template source.
public struct MustacheSource: Sendable {
    /// What partial and parent tags call it: `partials/header`.
    public var name: String
    /// What messages call it: `templates/partials/header.mustache`.
    public var path: String
    /// The template's Mustache source.
    public var text: String

    /// `name` is what `{{>partials/header}}` refers to; `path` is used in messages.
    public init(name: String, path: String, text: String) {
        self.name = name
        self.path = path
        self.text = text
    }
}
