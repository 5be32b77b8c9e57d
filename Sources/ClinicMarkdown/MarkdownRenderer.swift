import ClinicBase
import Ccmark

/// Stage 3: Markdown through libcmark into HTML plus what the site needs to know about it.
///
/// The document is parsed once. Headings are given stable, unique ids (by replacing each
/// heading with a custom block that carries the id, so cmark still renders its inline
/// content with the same safety rules), root-relative links get the site's base path, and
/// the tree is read for the table of contents, the first paragraph and the word count.
public enum MarkdownRenderer {
    /// Renders a page body. `firstLine` is the body's first line in its file, so places in
    /// the result point into the file.
    public static func render(_ markdown: String, options: MarkdownOptions = MarkdownOptions(), firstLine: Int = 1) -> RenderedMarkdown {
        let flags = Cmark.options(options)
        let document = Cmark.parse(markdown, flags: flags)
        defer { cmark_node_free(document) }

        let columns = SourceColumns(markdown)
        let (links, images) = Cmark.adjustLinks(document, basePath: options.basePath, lineOffset: firstLine - 1, columns: columns)
        let callouts = Cmark.convertCallouts(document)

        var firstParagraph: String?
        for child in Cmark.children(document) where Cmark.type(child) == CMARK_NODE_PARAGRAPH {
            let text = Cmark.plainText(child)
            if !text.isEmpty {
                firstParagraph = text
                break
            }
        }
        let wordCount = Cmark.countWords(in: document)

        var ids = HeadingIDs(reserved: options.reservedIDs)
        let headingNodes = Cmark.headings(document)
        var headings: [Heading] = []
        headings.reserveCapacity(headingNodes.count)
        for node in headingNodes {
            let level = Int(cmark_node_get_heading_level(node))
            let title = Cmark.plainText(node)
            let id = ids.make(for: title)
            let line = Int(cmark_node_get_start_line(node))
            headings.append(Heading(level: level, title: title, id: id, line: line + firstLine - 1,
                                    column: columns.column(line: line, byteColumn: Int(cmark_node_get_start_column(node)))))
            // An empty custom block (it adds no text of its own) holding a custom inline that
            // opens and closes the heading with its id: cmark renders `<h2 id="x">Title</h2>`,
            // the inline content with the usual safety rules.
            guard let block = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK) else { continue }
            guard let inline = cmark_node_new(CMARK_NODE_CUSTOM_INLINE) else {
                cmark_node_free(block)
                continue
            }
            cmark_node_set_on_enter(block, "")
            cmark_node_set_on_exit(block, "")
            cmark_node_set_on_enter(inline, "<h\(level) id=\"\(id)\">")
            cmark_node_set_on_exit(inline, "</h\(level)>")
            while let child = cmark_node_first_child(node) {
                cmark_node_unlink(child)
                cmark_node_append_child(inline, child)
            }
            cmark_node_append_child(block, inline)
            cmark_node_replace(node, block)
            cmark_node_free(node)
        }

        let html = Cmark.html(document, flags: flags)
        return RenderedMarkdown(html: html, headings: headings, firstParagraph: firstParagraph,
                                wordCount: wordCount, links: links, callouts: callouts, images: images)
    }
}

/// Gives headings ids made from their text, unique within a page: `aftercare`, `aftercare-2`.
package struct HeadingIDs {
    private var used: Set<String>
    /// The next number to try for each base id, so a page with 5,000 equal headings does not
    /// try 2, 3, 4… again for each one.
    private var nextNumber: [String: Int] = [:]

    package init(reserved: Set<String> = []) {
        used = reserved
    }

    package mutating func make(for title: String) -> String {
        var base = Slug.make(from: title)
        if base.isEmpty { base = "section" }
        if let first = base.unicodeScalars.first, ("0"..."9").contains(first) { base = "s-" + base }
        var candidate = base
        var number = nextNumber[base] ?? 2
        while used.contains(candidate) {
            candidate = "\(base)-\(number)"
            number += 1
        }
        if candidate != base { nextNumber[base] = number }
        used.insert(candidate)
        return candidate
    }
}
