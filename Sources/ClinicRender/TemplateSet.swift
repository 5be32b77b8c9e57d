import ClinicBase
import ClinicContent
import ClinicMarkdown
import ClinicModel
import Mustache

/// The theme's Mustache templates, parsed and checked.
///
/// Templates are named by their path inside `templates/` without `.mustache`
/// (`partials/header`). Loading checks what swift-mustache would otherwise let pass silently:
/// a partial or parent that does not exist, and partials that include themselves.
public struct TemplateSet: @unchecked Sendable {
    /// Templates every theme must have, one per page kind.
    public static let required = ["home", "aftercare", "aftercare-list", "faq", "page", "404"]

    package let library: MustacheLibrary
    /// The names of all templates.
    public let names: Set<String>
    /// The partial and parent tags in each template.
    package let references: [String: [TemplateReference]]

    /// Parses `files` (from ``SiteSources/templates``). Returns nil when any template is
    /// broken or missing; the diagnostics carry the template's path, line and column.
    public static func load(_ files: [SourceFile], folder: SiteFolder) -> (TemplateSet?, [Diagnostic]) {
        _ = FastHTMLContentType.registered
        var diagnostics: [Diagnostic] = []
        var library = MustacheLibrary()
        var names: Set<String> = []
        var references: [String: [TemplateReference]] = [:]
        var paths: [String: String] = [:]
        for file in files {
            let name = String(file.relativePath.dropLast(".mustache".count))
            paths[name] = file.path
            do {
                let template = try MustacheTemplate(string: FastHTMLContentType.pragma + file.text)
                library.register(template, named: name)
                names.insert(name)
                references[name] = TemplateReference.scan(file.text)
            } catch let error as MustacheTemplate.ParserError {
                let line = error.context.lineNumber
                let column = line == 1 ? max(1, error.context.columnNumber - FastHTMLContentType.pragma.count) : error.context.columnNumber
                diagnostics.append(Diagnostic(file.location(line: line, column: column),
                                              "template syntax: \(describe(error.error))", stage: .template))
            } catch {
                diagnostics.append(Diagnostic(file.start, "template syntax: \(error)", stage: .template))
            }
        }
        for name in required where !names.contains(name) && paths[name] == nil {
            diagnostics.append(Diagnostic(SourceLocation(path: folder.display("templates/\(name).mustache")),
                                          "missing template: the theme needs '\(name).mustache'", stage: .template))
        }
        for name in references.keys.sorted() {
            for reference in references[name]! where !names.contains(reference.name) && paths[reference.name] == nil {
                diagnostics.append(Diagnostic(SourceLocation(path: paths[name]!, line: reference.line, column: reference.column),
                                              "unknown template '\(reference.name)': there is no templates/\(reference.name).mustache",
                                              stage: .template))
            }
        }
        // A partial that includes itself, directly or through others, would recurse forever.
        var state: [String: Int] = [:]
        func visit(_ name: String) {
            state[name] = 1
            for reference in references[name] ?? [] {
                switch state[reference.name] {
                case 1:
                    diagnostics.append(Diagnostic(SourceLocation(path: paths[name]!, line: reference.line, column: reference.column),
                                                  "template '\(reference.name)' includes itself (through '\(name)'); this would never finish",
                                                  stage: .template))
                case nil where references[reference.name] != nil:
                    visit(reference.name)
                default:
                    break
                }
            }
            state[name] = 2
        }
        for name in references.keys.sorted() where state[name] == nil { visit(name) }

        guard diagnostics.isEmpty else { return (nil, diagnostics) }
        return (TemplateSet(library: library, names: names, references: references), diagnostics)
    }

    /// Renders the template `name` with `context`.
    public func render(_ name: String, _ context: [String: Any]) -> String {
        library.render(context, withTemplate: name) ?? ""
    }

    /// Renders the template `name` with any context object (a dictionary or a `MustacheParent`).
    package func render(_ name: String, object: Any) -> String {
        library.render(object, withTemplate: name) ?? ""
    }

    /// The same templates with some replaced by fixed text (see ``FrameCache``).
    package func replacing(_ fixed: [String: MustacheTemplate]) -> TemplateSet {
        var library = self.library
        for (name, template) in fixed { library.register(template, named: name) }
        return TemplateSet(library: library, names: names, references: references)
    }

