import ClinicBase
import ClinicContent
import ClinicMarkdown
import ClinicModel
import ClinicOutput
import ClinicBuild
/// One Markdown file as `clinicsite check` sees it: where it came from, the address of the
/// page it became, and its links and headings with their places.
package struct CheckedSource: Sendable {
    /// The Markdown file (`content/aftercare/cupping.md`).
    package var path: String
    /// The page's address in the output (`aftercare/cupping/`, `""` for the home page).
    package var pagePath: String
    package var links: [MarkdownLink]
    package var headings: [Heading]

    /// The place of a link in its file.
    package func location(of link: MarkdownLink) -> SourceLocation {
        SourceLocation(path: path, line: link.line, column: link.column)
    }

    /// The place of a heading in its file.
    package func location(of heading: Heading) -> SourceLocation {
        SourceLocation(path: path, line: heading.line, column: heading.column)
    }

    /// Every Markdown file of a built site: home, FAQ, pages and aftercare pages.
    package static func all(in site: Site) -> [CheckedSource] {
        var sources: [CheckedSource] = []
        if let path = site.home.sourcePath {
            sources.append(CheckedSource(path: path, pagePath: "", links: site.home.links, headings: site.home.headings))
        }
        if let faq = site.faq {
            sources.append(CheckedSource(path: faq.path, pagePath: "faq/", links: faq.links, headings: faq.headings))
        }
        for page in site.pages {
            sources.append(CheckedSource(path: page.sourcePath, pagePath: page.path, links: page.content.links, headings: page.content.headings))
        }
        for page in site.aftercare.lazy.map(\.value) {
            sources.append(CheckedSource(path: page.sourcePath, pagePath: page.path, links: page.content.links, headings: page.content.headings))
        }
        return sources
    }
}
