import Foundation

/// URL slugs: the last part of a page's address (`cupping-aftercare` in
/// `/aftercare/cupping-aftercare/`). A slug is lowercase ASCII letters, digits, `-` and `_`,
/// so it can never name a folder outside the output, and two files can only clash when
/// their slugs are exactly equal.
public enum Slug {
    /// Makes a slug from free text (a file name or a heading): accents dropped, lowercased,
    /// every run of other characters turned into one `-`. May return an empty string.
    public static func make(from text: String) -> String {
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return makeASCII(text) }
        var result = ""
        var pendingHyphen = false
        for scalar in text.decomposedScalars {
            if scalar.properties.generalCategory == .nonspacingMark { continue }
            let lower = scalar.properties.lowercaseMapping
            for character in lower.unicodeScalars {
                if character.isASCII, character.properties.isAlphabetic || ("0"..."9").contains(character) || character == "_" {
                    if pendingHyphen, !result.isEmpty { result.append("-") }
                    pendingHyphen = false
                    result.unicodeScalars.append(character)
                } else if character == "'" || character == "’" {
                    continue
                } else {
                    pendingHyphen = true
                }
            }
        }
        return result
    }

    /// ``make(from:)`` for ASCII text, on bytes: the same result without Unicode tables.
    private static func makeASCII(_ text: String) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var pendingHyphen = false
        for byte in text.utf8 {
            var character = byte
            if character >= UInt8(ascii: "A"), character <= UInt8(ascii: "Z") { character += 32 }
            let isWord = (character >= UInt8(ascii: "a") && character <= UInt8(ascii: "z"))
                || (character >= UInt8(ascii: "0") && character <= UInt8(ascii: "9")) || character == UInt8(ascii: "_")
            if isWord {
                if pendingHyphen, !bytes.isEmpty { bytes.append(UInt8(ascii: "-")) }
                pendingHyphen = false
                bytes.append(character)
            } else if character != UInt8(ascii: "'") {
                pendingHyphen = true
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Why an explicit `slug:` value is refused, or nil when it is a valid slug.
    public static func problem(with slug: String) -> String? {
        if slug.isEmpty { return "the slug is empty" }
        if slug.hasPrefix("/") || slug.contains("..") || slug.contains("/") || slug.contains("\\") {
            return "slug '\(slug)' would leave its folder in the output; a slug is one word-like part of an address, e.g. 'cupping-aftercare'"
        }
        let valid = slug.unicodeScalars.allSatisfy { scalar in
            ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) || scalar == "-" || scalar == "_"
        }
        if !valid || slug.hasPrefix("-") || slug.hasSuffix("-") {
            return "slug '\(slug)' may only contain lowercase letters a–z, digits and hyphens (e.g. '\(make(from: slug).isEmpty ? "cupping-aftercare" : make(from: slug))')"
        }
        return nil
    }
}

extension String {
    /// The Unicode scalars in canonical decomposition (NFD), so accents can be dropped.
    package var decomposedScalars: String.UnicodeScalarView {
        decomposedStringWithCanonicalMapping.unicodeScalars
    }
}
