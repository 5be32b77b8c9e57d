import ClinicBase
import ClinicContent
import ClinicMarkdown
import ClinicModel
import ClinicOutput
import ClinicBuild
/// What `clinicsite check` found in a site.
public struct CheckResult: Sendable {
    /// Every error and warning, sorted by place, without duplicates.
    public var diagnostics: [Diagnostic]
    /// False when the site did not build: `diagnostics` then holds the build's errors and the
    /// checks that need a built site did not run.
    public var built: Bool
    /// Pages built, counted as `build` counts them (``BuildReport/pageCount``).
    public var pageCount: Int
    /// Links and images inside the site that were followed.
    public var internalLinkCount: Int
    /// Links to other sites, each with every place it is written, for ``ExternalLinkChecker``.
    public var externalLinks: [ExternalLink]
}

/// An address on another site and every place that links to it.
public struct ExternalLink: Sendable, Hashable {
    /// The `http`/`https` address, without `#fragment`.
    public var url: String
    /// Where it is written, sorted.
    public var locations: [SourceLocation]

    /// Creates an external link.
    public init(url: String, locations: [SourceLocation]) {
        self.url = url
        self.locations = locations
    }
}
