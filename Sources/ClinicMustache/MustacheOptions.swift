/// How strictly a template is bound.
public struct MustacheOptions: Sendable, Hashable {
    /// A partial or parent that does not exist is an error (else it renders as nothing).
    public var missingTemplateIsError: Bool
    /// A name no typed context has is an error (else it renders as nothing, with a warning).
    public var unknownNameIsError: Bool

    /// Inside a standalone (indented) partial, whether the first line of the second and later
    /// elements of a list section is indented too. The spec indents every line; swift-mustache
    /// 2.1.1 does not indent those lines, and ClinicSite's pages stay byte-identical with it.
    public var indentsEveryListElement: Bool

    /// Options with each rule chosen; ``strict`` and ``spec`` are the two sets in use.
    public init(missingTemplateIsError: Bool, unknownNameIsError: Bool, indentsEveryListElement: Bool) {
        self.missingTemplateIsError = missingTemplateIsError
        self.unknownNameIsError = unknownNameIsError
        self.indentsEveryListElement = indentsEveryListElement
    }

    /// ClinicSite's: a missing partial or parent is an error, an unknown name is an error, and
    /// indentation as swift-mustache renders it.
    public static let strict = MustacheOptions(missingTemplateIsError: true, unknownNameIsError: true, indentsEveryListElement: false)
    /// As the Mustache spec says: a missing partial renders as "", and (for dynamic values) a
    /// missing name as "".
    public static let spec = MustacheOptions(missingTemplateIsError: false, unknownNameIsError: false, indentsEveryListElement: true)
}
