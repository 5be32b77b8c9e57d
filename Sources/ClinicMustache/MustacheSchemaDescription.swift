/// A description of a model type's schema, for tests and documentation: its fields, their
/// kinds, and (for objects and lists) the child's schema.
public struct MustacheSchemaDescription: Sendable {
    /// One field of a schema.
    public struct Field: Sendable {
        /// The name templates use.
        public let name: String
        /// What the field holds.
        public let kind: MustacheFieldKind
        let describeChild: (@Sendable () -> MustacheSchemaDescription)?

        /// The schema of an object's or list's elements (computed on demand, so recursive
        /// types can be described).
        public var child: MustacheSchemaDescription? { describeChild?() }
    }

    /// What messages call a value of the type ("page").
    public let name: String
    /// The fields, in the schema's order.
    public let fields: [Field]
    /// What `{{.}}` reads, if the type has a value of its own.
    public let implicit: MustacheFieldKind?
    /// True for ``MustacheValue``: names are looked up at render time.
    public let isDynamic: Bool
    let type: ObjectIdentifier

    /// Describes `Model`'s schema.
    public init<Model: MustacheModel>(_ model: Model.Type) {
        let schema = Model.mustacheSchema
        self.name = schema.name
        self.implicit = schema.implicit?.kind
        self.isDynamic = schema.looksUpAtRenderTime
        self.type = ObjectIdentifier(Model.self)
        self.fields = schema.fields.map { name, field in
            Field(name: name, kind: field.kind, describeChild: field.child)
        }
    }

    /// Every variable path the type offers, prefixed with `prefix`: `page.title`,
    /// `page.toc.level`, … (a type met again inside itself is not expanded again).
    public func variablePaths(prefix: String = "") -> [String] {
        paths(prefix: prefix, seen: [type])
    }

    private func paths(prefix: String, seen: Set<ObjectIdentifier>) -> [String] {
        fields.flatMap { field -> [String] in
            let path = prefix.isEmpty ? field.name : "\(prefix).\(field.name)"
            guard let child = field.child, !seen.contains(child.type) else { return [path] }
            return [path] + child.paths(prefix: path, seen: seen.union([child.type]))
        }
    }
}

extension MustacheSchema {
    /// This schema's description (fields, kinds, children).
    public var fieldDescriptions: [MustacheSchemaDescription.Field] {
        fields.map { MustacheSchemaDescription.Field(name: $0.name, kind: $0.field.kind, describeChild: $0.field.child) }
    }
}
