import ClinicBase
import Ccmark

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Helpers over libcmark's C API. Only the Markdown stage calls these; every node, iterator
/// and string they create is freed in the function that created it.
package enum Cmark {
    /// The parse options for a page: smart punctuation and UTF-8 validation always on, raw
    /// HTML and unsafe URLs kept only when asked for.
    package static func options(_ options: MarkdownOptions) -> Int32 {
        var flags = CMARK_OPT_SMART | CMARK_OPT_VALIDATE_UTF8
        if options.unsafeHTML { flags |= CMARK_OPT_UNSAFE }
        return flags
    }

    /// Parses `text` into a document the caller must free with `cmark_node_free`.
    /// U+0001 becomes U+0002 (one byte for another, so places stay the same): U+0001 marks
    /// photo placeholders (``PhotoPlaceholder``), and HTML allows neither.
    package static func parse(_ text: String, flags: Int32) -> OpaquePointer {
        var text = text
        let hasMarker = text.utf8.withContiguousStorageIfAvailable { bytes in
            bytes.baseAddress.map { memchr($0, 1, bytes.count) != nil } ?? false
        } ?? text.utf8.contains(1)
        if hasMarker { text = String(decoding: text.utf8.map { $0 == 1 ? 2 : $0 }, as: UTF8.self) }
        let document = text.withUTF8 { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                chars.baseAddress.map { cmark_parse_document($0, chars.count, flags) }
            }
        }
        return (document ?? nil) ?? cmark_parse_document("", 0, flags)
    }

    /// Renders a node (and its subtree) to HTML.
    package static func html(_ node: OpaquePointer, flags: Int32) -> String {
        guard let rendered = cmark_render_html(node, flags) else { return "" }
        defer { free(rendered) }
        return String(cString: rendered)
    }

    package static func type(_ node: OpaquePointer) -> cmark_node_type {
        cmark_node_get_type(node)
    }

    /// The direct children of a node.
    package static func children(_ node: OpaquePointer) -> [OpaquePointer] {
        var result: [OpaquePointer] = []
        var child = cmark_node_first_child(node)
        while let current = child {
            result.append(current)
            child = cmark_node_next(current)
        }
        return result
    }

    package static func literal(_ node: OpaquePointer) -> String {
        guard let literal = cmark_node_get_literal(node) else { return "" }
        return String(cString: literal)
    }

    /// The plain text of a node's inline content: text and code literals, breaks as spaces,
    /// runs of white space collapsed to one space.
    package static func plainText(_ node: OpaquePointer) -> String {
        var bytes: [UInt8] = []
        func appendSpace() {
            if let last = bytes.last, last != 32 { bytes.append(32) }
        }
        func appendLiteral(_ current: OpaquePointer) {
            guard var pointer = cmark_node_get_literal(current) else { return }
            while pointer.pointee != 0 {
                let byte = UInt8(bitPattern: pointer.pointee)
                if byte == 32 || byte == 9 || byte == 10 || byte == 13 {
                    appendSpace()
                } else {
                    bytes.append(byte)
                }
                pointer += 1
            }
        }
        walk(node) { current, entering in
            guard entering else { return }
            switch type(current) {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE:
                appendLiteral(current)
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                appendSpace()
            case CMARK_NODE_CODE_BLOCK:
                appendLiteral(current)
                appendSpace()
            case CMARK_NODE_PARAGRAPH, CMARK_NODE_HEADING, CMARK_NODE_ITEM:
                if !bytes.isEmpty { appendSpace() }
            default:
                break
            }
        }
        while bytes.last == 32 { bytes.removeLast() }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Every heading under `root`, in document order.
    package static func headings(_ root: OpaquePointer) -> [OpaquePointer] {
        var nodes: [OpaquePointer] = []
        walk(root) { node, entering in
            if entering, type(node) == CMARK_NODE_HEADING { nodes.append(node) }
        }
        return nodes
    }

    /// Calls `visit` for every node under (and including) `root`, entering and exiting.
    package static func walk(_ root: OpaquePointer, _ visit: (OpaquePointer, Bool) -> Void) {
        guard let iterator = cmark_iter_new(root) else { return }
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard let node = cmark_iter_get_node(iterator) else { continue }
            visit(node, event == CMARK_EVENT_ENTER)
        }
    }

    /// Prefixes root-relative link and image destinations with the site's base path and
    /// collects every link, with its place in the file. Images and links whose destination is
    /// a photo of the site (``isLocalPhoto(_:)``) become placeholders (``PhotoPlaceholder``),
    /// listed in `images` in document order: placeholder `n` is `images[n]`.
    package static func adjustLinks(_ document: OpaquePointer, basePath: String, lineOffset: Int,
                                    columns: SourceColumns) -> (links: [MarkdownLink], images: [MarkdownImage]) {
        var links: [MarkdownLink] = []
        var images: [MarkdownImage] = []
        var nodes: [OpaquePointer] = []
        walk(document) { node, entering in
            let kind = type(node)
            if entering, kind == CMARK_NODE_LINK || kind == CMARK_NODE_IMAGE { nodes.append(node) }
        }
        for node in nodes {
            let url = cmark_node_get_url(node).map { String(cString: $0) } ?? ""
            let isImage = type(node) == CMARK_NODE_IMAGE
            let line = Int(cmark_node_get_start_line(node))
            let column = columns.column(line: line, byteColumn: Int(cmark_node_get_start_column(node)))
            let text = plainText(node)
            links.append(MarkdownLink(url: url, text: text, isImage: isImage, line: line + lineOffset, column: column))
            if isLocalPhoto(url) {
                let title = cmark_node_get_title(node).map { String(cString: $0) }.flatMap { $0.isEmpty ? nil : $0 }
                replaceWithPlaceholder(node, number: images.count, isLink: !isImage, title: title)
                images.append(MarkdownImage(url: url, text: text, title: title, isLink: !isImage, line: line + lineOffset, column: column))
            } else if basePath != "/", url.hasPrefix("/"), !url.hasPrefix("//") {
                cmark_node_set_url(node, basePath + url.dropFirst())
            }
        }
        return (links, images)
    }

    /// Collapses runs of ASCII white space to one space and trims both ends.
    package static func collapseWhitespace(_ text: String) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        for byte in text.utf8 {
            if byte == 32 || byte == 9 || byte == 10 || byte == 13 {
                pendingSpace = !bytes.isEmpty
            } else {
                if pendingSpace { bytes.append(32) }
                pendingSpace = false
                bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Counts the words in a node's text (text, code and code-block literals), without
    /// building the text: a word may span several text nodes (`don` `’` `t`).
    package static func countWords(in node: OpaquePointer) -> Int {
        var count = 0
        var inWord = false
        walk(node) { current, entering in
            guard entering else { return }
            switch type(current) {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE, CMARK_NODE_CODE_BLOCK:
                guard var pointer = cmark_node_get_literal(current) else { return }
                while pointer.pointee != 0 {
                    let byte = pointer.pointee
                    let isSpace = byte == 32 || byte == 9 || byte == 10 || byte == 13
                    if !isSpace, !inWord { count += 1 }
                    inWord = !isSpace
                    pointer += 1
                }
                if type(current) == CMARK_NODE_CODE_BLOCK { inWord = false }
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK, CMARK_NODE_PARAGRAPH, CMARK_NODE_HEADING, CMARK_NODE_ITEM:
                inWord = false
            default:
                break
            }
        }
        return count
    }
}
