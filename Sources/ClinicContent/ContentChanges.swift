import ClinicBase

/// What a save changed in the site folder, read again: the new text of each changed file (or
/// that it is gone), and the lists of media, theme assets and templates when any of them
/// changed. The model takes it to make the next value of the site.
public struct ContentChanges: Sendable {
    /// One Markdown or YAML file, saved or deleted.
    public enum Change: Sendable {
        case saved(SourceFile)
        case deleted
    }

    /// `content/clinic.yml`.
    public var clinic: Change?
    /// `content/index.md`.
    public var home: Change?
    /// `content/faq.md`.
    public var faq: Change?
    /// `content/*.md` other than `index.md` and `faq.md`, by the path shown in messages.
    public var pages: [(path: String, change: Change)] = []
    /// `content/aftercare/*.md`, by the path shown in messages.
    public var aftercare: [(path: String, change: Change)] = []
    /// Every file of `content/media/` when any of them changed.
    public var media: [StaticFile]?
    /// Every template when any changed; with ``assets``, every file of `templates/assets/`.
    public var templates: [SourceFile]?
    /// Every file of `templates/assets/` when any of them (or a template) changed.
    public var assets: [StaticFile]?
    /// True when a change is of a kind only reading the whole site again can take (a folder
    /// came or went, a file ClinicSite ignores or warns about).
    public var needsFullLoad = false
    /// The paths shown in messages of every file this change covers.
    public var paths: Set<String> = []

    /// Creates an empty change.
    public init() {}

    /// True when nothing changed.
    public var isEmpty: Bool {
        clinic == nil && home == nil && faq == nil && pages.isEmpty && aftercare.isEmpty && media == nil
            && templates == nil && assets == nil && !needsFullLoad
    }
}

extension ContentLoader {
    /// Reads again the files at `changed` (paths relative to the site folder, such as
    /// `content/aftercare/cupping.md`), saved, created or deleted since the last read.
    /// Problems reading them are returned as they would be from ``load()``.
    public func changes(_ changed: [String]) -> (ContentChanges, [Diagnostic]) {
        var changes = ContentChanges()
        var walk = Walk(loader: self)
        var rescanMedia = false
        var rescanTheme = false
        for relative in Set(changed).sorted() {
            changes.paths.insert(folder.display(relative))
            if FileSystem.resolvedKind(atPath: folder.absolute(relative)) == .directory {
                changes.needsFullLoad = true
                continue
            }
            switch Self.kind(of: relative) {
            case .clinic: changes.clinic = walk.change(relative)
            case .home: changes.home = walk.change(relative)
            case .faq: changes.faq = walk.change(relative)
            case .page: changes.pages.append((folder.display(relative), walk.change(relative)))
            case .aftercare: changes.aftercare.append((folder.display(relative), walk.change(relative)))
            case .media: rescanMedia = true
            case .theme: rescanTheme = true
            case .other: changes.needsFullLoad = true
            }
        }
        if case .deleted = changes.clinic {
            walk.diagnostics.append(Self.missingClinic(folder))
        }
        if rescanMedia { changes.media = walk.media() }
        if rescanTheme, let (templates, assets) = walk.theme() {
            changes.templates = templates
            changes.assets = assets
        }
        return (changes, walk.diagnostics)
    }

    /// What a path inside the site folder is to the build.
    enum PathKind {
        case clinic, home, faq, page, aftercare, media, theme, other
    }

    static func kind(of relative: String) -> PathKind {
        let parts = relative.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard parts.count >= 2, !parts.contains(where: { $0.hasPrefix(".") || $0.isEmpty }) else { return .other }
        switch (parts[0], parts.count) {
        case ("content", 2) where parts[1] == "clinic.yml": return .clinic
        case ("content", 2) where parts[1] == "index.md": return .home
        case ("content", 2) where parts[1] == "faq.md": return .faq
        case ("content", 2) where Path.fileExtension(of: parts[1]) == "md": return .page
        case ("content", 3) where parts[1] == "aftercare" && Path.fileExtension(of: parts[2]) == "md": return .aftercare
        case ("content", _) where parts[1] == "media" && parts.count > 2: return .media
        case ("templates", _) where parts[1] == "assets" && parts.count > 2: return .theme
        case ("templates", _) where Path.fileExtension(of: parts[parts.count - 1]) == "mustache": return .theme
        default: return .other
        }
    }
}

extension ContentLoader.Walk {
    /// The file at `relative` as saved, or deleted when it is no longer a file; a file that
    /// cannot be read counts as deleted, with the problem in ``diagnostics``.
    mutating func change(_ relative: String) -> ContentChanges.Change {
        guard FileSystem.kind(atPath: folder.absolute(relative)) != nil else { return .deleted }
        guard checkInside(relative), FileSystem.resolvedKind(atPath: folder.absolute(relative)) == .file,
              let file = read(relative, inside: "content") else { return .deleted }
        return .saved(file)
    }
}
