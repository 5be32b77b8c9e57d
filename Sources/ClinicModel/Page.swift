import ClinicBase
import ClinicContent
import ClinicMarkdown

/// A section of the FAQ an aftercare page asks for in its front matter (`faq: [After your
/// massage]`), with where it asks.
public struct FAQReference: Sendable, Hashable {
    /// The section title as written.
    public var title: String
    /// Where it is written.
    public var location: SourceLocation

    /// Creates a reference.
    public init(title: String, location: SourceLocation) {
        self.title = title
        self.location = location
    }
}

/// An aftercare page, from `content/aftercare/<name>.md`.
public struct AftercarePage: Sendable, Equatable {
    /// The file it came from.
    public var sourcePath: String
    /// The last part of its address.
    public var slug: String
    /// Where an address clash is reported: the `slug:` line, or the file's start.
    public var slugLocation: SourceLocation
    public var title: String
    /// Front matter `summary`, else the first paragraph's text.
    public var summary: String?
    /// True when `summary` came from front matter.
    public var hasOwnSummary: Bool
    public var treatment: String?
    public var date: Day?
    public var updated: Day?
    public var reviewed: Day?
    /// Where front matter gives `reviewed`, if it does.
    public var reviewedLocation: SourceLocation?
    public var reviewedBy: String?
    public var tags: [String]
    public var draft: Bool
    /// The FAQ sections named in front matter, as named.
    public var faqReferences: [FAQReference]
    /// The FAQ sections named in front matter, in that order, as the FAQ has them.
    public var faqSections: [FAQSection]
    /// The template that renders it (`aftercare` unless front matter names another).
    public var template: String
    /// Where front matter named the template, if it did.
    public var templateLocation: SourceLocation?
    /// The rendered body.
    public var content: RenderedMarkdown
    /// Front matter `image`: shown at the top, and the page's `og:image`.
    public var image: ImageUse? = nil
    /// The photos the body shows or links to: `images[n]` goes where `content.html` holds
    /// placeholder `n`.
    public var images: [ImageUse] = []

    /// `aftercare/<slug>/`
    public var path: String { "aftercare/\(slug)/" }

    /// The most recent of `updated` and `date`.
    public var lastChanged: Day? {
        switch (updated, date) {
        case let (updated?, date?): max(updated, date)
        case let (updated?, nil): updated
        case let (nil, date?): date
        case (nil, nil): nil
        }
    }
}

/// Another page (about, services, contact…), from `content/<name>.md`.
public struct Page: Sendable, Equatable {
    public var sourcePath: String
    public var slug: String
    /// Where an address clash is reported: the `slug:` line, or the file's start.
    public var slugLocation: SourceLocation
    public var title: String
    public var summary: String?
    public var date: Day?
    public var updated: Day?
    public var draft: Bool
    /// Position in the header menu, or nil for none.
    public var menu: Int?
    /// The template that renders it (`page` unless front matter names another).
    public var template: String
    /// Where front matter named the template, if it did.
    public var templateLocation: SourceLocation?
    public var content: RenderedMarkdown
    /// Front matter `image`: shown at the top, and the page's `og:image`.
    public var image: ImageUse? = nil
    /// The photos the body shows or links to: `images[n]` goes where `content.html` holds
    /// placeholder `n`.
    public var images: [ImageUse] = []

    /// `<slug>/`
    public var path: String { "\(slug)/" }
}

/// The home page's own text, from `content/index.md` (optional).
public struct HomePage: Sendable, Equatable {
    public var sourcePath: String?
    /// A title for the browser tab; the clinic's name when not given.
    public var title: String?
    public var summary: String?
    public var introHTML: String
    /// Links and images in `index.md`, with their places (for `clinicsite check`).
    public var links: [MarkdownLink] = []
    /// Headings in `index.md`, with their places (for `clinicsite check`).
    public var headings: [Heading] = []
    /// The photos the introduction shows or links to, by placeholder number.
    public var images: [ImageUse] = []
}

/// A page left out of the build, and why.
public struct Exclusion: Sendable, Hashable {
    public var path: String
    public var reason: String
}
