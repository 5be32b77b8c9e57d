/// How one field of `Model` is read.
public struct MustacheField<Model>: Sendable {
    /// What the field holds.
    public let kind: MustacheFieldKind
    /// Binds the field (segment `index` of a dotted name) for a value found at `path`.
    let bind: @Sendable (_ path: Path<Model>, _ segments: [String], _ index: Int) -> Binding
    /// The schema of the child, for objects and lists.
    let child: (@Sendable () -> MustacheSchemaDescription)?
    /// The field's value as a ``MustacheValue``.
    let value: @Sendable (Model) -> MustacheValue

    /// Text that comes from the clinic's content files: `{{x}}` escapes it for HTML;
    /// `{{{x}}}` / `{{& x}}` is a WARNING at load time (it would let raw HTML into the page).
    /// nil renders nothing and is falsy; a section over it pushes the string.
    public static func text(_ get: @escaping @Sendable (Model) -> String?) -> Self {
        terminal(.text, value: { get($0).map(MustacheValue.string) ?? .null }) { .text($0.map(get), html: false) }
    }

    /// HTML that ClinicSite made (rendered Markdown, JSON-LD, an SVG): `{{{x}}}` is fine; `{{x}}`
    /// escapes it.
    public static func html(_ get: @escaping @Sendable (Model) -> String?) -> Self {
        terminal(.html, value: { get($0).map(MustacheValue.string) ?? .null }) { .text($0.map(get), html: true) }
    }

    /// A yes/no value: a section over it renders when true (and pushes nothing).
    public static func bool(_ get: @escaping @Sendable (Model) -> Bool) -> Self {
        terminal(.bool, value: { .bool(get($0)) }) { path in
            let read = path.map(get)
            return .bool { read($0) ?? false }
        }
    }

    /// A number: printed in decimal. A SECTION over it is a load-time ERROR ("a section needs a
    /// list, an object, text or a yes/no value; 'page.word_count' is a number").
    public static func int(_ get: @escaping @Sendable (Model) -> Int?) -> Self {
        terminal(.int, value: { get($0).map { .number(Double($0)) } ?? .null }) { .int($0.map(get)) }
    }

    /// A nested value: a section pushes it on the context stack; nil is falsy. Interpolating it
    /// is a load-time error. `{{a.b}}` reads field `b` of it.
    public static func object<Child: MustacheModel>(_ get: @escaping @Sendable (Model) -> Child?) -> Self {
        MustacheField(kind: .object, bind: { path, segments, index in
            let read = path.map(get)
            guard index + 1 < segments.count else { return .bound(.section(ObjectTarget<Child>(read: read), kind: .object)) }
            return Child.mustacheSchema.bind(.read(read), segments, index + 1)
        }, child: { MustacheSchemaDescription(Child.self) }, value: { get($0).map(MustacheValue.init(describing:)) ?? .null })
    }

    /// A list: a section renders once per element with it pushed; empty is falsy. Interpolating
    /// it is a load-time error.
    public static func list<Child: MustacheModel>(_ get: @escaping @Sendable (Model) -> [Child]) -> Self {
        MustacheField(kind: .list, bind: { path, segments, index in
            guard index + 1 == segments.count else { return .opaque(index: index, kind: .list) }
            let read = path.map(get)
            return .bound(.section(ListTarget<Child>(read: { read($0) ?? [] }), kind: .list))
        }, child: { MustacheSchemaDescription(Child.self) }, value: { .list(get($0).map(MustacheValue.init(describing:))) })
    }

    /// A value whose shape is only known at render time (see ``MustacheValue``): names inside
    /// it are looked up when the template renders.
    public static func dynamic(_ get: @escaping @Sendable (Model) -> MustacheValue?) -> Self {
        MustacheField(kind: .dynamic, bind: { path, segments, index in
            let read = path.map(get)
            let rest = segments[(index + 1)...]
            return .bound(.dynamic { read($0)?.descend(rest) })
        }, child: nil, value: { get($0) ?? .null })
    }

    private static func terminal(_ kind: MustacheFieldKind, value: @escaping @Sendable (Model) -> MustacheValue,
                                 _ make: @escaping @Sendable (Path<Model>) -> Bound) -> Self {
        MustacheField(kind: kind, bind: { path, segments, index in
            index + 1 == segments.count ? .bound(make(path)) : .opaque(index: index, kind: kind)
        }, child: nil, value: value)
    }
}

extension MustacheSchema {
    /// Binds segment `index` (and the rest) of a dotted name on a value found at `path`.
    func bind(_ path: Path<Model>, _ segments: [String], _ index: Int) -> Binding {
        if looksUpAtRenderTime, let implicit {
            let read = path.map(implicit.value)
            let rest = segments[index...]
            return .bound(.dynamic { read($0)?.descend(rest) })
        }
        guard let field = field(named: segments[index]) else {
            return .unknown(index: index, schema: name, fields: fieldNames)
        }
        return field.bind(path, segments, index)
    }
}
