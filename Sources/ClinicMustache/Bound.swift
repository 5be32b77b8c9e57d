/// A name bound at compile time: how to read it while rendering.
indirect enum Bound {
    case text(Reader<String>, html: Bool)
    case bool(@Sendable (RenderContext) -> Bool)
    case int(Reader<Int>)
    /// An object or a list: what a section over it does depends on the child type.
    case section(any SectionTarget, kind: MustacheFieldKind)
    /// Looked up at render time; nil or `.null` renders nothing and is falsy.
    case dynamic(Reader<MustacheValue>)
    /// Looked up at render time in ``MustacheValue`` levels above the typed one that has the
    /// name: when none has it (nil), `otherwise` answers.
    case dynamicFirst(Reader<MustacheValue>, otherwise: Bound)
}

/// Binding a dotted name in a schema: what it is, or why it is not.
enum Binding {
    case bound(Bound)
    /// Segment `index` of the name is not a field of `schema`, which has `fields`.
    case unknown(index: Int, schema: String, fields: [String])
    /// Segment `index` names a value of `kind`, which has no fields to look into.
    case opaque(index: Int, kind: MustacheFieldKind)
}

/// An object or list a section can go into: compiles the section's body with the child pushed.
protocol SectionTarget {
    func compileSection(_ body: [Node], inverted: Bool, scope: Scope, compiler: Compiler) -> Render
}
