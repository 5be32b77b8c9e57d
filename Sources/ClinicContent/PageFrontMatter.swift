import ClinicBase
import Yams

/// Which kind of Markdown file front matter belongs to; decides which fields it may have.
public enum PageKind: String, Sendable {
    case aftercare
    case page
    case home
    case faq
}

/// The fields of a Markdown file's front matter, read with their places.
public struct PageFrontMatter: Sendable {
    public var title: String?
    public var summary: String?
    public var slug: String?
    public var slugLocation: SourceLocation?
    public var date: Day?
    public var updated: Day?
    /// The last day the page is shown; after it the page is left out (seasonal notices).
    public var expires: Day?
    public var expiresLocation: SourceLocation?
    public var reviewed: Day?
    public var reviewedLocation: SourceLocation?
    public var reviewedBy: String?
    public var treatment: String?
    public var tags: [String] = []
    public var draft = false
    /// FAQ section titles to show on the page, with where each was written.
    public var faq: [(title: String, location: SourceLocation)] = []
    public var template: String?
    public var templateLocation: SourceLocation?
    /// Position in the header menu (pages only); nil keeps the page out of the menu.
    public var menu: Int?
    /// `image`: the page's photo, shown at the top and as its `og:image` (aftercare and other pages).
    public var image: ImageReference?
    /// Where the front matter starts (for errors about the page as a whole).
    public var location: SourceLocation
}

/// A Markdown file split and its front matter read.
public struct PageDocument: Sendable {
    public var file: SourceFile
    public var frontMatter: PageFrontMatter
    public var body: String
    public var bodyFirstLine: Int

    /// Splits `file` and reads its front matter for a page of `kind`. Returns nil (with the
    /// errors) when the front matter cannot be read at all.
    public static func read(_ file: SourceFile, kind: PageKind) -> (PageDocument?, [Diagnostic]) {
        let split: FrontMatter
        do {
            split = try FrontMatter.split(file)
        } catch {
            return (nil, [error])
        }
        var root: Node?
        if let yaml = split.yaml {
            do {
                root = try YAMLDocument.compose(yaml, in: file, firstLine: split.yamlFirstLine)
            } catch {
                return (nil, [error])
            }
        }
        var fields = FieldReader(root, file: file, firstLine: split.yamlFirstLine, what: "the front matter")
        var matter = PageFrontMatter(location: fields.start)
        let titleRequired = kind == .aftercare || kind == .page
        if split.yaml == nil, titleRequired {
            var diagnostics = [Diagnostic(file.start, "missing front matter: start the file with a '---' line, 'title: …', and another '---' line", stage: .frontMatter)]
            diagnostics += fields.diagnostics
            return (nil, diagnostics)
        }
        matter.title = fields.string("title", required: titleRequired)
        matter.summary = fields.string("summary")
        if kind == .aftercare || kind == .page {
            if let (slug, place) = fields.locatedString("slug") {
                matter.slug = slug
                matter.slugLocation = place
            }
            let date = fields.locatedDay("date")
            matter.date = date?.0
            matter.updated = fields.day("updated")
            if let (expires, place) = fields.locatedDay("expires") {
                matter.expires = expires
                matter.expiresLocation = place
                if let (date, _) = date, expires < date {
                    fields.diagnostics.append(Diagnostic(place, "'expires' (\(expires.iso)) is before 'date' (\(date.iso)): the page would never be shown", stage: .frontMatter))
                }
            }
            matter.draft = fields.bool("draft") ?? false
            matter.image = fields.image("image")
            if let (template, place) = fields.locatedString("template") {
                matter.template = template
                matter.templateLocation = place
            }
        }
        if kind == .aftercare {
            matter.treatment = fields.string("treatment")
            if let (reviewed, place) = fields.locatedDay("reviewed") {
                matter.reviewed = reviewed
                matter.reviewedLocation = place
            }
            matter.reviewedBy = fields.string("reviewed_by")
            matter.tags = (fields.stringList("tags") ?? []).map(\.0)
            matter.faq = (fields.stringList("faq") ?? []).map { (title: $0.0, location: $0.1) }
        }
        if kind == .page {
            matter.menu = fields.int("menu")
        }
        fields.finish()
        let document = PageDocument(file: file, frontMatter: matter, body: split.body, bodyFirstLine: split.bodyFirstLine)
        return (document, fields.diagnostics)
    }
}
