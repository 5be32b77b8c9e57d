import ClinicBase
import ClinicContent
import ClinicMarkdown
import ClinicModel
import Foundation

/// A JSON value for structured data, written with sorted keys so output is byte-identical
/// from run to run.
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

    /// The JSON text: keys sorted by their UTF-8 bytes, no spaces, slashes unescaped; the
    /// same bytes `JSONEncoder` gives with `[.sortedKeys, .withoutEscapingSlashes]` (a test
    /// holds the two together), written directly because `JSONEncoder` cost a tenth of a
    /// page's build time.
    public func json() -> String { text(scriptSafe: false) }

    /// ``json()`` made safe inside `<script>`: `<`, `>`, `&`, U+2028 and U+2029 as `\u`
    /// escapes too (valid JSON, and nothing can close the script element or open a comment).
    public func scriptSafeJSON() -> String { text(scriptSafe: true) }

    private func text(scriptSafe: Bool) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(512)
        write(into: &bytes, scriptSafe: scriptSafe)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends the JSON text to `bytes`; with `scriptSafe`, as ``scriptSafeJSON()`` escapes it
    /// (those characters can only occur inside strings, so escaping the strings escapes the
    /// whole text).
    package func write(into bytes: inout [UInt8], scriptSafe: Bool) {
        switch self {
        case .string(let value):
            JSONValue.write(value, into: &bytes, scriptSafe: scriptSafe)
        case .int(let value):
            bytes.append(contentsOf: String(value).utf8)
        case .bool(let value):
            bytes.append(contentsOf: (value ? "true" : "false").utf8)
        case .array(let values):
            bytes.append(UInt8(ascii: "["))
            for (index, value) in values.enumerated() {
                if index > 0 { bytes.append(UInt8(ascii: ",")) }
                value.write(into: &bytes, scriptSafe: scriptSafe)
            }
            bytes.append(UInt8(ascii: "]"))
        case .object(let members):
            bytes.append(UInt8(ascii: "{"))
            // The members sorted themselves, not their keys then looked up: no hashing.
            let sorted = members.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
            for (index, member) in sorted.enumerated() {
                if index > 0 { bytes.append(UInt8(ascii: ",")) }
                JSONValue.write(member.key, into: &bytes, scriptSafe: scriptSafe)
                bytes.append(UInt8(ascii: ":"))
                member.value.write(into: &bytes, scriptSafe: scriptSafe)
            }
            bytes.append(UInt8(ascii: "}"))
        }
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    /// A JSON string: runs of bytes that need no escape are appended whole.
    private static func write(_ string: String, into bytes: inout [UInt8], scriptSafe: Bool) {
        bytes.append(UInt8(ascii: "\""))
        var string = string
        string.withUTF8 { utf8 in
            var run = 0
            var index = 0
            while index < utf8.count {
                let byte = utf8[index]
                let escape: StaticString?
                switch byte {
                case UInt8(ascii: "\""): escape = "\\\""
                case UInt8(ascii: "\\"): escape = "\\\\"
                case 0x0A: escape = "\\n"
                case 0x0D: escape = "\\r"
                case 0x09: escape = "\\t"
                case 0x08: escape = "\\b"
                case 0x0C: escape = "\\f"
                case 0..<0x20: escape = "" // `\u00XX`, written below
                case UInt8(ascii: "<") where scriptSafe: escape = "\\u003c"
                case UInt8(ascii: ">") where scriptSafe: escape = "\\u003e"
                case UInt8(ascii: "&") where scriptSafe: escape = "\\u0026"
                case 0xE2 where scriptSafe && index + 2 < utf8.count && utf8[index + 1] == 0x80
                    && (utf8[index + 2] == 0xA8 || utf8[index + 2] == 0xA9):
                    escape = utf8[index + 2] == 0xA8 ? "\\u2028" : "\\u2029"
                default: escape = nil
                }
                guard let escape else {
                    index += 1
                    continue
                }
                if run < index { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[run..<index])) }
                if escape.utf8CodeUnitCount == 0 {
                    bytes.append(contentsOf: "\\u00".utf8)
                    bytes.append(hexDigits[Int(byte >> 4)])
                    bytes.append(hexDigits[Int(byte & 0xF)])
                } else {
                    escape.withUTF8Buffer { bytes.append(contentsOf: $0) }
                }
                // U+2028 and U+2029 are three bytes.
                index += byte == 0xE2 ? 3 : 1
                run = index
            }
            if run < utf8.count { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[run...])) }
        }
        bytes.append(UInt8(ascii: "\""))
    }
}

extension Optional where Wrapped == String {
    /// `.string` for a value, nil for none.
    package var json: JSONValue? { map(JSONValue.string) }
}
