import ClinicBase
/// Turns cmark's columns, which count bytes, into columns that count Unicode scalars, as
/// ``SourceLocation`` does, so a place after an accented letter still points at the right
/// character.
///
/// Works on the UTF-8 bytes and finds line starts only when first asked, so pages without
/// links or headings pay nothing.
package final class SourceColumns {
    private let bytes: [UInt8]
    private lazy var lineStarts: [Int] = {
        var starts = [0]
        for (offset, byte) in bytes.enumerated() where byte == 10 { starts.append(offset + 1) }
        return starts
    }()

    /// Columns for `text`, the Markdown cmark parsed.
    package init(_ text: String) {
        bytes = Array(text.utf8)
    }

    /// The last answer: cmark reports places in document order, so the next question is
    /// usually further along the same line and the count goes on from here. A line with
    /// 50,000 links costs one pass over it, not one pass per link.
    private var last = (line: 0, byteColumn: 1, column: 1)

    /// The scalar column of cmark's 1-based byte column `byteColumn` on 1-based `line` of the
    /// parsed text.
    package func column(line: Int, byteColumn: Int) -> Int {
        guard line >= 1, line <= lineStarts.count, byteColumn > 1 else { return max(1, byteColumn) }
        let start = lineStarts[line - 1]
        let end = min(bytes.count, start + byteColumn - 1)
        var scalars = 0
        var index = start
        if last.line == line, last.byteColumn <= byteColumn {
            scalars = last.column - 1
            index = start + last.byteColumn - 1
        }
        while index < end {
            let byte = bytes[index]
            if byte == 10 {
                // Past the end of the line: answer, but do not count on from here.
                last = (0, 1, 1)
                return scalars + 1
            }
            if byte & 0b1100_0000 != 0b1000_0000 { scalars += 1 }
            index += 1
        }
        last = (line, byteColumn, scalars + 1)
        return scalars + 1
    }
}
