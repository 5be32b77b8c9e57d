import Foundation

/// The repository the tests run in.
public enum Repository {
    /// The repository's root folder: it holds the demo clinic's `content/` and `templates/`,
    /// and `README.md`.
    public static let root: String = {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().path
    }()
}
