import ClinicBase
import ClinicContent
import ClinicMarkdown
import ClinicModel
import Mustache

// Strings are most of what a page's template reads, and swift-mustache finds out what a value
// is with dynamic casts, each a protocol-conformance lookup in the Swift runtime:
//
// - to render `{{name}}` it tries the value as a template, a `MustacheCustomRenderable`, a
//   lambda, an optional, and then `String(describing:)`, which casts again;
// - to look a name up it tries each object on the context stack as a `MustacheParent` and
//   falls back to `Mirror` reflection, which is where a string pushed by a section such as
//   `{{#page.summary}}` sends every lookup made inside it.
//
// These two conformances end both chains at the first cast, with the same result: a string
// renders as itself (escaped as before by the content type), and has no children by name,
// exactly as `Mirror` finds none. The golden and escaping tests hold the output to the bytes.

extension String: @retroactive MustacheCustomRenderable {
    public var renderText: String { self }
    public var isNull: Bool { false }
}

extension String: @retroactive MustacheParent {
    public func child(named: String) -> Any? { nil }
}
