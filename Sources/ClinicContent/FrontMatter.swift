import ClinicBase
/// Stage 2a: splits a Markdown file into its YAML front matter and its body.
///
/// Front matter is a block at the very top of the file between two `---` lines (the closing
/// line may also be `...`). Only the first such block counts, so a `---` inside the body
/// (a thematic break, a code block) is never mistaken for it.
public struct FrontMatter: Sendable, Equatable {
    /// The YAML text between the fences, or nil when the file has no front matter.
    public var yaml: String?
    /// The line in the file where the YAML text starts (2 when the file opens with `---`).
    public var yamlFirstLine: Int
    /// The Markdown after the closing fence.
    public var body: String
    /// The line in the file where the body starts.
    public var bodyFirstLine: Int

    /// Splits `file`. A file that opens a front matter block without closing it is an error
    /// at line 1.
    public static func split(_ file: SourceFile) throws(Diagnostic) -> FrontMatter {
        let text = file.text
        guard let firstLineEnd = text.firstIndex(of: "\n") else {
            if isFence(text[...], closing: false) {
                throw Diagnostic(file.start, "the front matter opened here has no closing '---' line", stage: .frontMatter)
            }
            return FrontMatter(yaml: nil, yamlFirstLine: 1, body: text, bodyFirstLine: 1)
        }
        guard isFence(text[..<firstLineEnd], closing: false) else {
            return FrontMatter(yaml: nil, yamlFirstLine: 1, body: text, bodyFirstLine: 1)
        }
        var lineStart = text.index(after: firstLineEnd)
        var line = 2
        while lineStart < text.endIndex {
            let lineEnd = text[lineStart...].firstIndex(of: "\n") ?? text.endIndex
            if isFence(text[lineStart..<lineEnd], closing: true) {
                let yaml = String(text[text.index(after: firstLineEnd)..<lineStart])
                let bodyStart = lineEnd == text.endIndex ? lineEnd : text.index(after: lineEnd)
                return FrontMatter(yaml: yaml, yamlFirstLine: 2, body: String(text[bodyStart...]), bodyFirstLine: line + 1)
            }
            if lineEnd == text.endIndex { break }
            lineStart = text.index(after: lineEnd)
            line += 1
        }
        throw Diagnostic(file.start, "the front matter opened here has no closing '---' line", stage: .frontMatter)
    }

    private static func isFence(_ line: Substring, closing: Bool) -> Bool {
        var trimmed = line
        while let last = trimmed.last, last == " " || last == "\t" { trimmed = trimmed.dropLast() }
        return trimmed == "---" || (closing && trimmed == "...")
    }
}
