import ClinicRender

extension QRCode {
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