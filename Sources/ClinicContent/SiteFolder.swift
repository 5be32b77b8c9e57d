import ClinicBase
/// The folder that holds a site's `content/` and `templates/`, as the user named it and as an
/// absolute path.
public struct SiteFolder: Sendable, Hashable {
    /// The folder as the user gave it (`.` by default); used to show paths in messages.
    public var displayPath: String
    /// The absolute, normalized path.
    public var absolutePath: String

    /// Creates a site folder from a path given by the user, resolved against the current folder.
    public init(_ path: String = ".", currentDirectory: String? = nil) {
        let cwd = currentDirectory ?? FileSystem.currentDirectory()
        self.displayPath = path
        self.absolutePath = Path.absolute(path, relativeTo: cwd)
    }

    /// The path to show for `relative` (a path inside the site folder).
    public func display(_ relative: String) -> String {
        let normalized = Path.normalize(displayPath)
        if normalized == "." { return relative }
        return Path.join(displayPath, relative)
    }

    /// The absolute path of `relative` (a path inside the site folder).
    public func absolute(_ relative: String) -> String {
        Path.join(absolutePath, relative)
    }

    /// `content/`
    public var contentPath: String { absolute("content") }
    /// `templates/`
    public var templatesPath: String { absolute("templates") }
}
