import ClinicBase
/// The clinic's public address (`url` in `clinic.yml`), which may include a sub-path
/// (`https://example.org/willow/`). Every link ClinicSite writes goes through it, so a site
/// served from a sub-path links correctly.
public struct SiteURL: Sendable, Hashable, CustomStringConvertible {
    /// `https://example.org`
    public var origin: String
    /// The path every page lives under, with slashes at both ends: `/` or `/willow/`.
    public var basePath: String

    /// Parses an absolute `http`/`https` URL without query or fragment; nil otherwise.
    public init?(_ text: String) {
        let trimmed = text.trimmingWhitespace()
        guard URLText.isSafeWebURL(trimmed) else { return nil }
        let lower = trimmed.lowercased()
        let schemeLength = lower.hasPrefix("https://") ? 8 : 7
        let afterScheme = trimmed.dropFirst(schemeLength)
        let hostEnd = afterScheme.firstIndex(where: { $0 == "/" || $0 == "?" || $0 == "#" }) ?? afterScheme.endIndex
        let host = afterScheme[..<hostEnd]
        guard !host.isEmpty, !host.contains("@") else { return nil }
        let rest = afterScheme[hostEnd...]
        guard !rest.contains("?"), !rest.contains("#") else { return nil }
        var path = rest.isEmpty ? "/" : String(rest)
        if !path.hasSuffix("/") { path += "/" }
        guard !path.contains("//"), !path.split(separator: "/").contains(where: { $0 == ".." || $0 == "." }) else { return nil }
        self.origin = String(trimmed.prefix(schemeLength)).lowercased() + host.lowercased()
        self.basePath = path
    }

    /// The root-relative link to a path inside the site: `aftercare/` → `/willow/aftercare/`.
    public func path(_ relative: String) -> String {
        basePath + (relative.hasPrefix("/") ? String(relative.dropFirst()) : relative)
    }

    /// The absolute URL of a path inside the site.
    public func absolute(_ relative: String) -> String {
        origin + path(relative)
    }

    /// The site's home URL.
    public var description: String { origin + basePath }
}

/// Checks and encodes URLs that come from content.
public enum URLText {
    /// True for an absolute `http:`/`https:` URL with a host and no spaces or control characters.
    public static func isSafeWebURL(_ text: String) -> Bool {
        let lower = text.lowercased()
        guard lower.hasPrefix("https://") || lower.hasPrefix("http://") else { return false }
        let rest = lower.hasPrefix("https://") ? text.dropFirst(8) : text.dropFirst(7)
        guard let first = rest.first, first != "/", first != "?", first != "#" else { return false }
        return !text.unicodeScalars.contains { scalar in
            scalar.properties.isWhitespace || scalar.value < 0x20 || scalar.value == 0x7F
                || scalar == "\"" || scalar == "<" || scalar == ">" || scalar == "`" || scalar == "\\"
                || (0x2028...0x2029).contains(scalar.value)
        }
    }

    /// True for a plausible email address (one `@`, a dot in the domain, no spaces).
    public static func isEmail(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."),
              !parts[1].hasPrefix("."), !parts[1].hasSuffix(".") else { return false }
        return !text.unicodeScalars.contains { scalar in
            scalar.properties.isWhitespace || scalar.value < 0x20 || "\"<>()[]\\,;:`".unicodeScalars.contains(scalar)
        }
    }

    /// Percent-encodes text for a URL query value (RFC 3986 unreserved characters kept).
    public static func queryEncode(_ text: String) -> String {
        var result = ""
        for byte in text.utf8 {
            if isUnreserved(byte) {
                result.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                let hex = Array("0123456789ABCDEF")
                result += "%" + String(hex[Int(byte >> 4)]) + String(hex[Int(byte & 15)])
            }
        }
        return result
    }

    /// Whether `byte` is an RFC 3986 unreserved character (letters, digits, `-._~`): kept as it
    /// is by ``queryEncode(_:)``.
    public static func isUnreserved(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
             UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."),
             UInt8(ascii: "_"), UInt8(ascii: "~"):
            true
        default:
            false
        }
    }
}