    private static func describe(_ error: any Error) -> String {
        guard let error = error as? MustacheTemplate.Error else { return "\(error)" }
        switch error {
        case .sectionCloseNameIncorrect: return "this closing tag does not match the section it closes"
        case .unfinishedName: return "a tag is not closed with }}"
        case .expectedSectionEnd: return "a section is opened but never closed ({{/name}} missing)"
        case .invalidSetDelimiter: return "invalid set-delimiter tag"
        case .transformAppliedToInheritanceSection: return "a transform cannot be applied to an inherited section"
        case .illegalTokenInsideInheritSection: return "only {{$block}} overrides may appear inside {{<parent}}"
        case .textInsideInheritSection: return "text is not allowed directly inside {{<parent}}; put it in a {{$block}}"
        case .invalidConfigVariableSyntax: return "invalid {{% pragma }} tag"
        case .unrecognisedConfigVariable: return "unknown {{% pragma }}"
        }
    }
}

/// A `{{>partial}}` or `{{<parent}}` tag found in a template, with its place.
package struct TemplateReference: Equatable {
    package var name: String
    /// True for `{{>partial}}`, false for `{{<parent}}`.
    package var isPartial: Bool = true
    /// True when the tag sits inside a `{{#section}}` or `{{^inverted}}` section, where the
    /// context stack holds more than the page's top-level values.
    package var insideSection: Bool = false
    package var line: Int
    package var column: Int

    /// Finds partial and parent tags, following `{{=<% %>=}}` delimiter changes.
    package static func scan(_ text: String) -> [TemplateReference] {
        let scalars = Array(text.unicodeScalars)
        var open = Array("{{".unicodeScalars)
        var close = Array("}}".unicodeScalars)
        var result: [TemplateReference] = []
        // Open sections, innermost last: true for `#`/`^` (they push a context), false for
        // `$` blocks and `<` parents (they do not).
        var sections: [Bool] = []
        var index = 0
        var line = 1
        var column = 1
        func matches(_ pattern: [Unicode.Scalar], at position: Int) -> Bool {
            guard position + pattern.count <= scalars.count else { return false }
            for offset in 0..<pattern.count where scalars[position + offset] != pattern[offset] { return false }
            return true
        }
        while index < scalars.count {
            if matches(open, at: index) {
                let tagLine = line
                let tagColumn = column
                var end = index + open.count
                while end < scalars.count, !matches(close, at: end) { end += 1 }
                guard end < scalars.count else { break }
                let tagEnd = end + close.count
                let content = String(String.UnicodeScalarView(scalars[(index + open.count)..<end]))
                let trimmed = content.trimmingWhitespace()
                if let first = trimmed.first, first == ">" || first == "<" {
                    let name = String(trimmed.dropFirst()).trimmingWhitespace()
                    if !name.hasPrefix("*"), !name.isEmpty {
                        result.append(TemplateReference(name: name, isPartial: first == ">", insideSection: sections.contains(true),
                                                        line: tagLine, column: tagColumn))
                    }
                    if first == "<" { sections.append(false) }
                } else if let first = trimmed.first, first == "#" || first == "^" {
                    sections.append(true)
                } else if trimmed.first == "$" {
                    sections.append(false)
                } else if trimmed.first == "/" {
                    _ = sections.popLast()
                } else if trimmed.hasPrefix("="), trimmed.hasSuffix("="), trimmed.count > 2 {
                    let parts = trimmed.dropFirst().dropLast().split(whereSeparator: { $0 == " " || $0 == "\t" })
                    if parts.count == 2 {
                        open = Array(String(parts[0]).unicodeScalars)
                        close = Array(String(parts[1]).unicodeScalars)
                    }
                }
                for scalar in scalars[index..<tagEnd] {
                    if scalar == "\n" { line += 1; column = 1 } else { column += 1 }
                }
                index = tagEnd
                continue
            }
            if scalars[index] == "\n" { line += 1; column = 1 } else { column += 1 }
            index += 1
        }
        return result
    }
}
