import ClinicBase
import ClinicContent
import ClinicMarkdown
import ClinicModel
import ClinicOutput
import ClinicBuild
/// The checks on what a page's author wrote: image descriptions, link wording, heading
/// order, and an aftercare page's summary and review date.
package enum PageRules {
    /// Link texts that say nothing about where a link leads (compared lowercased, without
    /// surrounding punctuation).
    package static let vagueLinkTexts: Set<String> = [
        "click here", "click", "here", "click this", "this", "this link", "link", "this page",
        "read more", "more", "learn more", "more info", "go", "go here",
    ]

    /// Images without alt text, links without text or with vague text.
    package static func links(_ source: CheckedSource) -> [Diagnostic] {
        var found: [Diagnostic] = []
        for link in source.links {
            let text = link.text.trimmingWhitespace()
            if link.isImage {
                if text.isEmpty {
                    found.append(warning(source.location(of: link),
                                         "image '\(link.url)' has no alt text; describe it for people who cannot see it: ![What the picture shows](\(link.url))"))
                }
                continue
            }
            if text.isEmpty {
                found.append(warning(source.location(of: link),
                                     "link to '\(link.url)' has no text; screen readers announce it as an empty link"))
            } else if vagueLinkTexts.contains(trimmedPunctuation(text).lowercased()) {
                found.append(warning(source.location(of: link),
                                     "link text '\(text)' does not say where the link leads; describe the destination instead (e.g. [our cancellation policy](…))"))
            }
        }
        return found
    }

    /// Headings that skip a level. The page title is the level-1 heading, so the first heading
    /// in the text should be `##`, and each heading at most one level deeper than the one
    /// before it.
    package static func headings(_ source: CheckedSource) -> [Diagnostic] {
        var found: [Diagnostic] = []
        var previous = 1
        for heading in source.headings {
            if heading.level > previous + 1 {
                let wanted = String(repeating: "#", count: previous + 1)
                let after = previous == 1 ? "the page title (level 1)" : "a level-\(previous) heading"
                found.append(warning(source.location(of: heading),
                                     "heading level skipped: level \(heading.level) follows \(after); use '\(wanted)' here so screen reader users can follow the outline"))
            }
            previous = heading.level
        }
        return found
    }

    /// An aftercare page without its own summary, never reviewed, or reviewed longer ago than
    /// the clinic's review interval.
    package static func aftercare(_ page: AftercarePage, interval: ReviewInterval, today: Day) -> [Diagnostic] {
        var found: [Diagnostic] = []
        let start = SourceLocation(path: page.sourcePath)
        if !page.hasOwnSummary {
            found.append(warning(start, "aftercare page without a 'summary': listings and search results fall back to the first paragraph; add 'summary:' with one or two sentences"))
        }
        if let reviewed = page.reviewed {
            let place = page.reviewedLocation ?? start
            if reviewed > today {
                found.append(warning(place, "'reviewed' (\(reviewed.iso)) is in the future"))
            } else if interval.isOverdue(reviewed: reviewed, today: today) {
                found.append(warning(place, "last reviewed on \(reviewed.iso), more than \(interval) ago (review_interval); have a practitioner review it and update 'reviewed'"))
            }
        } else {
            found.append(warning(start, "aftercare page never reviewed: once a practitioner has checked it, add 'reviewed: YYYY-MM-DD' and 'reviewed_by'"))
        }
        return found
    }

    private static func trimmedPunctuation(_ text: String) -> String {
        var scalars = Substring(text).unicodeScalars[...]
        let edge: (Unicode.Scalar) -> Bool = { $0.properties.isWhitespace || $0.properties.generalCategory.isPunctuation }
        while let first = scalars.first, edge(first) { scalars = scalars.dropFirst() }
        while let last = scalars.last, edge(last) { scalars = scalars.dropLast() }
        return String(String.UnicodeScalarView(scalars))
    }

    private static func warning(_ location: SourceLocation, _ message: String) -> Diagnostic {
        Diagnostic(location, message, severity: .warning, stage: .check)
    }
}

extension Unicode.GeneralCategory {
    /// True for the punctuation categories (`.`, `!`, `…`, quotes, brackets).
    package var isPunctuation: Bool {
        switch self {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
             .initialPunctuation, .finalPunctuation, .otherPunctuation: true
        default: false
        }
    }
}
