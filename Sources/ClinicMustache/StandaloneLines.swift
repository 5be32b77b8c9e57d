/// What the standalone-line rules decided for one tag.
struct TagLayout {
    /// The tag's line is not output here: no line starts at the tag.
    var removesLine = false
    /// The line break after the tag was removed with it.
    var consumesNewline = false
    /// Standalone partial or parent: the whitespace before it, to indent what it includes.
    var indentation: [UInt8]?
    /// Block: the whitespace before it, when nothing else precedes it on its line.
    var lineIndent: [UInt8]?
}

/// Applies Mustache's standalone rules: a section, inverted, closing, comment, partial, parent,
/// block or set-delimiter tag alone on its line (with whitespace) removes the whole line.
///
/// Inheritance adds three cases (as the spec's tests require): a parent's opening and closing
/// tags stand alone as a pair (`{{<base}}{{/base}}` on one line, or the pair's outer sides);
/// inside a parent, a block's opening tag takes the line break after it whatever precedes it
/// (that is the parent's ignored text), and its closing tag takes the whitespace before it.
struct StandaloneLines {
    private let bytes: [UInt8]
    private let original: [Token]
    private var openOf: [Int: Int] = [:]
    private var closeOf: [Int: Int] = [:]
    private var enclosing: [Int?] = []
    private(set) var tokens: [Token]
    private(set) var layouts: [TagLayout]

    init(_ tokens: [Token], bytes: [UInt8]) {
        self.bytes = bytes
        self.original = tokens
        self.tokens = tokens
        self.layouts = Array(repeating: TagLayout(), count: tokens.count)
        matchSections()
        for index in tokens.indices where tokens[index].kind.canStandAlone { decide(index) }
    }

    private mutating func matchSections() {
        var stack: [Int] = []
        enclosing = Array(repeating: nil, count: original.count)
        for (index, token) in original.enumerated() {
            enclosing[index] = stack.last
            if token.kind.opensSection {
                stack.append(index)
            } else if token.kind == .close, let open = stack.popLast() {
                openOf[index] = open
                closeOf[open] = index
            }
        }
    }

    private func isInsideParent(_ index: Int) -> Bool {
        guard let outer = enclosing[index] else { return false }
        return original[outer].kind == .parent
    }

    private mutating func decide(_ index: Int) {
        let kind = original[index].kind
        if kind == .parent {
            decideParent(index)
        } else if kind == .close, let open = openOf[index], original[open].kind == .parent {
            return
        } else if kind == .block, isInsideParent(index) {
            if let end = rightClearance(index) { takeRight(index, to: end) }
            layouts[index].removesLine = true
        } else if kind == .close, let open = openOf[index], original[open].kind == .block, isInsideParent(open) {
            if let whitespace = leftClearance(index, needsLineBreak: true) { takeLeft(index, whitespace) }
            layouts[index].removesLine = true
        } else {
            decideSingle(index)
        }
    }

    private mutating func decideSingle(_ index: Int) {
        let left = leftClearance(index)
        if original[index].kind == .block, let left { layouts[index].lineIndent = Array(bytes[left]) }
        guard let left, let end = rightClearance(index) else { return }
        takeLeft(index, left)
        takeRight(index, to: end)
        layouts[index].removesLine = true
        if original[index].kind == .partial { layouts[index].indentation = Array(bytes[left]) }
    }

    private mutating func decideParent(_ index: Int) {
        guard let close = closeOf[index], let left = leftClearance(index), let end = rightClearance(close) else { return }
        takeLeft(index, left)
        takeRight(close, to: end)
        layouts[index].removesLine = true
        layouts[index].indentation = Array(bytes[left])
        layouts[close].removesLine = true
    }

    /// The whitespace before tag `index` on its line, when only whitespace precedes it.
    private func leftClearance(_ index: Int, needsLineBreak: Bool = false) -> Range<Int>? {
        if index == 0 { return original[0].start..<original[0].start }
        let previous = original[index - 1]
        guard previous.kind == .text else {
            return needsLineBreak && openOf[index] == index - 1 ? previous.end..<previous.end : nil
        }
        var start = previous.end
        while start > previous.start, isBlank(bytes[start - 1]) { start -= 1 }
        if start > previous.start {
            return bytes[start - 1] == UInt8(ascii: "\n") ? start..<previous.end : nil
        }
        return index - 1 == 0 && !needsLineBreak ? start..<previous.end : nil
    }

    /// Where the removed part after tag `index` ends (after its line break), when only
    /// whitespace follows it on its line; -1 when the tag ends the source.
    private func rightClearance(_ index: Int) -> Int? {
        guard index + 1 < original.count else { return -1 }
        let next = original[index + 1]
        guard next.kind == .text else { return nil }
        var end = next.start
        while end < next.end, isBlank(bytes[end]) { end += 1 }
        if end == next.end { return index + 2 == original.count ? end : nil }
        if bytes[end] == UInt8(ascii: "\n") { return end + 1 }
        if bytes[end] == UInt8(ascii: "\r"), end + 1 < next.end, bytes[end + 1] == UInt8(ascii: "\n") { return end + 2 }
        return nil
    }

    private mutating func takeLeft(_ index: Int, _ whitespace: Range<Int>) {
        guard index > 0, tokens[index - 1].kind == .text else { return }
        tokens[index - 1].end = whitespace.lowerBound
    }

    private mutating func takeRight(_ index: Int, to end: Int) {
        guard end >= 0 else { return }
        tokens[index + 1].start = end
        layouts[index].consumesNewline = end > 0 && bytes[end - 1] == UInt8(ascii: "\n")
    }

    private func isBlank(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t")
    }
}
