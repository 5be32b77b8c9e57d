import ClinicBase
import ClinicSitePreview
import Foundation

// libFuzzer target over the preview server's path handling.
//
// Each input is a request path as the HTTP parser hands it over (`request.uri.path`). It is
// percent-decoded the way Hummingbird's FileMiddleware decodes it, then asked of two
// published snapshots, one served at `/` and one at `/willow/`, through
// `PreviewSite.resource(at:)` — on purpose without the middleware's own `..` check, so the
// site's checks hold on their own. For a folder the fuzzer follows what the middleware does
// next: redirect `path` to `path/`, or look up `path/index.html`.
//
// Invariants (a broken one stops the fuzzer like a crash):
// - anything returned is a file or folder of the snapshot: a file's bytes are the snapshot's
//   (HTML gets the live-reload script added), a folder is one that holds files;
// - a path with a `.` or `..` segment, `//`, a backslash or a control character, or outside
//   the base path, is never served;
// - what is served is exactly what a plain reading of the path names (an independent oracle).

/// The snapshot both sites serve: output path → bytes.
let output: [String: [UInt8]] = [
    "index.html": Array("<!doctype html><html><body>home</body></html>".utf8),
    "404.html": Array("<!doctype html><html><body>not found</body></html>".utf8),
    "aftercare/index.html": Array("<html><body>aftercare</body></html>".utf8),
    "aftercare/cupping-aftercare/index.html": Array("<html><body>cupping</body></html>".utf8),
    "faq/index.html": Array("<html><body>faq</body></html>".utf8),
    "assets/style.3f9a1c0b2e.css": Array("body{color:black}".utf8),
    "assets/site.js": Array("console.log(1)".utf8),
    "media/room.jpg": [0xFF, 0xD8, 0xFF, 0xE0],
    "media/caf\u{E9}.jpg": [0xFF, 0xD8, 0xFF, 0xE1],
    "feed.xml": Array("<feed/>".utf8),
    "sitemap.xml": Array("<urlset/>".utf8),
    "robots.txt": Array("User-agent: *\n".utf8),
]

/// Every folder that holds a file, `""` being the root.
let folders: Set<String> = {
    var folders: Set<String> = [""]
    for path in output.keys {
        var parts = path.split(separator: "/").map(String.init)
        parts.removeLast()
        while !parts.isEmpty {
            folders.insert(parts.joined(separator: "/"))
            parts.removeLast()
        }
    }
    return folders
}()

let sites: [(site: PreviewSite, basePath: String)] = ["/", "/willow/"].map { basePath in
    let site = PreviewSite(session: "fuzz")
    _ = site.publish(output, basePath: basePath, at: Date(timeIntervalSince1970: 1_000_000))
    return (site, basePath)
}

/// Hummingbird's `String.removingURLPercentEncoding()` (FileMiddleware, HummingbirdCore
/// `String+percentEncode.swift`), which is `package`-level there and so cannot be called from
/// here: `%XX` becomes the byte XX, a stray `%` or a bad hex digit makes the request a 400
/// (nil), and the bytes are read as UTF-8 with invalid sequences replaced by U+FFFD.
func removingURLPercentEncoding(_ text: String) -> String? {
    func hex(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        default: return nil
        }
    }
    var bytes: [UInt8] = []
    bytes.reserveCapacity(text.utf8.count)
    var iterator = text.utf8.makeIterator()
    while let byte = iterator.next() {
        guard byte == UInt8(ascii: "%") else {
            bytes.append(byte)
            continue
        }
        guard let high = iterator.next().flatMap(hex), let low = iterator.next().flatMap(hex) else { return nil }
        bytes.append(high << 4 | low)
    }
    return String(decoding: bytes, as: UTF8.self)
}

/// What a path names, read plainly, byte by byte: a file or a folder of the snapshot, or nil.
enum Named: Equatable {
    case file(String)
    case folder(String)
}

