import ClinicMustache
import Foundation
import Mustache

/// swift-mustache, rendering the same data, as a second oracle.
enum Oracle {
    /// A ``MustacheValue`` as the plain values swift-mustache reads (dictionaries, arrays,
    /// strings, numbers, booleans, NSNull).
    static func context(_ value: ClinicMustache.MustacheValue) -> Any {
        switch value {
        case .null: return NSNull()
        case .bool(let bool): return bool
        case .number(let number):
            if number == number.rounded(), abs(number) < 1e15 { return Int(number) }
            return number
        case .string(let string): return string
        case .list(let elements): return elements.map(context)
        case .object(let members): return members.mapValues(context)
        }
    }

    /// Renders template `name` of `sources` with swift-mustache; nil when it does not parse.
    static func render(_ sources: [MustacheSource], _ name: String, _ value: ClinicMustache.MustacheValue) -> String? {
        var templates: [String: Mustache.MustacheTemplate] = [:]
        for source in sources {
            guard let template = try? Mustache.MustacheTemplate(string: source.text) else { return nil }
            templates[source.name] = template
        }
        return Mustache.MustacheLibrary(templates: templates).render(context(value), withTemplate: name)
    }
}
