/// How one field of `Model` is read.
public struct MustacheField<Model>: Sendable {
    /// What the field holds.
    public let kind: MustacheFieldKind
    /// Binds the field (segment `index` of a dotted name) for a value found at `path`.
    @usableFromInline
    let bind: @Sendable (_ path: Path<Model>, _ segments: [String], _ index: Int, _ caches: CacheSlots) -> FieldBinding
    /// The schema of the child, for objects and lists.
    @usableFromInline
    let child: (@Sendable () -> MustacheSchemaDescription)?
    /// The field's value as a ``MustacheValue``.
    @usableFromInline
    let value: @Sendable (Model) -> MustacheValue

    @usableFromInline
    init(kind: MustacheFieldKind, bind: @escaping @Sendable (Path<Model>, [String], Int, CacheSlots) -> FieldBinding,
         child: (@Sendable () -> MustacheSchemaDescription)?, value: @escaping @Sendable (Model) -> MustacheValue) {
        self.kind = kind
        self.bind = bind
        self.child = child
        self.value = value
    }

    // The factories are inlinable so that the readers they build are specialized for `Model`
    // where it is declared (see ``Path``).

    /// Text that comes from the clinic's content files: `{{x}}` escapes it for HTML;
    /// `{{{x}}}` / `{{& x}}` is a WARNING at load time (it would let raw HTML into the page).
    /// nil renders nothing and is falsy; a section over it pushes the string.
    @inlinable
    public static func text(_ get: @escaping @Sendable (Model) -> String?) -> Self {
        MustacheField(kind: .text, bind: { path, segments, index, _ in
            index + 1 == segments.count ? .text(path.map(get), html: false) : .opaque(index: index, kind: .text)
        }, child: nil, value: { get($0).map(MustacheValue.string) ?? .null })
    }

    /// HTML that ClinicSite made (rendered Markdown, JSON-LD, an SVG): `{{{x}}}` is fine; `{{x}}`
    /// escapes it.
    @inlinable
    public static func html(_ get: @escaping @Sendable (Model) -> String?) -> Self {
        MustacheField(kind: .html, bind: { path, segments, index, _ in
            index + 1 == segments.count ? .text(path.map(get), html: true) : .opaque(index: index, kind: .html)
        }, child: nil, value: { get($0).map(MustacheValue.string) ?? .null })
    }

    /// A yes/no value: a section over it renders when true (and pushes nothing).
    @inlinable
    public static func bool(_ get: @escaping @Sendable (Model) -> Bool) -> Self {
        MustacheField(kind: .bool, bind: { path, segments, index, _ in
            index + 1 == segments.count ? .bool(path.map(get)) : .opaque(index: index, kind: .bool)
        }, child: nil, value: { .bool(get($0)) })
    }

    /// A number: printed in decimal. A SECTION over it is a load-time ERROR ("a section needs a
    /// list, an object, text or a yes/no value; 'page.word_count' is a number").
    @inlinable
    public static func int(_ get: @escaping @Sendable (Model) -> Int?) -> Self {
        MustacheField(kind: .int, bind: { path, segments, index, _ in
            index + 1 == segments.count ? .int(path.map(get)) : .opaque(index: index, kind: .int)
        }, child: nil, value: { get($0).map { .number(Double($0)) } ?? .null })
    }

    /// A nested value: a section pushes it on the context stack; nil is falsy. Interpolating it
    /// is a load-time error. `{{a.b}}` reads field `b` of it.
    @inlinable
    public static func object<Child: MustacheModel>(_ get: @escaping @Sendable (Model) -> Child?) -> Self {
        MustacheField(kind: .object, bind: { path, segments, index, caches in
            let read = path.map(get)
            guard index + 1 < segments.count else {
                return .object(Child.self, push: SectionDrivers.boxed(read), isPresent: { read($0) != nil })
            }
            let child: Path<Child> = path.isFixedForTheRender
                ? .cached(caches.index(for: segments[...index].joined(separator: ".")), read) : .read(read)
            return Child.mustacheSchema.bind(child, segments, index + 1, caches)
        }, child: { MustacheSchemaDescription(Child.self) }, value: { get($0).map(MustacheValue.init(describing:)) ?? .null })
    }

    /// A list: a section renders once per element with it pushed; empty is falsy. Interpolating
    /// it is a load-time error.
    @inlinable
    public static func list<Child: MustacheModel>(_ get: @escaping @Sendable (Model) -> [Child]) -> Self {
        MustacheField(kind: .list, bind: { path, segments, index, _ in
            guard index + 1 == segments.count else { return .opaque(index: index, kind: .list) }
            let read = path.map(get)
            return .list(Child.self, push: SectionDrivers.list(read), count: { read($0)?.count ?? 0 })
        }, child: { MustacheSchemaDescription(Child.self) }, value: { .list(get($0).map(MustacheValue.init(describing:))) })
    }

    /// A value whose shape is only known at render time (see ``MustacheValue``): names inside
    /// it are looked up when the template renders.
    @inlinable
    public static func dynamic(_ get: @escaping @Sendable (Model) -> MustacheValue?) -> Self {
        MustacheField(kind: .dynamic, bind: { path, segments, index, _ in
            .dynamic(path.map(get), rest: segments[(index + 1)...])
        }, child: nil, value: { get($0) ?? .null })
    }
}

extension MustacheSchema {
    /// Binds segment `index` (and the rest) of a dotted name on a value found at `path`.
    @usableFromInline
    func bind(_ path: Path<Model>, _ segments: [String], _ index: Int, _ caches: CacheSlots) -> FieldBinding {
        if looksUpAtRenderTime, let implicit {
            return .dynamic(path.map(implicit.value), rest: segments[index...])
        }
        guard let field = field(named: segments[index]) else {
            return FieldBinding(binding: .unknown(index: index, schema: name, fields: fieldNames))
        }
        return field.bind(path, segments, index, caches)
    }
}
