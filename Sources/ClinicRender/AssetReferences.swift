import ClinicBase
import ClinicContent

/// `assets.<name>` in templates: the names come from the theme's files (`style.css` →
/// `style_css`), so they are checked here, when the theme loads, rather than by the compiler.
enum AssetReferences {
    /// An error for every `assets.<name>` in a tag of `files` that names no file of `assets`.
    static func problems(in files: [SourceFile], assets: [StaticFile]) -> [Diagnostic] {
        let known = Set(assets.map { Chrome.assetKey($0.outputPath) })
        var problems: [Diagnostic] = []
        for file in files {
            for (name, line, column) in references(in: file.text) where !known.contains(name) {
                let list = known.sorted().joined(separator: ", ")
                problems.append(Diagnostic(file.location(line: line, column: column),
                                           "unknown asset 'assets.\(name)'; the theme's assets are \(list.isEmpty ? "none" : list) (files in templates/assets/)",
                                           stage: .template))
            }
        }
        return problems
    }

    /// Each `assets.<name>` inside `{{ … }}`, with the line and column of its tag.
    static func references(in text: String) -> [(name: String, line: Int, column: Int)] {
        let bytes = Array(text.utf8)
        var found: [(String, Int, Int)] = []
        var line = 1
        var lineStart = 0
        var index = 0
        while index + 1 < bytes.count {
            if bytes[index] == 10 {
                line += 1
                lineStart = index + 1
            }
            guard bytes[index] == UInt8(ascii: "{"), bytes[index + 1] == UInt8(ascii: "{") else {
                index += 1
                continue
            }
            let start = index
            var end = index + 2
            while end + 1 < bytes.count, !(bytes[end] == UInt8(ascii: "}") && bytes[end + 1] == UInt8(ascii: "}")), bytes[end] != 10 { end += 1 }
            let tag = String(decoding: bytes[start..<end], as: UTF8.self)
            if let range = tag.range(of: "assets.") {
                let name = tag[range.upperBound...].prefix { $0.isLetter || $0.isNumber || $0 == "_" }
                let column = String(decoding: bytes[lineStart..<start], as: UTF8.self).unicodeScalars.count + 1
                if !name.isEmpty { found.append((String(name), line, column)) }
            }
            index = end
        }
        return found
    }
}
