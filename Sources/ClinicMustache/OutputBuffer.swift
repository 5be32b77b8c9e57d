extension Array where Element == UInt8 {
    /// Appends a string's UTF-8 bytes.
    @inline(__always)
    mutating func appendUTF8(_ string: String) {
        var string = string
        if string.utf8.withContiguousStorageIfAvailable({ append(contentsOf: $0) }) != nil { return }
        string.makeContiguousUTF8()
        string.utf8.withContiguousStorageIfAvailable { append(contentsOf: $0) }
    }

    /// Appends a string's UTF-8 bytes escaped for HTML: `&` `<` `>` `"` `'` become `&amp;`
    /// `&lt;` `&gt;` `&quot;` `&#39;` (exactly these five, as swift-mustache writes them).
    @inline(__always)
    mutating func appendEscaped(_ string: String) {
        var string = string
        if string.utf8.withContiguousStorageIfAvailable({ appendEscaped($0) }) != nil { return }
        string.makeContiguousUTF8()
        string.utf8.withContiguousStorageIfAvailable { appendEscaped($0) }
    }

    /// Appends bytes escaped for HTML, copying each run without special characters at once.
    mutating func appendEscaped(_ bytes: UnsafeBufferPointer<UInt8>) {
        var runStart = 0
        for index in 0..<bytes.count {
            let byte = bytes[index]
            guard byte <= 0x3E, byte >= 0x22 else { continue }
            let entity: StaticString
            switch byte {
            case 0x26: entity = "&amp;"
            case 0x3C: entity = "&lt;"
            case 0x3E: entity = "&gt;"
            case 0x22: entity = "&quot;"
            case 0x27: entity = "&#39;"
            default: continue
            }
            if index > runStart { append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index])) }
            entity.withUTF8Buffer { append(contentsOf: $0) }
            runStart = index + 1
        }
        if runStart < bytes.count { append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart...])) }
    }

    /// Appends an integer in decimal.
    mutating func appendDecimal(_ value: Int) {
        if value < 0 { append(UInt8(ascii: "-")) }
        var magnitude = value.magnitude
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)
        Swift.withUnsafeMutableBytes(of: &digits) { buffer in
            var end = buffer.count
            repeat {
                end -= 1
                buffer[end] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
            } while magnitude > 0
            append(contentsOf: buffer[end...])
        }
    }
}
