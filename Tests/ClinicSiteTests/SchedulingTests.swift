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

@Suite("Scheduling and review intervals")
struct SchedulingTests {
    let today = Day(year: 2026, month: 12, day: 31)!

    @Test("review_interval: months or years; anything else is an error at the value")
    func reviewInterval() {
        #expect(ReviewInterval("12 months")?.months == 12)
        #expect(ReviewInterval("1 year")?.months == 12)
        #expect(ReviewInterval("2 Years")?.months == 24)
        #expect(ReviewInterval("1 month")?.months == 1)
        for bad in ["12", "a year", "0 months", "-3 months", "6 weeks", "1.5 years"] {
            #expect(ReviewInterval(bad) == nil, "\(bad)")
        }
        let (clinic, diagnostics) = Clinic.read(source("name: A\nurl: https://a.example/\nreview_interval: 6 weeks\n", path: "content/clinic.yml"))
        #expect(clinic?.reviewInterval == .standard)
        #expect(diagnostics.errors.map(\.location.description) == ["content/clinic.yml:3:18"])
        #expect(diagnostics.errors.first?.message.contains("'12 months' or '1 year'") == true)
        let (six, _) = Clinic.read(source("name: A\nurl: https://a.example/\nreview_interval: 6 months\n", path: "content/clinic.yml"))
        #expect(six?.reviewInterval.months == 6)
    }

    func matter(_ yaml: String) -> PageFrontMatter {
        PageDocument.read(source("---\ntitle: T\n\(yaml)---\nBody\n"), kind: .page).0!.frontMatter
    }

    @Test("a page is shown up to and on its 'expires' day, and left out after it")
    func expires() {
        let page = matter("expires: 2026-12-31\n")
        #expect(PageReader.exclusion(page, path: "p.md", options: BuildOptions(today: today)) == nil)
        let later = BuildOptions(today: Day(year: 2027, month: 1, day: 1)!)
        #expect(PageReader.exclusion(page, path: "p.md", options: later)?.reason == "expired on 2026-12-31 (build with --expired to include it)")
        let included = BuildOptions(includeExpired: true, today: Day(year: 2027, month: 1, day: 1)!)
        #expect(PageReader.exclusion(page, path: "p.md", options: included) == nil)
    }

    @Test("'expires' must be a date, and not before 'date'")
    func expiresErrors() {
        let (_, bad) = PageDocument.read(source("---\ntitle: T\nexpires: soon\n---\n"), kind: .aftercare)
        #expect(bad.errors.first?.message.hasPrefix("'expires' is not a date") == true)
        let (_, backwards) = PageDocument.read(source("---\ntitle: T\ndate: 2026-05-02\nexpires: 2026-05-01\n---\n"), kind: .aftercare)
        #expect(backwards.errors.map(\.location.description) == ["content/aftercare/test.md:4:10"])
    }
}
