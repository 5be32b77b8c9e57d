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

@Suite("Check rules")
struct CheckRulesTests {
    @Test("phone numbers: digits with separators pass; letters, too few or too many digits do not")
    func phones() {
        for good in ["+1 555 0100", "(613) 555-0100", "020 7946 0958", "+44 20 7946 0958 ext. 12", "555.0100"] {
            #expect(ClinicRules.phoneProblem(good) == nil, "\(good)")
        }
        #expect(ClinicRules.phoneProblem("555-CALL-NOW")?.contains("has 'c'") == true)
        #expect(ClinicRules.phoneProblem("55-12")?.contains("only 4 digits") == true)
        #expect(ClinicRules.phoneProblem("1234567890123456")?.contains("16 digits") == true)
        #expect(ClinicRules.phoneProblem("555 +0100")?.contains("not at the start") == true)
        #expect(ClinicRules.phoneProblem(nil) == nil)
    }

    @Test("booking links: https with a domain passes; http, bare hosts and example domains do not")
    func bookingLinks() {
        #expect(ClinicRules.webAddressProblem("https://book.example/willow", field: "booking_url") == nil)
        #expect(ClinicRules.webAddressProblem("https://janeapp.com/clinic?x=1", field: "booking_url") == nil)
        #expect(ClinicRules.webAddressProblem("http://book.example/willow", field: "booking_url")?.contains("http://") == true)
        #expect(ClinicRules.webAddressProblem("https://booking/willow", field: "booking_url")?.contains("no domain name") == true)
        #expect(ClinicRules.webAddressProblem("https://www.example.com/book", field: "booking_url")?.contains("example address") == true)
        #expect(ClinicRules.host(of: "https://user@Book.Example:8443/x") == "book.example")
    }

    @Test("heading levels: the first heading under the title is ##, and none may skip a level")
    func headings() {
        func heading(_ level: Int, line: Int) -> Heading {
            Heading(level: level, title: "H", id: "h", line: line, column: 1)
        }
        let fine = CheckedSource(path: "a.md", pagePath: "a/", links: [],
                                 headings: [heading(2, line: 1), heading(3, line: 2), heading(2, line: 3), heading(3, line: 4), heading(4, line: 5)])
        #expect(PageRules.headings(fine).isEmpty)
        let skipping = CheckedSource(path: "a.md", pagePath: "a/", links: [], headings: [heading(3, line: 4), heading(3, line: 6), heading(5, line: 9)])
        #expect(PageRules.headings(skipping).map(\.location.line) == [4, 9])
    }

    @Test("link wording: vague texts are flagged whatever their case and punctuation")
    func linkText() {
        func link(_ text: String, image: Bool = false) -> MarkdownLink {
            MarkdownLink(url: "/faq/", text: text, isImage: image, line: 1, column: 1)
        }
        let source = CheckedSource(path: "a.md", pagePath: "", links: [
            link("Click here!"), link("read more…"), link("our cancellation policy"), link("here and there"),
            link(""), link("", image: true), link("A treatment room", image: true),
        ], headings: [])
        let messages = PageRules.links(source).map(\.message)
        #expect(messages.count == 4)
        #expect(messages[0].hasPrefix("link text 'Click here!'"))
        #expect(messages[1].hasPrefix("link text 'read more…'"))
        #expect(messages[2].hasPrefix("link to '/faq/' has no text"))
        #expect(messages[3].hasPrefix("image '/faq/' has no alt text"))
    }

    @Test("review dates: overdue after the interval, never reviewed, or in the future")
    func reviews() throws {
        let today = Day(year: 2026, month: 11, day: 1)!
        let interval = ReviewInterval(months: 12)
        func page(reviewed: Day?) -> AftercarePage {
            AftercarePage(sourcePath: "content/aftercare/a.md", slug: "a", slugLocation: SourceLocation(path: "content/aftercare/a.md"), title: "A", summary: "S", hasOwnSummary: true,
                          treatment: nil, date: nil, updated: nil, reviewed: reviewed,
                          reviewedLocation: SourceLocation(path: "content/aftercare/a.md", line: 5, column: 11),
                          reviewedBy: nil, tags: [], draft: false, faqReferences: [], faqSections: [], template: "aftercare", templateLocation: nil,
                          content: MarkdownRenderer.render("Text"))
        }
        #expect(PageRules.aftercare(page(reviewed: Day(year: 2025, month: 11, day: 1)), interval: interval, today: today).isEmpty)
        let overdue = PageRules.aftercare(page(reviewed: Day(year: 2025, month: 10, day: 31)), interval: interval, today: today)
        #expect(overdue.map(\.location.description) == ["content/aftercare/a.md:5:11"])
        #expect(overdue.first?.message.contains("more than 12 months ago") == true)
        #expect(PageRules.aftercare(page(reviewed: nil), interval: interval, today: today).first?.message.contains("never reviewed") == true)
        #expect(PageRules.aftercare(page(reviewed: Day(year: 2027, month: 1, day: 1)), interval: interval, today: today).first?.message.contains("in the future") == true)
    }
}
