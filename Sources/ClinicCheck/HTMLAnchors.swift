import ClinicBase
import ClinicContent
import ClinicMarkdown
import ClinicModel
import ClinicOutput
import ClinicBuild
/// Finds the anchors a built HTML page offers: the values of its `id` attributes (and of
/// `name` on `<a>`), which `#fragment` links can point at.
///
/// A small tag scanner rather than a full HTML parser: ClinicSite's pages come from its own
/// templates and from cmark, so tags are well formed; comments and the contents of `<script>`
/// and `<style>` are skipped, and attribute values may be quoted or not.
package enum HTMLAnchors {
    /// Every anchor in `html`.
    package static func ids(in html: [UInt8]) -> Set<String> {
        var ids: Set<String> = []
        let count = html.count
        var index = 0
        func startsWith(_ text: String, at position: Int) -> Bool {
            let pattern = Array(text.utf8)
            guard position + pattern.count <= count else { return false }
            for offset in 0..<pattern.count where lower(html[position + offset]) != pattern[offset] { return false }
            return true
        }
        func isSpace(_ byte: UInt8) -> Bool { byte == 32 || byte == 9 || byte == 10 || byte == 13 || byte == 12 }
        func isNameByte(_ byte: UInt8) -> Bool { !isSpace(byte) && byte != UInt8(ascii: ">") && byte != UInt8(ascii: "/") && byte != UInt8(ascii: "=") }

        while index < count {
            guard html[index] == UInt8(ascii: "<") else { index += 1; continue }
            if startsWith("<!--", at: index) {
                index += 4
                while index < count, !startsWith("-->", at: index) { index += 1 }
                index += 3
                continue
            }
            var position = index + 1
            guard position < count, isLetter(html[position]) else { index += 1; continue }
            let nameStart = position
            while position < count, isNameByte(html[position]) { position += 1 }
            let tag = String(decoding: html[nameStart..<position].map(lower), as: UTF8.self)
            // Attributes up to the closing '>'.
            while position < count, html[position] != UInt8(ascii: ">") {
                if isSpace(html[position]) || html[position] == UInt8(ascii: "/") { position += 1; continue }
                let attributeStart = position
                while position < count, isNameByte(html[position]) { position += 1 }
                if position == attributeStart { position += 1; continue }
                let attribute = String(decoding: html[attributeStart..<position].map(lower), as: UTF8.self)
                while position < count, isSpace(html[position]) { position += 1 }
                guard position < count, html[position] == UInt8(ascii: "=") else { continue }
                position += 1
                while position < count, isSpace(html[position]) { position += 1 }
                var value: ArraySlice<UInt8> = []
                if position < count, html[position] == UInt8(ascii: "\"") || html[position] == UInt8(ascii: "'") {
                    let quote = html[position]
                    let valueStart = position + 1
                    position = valueStart
                    while position < count, html[position] != quote { position += 1 }
                    value = html[valueStart..<min(position, count)]
                    position += 1
                } else {
                    let valueStart = position
                    while position < count, !isSpace(html[position]), html[position] != UInt8(ascii: ">") { position += 1 }
                    value = html[valueStart..<position]
                }
                if attribute == "id" || (attribute == "name" && tag == "a") {
                    ids.insert(unescape(String(decoding: value, as: UTF8.self)))
                }
            }
            index = position + 1
            if tag == "script" || tag == "style" {
                while index < count, !startsWith("</" + tag, at: index) { index += 1 }
            }
        }
        return ids
    }

    private static func lower(_ byte: UInt8) -> UInt8 {
        byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte + 32 : byte
    }

    private static func isLetter(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
    }

    /// Undoes the character references ClinicSite's escaping produces.
    private static func unescape(_ text: String) -> String {
        guard text.contains("&") else { return text }
        return text.replacingAll("&quot;", with: "\"").replacingAll("&#39;", with: "'").replacingAll("&lt;", with: "<")
            .replacingAll("&gt;", with: ">").replacingAll("&amp;", with: "&")
    }
}

extension String {
    /// Every occurrence of `target` replaced (without Foundation).
    fileprivate func replacingAll(_ target: String, with replacement: String) -> String {
        var result = ""
        var rest = Substring(self)
        while let range = rest.firstRange(of: target) {
            result += rest[..<range.lowerBound]
            result += replacement
            rest = rest[range.upperBound...]
        }
        return result + rest
    }
}
