/// A Swift type templates can be compiled against.
///
/// A conforming type lists, once, the names templates may use on a value of it and how each is
/// read (``MustacheSchema``). ``MustacheLibrary/compile(_:for:options:)`` binds every tag of a
/// template to those fields, so a name the type does not have is a load-time error.
public protocol MustacheModel: SendableMetatype {
    /// The fields templates can read on a value of this type.
    static var mustacheSchema: MustacheSchema<Self> { get }
}

extension String: MustacheModel {
    /// A string has no fields; `{{.}}` prints it (escaped), which is what a section over a list
    /// of strings needs: `{{#lines}}{{.}}<br>{{/lines}}`.
    public static let mustacheSchema: MustacheSchema<String> = {
        MustacheSchema("text", [:], implicit: .text { $0 })
    }()
}

/// The value a section over an `.html` field pushes: `{{{.}}}` inside prints it unescaped
/// without the warning that text from content files gets.
struct HTMLString: MustacheModel {
    var html: String

    static let mustacheSchema: MustacheSchema<HTMLString> = {
        MustacheSchema("html", [:], implicit: .html { $0.html })
    }()
}
