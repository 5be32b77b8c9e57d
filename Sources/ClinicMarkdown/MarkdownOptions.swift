import ClinicBase
/// How Markdown is turned into HTML.
public struct MarkdownOptions: Sendable, Hashable {
    /// Keep raw HTML and `javascript:`-style links. Off by default: cmark then omits raw HTML
    /// and drops unsafe URLs. Set by `markdown.unsafe_html: true` in `clinic.yml`.
    public var unsafeHTML: Bool
    /// The site's base path (`/` or `/willow/`); root-relative links (`/faq/`) are prefixed
    /// with it so they work when the site lives under a sub-path.
    public var basePath: String
    /// Heading ids the theme uses for itself; headings never take these.
    public var reservedIDs: Set<String>

    /// Creates options.
    public init(unsafeHTML: Bool = false, basePath: String = "/", reservedIDs: Set<String> = MarkdownOptions.themeIDs) {
        self.unsafeHTML = unsafeHTML
        self.basePath = basePath
        self.reservedIDs = reservedIDs
    }

    /// Element ids the default theme's templates use.
    public static let themeIDs: Set<String> = [
        "top", "main", "content", "toc", "site-header", "site-footer", "site-nav", "hours", "booking",
        "faq", "related", "contact", "services", "visit", "team", "latest", "clinic-name",
        "footer-contact", "footer-hours", "footer-links",
    ]
}

/// A heading in a Markdown document.
public struct Heading: Sendable, Hashable {
    /// 1 to 6.
    public var level: Int
    /// The heading's plain text.
    public var title: String
    /// The `id` given to the heading element, unique in its page (empty for headings inside
    /// FAQ answers, which keep cmark's plain elements).
    public var id: String
    /// The 1-based line in the file (front matter lines included).
    public var line: Int
    /// The 1-based column.
    public var column: Int
}

/// A link or image found in a Markdown document, with its place in the file.
public struct MarkdownLink: Sendable, Hashable {
    /// The destination as written.
    public var url: String
    /// The link text (or the image's alt text).
    public var text: String
    /// True for an image.
    public var isImage: Bool
    /// The 1-based line in the file (front matter lines included).
    public var line: Int
    /// The 1-based column.
    public var column: Int
}

/// What the Markdown stage produces for a page.
public struct RenderedMarkdown: Sendable, Hashable {
    /// The body as HTML.
    public var html: String
    /// Every heading, in order, with its id.
    public var headings: [Heading]
    /// The plain text of the first top-level paragraph, if any.
    public var firstParagraph: String?
    /// Words in the body's text.
    public var wordCount: Int
    /// Links and images, in order.
    public var links: [MarkdownLink]
    /// The callouts in the body, in order.
    public var callouts: [CalloutKind] = []
    /// The photos the body shows or links to, in order: `html` holds placeholder `n` where
    /// `images[n]` goes (see ``PhotoPlaceholder``).
    public var images: [MarkdownImage] = []

    /// Minutes to read at 200 words a minute, at least 1.
    public var readingMinutes: Int { max(1, (wordCount + 199) / 200) }
}
