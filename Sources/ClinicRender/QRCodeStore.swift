import CQrencode
import ClinicBase
import Glibc

/// The QR codes of a site's page addresses, kept between builds in one file
/// (`.clinicsite/cache/qr-codes` in the site folder): a code depends only on its address, and
/// libqrencode's choice among its eight masks is most of the work of drawing one, so a build
/// encodes only the addresses it has not seen before.
///
/// The file starts with a line naming the format, libqrencode's version and the error
/// correction level; a file with another first line, or one that does not read to its end
/// exactly, is ignored (every code is then encoded again). Then, per address: its length
/// (2 bytes, little-endian), its UTF-8 bytes, the code's modules per side (1 byte) and the
/// modules, row by row, 8 to a byte, the first in the high bit.
public enum QRCodeStore {
    /// Where a site keeps its codes, relative to the site folder.
    public static let path = ".clinicsite/cache/qr-codes"

    /// The first line: what wrote the file, and everything a code depends on besides the address.
    static let header: [UInt8] = {
        let version = QRcode_APIVersionString().map { String(cString: $0) } ?? "unknown"
        return Array("clinicsite qr-codes 1 libqrencode \(version) 8bit M\n".utf8)
    }()

    /// The codes in the file at `path`; empty when there is none or it is not one of ours.
    public static func read(_ path: String) -> [String: QRCode] {
        guard let bytes = try? FileSystem.readBytes(path) else { return [:] }
        return decode(bytes) ?? [:]
    }

    /// Writes `codes` to `path` (a temporary file renamed over it, so a stopped build leaves the
    /// old file or the new one), creating its folder. Addresses are written sorted, so the same
    /// codes make the same file.
    public static func write(_ codes: [String: QRCode], to path: String) throws {
        try FileSystem.createDirectories(Path.parent(of: path))
        let temporary = path + ".\(getpid()).tmp"
        try FileSystem.write(encode(codes), to: temporary)
        do {
            try FileSystem.rename(temporary, to: path)
        } catch {
            try? FileSystem.removeTree(temporary)
            throw error
        }
    }

    static func encode(_ codes: [String: QRCode]) -> [UInt8] {
        var bytes = header
        for address in codes.keys.sorted() {
            let code = codes[address]!
            let text = Array(address.utf8)
            guard text.count <= Int(UInt16.max), code.size <= Int(UInt8.max) else { continue }
            bytes.append(UInt8(text.count & 0xFF))
            bytes.append(UInt8(text.count >> 8))
            bytes += text
            bytes.append(UInt8(code.size))
            bytes += code.packed
        }
        return bytes
    }

    static func decode(_ bytes: [UInt8]) -> [String: QRCode]? {
        guard bytes.starts(with: header) else { return nil }
        var codes: [String: QRCode] = [:]
        var index = header.count
        while index < bytes.count {
            guard index + 2 <= bytes.count else { return nil }
            let length = Int(bytes[index]) | Int(bytes[index + 1]) << 8
            index += 2
            guard index + length + 1 <= bytes.count else { return nil }
            let address = String(decoding: bytes[index..<index + length], as: UTF8.self)
            index += length
            let size = Int(bytes[index])
            index += 1
            let count = (size * size + 7) / 8
            guard index + count <= bytes.count, let code = QRCode(size: size, packed: Array(bytes[index..<index + count])) else { return nil }
            index += count
            codes[address] = code
        }
        return codes
    }
}
