import ClinicBase
import ClinicContent
/// `clinicsite new`: a new aftercare page or page with its front matter filled in and a short
/// outline to write into. The page starts as a draft, so it stays off the site until its
/// author removes `draft: true`.
public enum NewContent {
    /// What to create.
    public enum Kind: String, Sendable, CaseIterable {
        case aftercare
        case page
    }

    /// Addresses (and file names) that belong to the site itself, not to a page.
    package static let takenSlugs: [String: String] = [
        "index": "content/index.md is the home page's introduction",
        "faq": "content/faq.md is the FAQ page",
        "aftercare": "/aftercare/ is the aftercare index",
        "assets": "/assets/ holds the theme's files",
        "media": "/media/ holds the files from content/media/",
    ]

    /// The file to write, relative to the site folder (`content/aftercare/cupping-aftercare.md`),
    /// and its text.
    public static func make(_ kind: Kind, title: String, treatment: String?, today: Day) throws(AuthoringError) -> (path: String, text: String) {
        let title = title.trimmingWhitespace()
        guard !title.isEmpty else { throw AuthoringError("the title is empty; give the page a title, e.g. \"Cupping aftercare\"") }
        let slug = Slug.make(from: title)
        guard !slug.isEmpty else {
            throw AuthoringError("cannot make a file name from the title '\(title)'; use a title with letters or digits")
        }
        switch kind {
        case .aftercare:
            return ("content/aftercare/\(slug).md", aftercare(title: title, treatment: treatment?.trimmingWhitespace(), today: today))
        case .page:
            if let reason = takenSlugs[slug] {
                throw AuthoringError("a page called '\(title)' would be content/\(slug).md, but \(reason); choose another title")
            }
            return ("content/\(slug).md", page(title: title, today: today))
        }
    }

    /// Creates the file in the site folder; refuses to overwrite anything.
    /// - Returns: the path written, as the user should see it.
    public static func write(_ kind: Kind, title: String, treatment: String?, today: Day, in folder: SiteFolder) throws(AuthoringError) -> String {
        guard FileSystem.isDirectory(folder.contentPath) else {
            throw AuthoringError("no 'content' folder in '\(folder.displayPath)'; run this in a site folder (or pass --site DIR), or start one with 'clinicsite init DIR'")
        }
        let (path, text) = try make(kind, title: title, treatment: treatment, today: today)
        try SiteFiles.create(path, text: text, in: folder)
        return folder.display(path)
    }

    package static func aftercare(title: String, treatment: String?, today: Day) -> String {
        var lines = ["---", "title: \(YAMLText.scalar(title))"]
        if let treatment, !treatment.isEmpty {
            lines.append("treatment: \(YAMLText.scalar(treatment))")
        } else {
            lines.append("# treatment: massage           # groups the aftercare index and finds related pages")
        }
        lines += [
            "date: \(today.iso)",
            "draft: true                     # remove this line to publish the page",
            "# summary: One or two sentences for listings and search results.",
            "# reviewed: \(today.iso)         # the day a practitioner last checked this advice",
            "# reviewed_by: Name, credentials",
            "# tags: [soreness, hydration]",
            "# faq: [After your massage]     # FAQ sections (## headings in faq.md) to show on this page",
            "# expires: YYYY-MM-DD           # hide the page after this day",
            "# image: { src: media/photo.jpg, alt: What the photo shows }   # shown at the top, resized",
            "---",
        ]
        let subject = treatment.map { $0.isEmpty ? "this treatment" : "your \($0) treatment" } ?? "this treatment"
        let body = """
        What to expect after \(subject), in a sentence or two: this first paragraph is what \
        readers see first.

        ## The first 24 hours

        What to do, and what to avoid, on the day of the treatment.

        ## The next few days

        What is normal while the body recovers, and how long it usually lasts.

        ## When to contact us

        The signs that mean the patient should call the clinic or their doctor.

        """
        return lines.joined(separator: "\n") + "\n" + body
    }

    package static func page(title: String, today: Day) -> String {
        let lines = [
            "---",
            "title: \(YAMLText.scalar(title))",
            "date: \(today.iso)",
            "draft: true                     # remove this line to publish the page",
            "# summary: One or two sentences for search results.",
            "# menu: 3                       # list the page in the header menu at this position",
            "# expires: YYYY-MM-DD           # hide the page after this day",
            "---",
        ]
        let body = """
        The opening paragraph: what this page is about, in a sentence or two.

        ## A first section

        Write the page in Markdown: ## for sections, ### inside them, [link text](/faq/) for links.

        """
        return lines.joined(separator: "\n") + "\n" + body
    }
}
