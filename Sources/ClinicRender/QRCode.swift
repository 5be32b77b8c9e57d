import CQrencode
import ClinicBase
import Synchronization

/// A QR code, encoded by libqrencode (8-bit mode, error correction level M: 15 % of the code
/// may be lost): the address on a printed aftercare handout, and the preview's network
/// address in the terminal.
public struct QRCode: Sendable, Equatable {
    /// Modules per side (21 for version 1, 4 more per version).
    public let size: Int
    /// Row by row, `true` for a dark module.
    public let modules: [Bool]

    /// The code for `text`; nil when it cannot be encoded (too long, or it contains NUL).
    public init?(encoding text: String) {
        guard !text.utf8.contains(0), let code = QRcode_encodeString8bit(text, 0, QR_ECLEVEL_M) else { return nil }
        defer { QRcode_free(code) }
        let size = Int(code.pointee.width)
        guard size > 0, let data = code.pointee.data else { return nil }
        self.size = size
        self.modules = UnsafeBufferPointer(start: data, count: size * size).map { $0 & 1 == 1 }
    }

    /// Whether the module at `row`, `column` is dark; outside the code (the quiet zone) is light.
    public func isDark(row: Int, column: Int) -> Bool {
        guard row >= 0, row < size, column >= 0, column < size else { return false }
        return modules[row * size + column]
    }

    /// An SVG drawing with a four-module quiet zone, one path of horizontal runs of dark
    /// modules (`M{x} {y}h{n}v1h-{n}z` each), and an accessible label (escaped here).
    public func svg(label: String) -> String {
        let quiet = 4
        let side = size + 2 * quiet
        var path: [UInt8] = []
        path.reserveCapacity(size * size * 2)
        func append(_ number: Int) {
            if number >= 100 { path.append(UInt8(ascii: "0") + UInt8(number / 100)) }
            if number >= 10 { path.append(UInt8(ascii: "0") + UInt8(number / 10 % 10)) }
            path.append(UInt8(ascii: "0") + UInt8(number % 10))
        }
        for y in 0..<size {
            var x = 0
            while x < size {
                guard modules[y * size + x] else {
                    x += 1
                    continue
                }
                let start = x
                while x < size, modules[y * size + x] { x += 1 }
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
        return "<svg class=\"qr-code\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(side) \(side)\" "
            + "role=\"img\" aria-label=\"\(Escape.html(label))\" shape-rendering=\"crispEdges\">"
            + "<rect width=\"\(side)\" height=\"\(side)\" fill=\"#fff\"/><path fill=\"#000\" d=\"\(String(decoding: path, as: UTF8.self))\"/></svg>"
    }
}

/// The QR code drawings of pages' addresses, kept once made: a code depends only on the
/// address, so a page rendered again (a save in `serve`) does not encode it again.
final class QRCodeCache: Sendable {
    private let drawings = Mutex<[String: String]>([:])
    /// Whether drawings are kept (a one-off build renders each address once: keeping them
    /// would only cost memory).
    let keeps: Bool

    init(keeps: Bool) {
        self.keeps = keeps
    }

    /// The drawing of the code for `url`, labelled with it; nil when it cannot be encoded.
    func svg(for url: String) -> String? {
        if keeps, let drawing = drawings.withLock({ $0[url] }) { return drawing }
        guard let drawing = QRCode(encoding: url)?.svg(label: "QR code for \(url)") else { return nil }
        if keeps { drawings.withLock { $0[url] = drawing } }
        return drawing
    }
}
