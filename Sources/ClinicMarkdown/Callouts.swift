import ClinicBase
import Ccmark

/// Care-advice callouts, in the spirit of the NHS care-card pattern: a block quote whose first
/// line is `[!NOTE]`, `[!TIP]`, `[!WARNING]`, `[!URGENT]` or `[!EMERGENCY]` becomes a labelled
/// callout. Recognised on the cmark tree; any other marker leaves an ordinary quote.
public enum CalloutKind: String, CaseIterable, Sendable {
    case note
    case tip
    case warning
    /// Contact your therapist or doctor.
    case urgent
    /// Call emergency services.
    case emergency

    /// The label shown at the top of the callout.
    public var label: String {
        switch self {
        case .note: "Note"
        case .tip: "Tip"
        case .warning: "Warning"
        case .urgent: "Urgent: contact your therapist or doctor"
        case .emergency: "Emergency: call emergency services"
        }
    }

    /// A symbol before the label, so the kinds differ in black-and-white print too.
    package var symbol: String {
        switch self {
        case .note: "ℹ"
        case .tip: "✓"
        case .warning: "!"
        case .urgent: "☎"
        case .emergency: "✚"
        }
    }

    /// The HTML that opens the callout (fixed text: nothing from content goes in here).
    package var openingHTML: String {
        "<div class=\"callout callout-\(rawValue)\" role=\"note\" aria-label=\"\(label)\">"
            + "<p class=\"callout-label\"><span class=\"callout-symbol\" aria-hidden=\"true\">\(symbol)</span> \(label)</p>"
    }

    /// Parses the marker's name (`NOTE`, case-insensitive).
    package init?(marker: Substring) {
        self.init(rawValue: marker.lowercased())
    }
}

extension Cmark {
    /// Replaces every block quote that starts with a callout marker by a custom block carrying
    /// the callout's HTML. Returns the kinds found, in document order.
    @discardableResult
    package static func convertCallouts(_ document: OpaquePointer) -> [CalloutKind] {
        var quotes: [OpaquePointer] = []
        walk(document) { node, entering in
            if entering, type(node) == CMARK_NODE_BLOCK_QUOTE { quotes.append(node) }
        }
        var found: [CalloutKind] = []
        for quote in quotes {
            guard let paragraph = cmark_node_first_child(quote), type(paragraph) == CMARK_NODE_PARAGRAPH else { continue }
            var leading: [OpaquePointer] = []
            var text = ""
            var child = cmark_node_first_child(paragraph)
            while let current = child, type(current) == CMARK_NODE_TEXT {
                leading.append(current)
                text += literal(current)
                child = cmark_node_next(current)
            }
            let breakAfter = child.flatMap { type($0) == CMARK_NODE_SOFTBREAK || type($0) == CMARK_NODE_LINEBREAK ? $0 : nil }
            guard text.hasPrefix("[!"), let close = text.firstIndex(of: "]"),
                  let kind = CalloutKind(marker: text[text.index(text.startIndex, offsetBy: 2)..<close]) else { continue }
            let rest = text[text.index(after: close)...].drop { $0 == " " || $0 == "\t" }

            for node in leading {
                cmark_node_unlink(node)
                cmark_node_free(node)
            }
            if !rest.isEmpty, let restNode = cmark_node_new(CMARK_NODE_TEXT) {
                cmark_node_set_literal(restNode, String(rest))
                cmark_node_prepend_child(paragraph, restNode)
            } else if let breakAfter {
                cmark_node_unlink(breakAfter)
                cmark_node_free(breakAfter)
            }
            if cmark_node_first_child(paragraph) == nil {
                cmark_node_unlink(paragraph)
                cmark_node_free(paragraph)
            }
            guard let block = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK) else { continue }
            cmark_node_set_on_enter(block, kind.openingHTML)
            cmark_node_set_on_exit(block, "</div>")
            while let inner = cmark_node_first_child(quote) {
                cmark_node_unlink(inner)
                cmark_node_append_child(block, inner)
            }
            cmark_node_replace(quote, block)
            cmark_node_free(quote)
            found.append(kind)
        }
        return found
    }
}
