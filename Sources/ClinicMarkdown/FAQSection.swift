import ClinicBase
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
