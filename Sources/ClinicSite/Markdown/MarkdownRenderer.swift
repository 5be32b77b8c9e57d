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
        let links = Cmark.adjustLinks(document, basePath: options.basePath, lineOffset: firstLine - 1, columns: columns)
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
        var headings: [Heading] = []
        for node in Cmark.headings(document) {
            let level = Int(cmark_node_get_heading_level(node))
            let title = Cmark.plainText(node)
            let id = ids.make(for: title)
            let line = Int(cmark_node_get_start_line(node))
            headings.append(Heading(level: level, title: title, id: id, line: line + firstLine - 1,
                                    column: columns.column(line: line, byteColumn: Int(cmark_node_get_start_column(node)))))
            guard let block = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK) else { continue }
            cmark_node_set_on_enter(block, "<h\(level) id=\"\(id)\">")
            cmark_node_set_on_exit(block, "</h\(level)>")
            while let child = cmark_node_first_child(node) {
                cmark_node_unlink(child)
                cmark_node_append_child(block, child)
            }
            cmark_node_replace(node, block)
            cmark_node_free(node)
        }

        var html = Cmark.html(document, flags: flags)
        if !headings.isEmpty { html = tightenHeadings(html) }
        return RenderedMarkdown(html: html, headings: headings, firstParagraph: firstParagraph,
                                wordCount: wordCount, links: links, callouts: callouts)
    }
}

extension MarkdownRenderer {
    /// cmark puts line breaks inside custom blocks (`<h2 id="x">\nTitle\n</h2>`); this
    /// removes them so headings read `<h2 id="x">Title</h2>`.
    static func tightenHeadings(_ html: String) -> String {
        let bytes = Array(html.utf8)
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        var index = 0
        let count = bytes.count
        func isLevel(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "1") && byte <= UInt8(ascii: "6") }
        while index < count {
            let byte = bytes[index]
            // "\n</hN>" -> "</hN>"
            if byte == 10, index + 5 < count, bytes[index + 1] == UInt8(ascii: "<"), bytes[index + 2] == UInt8(ascii: "/"),
               bytes[index + 3] == UInt8(ascii: "h"), isLevel(bytes[index + 4]), bytes[index + 5] == UInt8(ascii: ">") {
                index += 1
                continue
            }
            // "<hN id=\"...\">\n" -> "<hN id=\"...\">"
            if byte == UInt8(ascii: "<"), index + 8 < count, bytes[index + 1] == UInt8(ascii: "h"), isLevel(bytes[index + 2]),
               bytes[index + 3] == UInt8(ascii: " "), bytes[index + 4] == UInt8(ascii: "i"), bytes[index + 5] == UInt8(ascii: "d"),
               bytes[index + 6] == UInt8(ascii: "="), bytes[index + 7] == UInt8(ascii: "\"") {
                var end = index + 8
                while end < count, bytes[end] != UInt8(ascii: "\"") { end += 1 }
                if end + 2 < count, bytes[end + 1] == UInt8(ascii: ">"), bytes[end + 2] == 10 {
                    result.append(contentsOf: bytes[index...(end + 1)])
                    index = end + 3
                    continue
                }
            }
            result.append(byte)
            index += 1
        }
        return String(decoding: result, as: UTF8.self)
    }
}

/// Gives headings ids made from their text, unique within a page: `aftercare`, `aftercare-2`.
struct HeadingIDs {
    private var used: Set<String>

    init(reserved: Set<String> = []) {
        used = reserved
    }

    mutating func make(for title: String) -> String {
        var base = Slug.make(from: title)
        if base.isEmpty { base = "section" }
        if let first = base.unicodeScalars.first, ("0"..."9").contains(first) { base = "s-" + base }
        var candidate = base
        var number = 2
        while used.contains(candidate) {
            candidate = "\(base)-\(number)"
            number += 1
        }
        used.insert(candidate)
        return candidate
    }
}
