import CQrencode

/// A QR code, encoded by libqrencode, and drawn for a terminal with Unicode half blocks so a
/// phone can open the preview's network address.
public struct QRCode: Sendable, Equatable {
    /// Modules per side (21 for version 1, 4 more per version).
    public let size: Int
    /// Row by row, `true` for a dark module.
    public let modules: [Bool]

    /// Encodes `text` as bytes with error correction level M (15% of the code may be lost);
    /// nil when it is too long for a QR code.
    public init?(encoding text: String) {
        guard let code = QRcode_encodeString(text, 0, QR_ECLEVEL_M, QR_MODE_8, 1) else { return nil }
        defer { QRcode_free(code) }
        let size = Int(code.pointee.width)
        let data = UnsafeBufferPointer(start: code.pointee.data, count: size * size)
        self.size = size
        self.modules = data.map { $0 & 1 == 1 }
    }

    /// Whether the module at `row`, `column` is dark; outside the code (the quiet zone) is light.
    public func isDark(row: Int, column: Int) -> Bool {
        guard row >= 0, row < size, column >= 0, column < size else { return false }
        return modules[row * size + column]
    }

    /// The code as lines of text, two module rows per line (`▀`, `▄`, `█`, space), inside a
    /// light border of `quietZone` modules. With `colors`, each line is drawn black on white
    /// (ANSI), so it scans on dark terminals too; without, dark modules are the glyphs, as on
    /// paper.
    public func terminalText(quietZone: Int = 4, colors: Bool) -> String {
        var lines: [String] = []
        var row = -quietZone
        while row < size + quietZone {
            var line = ""
            for column in -quietZone..<(size + quietZone) {
                switch (isDark(row: row, column: column), isDark(row: row + 1, column: column)) {
                case (true, true): line += "█"
                case (true, false): line += "▀"
                case (false, true): line += "▄"
                case (false, false): line += " "
                }
            }
            lines.append(colors ? "\u{1B}[30;107m" + line + "\u{1B}[0m" : line)
            row += 2
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
