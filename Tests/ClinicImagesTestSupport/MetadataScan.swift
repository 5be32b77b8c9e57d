import Foundation

/// The metadata an encoded file carries, read from its structure: for JPEG every APPn and
/// COM segment other than JFIF, for WebP every ICCP, EXIF or XMP chunk (and the VP8X flags
/// for them), for PNG every chunk other than pixels, palette, transparency and resolution.
public enum MetadataScan {
    public static func items(_ bytes: [UInt8]) -> [String] {
        if bytes.starts(with: [0xFF, 0xD8]) { return jpeg(bytes) }
        if bytes.starts(with: Array("RIFF".utf8)) { return webp(bytes) }
        if bytes.starts(with: [0x89, 0x50, 0x4E, 0x47]) { return png(bytes) }
        return ["not JPEG, WebP or PNG"]
    }

    private static func jpeg(_ bytes: [UInt8]) -> [String] {
        var found: [String] = []
        var offset = 2
        while offset + 4 <= bytes.count && bytes[offset] == 0xFF {
            let marker = bytes[offset + 1]
            if marker == 0xDA { break }
            let length = Int(bytes[offset + 2]) << 8 | Int(bytes[offset + 3])
            let payload = bytes[(offset + 4)..<min(bytes.count, offset + 2 + length)]
            let isJFIF = marker == 0xE0 && payload.starts(with: Array("JFIF".utf8) + [0])
            if (0xE0...0xEF).contains(marker) && !isJFIF { found.append(String(format: "APP%d segment", Int(marker) - 0xE0)) }
            if marker == 0xFE { found.append("comment") }
            offset += 2 + length
        }
        return found
    }

    private static func webp(_ bytes: [UInt8]) -> [String] {
        var found: [String] = []
        var offset = 12
        while offset + 8 <= bytes.count {
            let name = String(decoding: bytes[offset..<offset + 4], as: UTF8.self)
            let size = Int(bytes[offset + 4]) | Int(bytes[offset + 5]) << 8 | Int(bytes[offset + 6]) << 16 | Int(bytes[offset + 7]) << 24
            if ["ICCP", "EXIF", "XMP "].contains(name) { found.append("\(name) chunk") }
            if name == "VP8X" && offset + 8 < bytes.count && bytes[offset + 8] & 0x2C != 0 { found.append("VP8X metadata flags") }
            offset += 8 + size + size % 2
        }
        return found
    }

    private static func png(_ bytes: [UInt8]) -> [String] {
        var found: [String] = []
        var offset = 8
        let allowed: Set<String> = ["IHDR", "PLTE", "tRNS", "IDAT", "IEND", "pHYs"]
        while offset + 8 <= bytes.count {
            let length = Int(bytes[offset]) << 24 | Int(bytes[offset + 1]) << 16 | Int(bytes[offset + 2]) << 8 | Int(bytes[offset + 3])
            let name = String(decoding: bytes[(offset + 4)..<(offset + 8)], as: UTF8.self)
            if !allowed.contains(name) { found.append("\(name) chunk") }
            offset += 12 + length
        }
        return found
    }
}

/// exiftool's reading of a file (`exiftool -j -G -a -u`), when exiftool is installed.
public enum ExifTool {
    public static var path: String? {
        let folders = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin").split(separator: ":")
        return folders.map { "\($0)/exiftool" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Every tag exiftool finds, as "Group:Tag" -> value text.
    public static func tags(_ bytes: [UInt8], exiftool: String) throws -> [String: String] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: exiftool)
        process.arguments = ["-j", "-G", "-a", "-u", "-"]
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        input.fileHandleForWriting.write(Data(bytes))
        try input.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard let list = try JSONSerialization.jsonObject(with: data) as? [[String: Any]], let first = list.first else {
            throw Failure("exiftool gave no JSON")
        }
        return first.mapValues { "\($0)" }
    }

    /// exiftool's reading of every file under `folder`, whatever its name or kind (`-r -ext '*'`:
    /// pages, feeds, scripts and files without an extension too), by path relative to `folder`.
    public static func tagsOfEveryFile(under folder: String, exiftool: String) throws -> [String: [String: String]] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: exiftool)
        process.arguments = ["-j", "-G", "-a", "-u", "-r", "-ext", "*", folder]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard let list = try JSONSerialization.jsonObject(with: data) as? [[String: Any]] else {
            throw Failure("exiftool gave no JSON for \(folder)")
        }
        var files: [String: [String: String]] = [:]
        for entry in list {
            guard let path = entry["SourceFile"] as? String, path.hasPrefix(folder + "/") else { throw Failure("exiftool named no file under \(folder): \(entry)") }
            files[String(path.dropFirst(folder.count + 1))] = entry.mapValues { "\($0)" }
        }
        return files
    }

    /// The tags, in a file of any kind, that carry what a camera or phone writes into a photo:
    /// every EXIF, IPTC, ICC profile, Photoshop or maker-notes tag, and any tag (XMP
    /// included) naming a position, a serial number, an orientation, a comment, a camera or a
    /// place. (exiftool reads a site's feed and sitemap as XMP: their own tags are not these.)
    public static func photoMetadata(_ tags: [String: String]) -> [String: String] {
        let photoGroups: Set<String> = ["EXIF", "IPTC", "ICC_Profile", "Photoshop", "MakerNotes", "GPS", "FlashPix", "APP12", "APP14"]
        let telling = ["GPS", "Serial", "Orientation", "Comment", "Make", "Model", "City", "DateTimeOriginal", "ProfileDescription", "ProfileCMM"]
        return tags.filter { key, _ in
            let parts = key.split(separator: ":", maxSplits: 1)
            guard parts.count == 2 else { return false }
            return photoGroups.contains(String(parts[0])) || telling.contains { parts[1].contains($0) }
        }
    }

    /// The tags that are metadata of the photo rather than of the file's encoding.
    public static func privateTags(_ tags: [String: String]) -> [String: String] {
        let encodingGroups: Set<String> = ["ExifTool", "File", "JFIF", "RIFF", "PNG", "Composite"]
        return tags.filter { key, _ in
            let parts = key.split(separator: ":", maxSplits: 1)
            guard parts.count == 2 else { return key != "SourceFile" }
            let tag = parts[1]
            let telling = ["Comment", "GPS", "Serial", "Make", "Model", "Orientation", "Date"].contains { tag.contains($0) }
            return !encodingGroups.contains(String(parts[0])) || (telling && tag != "FileModifyDate"
                && tag != "FileAccessDate" && tag != "FileInodeChangeDate")
        }
    }
}
