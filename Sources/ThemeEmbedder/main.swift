import Foundation

// Writes a Swift file that carries every file of a theme folder, base64-encoded, sorted by
// path, so the same theme always gives the same source.
//
// Usage: ThemeEmbedder THEME_FOLDER OUTPUT_SWIFT_FILE

/// Every file under `folder` (hidden files and folders skipped), as paths relative to it.
func relativeFiles(in folder: URL, prefix: String = "") throws -> [String] {
    var found: [String] = []
    let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { !$0.hasPrefix(".") }
    for name in names {
        let url = folder.appendingPathComponent(name)
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder) else { continue }
        if isFolder.boolValue {
            found += try relativeFiles(in: url, prefix: prefix + name + "/")
        } else {
            found.append(prefix + name)
        }
    }
    return found
}

/// A Swift string literal for `text` (paths hold no quotes or backslashes after escaping).
func literal(_ text: String) -> String {
    var result = "\""
    for scalar in text.unicodeScalars {
        switch scalar {
        case "\"": result += "\\\""
        case "\\": result += "\\\\"
        case "\n": result += "\\n"
        default:
            if scalar.value < 0x20 {
                result += "\\u{\(String(scalar.value, radix: 16))}"
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
    }
    return result + "\""
}

let arguments = CommandLine.arguments
guard arguments.count == 3 else {
    FileHandle.standardError.write(Data("usage: ThemeEmbedder THEME_FOLDER OUTPUT_SWIFT_FILE\n".utf8))
    exit(2)
}
let folder = URL(fileURLWithPath: arguments[1])
let output = URL(fileURLWithPath: arguments[2])

do {
    let paths = try relativeFiles(in: folder).sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
    var source = """
    // Generated from the repository's templates/ folder by the EmbedTheme plugin. Do not edit:
    // edit templates/ and rebuild.

    extension DefaultTheme {
        /// Every theme file: its path inside `templates/` and its bytes, base64-encoded.
        static let encodedFiles: [(path: String, base64: String)] = [

    """
    for path in paths {
        let bytes = try Data(contentsOf: folder.appendingPathComponent(path))
        source += "        (\(literal(path)), \"\(bytes.base64EncodedString())\"),\n"
    }
    source += "    ]\n}\n"
    try Data(source.utf8).write(to: output, options: .atomic)
} catch {
    FileHandle.standardError.write(Data("ThemeEmbedder: \(error)\n".utf8))
    exit(1)
}
