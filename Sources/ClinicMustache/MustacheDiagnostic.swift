/// A problem found while parsing or compiling: `path:line:column: message` (1-based line and
/// column of the tag's first character in its own file).
public struct MustacheDiagnostic: Sendable, Equatable, Hashable, CustomStringConvertible {
    /// An error stops the template from compiling; a warning does not.
    public enum Severity: Sendable, Hashable {
        case error, warning
    }

    /// The path of the template the tag is written in, as given in its ``MustacheSource``.
    public var path: String
    /// 1-based line of the tag's first character.
    public var line: Int
    /// 1-based column (in Unicode scalars) of the tag's first character.
    public var column: Int
    /// What is wrong, and where it helps, what to write instead.
    public var message: String
    public var severity: Severity

    /// A diagnostic at `path:line:column`.
    public init(path: String, line: Int, column: Int, message: String, severity: Severity) {
        self.path = path
        self.line = line
        self.column = column
        self.message = message
        self.severity = severity
    }

    /// `templates/aftercare.mustache:12:9: unknown variable 'page.titel'; …`, with `warning: `
    /// in front of the message of a warning.
    public var description: String {
        "\(path):\(line):\(column): \(severity == .warning ? "warning: " : "")\(message)"
    }
}
