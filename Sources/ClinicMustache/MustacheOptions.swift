/// How strictly a template is bound.
public struct MustacheOptions: Sendable, Hashable {
    /// A partial or parent that does not exist is an error (else it renders as nothing).
    public var missingTemplateIsError: Bool
    /// A name no typed context has is an error (else it renders as nothing, with a warning).
    public var unknownNameIsError: Bool

    public init(missingTemplateIsError: Bool, unknownNameIsError: Bool) {
        self.missingTemplateIsError = missingTemplateIsError
        self.unknownNameIsError = unknownNameIsError
    }

    /// ClinicSite's: a missing partial or parent is an error, an unknown name is an error.
    public static let strict = MustacheOptions(missingTemplateIsError: true, unknownNameIsError: true)
    /// As the Mustache spec says: a missing partial renders as "", and (for dynamic values) a
    /// missing name as "".
    public static let spec = MustacheOptions(missingTemplateIsError: false, unknownNameIsError: false)
}
