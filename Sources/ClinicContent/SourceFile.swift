import ClinicBase
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One file read from the site folder.
public struct SourceFile: Sendable, Hashable {
    /// The path shown in messages: the site folder as given on the command line joined with
    /// the file's path inside it (`content/aftercare/cupping.md` when run from the site folder).
    public var path: String
    /// The path inside `content/` (or `templates/`), e.g. `aftercare/cupping.md`.
    public var relativePath: String
    /// The file's text, with a leading byte-order mark removed and CRLF/CR turned into LF.
    public var text: String

    /// Creates a source file from text, normalizing line endings and dropping a BOM.
    public init(path: String, relativePath: String, text: String) {
        self.path = path
        self.relativePath = relativePath
        self.text = SourceFile.normalize(text)
    }

    /// The location of the file's start.
    public var start: SourceLocation { SourceLocation(path: path, line: 1, column: 1) }

    /// The location `line`:`column` in this file.
    public func location(line: Int, column: Int) -> SourceLocation {
        SourceLocation(path: path, line: line, column: column)
    }

    package static func normalize(_ text: String) -> String {
        var text = text
        if text.unicodeScalars.first == "\u{FEFF}" { text.unicodeScalars.removeFirst() }
        // memchr over the bytes: a generic `contains` steps through the UTF-8 view a byte at a
        // time (over 1 % of a 10,000-page build).
        let hasCR = text.utf8.withContiguousStorageIfAvailable { bytes in
            bytes.baseAddress.map { memchr($0, 13, bytes.count) != nil } ?? false
        } ?? text.utf8.contains(13)
        if hasCR {
            text = text.replacingCRLF()
        }
        return text
    }
}

extension String {
    /// CRLF and lone CR become LF.
    fileprivate func replacingCRLF() -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(utf8.count)
        var previousWasCR = false
        for byte in utf8 {
            if byte == 13 {
                bytes.append(10)
                previousWasCR = true
                continue
            }
            if byte == 10, previousWasCR {
                previousWasCR = false
                continue
            }
            previousWasCR = false
            bytes.append(byte)
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
