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

@Suite("Callouts")
struct CalloutTests {
    @Test("each marker becomes a labelled callout", arguments: CalloutKind.allCases)
    func kinds(_ kind: CalloutKind) {
        let rendered = MarkdownRenderer.render("> [!\(kind.rawValue.uppercased())]\n> Drink *water*.\n")
        #expect(rendered.callouts == [kind])
        #expect(rendered.html.hasPrefix("<div class=\"callout callout-\(kind.rawValue)\" role=\"note\" aria-label=\"\(kind.label)\">"))
        #expect(rendered.html.contains("\(kind.label)</p>"))
        #expect(rendered.html.contains("<p>Drink <em>water</em>.</p>"))
        #expect(!rendered.html.contains("<blockquote>"))
        #expect(!rendered.html.contains("[!"))
    }

    @Test("markers are case-insensitive and text after the marker is kept")
    func sameLine() {
        let rendered = MarkdownRenderer.render("> [!warning] Hot stones can burn.\n> Tell us.\n")
        #expect(rendered.callouts == [.warning])
        #expect(rendered.html.contains("<p>Hot stones can burn.\nTell us.</p>"))
    }

    @Test("unknown markers and ordinary quotes stay quotes")
    func unknown() {
        for markdown in ["> [!DANGER]\n> text\n", "> Just a quote\n", "> [NOTE]\n> text\n", "> text [!NOTE]\n"] {
            let rendered = MarkdownRenderer.render(markdown)
            #expect(rendered.callouts.isEmpty, "converted \(markdown)")
            #expect(rendered.html.hasPrefix("<blockquote>"))
        }
    }

    @Test("a callout may hold lists and headings, and nest in a list")
    func blocks() {
        let rendered = MarkdownRenderer.render("- item\n\n  > [!TIP]\n  > - one\n  > - two\n\n> [!NOTE]\n> ## Inside\n")
        #expect(rendered.callouts == [.tip, .note])
        #expect(rendered.html.contains("<ul>\n<li>one</li>"))
        #expect(rendered.html.contains("<h2 id=\"inside\">Inside</h2>"))
    }

    @Test("callouts stay safe: raw HTML inside is still omitted")
    func safe() {
        let html = MarkdownRenderer.render("> [!EMERGENCY]\n> Call 911 <script>alert(1)</script> now\n\n> [!NOTE]\n> <script>alert(2)</script>\n").html
        #expect(!html.contains("<script"))
        #expect(html.contains("Call 911 <!-- raw HTML omitted -->alert(1)<!-- raw HTML omitted --> now"))
    }

    @Test("a callout is not the page summary; the first real paragraph is")
    func summary() {
        let rendered = MarkdownRenderer.render("> [!NOTE]\n> Side note.\n\nThe real start.\n")
        #expect(rendered.firstParagraph == "The real start.")
    }

    @Test("FAQ answers get callouts too")
    func faq() {
        let result = FAQParser.parse("## S\n\n### Q?\n\n> [!URGENT]\n> Call us.\n", path: "faq.md")
        #expect(result.sections[0].questions[0].answerHTML.contains("callout-urgent"))
    }
}

@Suite("QR codes")
struct QRCodeTests {
    @Test("a URL encodes to a square QR symbol with its three finder patterns")
    func structure() throws {
        let code = try #require(QRCode(encoding: "https://willowstreet.example/aftercare/cupping-aftercare/"))
        let size = code.size
        let modules = (0..<size).map { row in (0..<size).map { code.isDark(row: row, column: $0) } }
        #expect((size - 17) % 4 == 0 && size >= 21)
        #expect(modules.allSatisfy { $0.count == size })
        // Finder patterns: a dark 7×7 ring with a dark 3×3 centre, at three corners.
        for (row, column) in [(0, 0), (0, size - 7), (size - 7, 0)] {
            for offset in 0..<7 {
                #expect(modules[row][column + offset] && modules[row + 6][column + offset])
                #expect(modules[row + offset][column] && modules[row + offset][column + 6])
            }
            #expect(!modules[row + 1][column + 1])
            #expect(modules[row + 3][column + 3])
        }
    }

