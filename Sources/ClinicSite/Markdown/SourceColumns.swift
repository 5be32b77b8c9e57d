/// Turns cmark's columns, which count bytes, into columns that count Unicode scalars, as
/// ``SourceLocation`` does, so a place after an accented letter still points at the right
/// character.
struct SourceColumns {
    private let lines: [Substring.UTF8View]

    /// Columns for `text`, the Markdown cmark parsed.
    init(_ text: String) {
        lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(\.utf8)
    }

    /// The scalar column of cmark's 1-based byte column `byteColumn` on 1-based `line` of the
    /// parsed text.
    func column(line: Int, byteColumn: Int) -> Int {
        guard line >= 1, line <= lines.count, byteColumn > 1 else { return max(1, byteColumn) }
        var scalars = 0
        for byte in lines[line - 1].prefix(byteColumn - 1) where byte & 0b1100_0000 != 0b1000_0000 {
            scalars += 1
        }
        return scalars + 1
    }
}
