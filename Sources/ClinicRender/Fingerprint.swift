import ClinicBase
import ClinicContent
import ClinicMarkdown
import ClinicModel
/// Content hashes for asset file names (`style.css` → `style.3f9a1c0b2e.css`), so browsers
/// may cache assets forever and still get a new file after every change.
package enum Fingerprint {
    /// Asset types whose names carry a hash.
    package static let extensions: Set<String> = ["css", "js"]

    /// 64-bit FNV-1a of `bytes`, as 10 hex digits: stable across runs and machines.
    package static func hash(_ bytes: [UInt8]) -> String {
        var value: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            value ^= UInt64(byte)
            value &*= 0x0000_0100_0000_01b3
        }
        let hex = String(value, radix: 16)
        return String((String(repeating: "0", count: 16 - hex.count) + hex).prefix(10))
    }

    /// `assets/style.css` with hash `h` → `assets/style.h.css`.
    package static func name(_ path: String, hash: String) -> String {
        let ext = Path.fileExtension(of: path)
        let stem = String(path.dropLast(ext.count + 1))
        return "\(stem).\(hash).\(ext)"
    }
}
