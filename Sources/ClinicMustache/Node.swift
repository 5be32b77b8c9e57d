/// Where a tag is written: its template's path and the 1-based line and column of its first
/// character.
struct Tag: Sendable {
    var name: String
    var path: String
    var line: Int
    var column: Int
}

/// One parsed piece of a template.
///
/// Standalone lines are already removed. A `.lineStart` marks where a line of the source begins
/// in the output, so that a partial's or block's indentation can be added there when the
/// template is compiled for a particular indentation (most of the time none: then markers
/// vanish and neighbouring text is merged).
indirect enum Node: Sendable {
    case text([UInt8])
    case lineStart
    /// `{{x}}` (escaped), `{{{x}}}` or `{{& x}}` (raw).
    case variable(Tag, raw: Bool, ampersand: Bool)
    case section(Tag, inverted: Bool, body: [Node])
    case partial(Tag, Include)
    case parent(Tag, Include, blocks: [BlockDefinition])
    case block(Tag, BlockExpansion)
}

/// The target of a `{{>partial}}` or `{{<parent}}` tag.
struct Include: Sendable {
    var name: String
    /// `{{>*name}}`: the template's name is read from the context at render time.
    var dynamic: Bool
    /// The whitespace in front of a standalone tag (added to every line it includes); nil when
    /// the tag shares its line with other content.
    var indentation: [UInt8]?
}

/// A `{{$name}}…{{/name}}` inside a `{{<parent}}`: content that replaces the parent's block.
struct BlockDefinition: Sendable {
    var tag: Tag
    var body: [Node]
    /// The indentation of the content's first line, removed from each of its lines.
    var intrinsic: [UInt8]
    /// Unique in the library: tells apart two overrides of the same block.
    var id: String
}

/// A `{{$name}}default{{/name}}` outside any parent: a place a parent's caller can fill.
struct BlockExpansion: Sendable {
    var body: [Node]
    /// The opening tag has its line to itself (the line is removed).
    var standaloneOpen: Bool
    /// The whitespace before the opening tag when only whitespace precedes it on its line.
    var lineIndent: [UInt8]?
    /// With a standalone opening tag, the indentation of the default content's first line.
    var intrinsic: [UInt8]?
}

extension [Node] {
    /// Whether the nodes open with a line start.
    var startsWithLineStart: Bool {
        guard case .lineStart? = first else { return false }
        return true
    }

    /// The leading whitespace of the first non-blank line that starts in these nodes.
    var firstLineIndent: [UInt8]? {
        for index in indices where index + 1 < endIndex {
            guard case .lineStart = self[index] else { continue }
            guard case .text(let text) = self[index + 1] else { return [] }
            let indent = text.prefix { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
            if indent.count < text.count, text[indent.count] != UInt8(ascii: "\n"), text[indent.count] != UInt8(ascii: "\r") {
                return [UInt8](indent)
            }
        }
        return nil
    }
}

extension Array where Element == UInt8 {
    /// These bytes without the longest prefix they share with `prefix`.
    func droppingCommonPrefix(_ prefix: [UInt8]) -> [UInt8] {
        var count = 0
        while count < self.count, count < prefix.count, self[count] == prefix[count] { count += 1 }
        return count == 0 ? self : [UInt8](self[count...])
    }
}
