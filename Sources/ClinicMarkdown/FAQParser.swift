import ClinicBase
import Ccmark

/// Reads FAQ sections from the cmark document tree of `content/faq.md`: each `##` heading
/// starts a section, each `###` heading in it is a question, and the blocks up to the next
/// `##` or `###` heading are its answer.
public enum FAQParser {
    /// The result: intro HTML, sections, and problems found (a question outside any section,
    /// a question without an answer, a section without questions).
    public struct Result: Sendable {
        public var introHTML: String
        public var sections: [FAQSection]
        public var diagnostics: [Diagnostic]
        /// Every link and image in the file, with its place.
        public var links: [MarkdownLink]
        /// Every heading in the file, with its place.
        public var headings: [Heading]
        /// The photos the file shows or links to: the HTML of the intro, section intros and
        /// answers holds placeholder `n` where `images[n]` goes (see ``PhotoPlaceholder``).
        public var images: [MarkdownImage] = []
    }

    /// Parses the body of `faq.md`. `path` and `firstLine` place diagnostics in the file.
    public static func parse(_ markdown: String, path: String, firstLine: Int = 1, options: MarkdownOptions = MarkdownOptions()) -> Result {
        let flags = Cmark.options(options)
        let document = Cmark.parse(markdown, flags: flags)
        defer { cmark_node_free(document) }
        let columns = SourceColumns(markdown)
        let (links, images) = Cmark.adjustLinks(document, basePath: options.basePath, lineOffset: firstLine - 1, columns: columns)
        Cmark.convertCallouts(document)

        var intro = ""
        var sections: [FAQSection] = []
        var diagnostics: [Diagnostic] = []
        var ids = HeadingIDs(reserved: options.reservedIDs)
        var answerText = ""

        func location(_ node: OpaquePointer) -> SourceLocation {
            let line = Int(cmark_node_get_start_line(node))
            return SourceLocation(path: path, line: line + firstLine - 1,
                                  column: columns.column(line: line, byteColumn: Int(cmark_node_get_start_column(node))))
        }
        var headingIDs: [OpaquePointer: String] = [:]
        func closeQuestion() {
            guard var section = sections.last, var question = section.questions.last else { return }
            question.answerText = Cmark.collapseWhitespace(answerText)
            answerText = ""
            if question.answerHTML.isEmpty {
                diagnostics.append(Diagnostic(question.location, "the question '\(question.question)' has no answer below it", stage: .markdown))
            }
            section.questions[section.questions.count - 1] = question
            sections[sections.count - 1] = section
        }

        for node in Cmark.children(document) {
            let level = Cmark.type(node) == CMARK_NODE_HEADING ? Int(cmark_node_get_heading_level(node)) : 0
            if level == 2 {
                closeQuestion()
                if let last = sections.last, last.questions.isEmpty {
                    diagnostics.append(Diagnostic(last.location, "the FAQ section '\(last.title)' has no questions (write each question as a ### heading)", severity: .warning, stage: .markdown))
                }
                let title = Cmark.plainText(node)
                let id = ids.make(for: title)
                headingIDs[node] = id
                sections.append(FAQSection(title: title, id: id, introHTML: "", questions: [], location: location(node)))
            } else if level == 3 {
                closeQuestion()
                guard !sections.isEmpty else {
                    diagnostics.append(Diagnostic(location(node), "this question comes before any section; start a section with a ## heading above it", stage: .markdown))
                    continue
                }
                let question = Cmark.plainText(node)
                let id = ids.make(for: question)
                headingIDs[node] = id
                sections[sections.count - 1].questions.append(
                    FAQQuestion(question: question, id: id, answerHTML: "", answerText: "", location: location(node)))
            } else {
                let html = Cmark.html(node, flags: flags)
                if sections.isEmpty {
                    intro += html
                } else if sections[sections.count - 1].questions.isEmpty {
                    sections[sections.count - 1].introHTML += html
                } else {
                    let count = sections[sections.count - 1].questions.count
                    sections[sections.count - 1].questions[count - 1].answerHTML += html
                    answerText += " " + Cmark.plainText(node)
                }
            }
        }
        closeQuestion()
        if let last = sections.last, last.questions.isEmpty {
            diagnostics.append(Diagnostic(last.location, "the FAQ section '\(last.title)' has no questions (write each question as a ### heading)", severity: .warning, stage: .markdown))
        }
        let headings = Cmark.headings(document).map { node in
            let place = location(node)
            return Heading(level: Int(cmark_node_get_heading_level(node)), title: Cmark.plainText(node),
                           id: headingIDs[node] ?? "", line: place.line, column: place.column)
        }
        return Result(introHTML: intro, sections: sections, diagnostics: diagnostics, links: links, headings: headings, images: images)
    }
}
