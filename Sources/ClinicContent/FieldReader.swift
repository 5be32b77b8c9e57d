import ClinicBase
import Foundation
import Yams

/// Reads typed fields out of a YAML mapping node, collecting a located diagnostic for every
/// missing, mistyped or unknown field instead of stopping at the first.
package struct FieldReader {
    /// The file the mapping came from.
    package let file: SourceFile
    /// Added to a node's 1-based line to get the line in `file`.
    package let lineOffset: Int
    /// Where the mapping starts (used for "missing field" errors).
    package let start: SourceLocation
    /// A dotted prefix for field names in messages (`address.` for nested mappings).
    package let prefix: String
    package private(set) var pairs: [(key: String, keyNode: Node, value: Node)] = []
    private var used: Set<String> = []
    /// Everything wrong found so far.
    package var diagnostics: [Diagnostic] = []

    /// A reader over `node`, which must be a mapping (or nil/empty for no fields).
    package init(_ node: Node?, file: SourceFile, firstLine: Int, prefix: String = "", what: String) {
        self.file = file
        self.lineOffset = firstLine - 1
        self.prefix = prefix
        let fallback = file.location(line: firstLine, column: 1)
        self.start = node?.mark.map { file.location(line: $0.line + firstLine - 1, column: $0.column) } ?? fallback
        guard let node else { return }
        if case .scalar(let scalar) = node, scalar.string.isEmpty || node.null != nil { return }
        guard let mapping = node.mapping else {
            diagnostics.append(Diagnostic(start, "\(what) should be a list of 'name: value' fields", stage: .frontMatter))
            return
        }
        var seen: [String: SourceLocation] = [:]
        for (keyNode, value) in mapping {
            guard let key = keyNode.scalar?.string else {
                diagnostics.append(Diagnostic(location(of: keyNode), "a field name must be plain text", stage: .frontMatter))
                continue
            }
            if let first = seen[key] {
                diagnostics.append(Diagnostic(location(of: keyNode), "'\(prefix)\(key)' is given twice (first at line \(first.line))", stage: .frontMatter))
                continue
            }
            seen[key] = location(of: keyNode)
            pairs.append((key, keyNode, value))
        }
    }

    /// The place of `node` in the file.
    package func location(of node: Node) -> SourceLocation {
        guard let mark = node.mark else { return start }
        return file.location(line: mark.line + lineOffset, column: mark.column)
    }

    /// A nested reader for a node found in this mapping (same file and offsets).
    package func nested(_ node: Node, prefix: String, what: String) -> FieldReader {
        FieldReader(node, file: file, firstLine: lineOffset + 1, prefix: prefix, what: what)
    }

    private mutating func error(_ node: Node, _ message: String) {
        diagnostics.append(Diagnostic(location(of: node), message, stage: .frontMatter))
    }

    /// The raw node for `key`, or nil when absent or null. Marks the key as read.
    package mutating func node(_ key: String, required: Bool = false) -> Node? {
        used.insert(key)
        guard let pair = pairs.first(where: { $0.key == key }), !Self.isNull(pair.value) else {
            if required {
                diagnostics.append(Diagnostic(start, "missing required field '\(prefix)\(key)'", stage: .frontMatter))
            }
            return nil
        }
        return pair.value
    }

    package static func isNull(_ node: Node) -> Bool {
        guard case .scalar(let scalar) = node else { return false }
        if scalar.style == .singleQuoted || scalar.style == .doubleQuoted { return false }
        return scalar.string.isEmpty || scalar.string == "~" || scalar.string == "null" || scalar.string == "Null" || scalar.string == "NULL"
    }

    /// The text of a scalar field exactly as written (`NO` stays `NO`), trimmed.
    package mutating func string(_ key: String, required: Bool = false) -> String? {
        guard let node = node(key, required: required) else { return nil }
        return text(node, name: prefix + key)
    }

    /// A field's text with its location.
    package mutating func locatedString(_ key: String, required: Bool = false) -> (String, SourceLocation)? {
        guard let node = node(key, required: required) else { return nil }
        guard let value = text(node, name: prefix + key) else { return nil }
        return (value, location(of: node))
    }

    /// The text of a scalar node, or an error if it is a list or mapping.
    package mutating func text(_ node: Node, name: String) -> String? {
        guard let scalar = node.scalar else {
            error(node, "'\(name)' should be text, not a \(node.mapping != nil ? "set of fields" : "list")")
            return nil
        }
        let value = scalar.string.trimmingWhitespace()
        if value.isEmpty, Self.isNull(node) { return nil }
        return value
    }

    /// `true`/`false` (also `yes`/`no`, `on`/`off`).
    package mutating func bool(_ key: String) -> Bool? {
        guard let node = node(key) else { return nil }
        guard let scalar = node.scalar else {
            error(node, "'\(prefix)\(key)' should be true or false")
            return nil
        }
        switch scalar.string.lowercased() {
        case "true", "yes", "on", "y": return true
        case "false", "no", "off", "n": return false
        default:
            error(node, "'\(prefix)\(key)' should be true or false, not '\(scalar.string)'")
            return nil
        }
    }

    /// A whole number.
    package mutating func int(_ key: String) -> Int? {
        guard let node = node(key) else { return nil }
        guard let scalar = node.scalar, let value = Int(scalar.string.trimmingWhitespace()) else {
            error(node, "'\(prefix)\(key)' should be a whole number")
            return nil
        }
        return value
    }

    /// A calendar day written `YYYY-MM-DD`.
    package mutating func day(_ key: String) -> Day? {
        locatedDay(key)?.0
    }

    /// A calendar day with the place of its value.
    package mutating func locatedDay(_ key: String) -> (Day, SourceLocation)? {
        guard let node = node(key) else { return nil }
        guard let scalar = node.scalar, let day = Day(scalar.string.trimmingWhitespace()) else {
            let shown = node.scalar?.string ?? "this"
            error(node, "'\(prefix)\(key)' is not a date: '\(shown)' (expected YYYY-MM-DD, e.g. 2026-03-14)")
            return nil
        }
        return (day, location(of: node))
    }

    /// Where each field's value is, by field name.
    package var valueLocations: [String: SourceLocation] {
        var locations: [String: SourceLocation] = [:]
        for pair in pairs { locations[pair.key] = location(of: pair.value) }
        return locations
    }

    /// A list of texts; a single text is taken as a one-item list.
    package mutating func stringList(_ key: String) -> [(String, SourceLocation)]? {
        guard let node = node(key) else { return nil }
        if node.scalar != nil {
            guard let value = text(node, name: prefix + key) else { return nil }
            return [(value, location(of: node))]
        }
        guard let sequence = node.sequence else {
            error(node, "'\(prefix)\(key)' should be a list")
            return nil
        }
        var values: [(String, SourceLocation)] = []
        for item in sequence {
            if let value = text(item, name: "\(prefix)\(key) item"), !value.isEmpty {
                values.append((value, location(of: item)))
            }
        }
        return values
    }

    /// A list of mappings, each read by `read`.
    package mutating func list<T>(_ key: String, what: String, _ read: (inout FieldReader) -> T?) -> [T] {
        guard let node = node(key) else { return [] }
        guard let sequence = node.sequence else {
            error(node, "'\(prefix)\(key)' should be a list (each item starting with '- ')")
            return []
        }
        var values: [T] = []
        for (index, item) in sequence.enumerated() {
            var reader = nested(item, prefix: "\(prefix)\(key)[\(index + 1)].", what: what)
            if let value = read(&reader) { values.append(value) }
            reader.finish()
            diagnostics += reader.diagnostics
        }
        return values
    }

    /// A nested mapping read by `read`.
    package mutating func mapping<T>(_ key: String, what: String, _ read: (inout FieldReader) -> T?) -> T? {
        guard let node = node(key) else { return nil }
        var reader = nested(node, prefix: "\(prefix)\(key).", what: what)
        let value = read(&reader)
        reader.finish()
        diagnostics += reader.diagnostics
        return value
    }

    /// The pairs of a mapping field, for free-form keys (like weekdays).
    package mutating func pairs(_ key: String) -> [(key: String, keyNode: Node, value: Node)]? {
        guard let node = node(key) else { return nil }
        let reader = nested(node, prefix: "\(prefix)\(key).", what: "'\(prefix)\(key)'")
        diagnostics += reader.diagnostics
        return reader.pairs
    }

    /// Warns about every field that was never read: usually a typo (`sumary:`).
    package mutating func finish() {
        for pair in pairs where !used.contains(pair.key) {
            diagnostics.append(Diagnostic(location(of: pair.keyNode),
                                          "unknown field '\(prefix)\(pair.key)' is ignored",
                                          severity: .warning, stage: .frontMatter))
        }
        used = Set(pairs.map(\.key))
    }
}