func oracle(_ decoded: String, basePath: String) -> Named? {
    let path = Array(decoded.utf8)
    let base = Array(basePath.utf8)
    let rest: ArraySlice<UInt8>
    if path.starts(with: base) {
        rest = path[base.count...]
    } else if base.count > 1, path.elementsEqual(base.dropLast()) {
        return .folder("")
    } else {
        return nil
    }
    if !isPlain(rest, allowTrailingSlash: true) { return nil }
    if rest.isEmpty || rest.last == UInt8(ascii: "/") {
        let folder = String(decoding: rest.dropLast(rest.isEmpty ? 0 : 1), as: UTF8.self)
        return folders.contains(folder) ? .folder(folder) : nil
    }
    let name = String(decoding: rest, as: UTF8.self)
    if output[name] != nil { return .file(name) }
    if folders.contains(name) { return .folder(name) }
    return nil
}

/// No empty, `.` or `..` segment; no backslash, no control character. With
/// `allowTrailingSlash`, a final `/` (a folder) is allowed. The empty path is plain.
func isPlain(_ path: some BidirectionalCollection<UInt8>, allowTrailingSlash: Bool) -> Bool {
    if path.isEmpty { return true }
    var segments = path.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false)
    if allowTrailingSlash, path.last == UInt8(ascii: "/") { segments.removeLast() }
    for segment in segments {
        if segment.isEmpty || segment.elementsEqual(".".utf8) || segment.elementsEqual("..".utf8) { return false }
        if segment.contains(where: { $0 < 0x20 || $0 == 0x7F || $0 == UInt8(ascii: "\\") }) { return false }
    }
    return true
}

func check(_ decoded: String, site: PreviewSite, basePath: String) {
    let resource = site.resource(at: decoded)
    let expected = oracle(decoded, basePath: basePath)
    guard let resource else {
        precondition(expected == nil, "not served, but names \(String(describing: expected)): \(decoded.debugDescription) under \(basePath)")
        return
    }
    // Served: the path must be plain and inside the site.
    let bytes = Array(decoded.utf8)
    precondition(bytes.first == UInt8(ascii: "/") && isPlain(bytes.dropFirst(), allowTrailingSlash: true),
                 "served a path that is not plain: \(decoded.debugDescription) under \(basePath)")
    precondition(!decoded.contains("//") && !decoded.contains("\\") && !decoded.split(separator: "/").contains(".."),
                 "served \(decoded.debugDescription) under \(basePath)")
    guard let expected else {
        preconditionFailure("served \(decoded.debugDescription) under \(basePath), which names nothing in the snapshot")
    }
    switch expected {
    case .folder(let folder):
        precondition(resource.isFolder && resource.bytes.isEmpty,
                     "\(decoded.debugDescription) under \(basePath) names the folder '\(folder)' but a file was served")
        if decoded.hasSuffix("/") {
            // FileMiddleware serves the folder's index.html.
            if let index = site.resource(at: decoded + "index.html") {
                precondition(!index.isFolder && output[folder.isEmpty ? "index.html" : folder + "/index.html"] != nil,
                             "the index of \(decoded.debugDescription) is not a snapshot file")
            }
        } else {
            // FileMiddleware redirects to the path with a slash: it must stay on the site.
            let location = decoded + "/"
            precondition(location.hasPrefix("/") && !location.hasPrefix("//") && !location.contains("\\"),
                         "a redirect off the site: \(location.debugDescription)")
            precondition(site.resource(at: location)?.isFolder == true, "the redirect target \(location.debugDescription) is not served")
        }
    case .file(let name):
        precondition(!resource.isFolder, "\(decoded.debugDescription) names the file '\(name)' but a folder was served")
        let stored = output[name]!
        if name.hasSuffix(".html") {
            let text = String(decoding: resource.bytes, as: UTF8.self)
            let body = String(decoding: stored, as: UTF8.self).replacingOccurrences(of: "</body></html>", with: "")
            precondition(text.contains(body), "\(decoded.debugDescription) served a page that is not '\(name)'")
        } else {
            precondition(resource.bytes == stored, "\(decoded.debugDescription) served bytes that are not '\(name)'")
        }
    }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPreviewPath(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let raw = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    // The HTTP parser hands over the path without query or fragment.
    let path = String(raw.prefix { $0 != "?" && $0 != "#" })
    // Both the raw path and its decoded form are asked: a path decoded once more must be
    // refused or plain as well.
    guard let decoded = removingURLPercentEncoding(path) else { return 0 }
    for (site, basePath) in sites {
        check(decoded, site: site, basePath: basePath)
        check(path, site: site, basePath: basePath)
    }
    return 0
}
