import ClinicBase

/// A photo named in `clinic.yml` or in front matter: `image: media/room.jpg`, or
/// `image: { src: media/room.jpg, alt: The treatment room }` when it needs a description.
/// The path is relative to `content/` (a leading `/` is allowed).
public struct ImageReference: Sendable, Hashable {
    /// The path as written.
    public var source: String
    /// The alt text, when given.
    public var alt: String?
    /// Where the path is written.
    public var location: SourceLocation

    /// A reference.
    public init(source: String, alt: String?, location: SourceLocation) {
        self.source = source
        self.alt = alt
        self.location = location
    }
}

extension FieldReader {
    /// A photo field: a path, or a mapping with `src` (required) and `alt`.
    package mutating func image(_ key: String) -> ImageReference? {
        guard let node = node(key) else { return nil }
        if node.scalar != nil {
            guard let path = text(node, name: prefix + key), !path.isEmpty else { return nil }
            return ImageReference(source: path, alt: nil, location: location(of: node))
        }
        return mapping(key, what: "'\(prefix)\(key)' (a path, or { src: …, alt: … })") { reader in
            guard let (path, place) = reader.locatedString("src", required: true) else { return nil }
            return ImageReference(source: path, alt: reader.string("alt"), location: place)
        }
    }
}
