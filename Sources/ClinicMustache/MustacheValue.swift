/// Dynamic data (JSON-like), for the spec tests and anything untyped.
///
/// Its schema is dynamic: every name is looked up at render time, and a name not found falls
/// through to the enclosing context as the spec requires. A section over it renders nothing
/// for `.null`, `.bool(false)` and an empty list, once per element of a list, and otherwise
/// once with the value pushed. An empty string and zero are truthy (as in swift-mustache).
public indirect enum MustacheValue: MustacheModel, Sendable, Equatable, Hashable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case list([MustacheValue])
    case object([String: MustacheValue])

    /// A dynamic schema: names are looked up in the value when the template renders.
    public static let mustacheSchema: MustacheSchema<MustacheValue> = {
        MustacheSchema(dynamic: "value", implicit: .dynamic { $0 })
    }()

    /// A typed model's value, through its schema: the same data as a ``MustacheValue``, so it
    /// can be rendered by another engine or compared.
    public init<Model: MustacheModel>(describing model: Model) {
        let schema = Model.mustacheSchema
        if schema.fields.isEmpty, let implicit = schema.implicit {
            self = implicit.value(model)
            return
        }
        var object: [String: MustacheValue] = [:]
        for (name, field) in schema.fields where object[name] == nil { object[name] = field.value(model) }
        self = .object(object)
    }

    /// False for null, false and the empty list.
    var isTruthy: Bool {
        switch self {
        case .null, .bool(false): return false
        case .list(let elements): return !elements.isEmpty
        default: return true
        }
    }

    /// The member `key` of an object; nil for anything else or a missing key.
    func member(_ key: String) -> MustacheValue? {
        guard case .object(let members) = self else { return nil }
        return members[key]
    }

    /// The value at `path` inside this one: `.null` where the path breaks off.
    func descend(_ path: ArraySlice<String>) -> MustacheValue {
        var value = self
        for key in path {
            guard let member = value.member(key) else { return .null }
            value = member
        }
        return value
    }

    /// The text a template gets for the value: nil for null, lists and objects.
    var text: String? {
        switch self {
        case .null, .list, .object: return nil
        case .bool(let value): return value ? "true" : "false"
        case .string(let value): return value
        case .number(let value): return Self.format(value)
        }
    }

    /// Appends the value's text, HTML-escaped or not.
    func write(escaped: Bool, into output: inout [UInt8]) {
        guard let text else { return }
        if escaped { output.appendEscaped(text) } else { output.appendUTF8(text) }
    }

    /// A number as JSON would write it: `85`, `1.21`.
    static func format(_ number: Double) -> String {
        if number == number.rounded(), abs(number) < 1e15 { return String(Int(number)) }
        return String(number)
    }
}
