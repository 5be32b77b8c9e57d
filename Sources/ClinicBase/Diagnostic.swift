/// How serious a diagnostic is.
public enum Severity: String, Sendable, Comparable {
    case warning
    case error

    public static func < (lhs: Severity, rhs: Severity) -> Bool {
        lhs == .warning && rhs == .error
    }
}

/// Which stage of the pipeline found a problem. Every stage reports its problems as
/// ``Diagnostic`` values so they all print the same way.
public enum Stage: String, Sendable {
    case content
    case frontMatter = "front matter"
    case markdown
    case model
    case template
    case render
    case output
    /// `clinicsite check`: links, anchors, headings, alt text, review dates.
    case check
}

/// A problem with a place: `content/aftercare/cupping.md:4:7: 'date' is not a date`.
public struct Diagnostic: Error, Hashable, Sendable, Comparable, CustomStringConvertible {
    /// Where the problem is.
    public var location: SourceLocation
    /// What is wrong, in words a clinic owner understands.
    public var message: String
    /// Error or warning.
    public var severity: Severity
    /// The stage that found it.
    public var stage: Stage

    /// Creates a diagnostic.
    public init(_ location: SourceLocation, _ message: String, severity: Severity = .error, stage: Stage) {
        self.location = location
        self.message = message
        self.severity = severity
        self.stage = stage
    }

    /// `path:line:column: message` for errors, `path:line:column: warning: message` for warnings.
    public var description: String {
        switch severity {
        case .error: "\(location): \(message)"
        case .warning: "\(location): warning: \(message)"
        }
    }

    /// `path:line:column: error: message` or `path:line:column: warning: message`: the form
    /// `clinicsite check` prints, naming the severity of every line.
    public var labeledDescription: String {
        "\(location): \(severity.rawValue): \(message)"
    }

    public static func < (lhs: Diagnostic, rhs: Diagnostic) -> Bool {
        (lhs.location, lhs.message) < (rhs.location, rhs.message)
    }
}

extension Array where Element == Diagnostic {
    /// The errors among these diagnostics.
    public var errors: [Diagnostic] { filter { $0.severity == .error } }
    /// The warnings among these diagnostics.
    public var warnings: [Diagnostic] { filter { $0.severity == .warning } }
}

/// Thrown when a build found errors. Carries every diagnostic found, errors and warnings,
/// sorted by place.
public struct BuildFailure: Error, Sendable, CustomStringConvertible {
    /// Every diagnostic, sorted by location.
    public var diagnostics: [Diagnostic]

    /// Creates a failure from diagnostics (sorted and de-duplicated here).
    public init(_ diagnostics: [Diagnostic]) {
        self.diagnostics = Array(Set(diagnostics)).sorted()
    }

    public var description: String {
        diagnostics.map(\.description).joined(separator: "\n")
    }
}
