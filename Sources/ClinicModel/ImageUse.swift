import ClinicBase
import ClinicContent

/// One place a photo is shown or linked to: which photo (by its path in the output before
/// processing, `media/room.jpg`), how, its alt text, and where the reference is written.
public struct ImageUse: Sendable, Hashable {
    /// The photo: a file of `content/media/`, by its output path (`media/room.jpg`).
    public var source: String
    /// How it is shown.
    public var role: ImageRole
    /// The alt text (`""`: decorative).
    public var alt: String
    /// The title a Markdown image or link gives, if any.
    public var title: String?
    /// Where the reference is written (`path:line:column`).
    public var location: SourceLocation
    /// The first large photo of its page: loaded at once, with `fetchpriority="high"`.
    public var isHero: Bool

    /// A use.
    public init(source: String, role: ImageRole, alt: String, title: String? = nil, location: SourceLocation, isHero: Bool = false) {
        self.source = source
        self.role = role
        self.alt = alt
        self.title = title
        self.location = location
        self.isHero = isHero
    }
}

/// Where a photo's path, as written, leads: a file of `content/media/`, by its output path.
enum ImagePath {
    /// `written` (a Markdown destination or a `clinic.yml` or front matter path) as the output
    /// path of a file in `content/media/` (`media/room.jpg`), or why it cannot be one.
    /// `folder` is the folder of the Markdown file inside `content/` (`aftercare`), whose
    /// relative paths are tried against it first, as an editor's preview shows them; every
    /// path is also tried from `content/` (`media/room.jpg`, `/media/room.jpg`).
    static func resolve(_ written: String, from folder: String?) -> Result<String, Problem> {
        let path = percentDecoded(String(written.prefix { $0 != "?" && $0 != "#" }))
        var candidates: [String] = []
        if !path.hasPrefix("/"), let folder, !folder.isEmpty { candidates.append(folder + "/" + path) }
        candidates.append(path.hasPrefix("/") ? String(path.dropFirst()) : path)
        for candidate in candidates {
            let normalized = Path.normalize(candidate)
            if normalized.hasPrefix("media/"), !normalized.hasPrefix("media/../") { return .success(normalized) }
        }
        return .failure(Problem(message: "'\(written)' is not in content/media/: photos go in content/media/ and are named from there ('/media/room.jpg')"))
    }

    /// Why a path cannot name a photo.
    struct Problem: Error {
        var message: String
    }

    private static func percentDecoded(_ text: String) -> String {
        guard text.contains("%") else { return text }
        var bytes: [UInt8] = []
        let utf8 = Array(text.utf8)
        var index = 0
        while index < utf8.count {
            if utf8[index] == UInt8(ascii: "%"), index + 2 < utf8.count,
               let value = UInt8(String(decoding: utf8[(index + 1)...(index + 2)], as: UTF8.self), radix: 16) {
                bytes.append(value)
                index += 3
            } else {
                bytes.append(utf8[index])
                index += 1
            }
        }
        return String(validating: bytes, as: UTF8.self) ?? text
    }
}
