import ClinicBase
import ClinicContent
import ClinicMarkdown
import ClinicModel
import ClinicOutput
import ClinicBuild
/// Where a link written in Markdown leads, worked out the way a browser would from the page
/// it is on.
public enum LinkTarget: Sendable, Hashable {
    /// A file of this site: its path in the output (`aftercare/cupping/`, `media/room.jpg`,
    /// `""` for the home page) and the `#fragment`, percent-decoded, if any.
    case site(path: String, fragment: String?)
    /// An `http`/`https` address elsewhere, without its `#fragment`.
    case external(String)
    /// A `mailto:`, `tel:` or other non-web address: not checked.
    case other
    /// A link that cannot lead anywhere, and why.
    case invalid(String)

    /// Resolves `url`, as written in a page whose address is `pagePath` (`aftercare/cupping/`,
    /// `""` for the home page), in the site at `site`. Root-relative links (`/faq/`) start at
    /// the site's root, whatever its sub-path; absolute links to the site's own address are
    /// links into the site.
    public static func resolve(_ url: String, from pagePath: String, site: SiteURL) -> LinkTarget {
        let trimmed = url.trimmingWhitespace()
        if trimmed.isEmpty { return .invalid("the link has no address") }
        if trimmed.hasPrefix("//") { return external("https:" + trimmed, site: site) }
        if let scheme = scheme(of: trimmed) {
            guard scheme == "http" || scheme == "https" else { return .other }
            return external(trimmed, site: site)
        }
        var rest = Substring(trimmed)
        var fragment: String?
        if let hash = rest.firstIndex(of: "#") {
            fragment = percentDecoded(rest[rest.index(after: hash)...])
            rest = rest[..<hash]
        }
        if let question = rest.firstIndex(of: "?") { rest = rest[..<question] }
        let base: String
        if rest.isEmpty {
            return .site(path: pagePath, fragment: fragment)
        } else if rest.hasPrefix("/") {
            base = ""
            rest = rest.dropFirst()
        } else {
            base = pagePath
        }
        guard let path = join(base, String(rest)) else {
            return .invalid("'\(url)' climbs above the site's root folder")
        }
        return .site(path: path, fragment: fragment)
    }

    /// The lowercased scheme of an absolute URL (`https`, `mailto`), or nil for a relative one.
    package static func scheme(of url: String) -> String? {
        guard let colon = url.firstIndex(of: ":") else { return nil }
        let candidate = url[..<colon]
        guard let first = candidate.unicodeScalars.first, first.isASCII, first.properties.isAlphabetic,
              candidate.unicodeScalars.allSatisfy({ $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "+" || $0 == "-" || $0 == ".") })
        else { return nil }
        return candidate.lowercased()
    }

    private static func external(_ url: String, site: SiteURL) -> LinkTarget {
        let withoutFragment = url.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? url
        let home = site.description
        if withoutFragment.lowercased().hasPrefix(home.lowercased()) || (withoutFragment + "/").lowercased() == home.lowercased() {
            let inside = String(url.dropFirst(min(url.count, home.count)))
            return resolve("/" + inside, from: "", site: site)
        }
        return .external(withoutFragment)
    }

    /// Joins a relative path onto a folder path and resolves `.` and `..`; nil when it climbs
    /// above the root. A trailing slash (or a final `.`/`..`) is kept: it names a folder.
    private static func join(_ folder: String, _ relative: String) -> String? {
        var parts = folder.split(separator: "/").map(String.init)
        let pieces = relative.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        var endsInFolder = relative.hasSuffix("/")
        for (index, piece) in pieces.enumerated() {
            let isLast = index == pieces.count - 1
            switch piece {
            case "", ".":
                if isLast, piece == "." { endsInFolder = true }
            case "..":
                guard !parts.isEmpty else { return nil }
                parts.removeLast()
                if isLast { endsInFolder = true }
            default:
                parts.append(percentDecoded(Substring(piece)))
            }
        }
        if parts.isEmpty { return "" }
        return parts.joined(separator: "/") + (endsInFolder ? "/" : "")
    }

    /// Decodes `%XX` escapes; text that is not valid percent-encoded UTF-8 is kept as written.
    package static func percentDecoded(_ text: Substring) -> String {
        guard text.contains("%") else { return String(text) }
        var bytes: [UInt8] = []
        let utf8 = Array(text.utf8)
        var index = 0
        func hex(_ byte: UInt8) -> UInt8? {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
            default: nil
            }
        }
        while index < utf8.count {
            if utf8[index] == UInt8(ascii: "%"), index + 2 < utf8.count,
               let high = hex(utf8[index + 1]), let low = hex(utf8[index + 2]) {
                bytes.append(high << 4 | low)
                index += 3
            } else {
                bytes.append(utf8[index])
                index += 1
            }
        }
        return String(validating: bytes, as: UTF8.self) ?? String(text)
    }
}
