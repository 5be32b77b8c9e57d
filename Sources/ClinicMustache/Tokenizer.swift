/// Splits a template's source into text and tags, following set-delimiter tags.
struct Tokenizer {
    private let bytes: [UInt8]
    private var open: [UInt8] = Array("{{".utf8)
    private var close: [UInt8] = Array("}}".utf8)
    private(set) var tokens: [Token] = []
    /// Syntax errors found, by byte offset of the tag they are about.
    private(set) var problems: [(offset: Int, message: String)] = []

    private static let badDelimiters = "bad set-delimiter tag: it needs two delimiters, without '=', separated by a space, as in {{=<% %>=}}"

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// Tokenizes the whole source.
    mutating func run() {
        var position = 0
        var textStart = 0
        while let tagStart = find(open, from: position) {
            if tagStart > textStart { tokens.append(Token(kind: .text, start: textStart, end: tagStart)) }
            guard let end = readTag(at: tagStart) else {
                problems.append((tagStart, "this tag is never closed with '\(String(decoding: close, as: UTF8.self))'"))
                textStart = tagStart
                break
            }
            position = end
            textStart = end
        }
        if textStart < bytes.count { tokens.append(Token(kind: .text, start: textStart, end: bytes.count)) }
    }

    /// Reads the tag whose opening delimiter is at `start`; returns the offset after it, or nil
    /// when it is never closed.
    private mutating func readTag(at start: Int) -> Int? {
        let inner = start + open.count
        if inner < bytes.count, bytes[inner] == UInt8(ascii: "{") {
            guard let end = find([UInt8(ascii: "}")] + close, from: inner + 1) else { return nil }
            append(.triple, name: trimmed(inner + 1, end), start: start, end: end + 1 + close.count)
            return end + 1 + close.count
        }
        if inner < bytes.count, bytes[inner] == UInt8(ascii: "=") {
            guard let end = find([UInt8(ascii: "=")] + close, from: inner + 1) else {
                guard let end = find(close, from: inner) else { return nil }
                problems.append((start, Self.badDelimiters))
                tokens.append(Token(kind: .delimiters, start: start, end: end + close.count))
                return end + close.count
            }
            let tagEnd = end + 1 + close.count
            setDelimiters(bytes[(inner + 1)..<end], tagStart: start)
            tokens.append(Token(kind: .delimiters, start: start, end: tagEnd))
            return tagEnd
        }
        guard let end = find(close, from: inner) else { return nil }
        classify(inner, end, tagStart: start, tagEnd: end + close.count)
        return end + close.count
    }

    private mutating func classify(_ from: Int, _ to: Int, tagStart: Int, tagEnd: Int) {
        var first = from
        while first < to, isSpace(bytes[first]) { first += 1 }
        let sigils: [UInt8: Token.Kind] = [
            UInt8(ascii: "#"): .section, UInt8(ascii: "^"): .inverted, UInt8(ascii: "/"): .close,
            UInt8(ascii: "!"): .comment, UInt8(ascii: ">"): .partial, UInt8(ascii: "<"): .parent,
            UInt8(ascii: "$"): .block, UInt8(ascii: "&"): .ampersand,
        ]
        guard first < to, let kind = sigils[bytes[first]] else {
            append(.variable, name: trimmed(from, to), start: tagStart, end: tagEnd)
            return
        }
        if kind == .comment {
            tokens.append(Token(kind: .comment, start: tagStart, end: tagEnd))
            return
        }
        var name = trimmed(first + 1, to)
        var dynamic = false
        if kind == .partial || kind == .parent, name.hasPrefix("*") {
            dynamic = true
            name = String(name.dropFirst()).trimmingSpaces()
        }
        append(kind, name: name, dynamic: dynamic, start: tagStart, end: tagEnd)
    }

    private mutating func append(_ kind: Token.Kind, name: String, dynamic: Bool = false, start: Int, end: Int) {
        if name.isEmpty { problems.append((start, "this tag names nothing")) }
        tokens.append(Token(kind: kind, start: start, end: end, name: name, dynamic: dynamic))
    }

    private mutating func setDelimiters(_ content: ArraySlice<UInt8>, tagStart: Int) {
        let parts = content.split(whereSeparator: isSpace)
        guard parts.count == 2, !parts.contains(where: { $0.contains(UInt8(ascii: "=")) }) else {
            problems.append((tagStart, Self.badDelimiters))
            return
        }
        open = Array(parts[0])
        close = Array(parts[1])
    }

    private func trimmed(_ from: Int, _ to: Int) -> String {
        String(decoding: bytes[from..<max(from, to)], as: UTF8.self).trimmingSpaces()
    }

    private func find(_ pattern: [UInt8], from: Int) -> Int? {
        guard let head = pattern.first, pattern.count <= bytes.count else { return nil }
        var index = from
        let last = bytes.count - pattern.count
        while index <= last {
            if bytes[index] == head, bytes[index..<(index + pattern.count)].elementsEqual(pattern) { return index }
            index += 1
        }
        return nil
    }

    private func isSpace(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r")
    }
}

extension String {
    /// The string without leading and trailing spaces, tabs and line breaks.
    func trimmingSpaces() -> String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(self[first...last])
    }
}
