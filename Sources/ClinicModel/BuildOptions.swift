import ClinicBase
import ClinicContent
import ClinicMarkdown
/// Choices that change what a build includes.
public struct BuildOptions: Sendable, Hashable {
    /// Include pages with `draft: true`.
    public var includeDrafts: Bool
    /// Include pages dated after `today`.
    public var includeFuture: Bool
    /// Include pages whose `expires` day is before `today`.
    public var includeExpired: Bool
    /// The day builds compare dates against.
    public var today: Day
    /// Parse and render on all cores. The output is the same either way.
    public var parallel: Bool
    /// Give CSS and JS assets content-hashed names (`style.3f9a1c0b2e.css`). On for `build`;
    /// the preview server turns it off so a stylesheet edit can be swapped in without a reload.
    public var fingerprintAssets: Bool
    /// Keep every page's links after reading it, for `clinicsite check`; a build and `serve`
    /// let go of them (nothing else reads them).
    public var keepsLinks: Bool

    /// Creates options; `today` defaults to the local date.
    public init(includeDrafts: Bool = false, includeFuture: Bool = false, includeExpired: Bool = false,
                today: Day = .today(), parallel: Bool = true, fingerprintAssets: Bool = true, keepsLinks: Bool = false) {
        self.includeDrafts = includeDrafts
        self.includeFuture = includeFuture
        self.includeExpired = includeExpired
        self.today = today
        self.parallel = parallel
        self.fingerprintAssets = fingerprintAssets
        self.keepsLinks = keepsLinks
    }
}
