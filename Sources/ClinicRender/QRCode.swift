import ClinicOutput
import ClinicBase
import ClinicContent
import ClinicMarkdown
import ClinicModel
import CQrencode

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// QR codes made at build time with libqrencode, drawn as inline SVG: a printed aftercare
/// handout carries its page's address as a code a phone can scan.
public enum QRCode {
    /// The modules of a QR code for `text` (medium error correction), row by row; nil when
    /// the text cannot be encoded (too long, or it contains NUL).
    public static func modules(for text: String) -> [[Bool]]? {
        guard !text.utf8.contains(0) else { return nil }
        guard let code = QRcode_encodeString8bit(text, 0, QR_ECLEVEL_M) else { return nil }
        defer { QRcode_free(code) }
        let width = Int(code.pointee.width)
        guard width > 0, let data = code.pointee.data else { return nil }
        var rows: [[Bool]] = []
        rows.reserveCapacity(width)
        for y in 0..<width {
            rows.append((0..<width).map { x in data[y * width + x] & 1 == 1 })
        }
        return rows
    }

    /// An SVG drawing of the QR code for `text`, with a four-module quiet zone, one path of
    /// horizontal runs, and an accessible label. `text` is escaped for the label.
    public static func svg(for text: String, label: String) -> String? {
        guard !text.utf8.contains(0), let code = QRcode_encodeString8bit(text, 0, QR_ECLEVEL_M) else { return nil }
        defer { QRcode_free(code) }
        let width = Int(code.pointee.width)
        guard width > 0, let data = code.pointee.data else { return nil }
        let quiet = 4
        let size = width + 2 * quiet
        // The path as bytes: "M{x} {y}h{n}v1h-{n}z" for each horizontal run of dark modules.
        var path: [UInt8] = []
        path.reserveCapacity(width * width * 2)
        func append(_ number: Int) {
            if number >= 100 { path.append(UInt8(ascii: "0") + UInt8(number / 100)) }
            if number >= 10 { path.append(UInt8(ascii: "0") + UInt8(number / 10 % 10)) }
            path.append(UInt8(ascii: "0") + UInt8(number % 10))
        }
        for y in 0..<width {
            var x = 0
            let row = data + y * width
            while x < width {
                guard row[x] & 1 == 1 else {
                    x += 1
                    continue
                }
                let start = x
                while x < width, row[x] & 1 == 1 { x += 1 }
                path.append(UInt8(ascii: "M"))
                append(start + quiet)
                path.append(UInt8(ascii: " "))
                append(y + quiet)
                path.append(UInt8(ascii: "h"))
                append(x - start)
                path.append(contentsOf: [UInt8(ascii: "v"), UInt8(ascii: "1"), UInt8(ascii: "h"), UInt8(ascii: "-")])
                append(x - start)
                path.append(UInt8(ascii: "z"))
            }
        }
        let pathText = String(decoding: path, as: UTF8.self)
        return "<svg class=\"qr-code\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(size) \(size)\" "
            + "role=\"img\" aria-label=\"\(Escape.html(label))\" shape-rendering=\"crispEdges\">"
            + "<rect width=\"\(size)\" height=\"\(size)\" fill=\"#fff\"/><path fill=\"#000\" d=\"\(pathText)\"/></svg>"
    }
}
