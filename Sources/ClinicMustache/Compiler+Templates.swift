extension Compiler {
    /// How many times a template may be on the compile path with other context types before
    /// its recursion is taken to grow without end.
    private static let growthLimit = 8

    /// `{{>partial}}` (no blocks) and `{{<parent}}…{{/parent}}`.
    func include(_ tag: Tag, _ include: Include, blocks: [BlockDefinition]?, _ scope: Scope) -> Render? {
        var inner = scope
        inner.strip = []
        if let indentation = include.indentation { inner.add = scope.add + indentation.droppingCommonPrefix(scope.strip) }
        if let blocks {
            var local: [String: BlockDefinition] = [:]
            for block in blocks where local[block.tag.name] == nil { local[block.tag.name] = block }
            inner.overrides = local.merging(scope.overrides) { _, outer in outer }
        }
        let lead: Lead = include.indentation == nil ? .noAdd : .normal
        if include.dynamic { return dynamicInclude(tag, inner, lead: lead, nameScope: scope) }
        guard templates[include.name] != nil else {
            missing(tag, include.name, isParent: blocks != nil)
            return nil
        }
        return compileTemplate(include.name, inner, lead: lead, from: tag)
    }

    /// `{{$block}}default{{/block}}`: the override passed down, or the default.
    func block(_ tag: Tag, _ expansion: BlockExpansion, _ scope: Scope) -> Render? {
        guard let override = scope.overrides[tag.name] else { return compile(expansion.body, scope) }
        var inner = scope
        inner.strip = override.intrinsic
        if expansion.standaloneOpen {
            let own = expansion.intrinsic ?? expansion.lineIndent ?? []
            inner.add = scope.add + own.droppingCommonPrefix(scope.strip)
        } else if let lineIndent = expansion.lineIndent {
            inner.add = scope.add + lineIndent.droppingCommonPrefix(scope.strip)
        }
        return compile(override.body, inner, lead: expansion.standaloneOpen ? .add : .noAdd)
    }

    /// Compiles template `name` in `scope`, once per distinct scope; a template that includes
    /// itself gets a reference to the one being compiled.
    func compileTemplate(_ name: String, _ scope: Scope, lead: Lead, from tag: Tag) -> Render? {
        let overrides = scope.overrides.values.map(\.id).sorted().joined(separator: ",")
        let key = [name, scope.signature, String(decoding: scope.add, as: UTF8.self), "\(lead)", overrides].joined(separator: "\u{1}")
        if let done = compiled[key] {
            append(done.diagnostics)
            return done.render
        }
        if let running = inProgress.first(where: { $0.key == key }) {
            guard running.dynamicPushes != scope.dynamicPushes else {
                error(tag, "'\(name)' includes itself (\(cycle(from: name))) with nothing in between that changes the context; rendering it would never end")
                return nil
            }
            let slot = running.slot
            return { context, output in slot.render(context, &output) }
        }
        let again = inProgress.filter { $0.name == name }
        guard again.count < Self.growthLimit else {
            if again.last?.signature == scope.signature {
                error(tag, "'\(name)' includes itself (\(cycle(from: name))) on an indented line of its own, so each level is indented further and would be compiled again without end; put the tag on a line with other content, or without indentation")
            } else {
                error(tag, "'\(name)' includes itself (\(cycle(from: name))) inside sections over typed values: each level would need a context one type deeper, so it can never be compiled; only MustacheValue data can recurse")
            }
            return nil
        }
        let slot = RenderSlot()
        let start = diagnostics.count
        inProgress.append((key, name, scope.signature, slot, scope.dynamicPushes))
        let template = templates[name]!
        append(template.diagnostics)
        let render = compile(template.nodes, scope, lead: lead)
        inProgress.removeLast()
        slot.render = render
        compiled[key] = CompiledTemplate(render: render, diagnostics: Array(diagnostics[start...]))
        return render
    }

    /// The templates being compiled from the last time `name` was entered, then `name`:
    /// `a → b → a`.
    private func cycle(from name: String) -> String {
        let start = inProgress.lastIndex { $0.name == name } ?? inProgress.endIndex
        return (inProgress[start...].map(\.name) + [name]).joined(separator: " → ")
    }

    private func missing(_ tag: Tag, _ name: String, isParent: Bool) {
        guard options.missingTemplateIsError else { return }
        var message = "no template named '\(name)' (for {{\(isParent ? "<" : ">")\(name)}})"
        if let suggestion = Suggestion.closest(to: name, among: templates.keys.sorted()) { message += "; did you mean '\(suggestion)'?" }
        error(tag, message)
    }

    /// `{{>*name}}`: every template that compiles in this context, chosen at render time by
    /// the text `name` holds.
    private func dynamicInclude(_ tag: Tag, _ scope: Scope, lead: Lead, nameScope: Scope) -> Render? {
        guard let bound = resolve(tag, nameScope), let readName = textReader(bound, tag) else { return nil }
        var table: [String: Render] = [:]
        for name in templates.keys.sorted() {
            let start = diagnostics.count
            let render = compileTemplate(name, scope, lead: lead, from: tag)
            let failed = diagnostics[start...].contains { $0.severity == .error }
            discardDiagnostics(from: start)
            if let render, !failed { table[name] = render }
        }
        let templatesByName = table
        return { context, output in
            guard let name = readName(context), let render = templatesByName[name] else { return }
            render(context, &output)
        }
    }

    private func textReader(_ bound: Bound, _ tag: Tag) -> Reader<String>? {
        switch bound {
        case .text(let read, _):
            return read
        case .dynamic(let read):
            return { read($0)?.stringValue }
        case .dynamicFirst(let read, let otherwise):
            let fallback = textReader(otherwise, tag) ?? { _ in nil }
            return { context in read(context).map(\.stringValue) ?? fallback(context) }
        default:
            error(tag, "'\(tag.name)' must be text to name a template")
            return nil
        }
    }
}

extension MustacheValue {
    /// The string of a `.string`; nil for anything else.
    var stringValue: String? {
        guard case .string(let string) = self else { return nil }
        return string
    }
}
