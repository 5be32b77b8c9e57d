/// What a field holds, as templates see it.
public enum MustacheFieldKind: String, Sendable, Hashable, CaseIterable {
    case text, html, bool, int, object, list, dynamic

    /// How messages name a value of this kind: "text", "a number", "a list".
    var phrase: String {
        switch self {
        case .text: return "text"
        case .html: return "HTML"
        case .bool: return "a yes/no value"
        case .int: return "a number"
        case .object: return "an object"
        case .list: return "a list"
        case .dynamic: return "a value"
        }
    }
}
