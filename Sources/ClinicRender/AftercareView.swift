import ClinicBase
import ClinicContent
import ClinicMarkdown
import ClinicModel

/// A heading in an aftercare page's table of contents.
public struct TocEntry: Sendable, Equatable {
    public var level: Int
    public var id: String
    public var title: String
}

/// An FAQ section as a page shows it, with anchors prefixed for the page it is on.
public struct FAQSectionView: Sendable, Equatable {
    /// A question and its answer.
    public struct Question: Sendable, Equatable {
        public var question: String
        public var id: String
        /// HTML.
        public var answer: String
        /// The answer as text, for structured data.
        public var answerText: String
        /// Its anchor on the FAQ page.
        public var faqURL: String
    }

    public var title: String
    public var id: String
    /// HTML before the first question.
    public var intro: String
    /// The section's anchor on the FAQ page.
    public var faqURL: String
    public var questions: [Question]

    /// `section` with ids prefixed by `idPrefix` (`faq-` on aftercare pages, so they cannot
    /// clash with the page's own headings), its HTML given its photos by `photos`.
    init(_ section: FAQSection, idPrefix: String, url: SiteURL, photos: (String) -> String = { $0 }) {
        let faq = url.path("faq/") + "#"
        title = section.title
        id = idPrefix + section.id
        intro = photos(section.introHTML)
        faqURL = faq + section.id
        questions = section.questions.map { question in
            Question(question: question.question, id: idPrefix + question.id, answer: photos(question.answerHTML),
                     answerText: question.answerText, faqURL: faq + question.id)
        }
    }
}

/// What an aftercare page's own view takes from the site besides the page and its photos.
/// ``AftercarePageView/init(_:context:photos:)`` reads nothing else, so a page whose value and
/// context are the same as in the last build, and that shows no photo, keeps its view
/// (``SiteViews``): the compiler holds that rule, not a list kept by hand.
struct AftercarePageContext: Equatable {
    var clinicName: String
    var clinicDescription: String?
    var url: SiteURL
    /// The `og:image` of pages without a photo of their own.
    var socialImage: SocialImage?

    init(_ site: Site, pictures: Pictures) {
        clinicName = site.clinic.name
        clinicDescription = site.clinic.description
        url = site.clinic.url
        socialImage = pictures.social(nil)
    }
}

/// The photos as aftercare pages show them: what a page's view takes from the site when it
/// shows any (its own, or its FAQ sections'), and the FAQ's sections as the pages show them
/// (anchors prefixed `faq-`), made once for all the pages of a site value: the 2,500 pages of
/// a 10,000-page site that show one section share its view and its strings.
struct AftercarePagePhotos {
    let pictures: Pictures
    /// The FAQ's photos, shown in its sections.
    let faqImages: [ImageUse]
    private var sections: [String: (section: FAQSection, view: FAQSectionView)] = [:]

    init(_ site: Site, pictures: Pictures) {
        self.pictures = pictures
        faqImages = site.faq?.images ?? []
        for section in site.faq?.sections ?? [] {
            sections[section.id] = (section, make(section))
        }
    }

    /// The view of `section` (as a page has it: normally the FAQ's own).
    func view(of section: FAQSection) -> FAQSectionView {
        if let kept = sections[section.id], kept.section == section { return kept.view }
        return make(section)
    }

    private func make(_ section: FAQSection) -> FAQSectionView {
        FAQSectionView(section, idPrefix: "faq-", url: pictures.url) { [pictures, faqImages] in pictures.splice($0, faqImages) }
    }

    /// True when `page`'s view depends on photos (its own, or its FAQ sections'): it is made
    /// again on every rebuild rather than taken over, as their facts may have changed.
    func areShown(on page: Shared<AftercarePage>) -> Bool {
        // Field by field through the reference: passing the page itself would copy it, for
        // every page of the site on every save in `serve`.
        page.value.image != nil || !page.value.images.isEmpty || (!page.value.faqSections.isEmpty && !faqImages.isEmpty)
    }
}

/// What an aftercare page's template reads of the page itself.
public struct AftercarePageView: Sendable, Equatable {
    public var head: PageHead
    /// The file it comes from.
    public var source: String
    public var slug: String
    /// The template that renders it.
    public var template: String
    /// The body, HTML.
    public var content: String
    public var summary: String?
    /// The treatment as written (structured data) and as shown (`Hot stone`).
    public var treatment, treatmentShown: String?
    public var reviewedBy: String?
    public var date, updated, reviewed, lastChanged: Day?
    public var tags: [String]
    /// The body's headings (the page's own list, not a copy).
    public var headings: [Heading]
    public var wordCount: Int
    public var readingMinutes: Int
    public var faqSections: [FAQSectionView]
    /// Front matter `image`, shown at the top.
    public var image: PictureView?
    /// The photos the page shows (display paths), for scheduling.
    public var photos: Set<String>

    /// The output file: `aftercare/<slug>/index.html`.
    public var key: String { "aftercare/\(slug)/index.html" }

    /// `##` and `###` headings.
    public var toc: [TocEntry] {
        headings.compactMap { $0.level == 2 || $0.level == 3 ? TocEntry(level: $0.level, id: $0.id, title: $0.title) : nil }
    }

    init(_ page: AftercarePage, context: AftercarePageContext, photos shown: AftercarePagePhotos) {
        let pictures = shown.pictures
        head = PageHead(kind: .aftercare, title: page.title, description: page.summary ?? context.clinicDescription, path: page.path,
                        clinicName: context.clinicName, url: context.url,
                        image: page.image == nil ? context.socialImage : pictures.social(page.image))
        source = page.sourcePath
        slug = page.slug
        template = page.template
        content = pictures.splice(page.content.html, page.images)
        summary = page.summary
        treatment = page.treatment
        treatmentShown = page.treatment.map(Site.displayTreatment)
        reviewedBy = page.reviewedBy
        date = page.date
        updated = page.updated
        reviewed = page.reviewed
        lastChanged = page.lastChanged
        tags = page.tags
        headings = page.content.headings
        wordCount = page.content.wordCount
        readingMinutes = page.content.readingMinutes
        faqSections = page.faqSections.map(shown.view(of:))
        image = pictures.picture(page.image)
        photos = Pictures.sources([page.image] + page.images + (page.faqSections.isEmpty ? [] : shown.faqImages), in: pictures.images)
    }
}

/// An aftercare page (`aftercare/<slug>/index.html`).
public struct AftercareView: Sendable, Equatable {
    public var chrome: Chrome
    public var page: Shared<AftercarePageView>
    /// Up to three related pages, best first.
    public var related: [ListingEntry]

    /// True when the page shows any of `sources`.
    func shows(_ sources: Set<String>, chromeChanged: Bool) -> Bool {
        sources.contains(page.value.source) || related.contains { $0.isFrom(sources) } || chrome.shows(sources, changed: chromeChanged)
            || !page.value.photos.isDisjoint(with: sources)
    }
}
