import ClinicBase
import ClinicContent
import ClinicMarkdown

/// Hands out output addresses and refuses a second claim on one, naming both files.
struct AddressBook {
    private var owners: [String: String] = [:]

    /// Addresses the site itself uses, with what uses them.
    static let reserved = [
        "aftercare/": "the aftercare index", "faq/": "the FAQ page",
        "assets/": "the theme's assets folder", "media/": "the media folder",
    ]

    /// Addresses the site itself uses, so no page may take them.
    init(reserved: [String: String] = AddressBook.reserved) {
        owners = reserved
    }

    /// Claims `path` for the file `owner`. Returns the error message when it is taken.
    mutating func claim(_ path: String, by owner: String) -> String? {
        if let existing = owners[path] {
            return "this page's address /\(path) is already used by \(existing); give one of them a different 'slug'"
        }
        owners[path] = owner
        return nil
    }

    /// Every address taken twice, reported where the later file (in the order of the files)
    /// says its slug. An aftercare page's address (`aftercare/<slug>/`) can only clash with
    /// another aftercare page's, and those are sorted by slug: a clash is a run of equal slugs.
    static func problems(aftercare: [Shared<AftercarePage>], pages: [Page]) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        var start = 0
        while start < aftercare.count {
            var end = start + 1
            while end < aftercare.count, aftercare[end].value.slug == aftercare[start].value.slug { end += 1 }
            if end - start > 1 {
                var book = AddressBook()
                for page in aftercare[start..<end].map(\.value).sorted(by: { $0.sourcePath < $1.sourcePath }) {
                    if let problem = book.claim(page.path, by: page.sourcePath) {
                        problems.append(Diagnostic(page.slugLocation, problem, stage: .model))
                    }
                }
            }
            start = end
        }
        var book = AddressBook()
        for page in pages.sorted(by: { $0.sourcePath < $1.sourcePath }) {
            if let problem = book.claim(page.path, by: page.sourcePath) {
                problems.append(Diagnostic(page.slugLocation, problem, stage: .model))
            }
        }
        return problems
    }
}
