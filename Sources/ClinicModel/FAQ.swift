import ClinicBase
import ClinicContent
import ClinicMarkdown
/// The FAQ page, from `content/faq.md`.
public struct FAQ: Sendable, Hashable {
    /// The page title (front matter `title`, default "Frequently asked questions").
    public var title: String
    /// A one-line description for search results.
    public var summary: String?
    /// HTML before the first section.
    public var introHTML: String
    /// The sections, in file order.
    public var sections: [FAQSection]
    /// The file it came from.
    public var path: String
    /// Links and images in the file, with their places (for `clinicsite check`).
    public var links: [MarkdownLink] = []
    /// Headings in the file, with their places (for `clinicsite check`).
    public var headings: [Heading] = []
    /// The photos the file shows or links to, by placeholder number (intro, section intros
    /// and answers).
    public var images: [ImageUse] = []

    /// The section with this title (compared ignoring case and surrounding spaces).
    public func section(titled title: String) -> FAQSection? {
        let wanted = title.trimmingWhitespace().lowercased()
        return sections.first { $0.title.lowercased() == wanted }
    }
}
