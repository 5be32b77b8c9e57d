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

@Suite("Markdown through cmark")
struct MarkdownTests {
    @Test("raw HTML is omitted and javascript: links dropped by default")
    func safeByDefault() {
        let html = MarkdownRenderer.render("Hi <script>alert(1)</script> [x](javascript:alert(1)) <b>b</b>\n\n<div onclick=\"x\">block</div>\n").html
        #expect(!html.contains("<script"))
        #expect(!html.contains("<div"))
        #expect(!html.contains("<b>"))
        #expect(!html.contains("javascript:"))
        #expect(html.contains("<a href=\"\">x</a>"))
    }

    @Test("markdown.unsafe_html keeps raw HTML")
    func unsafeOptIn() {
        let html = MarkdownRenderer.render("Hi <b>bold</b>\n", options: MarkdownOptions(unsafeHTML: true)).html
        #expect(html.contains("<b>bold</b>"))
    }

    @Test("smart punctuation: curly quotes, dashes and ellipses")
    func smartPunctuation() {
        let html = MarkdownRenderer.render("\"Quoted\" -- it's fine --- really...\n").html
        #expect(html == "<p>“Quoted” – it’s fine — really…</p>\n")
    }

    @Test("headings get stable, unique ids that avoid the theme's own ids")
    func headingIDs() {
        let markdown = "## Rest & recover\n\n## Rest & recover\n\n### Café au lait\n\n## TOC\n\n## 24 hours\n"
        let rendered = MarkdownRenderer.render(markdown)
        #expect(rendered.headings.map(\.id) == ["rest-recover", "rest-recover-2", "cafe-au-lait", "toc-2", "s-24-hours"])
        #expect(rendered.html.contains("<h2 id=\"rest-recover\">Rest &amp; recover</h2>"))
        #expect(rendered.html.contains("<h3 id=\"cafe-au-lait\">Café au lait</h3>"))
        #expect(rendered.headings.map(\.level) == [2, 2, 3, 2, 2])
    }

    @Test("heading content keeps inline formatting and stays safe")
    func headingInline() {
        let html = MarkdownRenderer.render("## *Gentle* <b>stretch</b>\n").html
        #expect(html.contains("<h2 id=\"gentle-stretch\"><em>Gentle</em> <!-- raw HTML omitted -->stretch<!-- raw HTML omitted --></h2>"))
    }

    @Test("the first paragraph is the summary, as plain text")
    func firstParagraph() {
        let rendered = MarkdownRenderer.render("# Title\n\nFirst *para*\ngraph with `code`.\n\nSecond.\n")
        #expect(rendered.firstParagraph == "First para graph with code.")
    }

    @Test("word count and reading time")
    func wordCount() {
        let words = Array(repeating: "word", count: 401).joined(separator: " ")
        let rendered = MarkdownRenderer.render("## Two words\n\n\(words)\n\nDon't split \"smart\" quotes.\n")
        #expect(rendered.wordCount == 2 + 401 + 4)
        #expect(rendered.readingMinutes == 3)
    }

    @Test("root-relative links get the site's sub-path; others are left alone")
    func subPathLinks() {
        // An SVG is not a photo (photos become placeholders the render stage fills in).
        let rendered = MarkdownRenderer.render("[a](/faq/) [b](https://x.example/) [c](//cdn.example/x) ![d](/media/x.svg) [e](other/)\n",
                                               options: MarkdownOptions(basePath: "/clinic/"))
        #expect(rendered.html.contains("href=\"/clinic/faq/\""))
        #expect(rendered.html.contains("src=\"/clinic/media/x.svg\""))
        #expect(rendered.html.contains("href=\"https://x.example/\""))
        #expect(rendered.html.contains("href=\"//cdn.example/x\""))
        #expect(rendered.html.contains("href=\"other/\""))
        #expect(rendered.links.map(\.url) == ["/faq/", "https://x.example/", "//cdn.example/x", "/media/x.svg", "other/"])
    }

    @Test("link places point into the file")
    func linkPlaces() {
        let rendered = MarkdownRenderer.render("Intro\n\nSee [here](/x/).\n", firstLine: 5)
        #expect(rendered.links.first?.line == 7)
        #expect(rendered.links.first?.column == 5)
    }

