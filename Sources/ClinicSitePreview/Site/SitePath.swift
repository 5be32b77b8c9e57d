/// A request path resolved to a path inside the built site.
///
/// The preview serves only the files a build produced, from memory, so there is no disk path
/// to escape from. This type still refuses every path that is not plain — empty segments
/// (`//`), `.` and `..` segments, backslashes, control characters, anything outside the site's
/// base path (including siblings such as `/willow-old/` next to `/willow/`) — so a redirect
/// built from a request path can never point off the site (`//evil.example/`).
struct SitePath: Hashable, Sendable {
    /// The path inside the site, without leading or trailing slash: `""` for the site's root,
    /// `aftercare`, `assets/style.css`.
    var relative: String
    /// The request ended with `/`: it names a folder, whose `index.html` is served.
    var namesFolder: Bool

    /// Resolves `decodedPath` (a request path, percent-decoded once) against the site's base
    /// path (`/` or `/willow/`). Returns nil for anything outside the site or not plain.
    init?(_ decodedPath: String, basePath: String) {
        guard decodedPath.hasPrefix("/") else { return nil }
        let rest: Substring
        if decodedPath.hasPrefix(basePath) {
            rest = decodedPath.dropFirst(basePath.count)
        } else if basePath != "/", decodedPath == String(basePath.dropLast()) {
            // `/willow` for a site under `/willow/`: the root folder without its slash.
            self.relative = ""
            self.namesFolder = false
            return
        } else {
            return nil
        }
        var segments = rest.split(separator: "/", omittingEmptySubsequences: false)
        let namesFolder = rest.isEmpty || rest.hasSuffix("/")
        if namesFolder { segments.removeLast() }
        for segment in segments {
            guard SitePath.isPlain(segment) else { return nil }
        }
        self.relative = segments.joined(separator: "/")
        self.namesFolder = namesFolder
    }

    /// A segment a built site can contain: not empty, not `.` or `..`, no backslash and no
    /// control characters.
    private static func isPlain(_ segment: Substring) -> Bool {
        if segment.isEmpty || segment == "." || segment == ".." { return false }
        return !segment.unicodeScalars.contains { scalar in
            scalar == "\\" || scalar.value < 0x20 || scalar.value == 0x7F
        }
    }
}
