import ClinicBase
/// Stage 1: walks `content/` and `templates/` and reads every file the build needs.
///
/// The walk is sorted, so the order of pages never depends on the file system. Hidden files
/// (`.DS_Store`, editor swap files) are skipped. A symlink is followed only when it stays
/// inside the site folder.
public struct ContentLoader: Sendable {
    /// The site folder to read.
    public var folder: SiteFolder

    /// Creates a loader for a site folder.
    public init(folder: SiteFolder) {
        self.folder = folder
    }

    /// Reads the site. Problems (missing folders, unreadable files, symlinks leaving the site)
    /// are returned as diagnostics next to whatever could be read.
    public func load() -> (SiteSources, [Diagnostic]) {
        var sources = SiteSources(folder: folder)
        var walk = Walk(loader: self)
        guard FileSystem.isDirectory(folder.contentPath) else {
            walk.diagnostics.append(Diagnostic(SourceLocation(path: folder.display("content")),
                                               "no 'content' folder here; is '\(folder.displayPath)' a ClinicSite site folder?",
                                               stage: .content))
            return (sources, walk.diagnostics)
        }
        for name in walk.list("content") {
            let relative = "content/" + name
            guard walk.checkInside(relative) else { continue }
            let kind = FileSystem.resolvedKind(atPath: folder.absolute(relative))
            switch (name, kind) {
            case ("clinic.yml", .file):
                sources.clinic = walk.read(relative, inside: "content")
            case ("index.md", .file):
                sources.index = walk.read(relative, inside: "content")
            case ("faq.md", .file):
                sources.faq = walk.read(relative, inside: "content")
            case ("aftercare", .directory):
                sources.aftercare = walk.aftercare()
            case ("media", .directory):
                sources.media = walk.media()
            case (_, .file) where Path.fileExtension(of: name) == "md":
                if let file = walk.read(relative, inside: "content") { sources.pages.append(file) }
            default:
                walk.diagnostics.append(Diagnostic(SourceLocation(path: folder.display(relative)),
                                                   "ignored: ClinicSite reads clinic.yml, *.md, aftercare/ and media/ in content/",
                                                   severity: .warning, stage: .content))
            }
        }
        if sources.clinic == nil {
            walk.diagnostics.append(Self.missingClinic(folder))
        }
        if let (templates, assets) = walk.theme() {
            sources.templates = templates
            sources.assets = assets
        }
        return (sources, walk.diagnostics)
    }

    /// The error for a site without `content/clinic.yml`.
    static func missingClinic(_ folder: SiteFolder) -> Diagnostic {
        Diagnostic(SourceLocation(path: folder.display("content/clinic.yml")),
                   "missing: every site needs content/clinic.yml with at least 'name' and 'url'", stage: .content)
    }

    /// The largest Markdown, YAML or template file ClinicSite reads: far above any real page
    /// (a long aftercare page is 50 KB), low enough that a wrong file (a pasted video, a log)
    /// is refused at once instead of rendered. Media files are copied, not read, and have no limit.
    public static let maximumFileSize = 8 * 1_048_576

    /// libcmark 0.30 (Debian's) takes time proportional to the number of image openers (`![`)
    /// times the number of closing brackets (`]`) on text such as `![[]()` repeated: 50,000
    /// repeats take 8 seconds, an 8 MiB file would take hours (cmark 0.31 fixed it). A real
    /// page has tens of each; a file whose product passes 2 × 10⁸ (about half a second) is refused.
    package static func slowBracketsProblem(_ bytes: [UInt8]) -> String? {
        var images = 0
        var closing = 0
        var previous: UInt8 = 0
        for byte in bytes {
            if byte == UInt8(ascii: "]") {
                closing += 1
            } else if byte == UInt8(ascii: "["), previous == UInt8(ascii: "!") {
                images += 1
            }
            previous = byte
        }
        guard images * closing > 200_000_000 else { return nil }
        return "this file has \(images) image openers ('![') and \(closing) ']'; the Markdown library (cmark 0.30) would take minutes on it, so ClinicSite refuses it (a page has tens of each: is this the right file?)"
    }

    /// Reads one file of the site (`relative` to the site folder, inside `base`: `content` or
    /// `templates`), warning when it is not valid UTF-8.
    package func readFile(_ relative: String, inside base: String) -> (SourceFile?, [Diagnostic]) {
        do {
            let bytes: [UInt8]
            switch try FileSystem.readBytes(folder.absolute(relative), limit: Self.maximumFileSize) {
            case .bytes(let read):
                bytes = read
            case .tooLarge(let size):
                let tenths = (size * 10 + 524_288) / 1_048_576
                let megabytes = "\(tenths / 10).\(tenths % 10)"
                return (nil, [Diagnostic(SourceLocation(path: folder.display(relative)),
                                         "this file is \(megabytes) MiB; ClinicSite reads Markdown, YAML and template files of up to \(Self.maximumFileSize / 1_048_576) MiB (is it the right file? put large files in content/media/)",
                                         stage: .content)])
            case .notAFile:
                return (nil, [Diagnostic(SourceLocation(path: folder.display(relative)),
                                         "this is not a regular file (a named pipe or a device?); ClinicSite only reads regular files",
                                         stage: .content)])
            }
            if relative.hasSuffix(".md"), let problem = Self.slowBracketsProblem(bytes) {
                return (nil, [Diagnostic(SourceLocation(path: folder.display(relative)), problem, stage: .markdown)])
            }
            var diagnostics: [Diagnostic] = []
            let text: String
            if let valid = String(validating: bytes, as: UTF8.self) {
                text = valid
            } else {
                text = String(decoding: bytes, as: UTF8.self)
                diagnostics.append(Diagnostic(SourceLocation(path: folder.display(relative)),
                                              "this file is not valid UTF-8; invalid bytes were replaced with U+FFFD",
                                              severity: .warning, stage: .content))
            }
            let inner = String(relative.dropFirst(base.count + 1))
            return (SourceFile(path: folder.display(relative), relativePath: inner, text: text), diagnostics)
        } catch {
            return (nil, [Diagnostic(SourceLocation(path: folder.display(relative)), "\(error)", stage: .content)])
        }
    }
}