    @Test("invalid UTF-8 and NUL never crash")
    func oddBytes() {
        let text = "a\u{0}b " + String(decoding: [0xFF, 0xFE, 0x41], as: UTF8.self)
        let html = MarkdownRenderer.render(text).html
        #expect(html.hasPrefix("<p>a"))
    }
}

@Suite("FAQ parsing from the cmark tree")
struct FAQParserTests {
    @Test("## starts a section, ### is a question, blocks until the next heading answer it")
    func sectionsAndQuestions() {
        let markdown = """
        Intro paragraph.

        ## After your massage

        ### Why am I sore?

        Because muscles *worked*.

        - drink water
        - rest

        ### How long?

        Two to three days.

        #### A detail heading

        Still part of the answer.

        ## Booking

        ### How often?

        Every other week.
        """
        let result = FAQParser.parse(markdown, path: "content/faq.md", firstLine: 4)
        #expect(result.diagnostics.isEmpty)
        #expect(result.introHTML == "<p>Intro paragraph.</p>\n")
        #expect(result.sections.map(\.title) == ["After your massage", "Booking"])
        // "booking" is an id the theme uses itself, so the section takes the next free one.
        #expect(result.sections.map(\.id) == ["after-your-massage", "booking-2"])
        let first = result.sections[0].questions
        #expect(first.map(\.question) == ["Why am I sore?", "How long?"])
        #expect(first[0].answerHTML == "<p>Because muscles <em>worked</em>.</p>\n<ul>\n<li>drink water</li>\n<li>rest</li>\n</ul>\n")
        #expect(first[0].answerText == "Because muscles worked. drink water rest")
        #expect(first[1].answerHTML.contains("<h4>A detail heading</h4>"))
        #expect(first[0].location == SourceLocation(path: "content/faq.md", line: 8, column: 1))
        #expect(result.sections[1].questions.map(\.id) == ["how-often"])
    }

    @Test("a question before any section and a question without answer are errors with places")
    func problems() {
        let result = FAQParser.parse("### Orphan?\n\nText\n\n## S\n\n### Empty?\n\n## T\n", path: "content/faq.md")
        let errors = result.diagnostics.errors
        #expect(errors.count == 2)
        #expect(errors.contains { $0.location.line == 1 && $0.message.contains("before any section") })
        #expect(errors.contains { $0.location.line == 7 && $0.message.contains("has no answer") })
        #expect(result.diagnostics.warnings.contains { $0.location.line == 9 && $0.message.contains("no questions") })
    }

    @Test("question ids are unique across sections")
    func uniqueIDs() {
        let result = FAQParser.parse("## A\n\n### Same?\n\nx\n\n## B\n\n### Same?\n\ny\n", path: "faq.md")
        #expect(result.sections.flatMap(\.questions).map(\.id) == ["same", "same-2"])
    }
}

@Suite("Places of links and headings")
struct MarkdownPlacesTests {
    @Test("columns count characters, not bytes, after accented letters")
    func columns() {
        let rendered = MarkdownRenderer.render("Crème brûlée: [recipe](/r/)\n\n## Où aller\n", firstLine: 5)
        #expect(rendered.links.first?.line == 5)
        #expect(rendered.links.first?.column == 15)
        #expect(rendered.headings.first?.line == 7)
        #expect(rendered.headings.first?.column == 1)
    }

    @Test("faq.md keeps its links and every heading with their places")
    func faq() {
        let result = FAQParser.parse("Intro [home](/).\n\n## Section\n\n### Question?\n\nAnswer, see [this](#section).\n\n#### Detail\n\nMore.\n",
                                     path: "content/faq.md", firstLine: 5)
        #expect(result.links.map(\.url) == ["/", "#section"])
        #expect(result.links.map(\.line) == [5, 11])
        #expect(result.headings.map(\.level) == [2, 3, 4])
        #expect(result.headings.map(\.line) == [7, 9, 13])
        #expect(result.headings.map(\.id) == ["section", "question", ""])
    }
}
