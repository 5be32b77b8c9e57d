import ClinicBase
import ClinicContent
import ClinicModel
import ClinicRender
import ClinicOutput
import ClinicBuild
import Foundation

/// The errors of the latest build, when it failed. The preview keeps serving the last good
/// site and shows these over every page until a build succeeds.
public struct BuildProblem: Sendable, Equatable {
    /// Every error, sorted by place, printed as `path:line:column: message`.
    public let errors: [Diagnostic]
    /// When these errors were first seen; pages showing them changed at that moment.
    public let since: Date

    /// The errors as the browser shows them, one `path:line:column: message` line each.
    public var lines: [String] { errors.map(\.description) }
}
