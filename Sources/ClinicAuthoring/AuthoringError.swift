import ClinicBase
import ClinicContent
/// Why `init` or `new` refused to write: a folder that is not empty, a file that already
/// exists, a title that cannot become a file name.
public struct AuthoringError: Error, Sendable, CustomStringConvertible {
    /// What went wrong and what to do, in one sentence.
    public var message: String

    /// Creates an error.
    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}
