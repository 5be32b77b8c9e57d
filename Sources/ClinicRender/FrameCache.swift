import ClinicOutput
import ClinicBase
import ClinicContent
import ClinicMarkdown
import ClinicModel
import Mustache

/// Renders, once per page kind, the partials whose output is the same on every page of that
/// kind (the default theme's header, footer, opening hours and print header on aftercare
/// pages), and swaps them for their fixed text when rendering those pages.
///
/// A partial qualifies only when all of this holds, checked at build time:
/// - it is only ever included outside `{{#sections}}` (so it always sees the page's top-level
///   values and nothing pushed on top of them);
/// - rendered against the kind's shared values alone (`site`, `links`, `assets`, `root`,
///   `nav`), it never reads a page's own top-level values (`page`, `json_ld`): every lookup
///   is recorded. (A name found nowhere, such as `in_section` on a menu item that lacks it,
///   falls through to the top level and finds nothing on every page alike.)
/// - it renders to the same text for the first and the last page;
/// - a whole page rendered with the fixed text is byte-identical to the page rendered
///   normally, for those sample pages.
/// Otherwise the templates are used as they are. The output never depends on the cache.
package enum FrameCache {
    /// A context that records which of its keys a template reads.
    package final class RecordingContext: MustacheParent {
        package let values: [String: Any]
        package private(set) var read: Set<String> = []

        package init(_ values: [String: Any]) {
            self.values = values
        }

        package func child(named name: String) -> Any? {
            read.insert(name)
            return values[name]
        }
    }

    /// Templates for rendering `template` pages whose contexts share `shared`; `samples` are
    /// full contexts of real pages of that kind (at least one). Every page context of the kind
    /// must have the same top-level keys: those of `shared` plus its own (`pageKeys`,
    /// by default the samples' other keys).
    package static func specialize(_ templates: TemplateSet, for template: String, shared: [String: Any],
                           samples: [[String: Any]], pageKeys: Set<String>? = nil) -> TemplateSet {
        guard let first = samples.first, let last = samples.last else { return templates }
        let pageKeys = pageKeys ?? Set(samples.flatMap(\.keys)).subtracting(shared.keys)
        var fixed: [String: MustacheTemplate] = [:]
        var covered: Set<String> = []
        for partial in templates.topLevelPartials(of: template) where !covered.contains(partial) {
            let recorder = RecordingContext(shared)
            let text = templates.render(partial, object: recorder)
            guard recorder.read.isDisjoint(with: pageKeys),
                  templates.render(partial, first) == text,
                  templates.render(partial, last) == text,
                  let constant = constantTemplate(text) else { continue }
            fixed[partial] = constant
            // Partials inside a fixed one are covered by it.
            covered.formUnion(templates.partials(reachableFrom: partial))
        }
        guard !fixed.isEmpty else { return templates }
        let specialized = templates.replacing(fixed)
        for sample in [first, last] where specialized.render(template, sample) != templates.render(template, sample) {
            return templates
        }
        return specialized
    }

    /// A template that renders exactly `text`, or nil when that cannot be guaranteed.
    package static func constantTemplate(_ text: String) -> MustacheTemplate? {
        let open = "\u{1}\u{2}"
        let close = "\u{3}\u{4}"
        guard !text.contains(open), !text.contains(close),
              let template = try? MustacheTemplate(string: "{{=\(open) \(close)=}}" + text),
              template.render([String: Any]()) == text else { return nil }
        return template
    }
}
