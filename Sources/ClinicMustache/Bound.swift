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

/// A ``Binding`` as the inlinable field factories see it: made only through these functions.
@usableFromInline
struct FieldBinding {
    let binding: Binding

    @usableFromInline
    static func text(_ read: @escaping Reader<String>, html: Bool) -> FieldBinding {
        FieldBinding(binding: .bound(.text(read, html: html)))
    }

    @usableFromInline
    static func bool(_ read: @escaping Reader<Bool>) -> FieldBinding {
        FieldBinding(binding: .bound(.bool { read($0) ?? false }))
    }

    @usableFromInline
    static func int(_ read: @escaping Reader<Int>) -> FieldBinding {
        FieldBinding(binding: .bound(.int(read)))
    }

    @usableFromInline
    static func object<Child: MustacheModel>(_ type: Child.Type, push: @escaping ObjectDriver,
                                             isPresent: @escaping @Sendable (RenderContext) -> Bool) -> FieldBinding {
        FieldBinding(binding: .bound(.section(ObjectTarget<Child>(push: push, isPresent: isPresent, boxed: true), kind: .object)))
    }

    @usableFromInline
    static func list<Child: MustacheModel>(_ type: Child.Type, push: @escaping ListDriver,
                                           count: @escaping @Sendable (RenderContext) -> Int) -> FieldBinding {
        FieldBinding(binding: .bound(.section(ListTarget<Child>(push: push, count: count), kind: .list)))
    }

    /// A ``MustacheValue`` read at render time, and the rest of the dotted name inside it.
    @usableFromInline
    static func dynamic(_ read: @escaping Reader<MustacheValue>, rest: ArraySlice<String>) -> FieldBinding {
        FieldBinding(binding: .bound(.dynamic { read($0)?.descend(rest) }))
    }

    @usableFromInline
    static func opaque(index: Int, kind: MustacheFieldKind) -> FieldBinding {
        FieldBinding(binding: .opaque(index: index, kind: kind))
    }
}
