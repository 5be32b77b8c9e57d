extension StringProtocol {
    /// The text without white space at either end.
    public func trimmingWhitespace() -> String {
        // Fast path: nothing to trim when both ends are ASCII and not white space.
        func plain(_ byte: UInt8?) -> Bool {
            guard let byte else { return true }
            return byte < 0x80 && byte != 32 && !(9...13).contains(byte)
        }
        let text = String(self)
        if plain(text.utf8.first), plain(text.utf8.last) { return text }
        var scalars = Substring(self).unicodeScalars[...]
        while let first = scalars.first, first.properties.isWhitespace { scalars = scalars.dropFirst() }
        while let last = scalars.last, last.properties.isWhitespace { scalars = scalars.dropLast() }
        return String(String.UnicodeScalarView(scalars))
    }
}
