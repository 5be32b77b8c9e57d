import Foundation

/// The default theme, carried inside the binary: the repository's `templates/` folder as it
/// was when ClinicSite was built (embedded by the `EmbedTheme` build plugin). `clinicsite
/// init` writes it into a new site's `templates/`.
public enum DefaultTheme {
    /// One theme file.
    public struct File: Sendable, Hashable {
        /// The path inside `templates/`, `/`-separated (`partials/header.mustache`).
        public var path: String
        /// The file's bytes.
        public var bytes: [UInt8]
    }

    /// Every file of the theme, sorted by path.
    public static let files: [File] = encodedFiles.map { entry in
        guard let data = Data(base64Encoded: entry.base64) else {
            preconditionFailure("the embedded theme file \(entry.path) is not valid base64")
        }
        return File(path: entry.path, bytes: Array(data))
    }
}
