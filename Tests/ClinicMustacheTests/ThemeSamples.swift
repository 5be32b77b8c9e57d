import ClinicMustache

extension AftercareView {
    /// A full aftercare page: every optional value set, content with characters to escape.
    static var sample: AftercareView {
        let site = Site(
            name: "Willow Street Massage & Physio", language: "en-GB", ogLocale: "en_GB",
            tagline: "Hands-on care, \"evidence\"-based", phone: "+44 20 7946 0000", phoneHref: "tel:+442079460000",
            email: "hello@willowstreet.example", emailHref: "mailto:hello@willowstreet.example",
            bookingURL: "https://book.example/willow?ref=site&src=aftercare", emergency: "Call 999 if you can't breathe <easily>.",
            disclaimer: "This advice doesn't replace a consultation.", mapURL: "https://www.openstreetmap.org/?mlat=51.5&mlon=-0.1",
            address: Address(lines: ["12 Willow Street", "London", "N1 7AB"], text: "12 Willow Street, London N1 7AB"),
            hours: [
                Day(key: "mon", day: "Monday", ranges: [OpeningRange(opens: "09:00", closes: "13:00"), OpeningRange(opens: "14:00", closes: "18:00")]),
                Day(key: "tue", day: "Tuesday", ranges: [OpeningRange(opens: "09:00", closes: "18:00")], notes: [
                    DayNote(text: "Closed on 24 December: Closed for the <holidays>", from: "2026-12-24", to: "2026-12-24", shown: true),
                    DayNote(text: "Closed on 31 December", from: "2026-12-31", to: "2026-12-31", shown: false),
                ]),
                Day(key: "sun", day: "Sunday", ranges: []),
            ],
            social: [Social(url: "https://social.example/@willow")])
        let paragraph = "<p>Drink water &amp; rest. Avoid hot baths for 24&nbsp;hours; it's normal to feel \"tender\".</p>\n"
        let page = AftercarePage(
            title: "Cupping aftercare: what's <normal>", headTitle: "Cupping aftercare · Willow Street", kind: "aftercare",
            path: "/aftercare/cupping/", url: "https://willowstreet.example/aftercare/cupping/",
            description: "What to expect after cupping & how to look after yourself.", treatment: "Cupping",
            summary: "Marks fade in 3–10 days.", reviewed: DayText(iso: "2025-03-14", text: "14 March 2025"), reviewedBy: "Dr Ana Ruiz",
            readingMinutes: 4,
            toc: [TocItem(level: 2, id: "first-day", title: "The first day"), TocItem(level: 3, id: "marks", title: "Marks & bruising"),
                  TocItem(level: 2, id: "when-to-call", title: "When to call us")],
            content: String(repeating: paragraph, count: 24),
            faqSections: [FAQSection(id: "faq-general", title: "Questions", intro: "<p>Common questions.</p>", questions: [
                Question(id: "faq-marks", question: "Will the marks hurt?", answer: "<p>Rarely; they're like a bruise.</p>"),
                Question(id: "faq-shower", question: "Can I shower?", answer: "<p>Yes, lukewarm.</p>"),
            ])],
            related: [PageLink(title: "Massage aftercare", url: "/aftercare/massage/"), PageLink(title: "Dry needling", url: "/aftercare/dry-needling/")],
            qrCode: "<svg viewBox=\"0 0 29 29\"><path d=\"M0 0h7v7H0z\"/></svg>")
        return AftercareView(
            site: site, page: page,
            links: Links(home: "/", aftercare: "/aftercare/", feed: "/feed.xml", faq: "/faq/"),
            assets: Assets(styleCSS: "/assets/style.3f2a.css", siteJS: "/assets/site.91bc.js"),
            nav: [NavItem(title: "Home", url: "/"), NavItem(title: "Aftercare", url: "/aftercare/", inSection: true),
                  NavItem(title: "FAQ", url: "/faq/"), NavItem(title: "About & prices", url: "/about/")],
            jsonLD: "{\"@context\":\"https://schema.org\",\"@type\":\"Article\",\"headline\":\"Cupping aftercare\"}",
            closures: Closures(
                notices: [DayNote(text: "Closed Thursday 24 December: Closed for the <holidays>", from: "2026-12-10", to: "2026-12-24", shown: true),
                          DayNote(text: "Closed Friday 15 January", from: "2027-01-01", to: "2027-01-15", shown: false)],
                upcoming: [DayNote(text: "Closed Thursday 24 December: Closed for the <holidays>", from: "2026-12-24", to: "2026-12-24", shown: true),
                           DayNote(text: "Open 09:00–13:00 on Thursday 31 December", from: "2026-12-31", to: "2026-12-31", shown: false)]))
    }

    /// The same page with every optional value absent and every list empty.
    static var bare: AftercareView {
        var view = sample
        view.site = Site(name: "Bare Clinic", language: "en", ogLocale: "en", hours: [], social: [])
        view.page.url = nil
        view.page.description = nil
        view.page.treatment = nil
        view.page.summary = nil
        view.page.reviewed = nil
        view.page.reviewedBy = nil
        view.page.toc = []
        view.page.faqSections = []
        view.page.related = []
        view.links.faq = nil
        view.assets = Assets()
        view.nav = []
        view.closures = Closures()
        return view
    }
}
