import ClinicRender
import Testing
@testable import ClinicSitePreview

@Suite("The QR code in the terminal")
struct QRCodeTests {
    /// Reads the drawing back into modules: each character is two rows.
    private func modules(from text: String, quietZone: Int) -> [[Bool]] {
        var rows: [[Bool]] = []
        for line in text.split(separator: "\n") {
            var top: [Bool] = []
            var bottom: [Bool] = []
            for character in line {
                top.append(character == "█" || character == "▀")
                bottom.append(character == "█" || character == "▄")
            }
            rows.append(top)
            rows.append(bottom)
        }
        return rows
    }

    @Test("the drawing holds exactly the code's modules inside a light quiet zone")
    func roundTrip() throws {
        let code = try #require(QRCode(encoding: "http://192.168.1.20:4000/willow/"))
        #expect(code.size >= 21 && (code.size - 21) % 4 == 0)
        let quiet = 4
        let drawn = modules(from: code.terminalText(quietZone: quiet, colors: false), quietZone: quiet)
        let width = code.size + 2 * quiet
        #expect(drawn.count >= width && drawn.count <= width + 1)
        for (index, row) in drawn.enumerated() {
            #expect(row.count == width)
            for column in 0..<width {
                #expect(row[column] == code.isDark(row: index - quiet, column: column - quiet), "row \(index), column \(column)")
            }
        }
        // Finder patterns: the top-left 7×7 square has a dark border and a dark 3×3 centre.
        #expect(code.isDark(row: 0, column: 0) && code.isDark(row: 6, column: 6) && code.isDark(row: 3, column: 3))
        #expect(!code.isDark(row: 1, column: 1))
    }

    @Test("with colours each line is drawn black on white and reset")
    func colours() throws {
        let code = try #require(QRCode(encoding: "http://10.0.0.2:4000/"))
        for line in code.terminalText(colors: true).split(separator: "\n") {
            #expect(line.hasPrefix("\u{1B}[30;107m"))
            #expect(line.hasSuffix("\u{1B}[0m"))
        }
    }

    @Test("different addresses give different codes")
    func distinct() throws {
        let one = try #require(QRCode(encoding: "http://10.0.0.2:4000/"))
        let two = try #require(QRCode(encoding: "http://10.0.0.3:4000/"))
        #expect(one != two)
    }
}
