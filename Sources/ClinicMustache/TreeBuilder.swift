/// Builds the node tree of one template from its tokens, reporting unclosed, mismatched and
/// stray section tags.
struct TreeBuilder {
    private struct Container {
        enum Kind { case root, section, inverted, parent, definition, expansion }
        var kind: Kind
        var tag: Tag
        var token: Token
        var layout: TagLayout
        var nodes: [Node] = []
        var blocks: [BlockDefinition] = []
    }

    private let bytes: [UInt8]
    private let path: String
    private let lines: LineTable
    private let templateName: String
    private var stack: [Container]
    private var pendingLineStart = true
    private var blockCount = 0
    private(set) var diagnostics: [MustacheDiagnostic] = []

    init(bytes: [UInt8], path: String, templateName: String, lines: LineTable) {
        self.bytes = bytes
        self.path = path
        self.templateName = templateName
        self.lines = lines
        let root = Tag(name: templateName, path: path, line: 1, column: 1)
        self.stack = [Container(kind: .root, tag: root, token: Token(kind: .text, start: 0, end: 0), layout: TagLayout())]
    }

    /// The template's nodes.
    mutating func build(_ tokens: [Token], _ layouts: [TagLayout]) -> [Node] {
        for (token, layout) in zip(tokens, layouts) {
            if token.kind == .text { addText(token) } else { addTag(token, layout) }
        }
        while stack.count > 1 {
            let open = stack[stack.count - 1]
            report(open.tag, "'\(describe(open))' is never closed: there is no {{/\(open.tag.name)}}")
            closeTop()
        }
        return stack[0].nodes
    }

    private mutating func addText(_ token: Token) {
        var start = token.start
        while start < token.end {
            var end = start
            while end < token.end, bytes[end] != UInt8(ascii: "\n") { end += 1 }
            if end < token.end { end += 1 }
            if pendingLineStart { emit(.lineStart) }
            emit(.text(Array(bytes[start..<end])))
            pendingLineStart = bytes[end - 1] == UInt8(ascii: "\n")
            start = end
        }
    }

    private mutating func addTag(_ token: Token, _ layout: TagLayout) {
        if !layout.removesLine, pendingLineStart { emit(.lineStart) }
        let (line, column) = lines.position(of: token.start)
        let tag = Tag(name: token.name, path: path, line: line, column: column)
        switch token.kind {
        case .variable: emit(.variable(tag, raw: false, ampersand: false))
        case .triple: emit(.variable(tag, raw: true, ampersand: false))
        case .ampersand: emit(.variable(tag, raw: true, ampersand: true))
        case .section: open(.section, tag, token, layout)
        case .inverted: open(.inverted, tag, token, layout)
        case .parent: open(.parent, tag, token, layout)
        case .block: open(stack[stack.count - 1].kind == .parent ? .definition : .expansion, tag, token, layout)
        case .close: close(tag)
        case .partial: emit(.partial(tag, Include(name: token.name, dynamic: token.dynamic, indentation: layout.indentation)))
        case .comment, .delimiters, .text: break
        }
        pendingLineStart = layout.consumesNewline || (layout.removesLine && pendingLineStart)
    }

    private mutating func open(_ kind: Container.Kind, _ tag: Tag, _ token: Token, _ layout: TagLayout) {
        stack.append(Container(kind: kind, tag: tag, token: token, layout: layout))
    }

    private mutating func close(_ tag: Tag) {
        guard let match = stack.lastIndex(where: { $0.kind != .root && $0.tag.name == tag.name }) else {
            let open = stack[stack.count - 1]
            guard open.kind != .root else {
                report(tag, "'{{/\(tag.name)}}' closes nothing: no section is open here")
                return
            }
            // Taken as closing what is open, so what follows is read as it was meant.
            report(tag, "'{{/\(tag.name)}}' does not match '\(describe(open))' (line \(open.tag.line), column \(open.tag.column)), the section open here; close it with {{/\(open.tag.name)}}")
            closeTop()
            return
        }
        if match != stack.count - 1 {
            let inner = stack[stack.count - 1]
            report(tag, "'{{/\(tag.name)}}' closes '\(describe(stack[match]))' while '\(describe(inner))' (line \(inner.tag.line), column \(inner.tag.column)) inside it is still open")
        }
        while stack.count > match { closeTop() }
    }

    private mutating func closeTop() {
        let container = stack.removeLast()
        let tag = container.tag
        switch container.kind {
        case .root: return
        case .section: emit(.section(tag, inverted: false, body: container.nodes))
        case .inverted: emit(.section(tag, inverted: true, body: container.nodes))
        case .parent:
            let include = Include(name: tag.name, dynamic: container.token.dynamic, indentation: container.layout.indentation)
            emit(.parent(tag, include, blocks: container.blocks))
        case .definition:
            blockCount += 1
            let definition = BlockDefinition(tag: tag, body: container.nodes, intrinsic: container.nodes.firstLineIndent ?? [],
                                             id: "\(templateName)#\(blockCount)")
            stack[stack.count - 1].blocks.append(definition)
        case .expansion:
            let standalone = container.layout.removesLine
            let expansion = BlockExpansion(body: container.nodes, standaloneOpen: standalone, lineIndent: container.layout.lineIndent,
                                           intrinsic: standalone ? container.nodes.firstLineIndent : nil)
            emit(.block(tag, expansion))
        }
    }

    private mutating func emit(_ node: Node) {
        guard stack[stack.count - 1].kind == .parent else {
            stack[stack.count - 1].nodes.append(node)
            return
        }
        switch node {
        case .lineStart: break
        case .text(let text) where text.allSatisfy({ $0 == 32 || $0 == 9 || $0 == 10 || $0 == 13 }): break
        case .text:
            warnOnce("text inside '{{<\(stack[stack.count - 1].tag.name)}}' outside any {{$block}} is never rendered")
        default:
            warnOnce("tags inside '{{<\(stack[stack.count - 1].tag.name)}}' outside any {{$block}} are never rendered")
        }
    }

    private mutating func warnOnce(_ message: String) {
        let parent = stack[stack.count - 1].tag
        guard !diagnostics.contains(where: { $0.message == message && $0.line == parent.line && $0.column == parent.column }) else { return }
        diagnostics.append(MustacheDiagnostic(path: path, line: parent.line, column: parent.column, message: message, severity: .warning))
    }

    private mutating func report(_ tag: Tag, _ message: String) {
        diagnostics.append(MustacheDiagnostic(path: tag.path, line: tag.line, column: tag.column, message: message, severity: .error))
    }

    private func describe(_ container: Container) -> String {
        let sigil: String
        switch container.kind {
        case .section: sigil = "#"
        case .inverted: sigil = "^"
        case .parent: sigil = "<"
        case .definition, .expansion: sigil = "$"
        case .root: sigil = ""
        }
        return "{{\(sigil)\(container.tag.name)}}"
    }
}
