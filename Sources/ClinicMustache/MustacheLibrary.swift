/// Every template of a theme, parsed.
public struct MustacheLibrary: Sendable {
    private let templates: [String: ParsedTemplate]
    private let duplicates: [MustacheDiagnostic]

    /// Parses every source. Two sources with the same name: the first is kept, the second is
    /// an error.
    public init(_ sources: [MustacheSource]) {
        var templates: [String: ParsedTemplate] = [:]
        var duplicates: [MustacheDiagnostic] = []
        for source in sources {
            if let first = templates[source.name] {
                duplicates.append(MustacheDiagnostic(path: source.path, line: 1, column: 1,
                                                     message: "another template is named '\(source.name)' (\(first.path))", severity: .error))
                continue
            }
            templates[source.name] = ParsedTemplate(source)
        }
        self.templates = templates
        self.duplicates = duplicates
    }

    /// Syntax errors of every template (unclosed or mismatched section, stray closing tag, bad
    /// delimiter tag, unclosed tag, …), all of them, with warnings about content that can never
    /// render (text inside `{{<parent}}` outside any block).
    public var diagnostics: [MustacheDiagnostic] {
        duplicates + names.flatMap { templates[$0]!.diagnostics }
    }

    /// The names of all templates, sorted.
    public var names: [String] {
        templates.keys.sorted()
    }

    /// Compiles template `name` for values of `Model`: every name bound now. Returns the
    /// template (nil when any ERROR was found) and every error and warning found — in this
    /// template and in every partial / parent it reaches, each reported in the file where it
    /// is written.
    public func compile<Model: MustacheModel>(_ name: String, for model: Model.Type,
                                              options: MustacheOptions = .strict) -> (MustacheTemplate<Model>?, [MustacheDiagnostic]) {
        guard let template = templates[name] else {
            var message = "no template named '\(name)'"
            if let suggestion = Suggestion.closest(to: name, among: names) { message += "; did you mean '\(suggestion)'?" }
            return (nil, [MustacheDiagnostic(path: name, line: 1, column: 1, message: message, severity: .error)])
        }
        let compiler = Compiler(templates: templates, options: options)
        let scope = Scope(frames: [FrameInfo(depth: 0, binder: TypedFrame<Model>(boxed: true), isListElement: false)])
        let render = compiler.compileTemplate(name, scope, lead: .noAdd, from: Tag(name: name, path: template.path, line: 1, column: 1))
        let diagnostics = compiler.uniqueDiagnostics
        guard let render, !diagnostics.contains(where: { $0.severity == .error }) else { return (nil, diagnostics) }
        let estimate = compiler.staticBytes + compiler.staticBytes / 2 + 256
        return (MustacheTemplate(root: render, slotCount: compiler.slotCount, cacheCount: compiler.caches.count, estimatedSize: estimate), diagnostics)
    }
}
