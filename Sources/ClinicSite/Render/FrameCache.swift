import Mustache

/// Renders, once per page kind, the partials whose output is the same on every page of that
/// kind (the default theme's header, footer, opening hours and print header on aftercare
/// pages), and swaps them for their fixed text when rendering those pages.
///
/// A partial qualifies only when all of this holds, checked at build time:
/// - rendered against the kind's shared values alone (`site`, `links`, `assets`, `root`,
///   `nav`), it reads nothing else from the page (every lookup is recorded);
/// - it renders to the same text for the first and the last page;
/// - a whole page rendered with the fixed text is byte-identical to the page rendered
///   normally, for those sample pages.
/// Otherwise the templates are used as they are. The output never depends on the cache.
enum FrameCache {
    /// A context that records which of its keys a template reads.
    final class RecordingContext: MustacheParent {
        let values: [String: Any]
        private(set) var read: Set<String> = []

        init(_ values: [String: Any]) {
            self.values = values
        }

        func child(named name: String) -> Any? {
            read.insert(name)
            return values[name]
        }
    }

    /// Templates for rendering `template` pages whose contexts share `shared`; `samples` are
    /// full contexts of real pages of that kind (at least one).
    static func specialize(_ templates: TemplateSet, for template: String, shared: [String: Any],
                           samples: [[String: Any]]) -> TemplateSet {
        guard let first = samples.first, let last = samples.last else { return templates }
        var fixed: [String: MustacheTemplate] = [:]
        var covered: Set<String> = []
        for partial in templates.partials(reachableFrom: template) where !covered.contains(partial) {
            let recorder = RecordingContext(shared)
            let text = templates.render(partial, object: recorder)
            guard recorder.read.isSubset(of: Set(shared.keys)),
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
    static func constantTemplate(_ text: String) -> MustacheTemplate? {
        let open = "\u{1}\u{2}"
        let close = "\u{3}\u{4}"
        guard !text.contains(open), !text.contains(close),
              let template = try? MustacheTemplate(string: "{{=\(open) \(close)=}}" + text),
              template.render([String: Any]()) == text else { return nil }
        return template
    }
}
