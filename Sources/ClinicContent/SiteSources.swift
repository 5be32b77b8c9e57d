import ClinicBase
/// A file copied into the output as it is (media, theme assets).
public struct StaticFile: Sendable, Hashable {
    /// Where it goes, relative to the output folder (`media/room.jpg`).
    public var outputPath: String
    /// Where it comes from, absolute.
    public var sourcePath: String
    /// The path shown in messages.
    public var displayPath: String
    /// Its size and modification time when it was found: a new version of the file has
    /// another stamp, so outputs made from it are made again.
    public var stamp: FileStamp?

    /// Creates a static file.
    public init(outputPath: String, sourcePath: String, displayPath: String, stamp: FileStamp? = nil) {
        self.outputPath = outputPath
        self.sourcePath = sourcePath
        self.displayPath = displayPath
        self.stamp = stamp
    }
}

/// Everything read from a site folder, before any parsing.
public struct SiteSources: Sendable {
    /// The site folder.
    public var folder: SiteFolder
    /// `content/clinic.yml`.
    public var clinic: SourceFile?
    /// `content/index.md`, the home page's introduction.
    public var index: SourceFile?
    /// `content/faq.md`.
    public var faq: SourceFile?
    /// `content/*.md` other than `index.md` and `faq.md`.
    public var pages: [SourceFile] = []
    /// `content/aftercare/*.md`.
    public var aftercare: [SourceFile] = []
    /// `content/media/**`.
    public var media: [StaticFile] = []
    /// `templates/**/*.mustache`, relative paths such as `partials/header.mustache`.
    public var templates: [SourceFile] = []
    /// `templates/assets/**`.
    public var assets: [StaticFile] = []

    /// Creates empty sources for a folder.
    public init(folder: SiteFolder) {
        self.folder = folder
    }
}
