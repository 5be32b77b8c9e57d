extension Compiler {
    /// `{{x}}`, `{{{x}}}`, `{{& x}}`.
    func interpolation(_ tag: Tag, raw: Bool, ampersand: Bool, _ scope: Scope) -> Render? {
        guard let bound = resolve(tag, scope) else { return nil }
        return interpolate(bound, tag, raw: raw, ampersand: ampersand)
    }

    private func interpolate(_ bound: Bound, _ tag: Tag, raw: Bool, ampersand: Bool) -> Render? {
        switch bound {
        case .text(let read, let html):
            if raw, !html {
                let form = ampersand ? "{{& \(tag.name)}}" : "{{{\(tag.name)}}}"
                warning(tag, "'\(tag.name)' holds text from the content files; \(form) would put any HTML in it into the page unescaped; use {{\(tag.name)}}")
            }
            if raw { return { context, output in if let text = read(context) { output.appendUTF8(text) } } }
            return { context, output in if let text = read(context) { output.appendEscaped(text) } }
        case .bool(let read):
            return { context, output in output.appendUTF8(read(context) ? "true" : "false") }
        case .int(let read):
            return { context, output in if let number = read(context) { output.appendDecimal(number) } }
        case .section(_, let kind):
            error(tag, "'\(tag.name)' is \(kind.phrase); {{\(tag.name)}} cannot print it; use a section: {{#\(tag.name)}}…{{/\(tag.name)}}")
            return nil
        case .dynamic(let read):
            return { context, output in read(context)?.write(escaped: !raw, into: &output) }
        case .dynamicFirst(let read, let otherwise):
            let fallback = interpolate(otherwise, tag, raw: raw, ampersand: ampersand) ?? { _, _ in }
            return { context, output in
                if let value = read(context) { value.write(escaped: !raw, into: &output) } else { fallback(context, &output) }
            }
        }
    }

    /// `{{#x}}…{{/x}}` and `{{^x}}…{{/x}}`.
    func section(_ tag: Tag, inverted: Bool, body: [Node], _ scope: Scope) -> Render? {
        guard let bound = resolve(tag, scope) else { return nil }
        return section(bound, tag, inverted: inverted, body: body, scope)
    }

    private func section(_ bound: Bound, _ tag: Tag, inverted: Bool, body: [Node], _ scope: Scope) -> Render? {
        switch bound {
        case .text(let read, html: false):
            let target = ObjectTarget<String>(push: SectionDrivers.pointed(read), isPresent: { read($0) != nil }, boxed: false)
            return target.compileSection(body, inverted: inverted, scope: scope, compiler: self)
        case .text(let read, html: true):
            let html: Reader<HTMLString> = { read($0).map(HTMLString.init) }
            let target = ObjectTarget<HTMLString>(push: SectionDrivers.pointed(html), isPresent: { read($0) != nil }, boxed: false)
            return target.compileSection(body, inverted: inverted, scope: scope, compiler: self)
        case .bool(let read):
            let inner = compile(body, scope)
            if inverted { return { context, output in if !read(context) { inner(context, &output) } } }
            return { context, output in if read(context) { inner(context, &output) } }
        case .int:
            error(tag, "a section needs a list, an object, text or a yes/no value; '\(tag.name)' is a number")
            return nil
        case .section(let target, _):
            return target.compileSection(body, inverted: inverted, scope: scope, compiler: self)
        case .dynamic(let read):
            let render = DynamicSection.compile(body, inverted: inverted, scope: scope, compiler: self)
            return { context, output in render(context, read(context) ?? .null, &output) }
        case .dynamicFirst(let read, let otherwise):
            let render = DynamicSection.compile(body, inverted: inverted, scope: scope, compiler: self)
            let fallback = section(otherwise, tag, inverted: inverted, body: body, scope) ?? { _, _ in }
            return { context, output in
                if let value = read(context) { render(context, value, &output) } else { fallback(context, &output) }
            }
        }
    }
}
