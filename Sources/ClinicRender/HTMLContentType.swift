import ClinicBase
import ClinicContent
import ClinicMarkdown
import ClinicModel
import Mustache

/// swift-mustache's HTML escaping, done on UTF-8 bytes instead of `Character`s: the same five
/// characters become the same entities (`&amp;` `&lt;` `&gt;` `&quot;` `&#39;`), several times
/// faster. Every theme template is loaded with a `CONTENT_TYPE` pragma naming it.
package struct FastHTMLContentType: MustacheContentType {
    /// The name templates refer to it by.
    package static let name = "CLINICSITE_HTML"

    /// The pragma put in front of every template's text. It is not standalone, so it leaves no
    /// trace in the output; columns on line 1 of error messages are corrected for its length.
    package static let pragma = "{{% CONTENT_TYPE: \(name) }}"

    /// Registers the content type with swift-mustache (once per process).
    package static let registered: Void = {
        MustacheContentTypes.register(FastHTMLContentType(), named: name)
    }()

    package func escapeText(_ text: String) -> String {
        Escape.html(text)
    }
}
