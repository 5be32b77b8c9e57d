import ClinicMustache
import Foundation
import Testing

/// One test of the official Mustache spec (`Spec/*.json`, MIT licence in `Spec/LICENSE`).
struct SpecCase: Sendable, CustomTestStringConvertible {
    let file: String
    let name: String
    let template: String
    let data: MustacheValue
    let partials: [String: String]
    let expected: String

    var testDescription: String { "\(file): \(name)" }

    /// The name the test's own template gets in the library (no spec partial uses it).
    static let templateName = "__spec__"

    /// The spec files the engine implements: all but the optional lambdas.
    static let files = ["comments", "delimiters", "interpolation", "inverted", "partials", "sections", "~dynamic-names", "~inheritance"]

    static let all: [SpecCase] = files.flatMap(load)

    static func load(_ file: String) -> [SpecCase] {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Spec/\(file).json")
        guard let data = try? Data(contentsOf: url), let spec = try? JSONDecoder().decode(SpecFile.self, from: data) else {
            return [SpecCase(file: file, name: "the file could not be read", template: "", data: .null, partials: [:], expected: "\u{0}")]
        }
        return spec.tests.map {
            SpecCase(file: file, name: $0.name, template: $0.template, data: $0.data.value, partials: $0.partials ?? [:], expected: $0.expected)
        }
    }

    /// The test's template and partials as library sources.
    var sources: [MustacheSource] {
        [MustacheSource(name: Self.templateName, path: "\(Self.templateName).mustache", text: template)]
            + partials.sorted { $0.key < $1.key }.map { MustacheSource(name: $0.key, path: "\($0.key).mustache", text: $0.value) }
    }
}

private struct SpecFile: Decodable {
    struct Test: Decodable {
        let name: String
        let template: String
        let data: JSONValue
        let partials: [String: String]?
        let expected: String
    }

    let tests: [Test]
}

/// A JSON value decoded as a ``MustacheValue``.
struct JSONValue: Decodable {
    let value: MustacheValue

    init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            value = .null
        } else if let bool = try? container.decode(Bool.self) {
            value = .bool(bool)
        } else if let number = try? container.decode(Double.self) {
            value = .number(number)
        } else if let string = try? container.decode(String.self) {
            value = .string(string)
        } else if let list = try? container.decode([JSONValue].self) {
            value = .list(list.map(\.value))
        } else {
            value = .object(try container.decode([String: JSONValue].self).mapValues(\.value))
        }
    }
}