    @Test("the SVG path draws exactly the QR modules")
    func pathMatchesModules() throws {
        let url = "https://willowstreet.example/aftercare/why-am-i-sore-after-massage/"
        let code = try #require(QRCode(encoding: url))
        let modules = (0..<code.size).map { row in (0..<code.size).map { code.isDark(row: row, column: $0) } }
        let svg = code.svg(label: "x")
        let start = try #require(svg.range(of: " d=\""))
        let path = svg[start.upperBound...].prefix { $0 != "\"" }
        var grid = Array(repeating: Array(repeating: false, count: modules.count), count: modules.count)
        for run in path.split(separator: "z") {
            // M{x} {y}h{n}v1h-{n}
            let numbers = run.split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }
            #expect(numbers.count == 5 && numbers[4] == numbers[2] && numbers[3] == 1)
            for x in numbers[0]..<(numbers[0] + numbers[2]) { grid[numbers[1] - 4][x - 4] = true }
        }
        #expect(grid == modules)
    }

    @Test("the SVG has a quiet zone, one path, and an escaped label")
    func svg() throws {
        let code = try #require(QRCode(encoding: "https://example.org/x/"))
        let svg = code.svg(label: "QR code for <x>")
        let size = code.size + 8
        #expect(svg.contains("viewBox=\"0 0 \(size) \(size)\""))
        #expect(svg.contains("aria-label=\"QR code for &lt;x&gt;\""))
        #expect(svg.components(separatedBy: "<path").count == 2)
    }
}

@Suite("Structured data")
struct StructuredDataTests {
    /// The JSON-LD block of a built page, decoded.
    func jsonLD(_ html: String) throws -> [String: Any] {
        let start = try #require(html.range(of: "<script type=\"application/ld+json\">"))
        let end = try #require(html.range(of: "</script>", range: start.upperBound..<html.endIndex))
        let text = String(html[start.upperBound..<end.lowerBound])
        #expect(!text.contains("<") && !text.contains(">") && !text.contains("&"))
        let object = try JSONSerialization.jsonObject(with: Data(text.utf8))
        return try #require(object as? [String: Any])
    }

    /// The `@graph` of a built page's JSON-LD.
    func graph(_ path: String, in sink: MemorySink) throws -> [[String: Any]] {
        let html = try #require(sink.text(path))
        let json = try jsonLD(html)
        return try #require(json["@graph"] as? [[String: Any]])
    }

    @Test("hostile titles round-trip through JSON-LD without ever closing the script")
    func escaping() throws {
        let (sink, _) = try buildInMemory(Fixtures.root + "/basic")
        let graph = try self.graph("aftercare/back-pain/index.html", in: sink)
        let page = try #require(graph.first { $0["@type"] as? String == "MedicalWebPage" })
        #expect(page["name"] as? String == "Back pain <script>alert(1)</script>")
        #expect(page["lastReviewed"] as? String == "2026-02-01")
        let clinic = try #require(graph.first { ($0["@id"] as? String)?.hasSuffix("#clinic") == true })
        #expect(clinic["@type"] as? String == "Physiotherapy")
        #expect(clinic["name"] as? String == "Dr O'Brien \"<b>\" & Co")
    }

    @Test("FAQPage holds only the questions shown on that page")
    func faqPage() throws {
        let (sink, _) = try buildInMemory(Fixtures.root + "/basic")
        let graph = try self.graph("aftercare/back-pain/index.html", in: sink)
        let faq = try #require(graph.first { $0["@type"] as? String == "FAQPage" })
        let questions = (faq["mainEntity"] as? [[String: Any]])?.compactMap { $0["name"] as? String }
        #expect(questions == ["How long will it hurt?", "Should I rest?"])
        let neck = try self.graph("aftercare/neck-pain/index.html", in: sink)
        #expect(!neck.contains { $0["@type"] as? String == "FAQPage" })
    }

    @Test("opening hours become openingHoursSpecification, one per range")
    func hours() throws {
        let (sink, _) = try buildInMemory(Fixtures.root + "/basic")
        let graph = try self.graph("index.html", in: sink)
        let clinic = try #require(graph.first)
        let hours = try #require(clinic["openingHoursSpecification"] as? [[String: String]])
        #expect(hours.map { "\($0["dayOfWeek"]!) \($0["opens"]!)-\($0["closes"]!)" } == [
            "https://schema.org/Monday 09:00-17:00",
            "https://schema.org/Tuesday 09:00-12:00",
            "https://schema.org/Tuesday 13:00-17:00",
        ])
    }
}
