import ClinicSiteTestSupport
import Foundation
import Testing
@testable import ClinicBase
@testable import ClinicContent
@testable import ClinicMarkdown
@testable import ClinicModel
@testable import ClinicRender
@testable import ClinicOutput
@testable import ClinicBuild
@testable import ClinicCheck
@testable import ClinicAuthoring

@Suite("Escaping")
struct EscapingTests {
    @Test("HTML escaping covers text and both quote styles")
    func html() {
        #expect(Escape.html("Dr O'Brien \"<b>\" & Co") == "Dr O&#39;Brien &quot;&lt;b&gt;&quot; &amp; Co")
        #expect(Escape.html("plain") == "plain")
    }

    @Test("XML escaping: markup characters become entities; characters XML forbids are dropped")
    func xml() {
        #expect(Escape.xml("a & b < c > d \"e\" 'f'") == "a &amp; b &lt; c &gt; d &quot;e&quot; &apos;f&apos;")
        #expect(Escape.xml("tab\tline\ncr\r") == "tab\tline\ncr\r")
        #expect(Escape.xml("nul\u{0}bell\u{7}end\u{FFFE}\u{FFFF}") == "nulbellend")
        #expect(Escape.xml("café ✚ 😀 \u{7F}") == "café ✚ 😀 \u{7F}")
    }

    @Test("JSON in a script element can never close it")
    func json() {
        let value: JSONValue = ["name": "</script><script>alert(1)</script><!--", "line": "a\u{2028}b & c"]
        let text = value.scriptSafeJSON()
        #expect(!text.contains("<"))
        #expect(!text.contains(">"))
        #expect(!text.contains("&"))
        #expect(!text.contains("\u{2028}"))
        let decoded = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: String]
        #expect(decoded?["name"] == "</script><script>alert(1)</script><!--")
        #expect(decoded?["line"] == "a\u{2028}b & c")
    }

    @Test("script-safe JSON is written in one pass with the bytes of the JSON text escaped after",
          arguments: ["plain", "</script><!-- & >", "a\u{2028}b\u{2029}c", "€ ‘quoted’ \u{2027}\u{202A} ✚", "\u{E2}", "tail \u{2028}",
                      (0..<0x20).map { String(UnicodeScalar($0)!) }.joined() + "\"\\/ é 😀 \u{7F}<&>\u{2028}"])
    func scriptSafeInOnePass(_ text: String) {
        let values: [JSONValue] = [.string(text), .object([text: .string(text), "<k>": [.string(text), .int(3)]])]
        for value in values {
            #expect(value.scriptSafeJSON() == Self.escapedAfter(value.json()))
        }
    }

    /// The JSON text with `<`, `>`, `&`, U+2028 and U+2029 escaped, one character at a time.
    static func escapedAfter(_ json: String) -> String {
        var out = ""
        for scalar in json.unicodeScalars {
            switch scalar {
            case "<": out += "\\u003c"
            case ">": out += "\\u003e"
            case "&": out += "\\u0026"
            case "\u{2028}": out += "\\u2028"
            case "\u{2029}": out += "\\u2029"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    @Test("JSONValue writes the same bytes JSONEncoder does (sorted keys, slashes unescaped)")
    func sameAsJSONEncoder() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let awkward = (0..<0x20).map { String(UnicodeScalar($0)!) }.joined() + "\"\\/ é ✚ 😀 \u{7F}\u{2028}\u{FEFF}"
        let values: [JSONValue] = [
            "plain", .string(awkward), .int(-42), .int(Int.max), .bool(true), .bool(false), [], [:],
            ["b": .int(1), "a": ["x", .bool(false)], "@type": "Thing", "@id": "https://x.example/#a", "Z": "upper", "aa": [:], "a1": .int(2), "é": "key"],
            ["@graph": [["name": .string(awkward), "sameAs": ["https://a.example/", "https://b.example/"]]]],
        ]
        for value in values {
            let expected = String(decoding: try encoder.encode(value), as: UTF8.self)
            #expect(value.json() == expected)
        }
        // The demo site's own structured data, page by page.
        let (sink, _) = try buildInMemory(Repository.root)
        var blocks = 0
        for (path, bytes) in sink.files where path.hasSuffix(".html") {
            let text = String(decoding: bytes, as: UTF8.self)
            guard let start = text.range(of: "<script type=\"application/ld+json\">"),
                  let end = text.range(of: "</script>", range: start.upperBound..<text.endIndex) else { continue }
            let json = String(text[start.upperBound..<end.lowerBound])
            let object = try JSONSerialization.jsonObject(with: Data(json.utf8))
            #expect(JSONSerialization.isValidJSONObject(object), "\(path)")
            blocks += 1
        }
        #expect(blocks > 5)
    }

    @Test("a clinic named Dr O'Brien \"<b>\" & Co is escaped everywhere it lands")
    func clinicNameEverywhere() throws {
        let (sink, _) = try buildInMemory(Fixtures.root + "/basic")
        let home = try #require(sink.text("index.html"))
        #expect(home.contains("<title>Dr O&#39;Brien &quot;&lt;b&gt;&quot; &amp; Co</title>"))
        #expect(!home.contains("<b>\""))
        #expect(home.contains("\"name\":\"Dr O'Brien \\\"\\u003cb\\u003e\\\" \\u0026 Co\""))
        let page = try #require(sink.text("aftercare/back-pain/index.html"))
        #expect(page.contains("<h1>Back pain &lt;script&gt;alert(1)&lt;/script&gt;</h1>"))
        #expect(!page.contains("<script>alert(1)"))
        #expect(page.contains("content=\"First paragraph with a link and raw html and bad.\""))
        let feed = try #require(sink.text("feed.xml"))
        #expect(feed.contains("<title>Dr O&apos;Brien &quot;&lt;b&gt;&quot; &amp; Co: aftercare advice</title>"))
        // The booking URL's & is escaped inside the attribute.
        #expect(home.contains("href=\"https://book.example.org/?clinic=obrien&amp;lang=en\""))
    }
}
