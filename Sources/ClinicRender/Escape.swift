import ClinicBase
import ClinicContent
import ClinicMarkdown
import ClinicModel
/// Escaping for each place a value from content can land in a page.
public enum Escape {
    /// HTML text and quoted attribute values: `&`, `<`, `>`, `"` and `'` become entities.
    public static func html(_ text: String) -> String {
        var needs = false
        for byte in text.utf8 where byte == 38 || byte == 60 || byte == 62 || byte == 34 || byte == 39 {
            needs = true
            break
        }
        guard needs else { return text }
        var result = [UInt8]()
        result.reserveCapacity(text.utf8.count + 16)
        for byte in text.utf8 {
            switch byte {
            case 38: result.append(contentsOf: "&amp;".utf8)
            case 60: result.append(contentsOf: "&lt;".utf8)
            case 62: result.append(contentsOf: "&gt;".utf8)
            case 34: result.append(contentsOf: "&quot;".utf8)
            case 39: result.append(contentsOf: "&#39;".utf8)
            default: result.append(byte)
            }
        }
        return String(decoding: result, as: UTF8.self)
    }

    /// XML text and attribute values (sitemap, feed): like ``html(_:)`` with `&apos;`, and
    /// characters XML 1.0 forbids dropped.
    public static func xml(_ text: String) -> String {
        var result: [UInt8] = []
        result.reserveCapacity(text.utf8.count + 64)
        appendXML(text, to: &result)
        return String(decoding: result, as: UTF8.self)
    }

    /// Appends `text` escaped as ``xml(_:)`` escapes it to `output`.
    static func appendXML(_ text: String, to output: inout [UInt8]) {
        // Bytes: the five markup characters become entities; C0 controls other than tab, LF
        // and CR, and U+FFFE/U+FFFF (EF BF BE/BF), are dropped. Valid UTF-8 has no surrogates.
        var text = text
        text.withUTF8 { bytes in
            let count = bytes.count
            var index = 0
            while index < count {
                let byte = bytes[index]
                switch byte {
                case 38: output.append(contentsOf: [38, 97, 109, 112, 59])              // &amp;
                case 60: output.append(contentsOf: [38, 108, 116, 59])                  // &lt;
                case 62: output.append(contentsOf: [38, 103, 116, 59])                  // &gt;
                case 34: output.append(contentsOf: [38, 113, 117, 111, 116, 59])        // &quot;
                case 39: output.append(contentsOf: [38, 97, 112, 111, 115, 59])         // &apos;
                case 9, 10, 13: output.append(byte)
                case 0..<32: break
                case 0xEF where index + 2 < count && bytes[index + 1] == 0xBF && (bytes[index + 2] == 0xBE || bytes[index + 2] == 0xBF):
                    index += 2
                default: output.append(byte)
                }
                index += 1
            }
        }
    }
}
