/// Lexical path helpers for `/`-separated paths. No file system access.
package enum Path {
    /// Joins path components with single slashes.
    package static func join(_ first: String, _ rest: String...) -> String {
        var result = first
        for part in rest where !part.isEmpty {
            if result.isEmpty {
                result = part
            } else if result.hasSuffix("/") {
                result += part.hasPrefix("/") ? String(part.dropFirst()) : part
            } else {
                result += part.hasPrefix("/") ? part : "/" + part
            }
        }
        return result
    }

    /// The folder holding `path` (`"."` for a bare name, `"/"` for a top-level entry).
    package static func parent(of path: String) -> String {
        var trimmed = Substring(path)
        while trimmed.count > 1, trimmed.hasSuffix("/") { trimmed = trimmed.dropLast() }
        guard let slash = trimmed.lastIndex(of: "/") else { return "." }
        if slash == trimmed.startIndex { return "/" }
        return String(trimmed[..<slash])
    }

    /// The last component of `path`.
    package static func lastComponent(of path: String) -> String {
        var trimmed = Substring(path)
        while trimmed.count > 1, trimmed.hasSuffix("/") { trimmed = trimmed.dropLast() }
        guard let slash = trimmed.lastIndex(of: "/") else { return String(trimmed) }
        return String(trimmed[trimmed.index(after: slash)...])
    }

    /// Removes `.` and resolves `..` lexically; keeps a leading `/`.
    package static func normalize(_ path: String) -> String {
        let absolute = path.hasPrefix("/")
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == ".." {
                if let last = parts.last, last != ".." {
                    parts.removeLast()
                } else if !absolute {
                    parts.append(part)
                }
                continue
            }
            parts.append(part)
        }
        let joined = parts.joined(separator: "/")
        if absolute { return "/" + joined }
        return joined.isEmpty ? "." : joined
    }

    /// Makes `path` absolute against `base` and normalizes it.
    package static func absolute(_ path: String, relativeTo base: String) -> String {
        normalize(path.hasPrefix("/") ? path : join(base, path))
    }

    /// True when `ancestor` is `path` itself or one of its parents (both absolute, normalized).
    package static func contains(_ ancestor: String, _ path: String) -> Bool {
        if ancestor == path || ancestor == "/" { return true }
        return path.hasPrefix(ancestor + "/")
    }

    /// The file name without its last extension.
    package static func stem(of name: String) -> String {
        let last = lastComponent(of: name)
        guard let dot = last.lastIndex(of: "."), dot != last.startIndex else { return last }
        return String(last[..<dot])
    }

    /// The last extension, without the dot, lowercased (`""` if none).
    package static func fileExtension(of name: String) -> String {
        let last = lastComponent(of: name)
        guard let dot = last.lastIndex(of: "."), dot != last.startIndex else { return "" }
        return String(last[last.index(after: dot)...]).lowercased()
    }
}
