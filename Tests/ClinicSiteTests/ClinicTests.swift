import ClinicSiteTestSupport
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

@Suite("clinic.yml")
struct ClinicTests {
    func read(_ yaml: String) -> (Clinic?, [Diagnostic]) {
        Clinic.read(source(yaml, path: "content/clinic.yml"))
    }

    @Test("a complete clinic reads every field")
    func complete() throws {
        let (clinic, diagnostics) = read("""
        name: Willow
        kind: physiotherapy
        url: https://example.org/willow
        phone: "+1 (555) 0100"
        booking_url: https://book.example/w
        hours:
          monday: "09:00-12:00, 13:00-17:00"
          sunday: closed
        markdown: { unsafe_html: true }
        """)
        #expect(diagnostics.isEmpty)
        let value = try #require(clinic)
        #expect(value.schemaType == "Physiotherapy")
        #expect(value.url.basePath == "/willow/")
        #expect(value.url.absolute("faq/") == "https://example.org/willow/faq/")
        #expect(value.phoneURL == "tel:+15550100")
        #expect(value.unsafeHTML)
        let monday = value.hours?.days.first
        #expect(monday?.weekday == .monday)
        #expect(monday?.ranges.map(\.text) == ["09:00–12:00", "13:00–17:00"])
        #expect(value.hours?.days.last?.ranges.isEmpty == true)
        #expect(value.hours?.days.count == 7)
    }

    @Test("missing name and url are errors")
    func required() {
        let (clinic, diagnostics) = read("tagline: x\n")
        #expect(clinic == nil)
        #expect(Set(diagnostics.errors.map(\.message)) == ["missing required field 'name'", "missing required field 'url'"])
    }

    @Test("bad hours, kind, URLs and email are errors at their values")
    func invalidValues() {
        let (_, diagnostics) = read("""
        name: X
        url: ftp://example.org/
        kind: reiki
        email: not-an-email
        booking_url: javascript:alert(1)
        hours:
          monday: "9-5"
          tuesday: "17:00-09:00"
          funday: closed
        """)
        let lines = diagnostics.errors.map(\.location.line).sorted()
        #expect(lines == [2, 3, 4, 5, 7, 8, 9])
        #expect(diagnostics.errors.contains { $0.message.contains("'9-5' is not a time range") && $0.location.column == 11 })
        #expect(diagnostics.errors.contains { $0.message.contains("closes before it opens") })
        #expect(diagnostics.errors.contains { $0.message.contains("'booking_url' must be a full web address") })
        #expect(diagnostics.errors.contains { $0.message.contains("'funday' is not a day of the week") })
    }

    @Test("JaVaScRiPt: and data: URLs are refused in booking_url")
    func hostileURLs() {
        for url in ["JaVaScRiPt:alert(1)", "data:text/html,<script>", " javascript:alert(1)", "https://x.example/\" onmouseover=\"x"] {
            let (clinic, diagnostics) = read("name: X\nurl: https://example.org/\nbooking_url: '\(url)'\n")
            #expect(clinic?.bookingURL == nil)
            #expect(!diagnostics.errors.isEmpty, "accepted \(url)")
        }
    }

    @Test("a broken YAML file reports its line and column")
    func brokenYAML() {
        let (_, diagnostics) = read("name: X\nurl: [unclosed\n")
        #expect(diagnostics.count == 1)
        #expect(diagnostics[0].location.path == "content/clinic.yml")
        // Where the YAML parser finds the list unclosed: the end of the file.
        #expect(diagnostics[0].location.line == 3)
        #expect(diagnostics[0].location.column == 1)
    }
}

@Suite("Slugs")
struct SlugTests {
    @Test("slugs from file names and titles")
    func make() {
        #expect(Slug.make(from: "Cupping aftercare") == "cupping-aftercare")
        #expect(Slug.make(from: "Hot stones & you!") == "hot-stones-you")
        #expect(Slug.make(from: "Crème brûlée") == "creme-brulee")
        #expect(Slug.make(from: "Don't panic") == "dont-panic")
        #expect(Slug.make(from: "😀") == "")
    }

    @Test("slugs that would leave the output folder are refused")
    func escaping() {
        for slug in ["../../x", "/etc/passwd", "a/b", "..", "a\\b", "Upper", "spa ce", ""] {
            #expect(Slug.problem(with: slug) != nil, "accepted \(slug)")
        }
        #expect(Slug.problem(with: "cupping-aftercare") == nil)
    }

    @Test("two pages with the same address: an error naming both files")
    func collision() throws {
        let folder = try TemporaryFolder()
        let site = try folder.copySite("basic")
        try folder.write("---\ntitle: Clash\nslug: neck-pain\n---\nBody\n", to: "site-folder/content/aftercare/other.md")
        let errors = buildErrors(site).errors
        #expect(errors.count == 1)
        #expect(errors[0].location.path.hasSuffix("content/aftercare/other.md"))
        #expect(errors[0].location.line == 3)
        #expect(errors[0].message.contains("content/aftercare/neck-pain.md"))
    }

    @Test("NFC/NFD and case variants of a file name clash instead of overwriting")
    func unicodeDuplicates() throws {
        let folder = try TemporaryFolder()
        let site = try folder.copySite("basic")
        try folder.write("---\ntitle: A\n---\nx\n", to: "site-folder/content/aftercare/Caf\u{E9}.md")
        try folder.write("---\ntitle: B\n---\nx\n", to: "site-folder/content/aftercare/cafe\u{301}.md")
        let errors = buildErrors(site).errors
        #expect(errors.count == 1)
        #expect(errors[0].message.contains("already used"))
    }

    @Test("a page may not take a slug the site uses itself")
    func reserved() throws {
        let folder = try TemporaryFolder()
        let site = try folder.copySite("basic")
        try folder.write("---\ntitle: FAQ clash\nslug: faq\n---\nx\n", to: "site-folder/content/questions.md")
        let errors = buildErrors(site).errors
        #expect(errors.map(\.message).contains { $0.contains("the FAQ page") })
    }

    @Test("slug: ../../x is an error at the slug's place")
    func traversal() throws {
        let folder = try TemporaryFolder()
        let site = try folder.copySite("basic")
        try folder.write("---\ntitle: Escape\nslug: ../../x\n---\nx\n", to: "site-folder/content/aftercare/escape.md")
        let errors = buildErrors(site).errors
        #expect(errors.count == 1)
        #expect(errors[0].location.line == 3 && errors[0].location.column == 7)
        #expect(errors[0].message.contains("would leave"))
    }
}

@Suite("Slugs: ASCII fast path")
struct SlugFastPathTests {
    @Test("ASCII text gives the same slug through the fast path as through the Unicode path")
    func sameAsUnicode() {
        for text in ["Cupping aftercare", "Hot stones & you!", "Don't panic", "  --Lead_in--  ", "A1 b2 C3", "x'y", "___", ""] {
            // Appending a combining mark forces the Unicode path; the mark itself is dropped.
            #expect(Slug.make(from: text) == Slug.make(from: text + "\u{301}"), "\(text)")
        }
    }
}
