import Foundation

/// A JSON value for structured data, encoded with `JSONEncoder` (sorted keys) so output is
/// byte-identical from run to run.
public indirect enum JSONValue: Encodable, Sendable, Equatable, ExpressibleByStringLiteral,
    ExpressibleByDictionaryLiteral, ExpressibleByArrayLiteral {
    case string(String)
    case int(Int)
    case bool(Bool)
    case array([JSONValue])
    case object([String: JSONValue])

    public init(stringLiteral value: String) { self = .string(value) }
    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        self = .object(Dictionary(elements, uniquingKeysWith: { _, last in last }))
    }
    public init(arrayLiteral elements: JSONValue...) { self = .array(elements) }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .string(let value): try container.encode(value)
        case .int(let value): try container.encode(value)
        case .bool(let value): try container.encode(value)
        case .array(let value): try container.encode(value)
        case .object(let value): try container.encode(value)
        }
    }

    /// An object without the keys whose values are nil.
    public static func object(_ pairs: [String: JSONValue?]) -> JSONValue {
        .object(pairs.compactMapValues { $0 })
    }

    /// Encoded with `JSONEncoder` (sorted keys, slashes unescaped).
    public func json() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(self) else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }

    /// Encoded with sorted keys, then escaped so it can sit inside `<script>`.
    public func scriptSafeJSON() -> String {
        Escape.jsonForScript(json())
    }
}

extension Optional where Wrapped == String {
    /// `.string` for a value, nil for none.
    var json: JSONValue? { map(JSONValue.string) }
}
