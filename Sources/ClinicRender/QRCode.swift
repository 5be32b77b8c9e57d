import CQrencode
import ClinicBase
import Synchronization

/// A QR code, encoded by libqrencode (8-bit mode, error correction level M: 15 % of the code
/// may be lost): the address on a printed aftercare handout, and the preview's network
/// address in the terminal.
public struct QRCode: Sendable, Equatable {
    /// Modules per side (21 for version 1, 4 more per version).
    public let size: Int
    /// The modules row by row, 8 to a byte, the first in the high bit, a set bit dark (a
    /// build keeps thousands of codes: an eighth of the memory of one `Bool` each).
    let packed: [UInt8]

    /// The code for `text`; nil when it cannot be encoded (too long, or it contains NUL).
    public init?(encoding text: String) {
        guard !text.utf8.contains(0), let code = QRcode_encodeString8bit(text, 0, QR_ECLEVEL_M) else { return nil }
        defer { QRcode_free(code) }
        let size = Int(code.pointee.width)
        guard size > 0, let data = code.pointee.data else { return nil }
        self.size = size
        var packed = [UInt8](repeating: 0, count: (size * size + 7) / 8)
        for (index, module) in UnsafeBufferPointer(start: data, count: size * size).enumerated() where module & 1 == 1 {
            packed[index >> 3] |= 0x80 >> UInt8(index & 7)
        }
        self.packed = packed
    }

    /// A code read back from where it was kept (``QRCodeStore``): `packed` as ``packed`` is.
    init?(size: Int, packed: [UInt8]) {
        guard size >= 21, size <= 177, (size - 21) % 4 == 0, packed.count == (size * size + 7) / 8 else { return nil }
        self.size = size
        self.packed = packed
    }

    /// Whether the module at `index` (row by row) is dark.
    func isDark(_ index: Int) -> Bool { Self.isDark(index, in: packed) }

    /// Whether the module at `index` of `packed` (laid out as ``packed`` is) is dark.
    private static func isDark<Bytes: RandomAccessCollection>(_ index: Int, in packed: Bytes) -> Bool
    where Bytes.Element == UInt8, Bytes.Index == Int {
        packed[index >> 3] & (0x80 >> UInt8(index & 7)) != 0
    }

    /// Whether the module at `row`, `column` is dark; outside the code (the quiet zone) is light.
    public func isDark(row: Int, column: Int) -> Bool {
        guard row >= 0, row < size, column >= 0, column < size else { return false }
        return isDark(row * size + column)
    }

    /// An SVG drawing with a four-module quiet zone, one path of horizontal runs of dark
    /// modules (`M{x} {y}h{n}v1h-{n}z` each), and an accessible label (escaped here).
    public func svg(label: String) -> String {
        let quiet = 4
        let side = size + 2 * quiet
        // At most one run in two modules, each at most `M999 999h999v1h-999z`.
        let capacity = size * (size / 2 + 1) * 21
        let path = [UInt8](unsafeUninitializedCapacity: capacity) { buffer, count in
            var out = PathWriter(base: buffer.baseAddress!)
            packed.withUnsafeBufferPointer { packed in
                func isDark(_ index: Int) -> Bool { Self.isDark(index, in: packed) }
                for y in 0..<size {
                    var x = 0
                    while x < size {
                        guard isDark(y * size + x) else {
                            x += 1
                            continue
                        }
                        let start = x
                        while x < size, isDark(y * size + x) { x += 1 }
                        out.put(UInt8(ascii: "M"))
                        out.put(start + quiet)
                        out.put(UInt8(ascii: " "))
                        out.put(y + quiet)
                        out.put(UInt8(ascii: "h"))
                        out.put(x - start)
                        out.put(UInt8(ascii: "v"))
                        out.put(UInt8(ascii: "1"))
                        out.put(UInt8(ascii: "h"))
                        out.put(UInt8(ascii: "-"))
                        out.put(x - start)
                        out.put(UInt8(ascii: "z"))
                    }
                }
            }
            count = out.count
        }
        return "<svg class=\"qr-code\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(side) \(side)\" "
            + "role=\"img\" aria-label=\"\(Escape.html(label))\" shape-rendering=\"crispEdges\">"
            + "<rect width=\"\(side)\" height=\"\(side)\" fill=\"#fff\"/><path fill=\"#000\" d=\"\(String(decoding: path, as: UTF8.self))\"/></svg>"
    }
}

/// Writes an SVG path's bytes into memory already reserved for them.
private struct PathWriter {
    let base: UnsafeMutablePointer<UInt8>
    var count = 0

    mutating func put(_ byte: UInt8) {
        base[count] = byte
        count += 1
    }

    /// A number from 0 to 999 in decimal.
    mutating func put(_ number: Int) {
        if number >= 100 { put(UInt8(ascii: "0") + UInt8(number / 100)) }
        if number >= 10 { put(UInt8(ascii: "0") + UInt8(number / 10 % 10)) }
        put(UInt8(ascii: "0") + UInt8(number % 10))
    }
}

/// The QR codes of pages' addresses: those a build found kept (``QRCodeStore``) and those it
/// encoded, and, when asked, the drawings once made: a code depends only on the address, so a
/// page rendered again (a save in `serve`) or built again (the next `build`) does not encode it
/// again.
public final class QRCodeCache: Sendable {
    private struct State {
        var codes: [String: QRCode]
        var drawings: [String: String] = [:]
        var used: Set<String> = []
        var encoded = 0
    }
    private let state: Mutex<State>
    private let startCount: Int
    /// Whether drawings are kept (a one-off build renders each address once: keeping them
    /// would only cost memory).
    let keeps: Bool

    /// A cache starting with `codes` (read from a ``QRCodeStore``).
    public init(keeps: Bool, codes: [String: QRCode] = [:]) {
        self.keeps = keeps
        startCount = codes.count
        state = Mutex(State(codes: codes))
    }

    /// The drawing of the code for `url`, labelled with it; nil when it cannot be encoded.
    func svg(for url: String) -> String? {
        enum Found { case drawing(String), code(QRCode), none }
        let found: Found = state.withLock { state in
            state.used.insert(url)
            if let drawing = state.drawings[url] { return .drawing(drawing) }
            if let code = state.codes[url] { return .code(code) }
            return .none
        }
        let code: QRCode
        switch found {
        case .drawing(let drawing): return drawing
        case .code(let kept): code = kept
        case .none:
            guard let encoded = QRCode(encoding: url) else { return nil }
            code = encoded
            state.withLock {
                $0.codes[url] = encoded
                $0.encoded += 1
            }
        }
        let drawing = code.svg(label: "QR code for \(url)")
        if keeps { state.withLock { $0.drawings[url] = drawing } }
        return drawing
    }

    /// The codes of the addresses asked for so far: what the next build will want.
    public var used: [String: QRCode] {
        state.withLock { state in state.codes.filter { state.used.contains($0.key) } }
    }

    /// Whether ``used`` differs from the codes the cache started with: some were encoded, or
    /// some were not asked for.
    public var changed: Bool {
        state.withLock { $0.encoded > 0 || $0.used.count != startCount }
    }

    /// How many codes were encoded, not found kept.
    public var encodedCount: Int { state.withLock { $0.encoded } }
}
