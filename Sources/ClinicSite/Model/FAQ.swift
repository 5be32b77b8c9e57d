/// A question and its answer.
public struct FAQQuestion: Sendable, Hashable {
    /// The question, as plain text.
    public var question: String
    /// The anchor id (unique on the FAQ page).
    public var id: String
    /// The answer as HTML.
    public var answerHTML: String
    /// The answer as plain text (for structured data).
    public var answerText: String
    /// Where the question's heading is.
    public var location: SourceLocation
}

/// A group of questions under a `##` heading in `content/faq.md`.
public struct FAQSection: Sendable, Hashable {
    /// The section title, as plain text.
    public var title: String
    /// The anchor id.
    public var id: String
    /// HTML between the section heading and its first question.
    public var introHTML: String
    /// The questions, in file order.
    public var questions: [FAQQuestion]
    /// Where the section heading is.
    public var location: SourceLocation
}

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

    /// The section with this title (compared ignoring case and surrounding spaces).
    public func section(titled title: String) -> FAQSection? {
        let wanted = title.trimmingWhitespace().lowercased()
        return sections.first { $0.title.lowercased() == wanted }
    }
}
