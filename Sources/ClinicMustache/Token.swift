/// One token of a template's source: a run of text or one tag, by byte range.
struct Token {
    enum Kind: Equatable {
        case text, variable, triple, ampersand, section, inverted, close, comment, partial, parent, block, delimiters

        /// Tags that can have a line to themselves (and then take the line with them).
        var canStandAlone: Bool {
            switch self {
            case .section, .inverted, .close, .comment, .partial, .parent, .block, .delimiters: return true
            case .text, .variable, .triple, .ampersand: return false
            }
        }

        /// Tags that open a section closed by `{{/name}}`.
        var opensSection: Bool {
            self == .section || self == .inverted || self == .parent || self == .block
        }
    }

    var kind: Kind
    /// Byte range in the source (for text: what is left after standalone lines are removed).
    var start: Int
    var end: Int
    var name = ""
    var dynamic = false
}

/// Finds line and column of byte offsets in one source.
struct LineTable {
    private let lineStarts: [Int]
    private let bytes: [UInt8]

    init(_ bytes: [UInt8]) {
        var starts = [0]
        for (offset, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") { starts.append(offset + 1) }
        self.lineStarts = starts
        self.bytes = bytes
    }

    /// 1-based line and column (in Unicode scalars) of `offset`.
    func position(of offset: Int) -> (line: Int, column: Int) {
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if lineStarts[middle] <= offset { low = middle } else { high = middle - 1 }
        }
        let column = bytes[lineStarts[low]..<offset].reduce(1) { $1 & 0xC0 == 0x80 ? $0 : $0 + 1 }
        return (low + 1, column)
    }
}
