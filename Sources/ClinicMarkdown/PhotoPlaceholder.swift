import ClinicBase
import Ccmark

/// A photo a Markdown file shows or links to: `![The room](/media/room.jpg)`, or
/// `[the room](/media/room.jpg)`, whose destination is a file of the site with a photo's
/// extension. The HTML holds a placeholder in its place (see ``PhotoPlaceholder``), which the
/// render stage replaces by the `<picture>` (or the link's address) once the photo's
/// processed sizes are known.
public struct MarkdownImage: Sendable, Hashable {
    /// The destination as written.
    public var url: String
    /// The alt text as cmark gives it (an image), or the link's text.
    public var text: String
    /// The title (`![alt](room.jpg "title")`), if any.
    public var title: String?
    /// True for a link to a photo; false for an image shown in the page.
    public var isLink: Bool
    /// The 1-based line in the file (front matter lines included).
    public var line: Int
    /// The 1-based column.
    public var column: Int
}

/// The placeholders the Markdown stage leaves in HTML where photos go, and their replacement.
///
/// A placeholder is U+0001, `p`, its number in the file and U+0001. U+0001 cannot appear in
/// HTML (it is a control character), and the Markdown text given to cmark never holds one
/// (``Cmark/parse(_:flags:)`` turns it into U+0002), so a placeholder is always ClinicSite's.
public enum PhotoPlaceholder {
    /// The placeholder of photo `number`.
    public static func marker(_ number: Int) -> String {
        "\u{1}p\(number)\u{1}"
    }

    /// `html` with every placeholder replaced by `replacement(number)`; `html` itself when it
    /// has none (no scan when `count` is 0).
    public static func splice(_ html: String, count: Int, _ replacement: (Int) -> String) -> String {
        guard count > 0 else { return html }
        var result = ""
        result.reserveCapacity(html.utf8.count + count * 600)
        var rest = Substring(html)
        while let start = rest.firstIndex(of: "\u{1}") {
            result += rest[..<start]
            let afterStart = rest.index(after: start)
            guard let end = rest[afterStart...].firstIndex(of: "\u{1}"),
                  rest[afterStart...].first == "p", let number = Int(rest[rest.index(after: afterStart)..<end]) else {
                rest = rest[afterStart...]
                continue
            }
            result += replacement(number)
            rest = rest[rest.index(after: end)...]
        }
        result += rest
        return result
    }
}

extension Cmark {
    /// True when `url` (as written in Markdown) names a photo inside the site: no scheme, not
    /// `//host`, a path whose extension is a photo's.
    package static func isLocalPhoto(_ url: String) -> Bool {
        guard !url.isEmpty, !url.hasPrefix("//"), !url.hasPrefix("#"), !hasScheme(url) else { return false }
        let path = url.prefix { $0 != "?" && $0 != "#" }
        return PhotoFiles.isPhoto(String(path))
    }

    private static func hasScheme(_ url: String) -> Bool {
        guard let colon = url.firstIndex(of: ":") else { return false }
        let scheme = url[..<colon]
        return !scheme.isEmpty && !scheme.contains("/") && scheme.unicodeScalars.allSatisfy {
            $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "+" || $0 == "-" || $0 == ".")
        }
    }

    /// Replaces an image node by the placeholder of photo `number` (its alt text goes with it:
    /// the render stage writes it), or a link node by an `<a>` whose address is the
    /// placeholder, keeping the link's text and title.
    package static func replaceWithPlaceholder(_ node: OpaquePointer, number: Int, isLink: Bool, title: String?) {
        guard let custom = cmark_node_new(CMARK_NODE_CUSTOM_INLINE) else { return }
        if isLink {
            let titleAttribute = title.map { " title=\"\(attributeEscaped($0))\"" } ?? ""
            cmark_node_set_on_enter(custom, "<a href=\"\(PhotoPlaceholder.marker(number))\"\(titleAttribute)>")
            cmark_node_set_on_exit(custom, "</a>")
            while let child = cmark_node_first_child(node) {
                cmark_node_unlink(child)
                cmark_node_append_child(custom, child)
            }
        } else {
            cmark_node_set_on_enter(custom, PhotoPlaceholder.marker(number))
            cmark_node_set_on_exit(custom, "")
        }
        cmark_node_replace(node, custom)
        cmark_node_free(node)
    }

    /// Text for a double-quoted attribute.
    private static func attributeEscaped(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.append(character)
            }
        }
        return result
    }
}
