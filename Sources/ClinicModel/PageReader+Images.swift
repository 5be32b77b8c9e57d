import ClinicBase
import ClinicContent
import ClinicMarkdown

extension PageReader {
    /// The photos a Markdown file shows or links to, each resolved to a file of
    /// `content/media/` (its existence is checked with the whole site, in ``Site/assemble``);
    /// an error for each that cannot be one. `heroFirst`: the first photo shown is the page's
    /// first large image.
    static func images(_ found: [MarkdownImage], in file: SourceFile, heroFirst: Bool,
                       diagnostics: inout [Diagnostic]) -> [ImageUse] {
        let folder = Path.parent(of: file.relativePath)
        var heroGiven = !heroFirst
        return found.map { image in
            let place = file.location(line: image.line, column: image.column)
            let source = resolved(image.url, from: folder == "." ? nil : folder, at: place, diagnostics: &diagnostics)
            let isHero = !image.isLink && !heroGiven
            if isHero { heroGiven = true }
            return ImageUse(source: source, role: image.isLink ? .linked : .content, alt: image.isLink ? "" : image.text,
                            title: image.title, location: place, isHero: isHero)
        }
    }

    /// A page's front matter `image`: shown at the top of the page, its first large image.
    static func pageImage(_ reference: ImageReference?, diagnostics: inout [Diagnostic]) -> ImageUse? {
        guard let reference else { return nil }
        let source = resolved(reference.source, from: nil, at: reference.location, diagnostics: &diagnostics)
        return ImageUse(source: source, role: .content, alt: reference.alt ?? "", location: reference.location, isHero: true)
    }

    /// The output path of the photo `written` names, or `""` with an error.
    static func resolved(_ written: String, from folder: String?, at place: SourceLocation,
                         diagnostics: inout [Diagnostic]) -> String {
        switch ImagePath.resolve(written, from: folder) {
        case .success(let path): return path
        case .failure(let problem):
            diagnostics.append(Diagnostic(place, problem.message, stage: .model))
            return ""
        }
    }
}
