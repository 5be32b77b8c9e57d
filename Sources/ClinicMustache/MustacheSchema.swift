/// The fields a type exposes to templates, by name, in a fixed order (used in messages:
/// "page has title, summary, treatment, …").
public struct MustacheSchema<Model>: Sendable {
    /// What messages call a value of this type ("page", "entry", "day").
    public let name: String
    let fields: [(name: String, field: MustacheField<Model>)]
    /// Each field's place in `fields`, by name (the first of a repeated name).
    private let positions: [String: Int]
    let implicit: MustacheField<Model>?
    /// True for ``MustacheValue``: names are looked up at render time, not bound at load time.
    let looksUpAtRenderTime: Bool

    /// `name` is what messages call a value of this type ("page", "entry", "day").
    /// `implicit` is what `{{.}}` prints and how a section over the value itself behaves (String's
    /// schema has `implicit: .text { $0 }`).
    public init(_ name: String, _ fields: KeyValuePairs<String, MustacheField<Model>>, implicit: MustacheField<Model>? = nil) {
        self.name = name
        self.fields = fields.map { (name: $0.key, field: $0.value) }
        positions = Self.positions(self.fields)
        self.implicit = implicit
        self.looksUpAtRenderTime = false
    }

    /// A schema from a list of fields made in code (shared fields joined with a type's own).
    public init(_ name: String, fields: [(String, MustacheField<Model>)], implicit: MustacheField<Model>? = nil) {
        self.name = name
        self.fields = fields.map { (name: $0.0, field: $0.1) }
        positions = Self.positions(self.fields)
        self.implicit = implicit
        self.looksUpAtRenderTime = false
    }

    init(dynamic name: String, implicit: MustacheField<Model>) {
        self.name = name
        self.fields = []
        positions = [:]
        self.implicit = implicit
        self.looksUpAtRenderTime = true
    }

    /// The field names, in the order the schema lists them.
    public var fieldNames: [String] { fields.map(\.name) }

    /// The field called `name`, if the schema has one.
    func field(named name: String) -> MustacheField<Model>? {
        positions[name].map { fields[$0].field }
    }

    private static func positions(_ fields: [(name: String, field: MustacheField<Model>)]) -> [String: Int] {
        var positions: [String: Int] = [:]
        for (position, field) in fields.enumerated() where positions[field.name] == nil { positions[field.name] = position }
        return positions
    }
}
