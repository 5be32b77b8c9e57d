import ClinicImagesTestSupport
import ClinicSiteTestSupport
import Foundation
import Testing

/// One HTML element's attributes, by name (values unescaped as far as the theme escapes them).
struct Element {
    var attributes: [String: String]
    subscript(_ name: String) -> String? { attributes[name] }

    /// Every `<name …>` start tag in `html`.
    static func all(_ name: String, in html: String) -> [Element] {
        html.matches(of: try! Regex("<\(name)(\\s[^>]*)?>")).map { match in
            let tag = String(html[match.range])
            var attributes: [String: String] = [:]
            for attribute in tag.matches(of: /\s([a-z:-]+)(="([^"]*)")?/) {
                attributes[String(attribute.output.1)] = attribute.output.3.map { String($0).replacingOccurrences(of: "&amp;", with: "&") } ?? ""
            }
            return Element(attributes: attributes)
        }
    }
}

/// A `srcset`'s entries: address and width descriptor.
func srcset(_ value: String) -> [(url: String, width: Int)] {
    value.split(separator: ",").map { entry in
        let parts = entry.split(separator: " ")
        return (String(parts[0]), Int(parts[1].dropLast()) ?? -1)
    }
}

/// A small clinic made to show a photo in every way README's "Photos" section documents.
@Suite("what pages say about the photos they show")
struct PhotoPagesTests {
    /// The site: every photo is a generated one, its size chosen so each role gets all its widths.
    static func site() throws -> TemporaryFolder {
        let folder = try TemporaryFolder()
        try folder.copy(["templates"], from: Repository.root)
        try folder.write("""
            name: Harbour Physio
            url: https://harbour.example/
            kind: physiotherapy
            image: { src: media/front-desk.jpg, alt: The front desk in the morning }
            practitioners:
              - name: Noor Haddad
                role: Physiotherapist
                photo: media/noor.jpg
            services:
              - name: Sports massage
                duration: 45 min
                description: Firm work for tight muscles.
                image: media/table.jpg

            """, to: "content/clinic.yml")
        try folder.write("---\ntitle: Harbour Physio\n---\nWelcome to the clinic.\n", to: "content/index.md")
        try folder.write("""
            ---
            title: After your first session
            summary: What to do in the days after your first physiotherapy session.
            treatment: physiotherapy
            image: { src: media/towels.jpg, alt: Folded towels on a shelf }
            ---
            Rest for the remainder of the day.

            ![A resistance band on the floor](../media/band.jpg)

            Book a follow-up at the desk, or see [the room](/media/room.jpg) before you come.

            ![Our logo](/media/logo.png)

            """, to: "content/aftercare/first-session.md")
        let photos: [(String, Int, Int, Bool)] = [
            ("front-desk.jpg", 2600, 1400, false), ("noor.jpg", 900, 1200, false), ("table.jpg", 1100, 800, false),
            ("towels.jpg", 1700, 1100, false), ("band.jpg", 1000, 700, false), ("room.jpg", 3000, 2000, false),
            ("logo.png", 600, 400, true),
        ]
        try FileManager.default.createDirectory(atPath: folder.path("content/media"), withIntermediateDirectories: true)
        for (index, (name, width, height, alpha)) in photos.enumerated() {
            let bytes = try TestImages.make(width: width, height: height, alpha: alpha, seed: 40 + index,
                                            suffix: alpha ? ".png" : ".jpg[Q=85,strip]")
            try Data(bytes).write(to: URL(fileURLWithPath: folder.path("content/media/" + name)))
        }
        return folder
    }

    /// The site built once for every test of the suite.
    static let built: Result<TemporaryFolder, any Error> = Result {
        let folder = try site()
        let result = try Binary.run(["build"], in: folder.root)
        guard result.status == 0 else { throw TestSupportError("the build failed: \(result.errors)") }
        return folder
    }

    /// The processed file an address names, and its pixel size read from the file.
    static func file(_ url: String, in folder: TemporaryFolder) throws -> (bytes: [UInt8], width: Int, height: Int) {
        #expect(url.hasPrefix("/media/"), "\(url)")
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: folder.path("site" + url))))
        let measured = try TestImages.measure(bytes)
        return (bytes, measured.width, measured.height)
    }

    /// The `<picture>` elements of a page: the WebP `<source>` and the `<img>` in each.
    static func pictures(_ html: String) -> [(source: Element?, img: Element)] {
        html.matches(of: /<picture>(.*?)<\/picture>/).map { match in
            let inner = String(match.output.1)
            return (Element.all("source", in: inner).first, Element.all("img", in: inner)[0])
        }
    }

    /// The home page's `<picture>` of the photo whose files start `/media/NAME.`, and every
    /// address its WebP and fallback srcsets name.
    static func homePicture(_ name: String, in site: TemporaryFolder) throws -> (picture: (source: Element?, img: Element), urls: [String]) {
        let picture = try #require(pictures(try site.read("site/index.html")).first { $0.img["src"]?.hasPrefix("/media/\(name).") == true })
        return (picture, srcset(picture.source?["srcset"] ?? "").map(\.url) + srcset(picture.img["srcset"] ?? "").map(\.url))
    }

    static let pages = ["index.html", "aftercare/first-session/index.html"]

    @Test("every <img> has the width and height of the file it names, and every srcset entry the width of its file")
    func sizesAreTheFilesSizes() throws {
        let site = try Self.built.get()
        var count = 0
        for page in Self.pages {
            let html = try site.read("site/" + page)
            #expect(Element.all("img", in: html).count == Self.pictures(html).count, "\(page): an <img> outside a <picture>")
            for (source, img) in Self.pictures(html) {
                count += 1
                let src = try Self.file(try #require(img["src"]), in: site)
                #expect(String(src.width) == img["width"] && String(src.height) == img["height"], "\(page): \(img.attributes) names a file of \(src.width) × \(src.height)")
                let webp = try #require(source, "\(page): no <source> in the picture of \(img["src"] ?? "")")
                #expect(webp["type"] == "image/webp")
                #expect(webp["sizes"] == img["sizes"] && img["sizes"]?.isEmpty == false)
                for (url, width) in srcset(try #require(webp["srcset"])) {
                    let file = try Self.file(url, in: site)
                    #expect(file.width == width, "\(url)")
                    #expect(TestImages.format(of: file.bytes) == "webp", "\(url)")
                }
                let fallback = srcset(try #require(img["srcset"]))
                #expect(fallback.contains { $0.url == img["src"] })
                for (url, width) in fallback {
                    #expect(try Self.file(url, in: site).width == width, "\(url)")
                }
                // Every WebP has its fallback at the same size.
                #expect(srcset(webp["srcset"]!).map(\.width) == fallback.map(\.width))
            }
        }
        // The hero, the practitioner, the treatment; the page's photo, the band and the logo.
        #expect(count == 6)
    }

    @Test("the home page's hero and a page's photo load first; every other photo is lazy")
    func loadingOrder() throws {
        let site = try Self.built.get()
        for page in Self.pages {
            let pictures = Self.pictures(try site.read("site/" + page))
            let first = try #require(pictures.first?.img)
            #expect(first["fetchpriority"] == "high" && first["loading"] == nil, "\(page): \(first.attributes)")
            #expect(first["decoding"] == "async")
            for (_, img) in pictures.dropFirst() {
                #expect(img["loading"] == "lazy" && img["decoding"] == "async" && img["fetchpriority"] == nil, "\(page): \(img.attributes)")
            }
        }
        let home = Self.pictures(try site.read("site/index.html"))
        #expect(home.first?.img["alt"] == "The front desk in the morning")
        #expect(home.first?.img["src"]?.hasPrefix("/media/front-desk.") == true)
        let page = Self.pictures(try site.read("site/aftercare/first-session/index.html"))
        #expect(page.first?.img["alt"] == "Folded towels on a shelf")
    }

    @Test("the hero is published at 480, 960, 1600 and 2400 pixels; a page's photos at 480, 960 and 1600, never wider than the photo")
    func widths() throws {
        let site = try Self.built.get()
        let home = Self.pictures(try site.read("site/index.html"))
        #expect(srcset(home[0].source?["srcset"] ?? "").map(\.width) == [480, 960, 1600, 2400])
        let page = Self.pictures(try site.read("site/aftercare/first-session/index.html"))
        #expect(srcset(page[0].source?["srcset"] ?? "").map(\.width) == [480, 960, 1600])
        // The band is 1000 pixels wide: its own width in place of 1600.
        #expect(srcset(page[1].source?["srcset"] ?? "").map(\.width) == [480, 960, 1000])
    }

    @Test("the team photo is square, 320 and 640 pixels, with the practitioner's name as its alt text")
    func teamPhoto() throws {
        let site = try Self.built.get()
        let (picture, urls) = try Self.homePicture("noor", in: site)
        #expect(picture.img["alt"] == "Noor Haddad")
        #expect(urls.count == 4)
        for url in urls {
            let file = try Self.file(url, in: site)
            #expect(file.width == file.height, "\(url) is \(file.width) × \(file.height)")
        }
        #expect(try urls.map { try Self.file($0, in: site).width }.sorted() == [320, 320, 640, 640])
    }

    @Test("a treatment's photo is cropped to 3:2, at 480 × 320 and 960 × 640, its alt text empty (the card's title says it)")
    func cardPhoto() throws {
        let site = try Self.built.get()
        let (picture, urls) = try Self.homePicture("table", in: site)
        #expect(picture.img["alt"] == "")
        #expect(try urls.map { url in let file = try Self.file(url, in: site); return [file.width, file.height] }.sorted { $0[0] < $1[0] }
            == [[480, 320], [480, 320], [960, 640], [960, 640]])
    }

    @Test("og:image is a 1200 × 630 JPEG of the page's photo (the clinic's photo on the home page), named in the JSON-LD too")
    func socialImage() throws {
        let site = try Self.built.get()
        for (page, photo) in [("index.html", "front-desk"), ("aftercare/first-session/index.html", "towels")] {
            let html = try site.read("site/" + page)
            let metas = Element.all("meta", in: html)
            func meta(_ property: String) -> String? { metas.first { $0["property"] == property }?["content"] }
            let url = try #require(meta("og:image"), "\(page) has no og:image")
            #expect(url.hasPrefix("https://harbour.example/media/\(photo).") && url.hasSuffix(".1200x630.jpg"), "\(url)")
            #expect(meta("og:image:width") == "1200" && meta("og:image:height") == "630", "\(page)")
            let file = try Self.file(String(url.dropFirst("https://harbour.example".count)), in: site)
            #expect(file.width == 1200 && file.height == 630)
            #expect(TestImages.format(of: file.bytes) == "jpeg")
            let jsonLD = try #require(html.firstMatch(of: /<script type="application\/ld\+json">(.*?)<\/script>/)?.output.1)
            let json = String(jsonLD).replacingOccurrences(of: "\\/", with: "/")
            #expect(json.contains("\"image\":\"\(url)\""), "\(page): \(json)")
        }
    }

    @Test("a plain link to a photo leads to its largest copy: 2400 pixels wide, JPEG, the largest file made of it")
    func linkToThePhoto() throws {
        let site = try Self.built.get()
        let html = try site.read("site/aftercare/first-session/index.html")
        let link = try #require(html.firstMatch(of: /<a href="([^"]*)">the room<\/a>/)?.output.1)
        #expect(link.hasPrefix("/media/room.") && link.hasSuffix(".2400.jpg"), "\(link)")
        let file = try Self.file(String(link), in: site)
        #expect(file.width == 2400 && file.height == 1600)
        #expect(TestImages.format(of: file.bytes) == "jpeg")
        let made = try FileManager.default.contentsOfDirectory(atPath: site.path("site/media")).filter { $0.hasPrefix("room.") }
        #expect(made == [String(link.dropFirst("/media/".count))], "\(made)")
        #expect(!site.exists("site/media/room.jpg"))
    }

    @Test("a PNG with transparency falls back to PNG, not JPEG, and keeps its alpha")
    func transparentPNG() throws {
        let site = try Self.built.get()
        let picture = try #require(Self.pictures(try site.read("site/aftercare/first-session/index.html")).first { $0.img["alt"] == "Our logo" })
        let fallback = srcset(picture.img["srcset"] ?? "").map(\.url)
        #expect(!fallback.isEmpty && fallback.allSatisfy { $0.hasPrefix("/media/logo.") && $0.hasSuffix(".png") }, "\(fallback)")
        #expect(picture.img["src"]?.hasSuffix(".png") == true)
        for url in fallback {
            let file = try Self.file(url, in: site)
            #expect(TestImages.format(of: file.bytes) == "png", "\(url)")
            #expect(try TestImages.measure(file.bytes).bands == 4, "\(url) lost its transparency")
        }
        let made = try FileManager.default.contentsOfDirectory(atPath: site.path("site/media")).filter { $0.hasPrefix("logo.") }
        #expect(!made.contains { $0.hasSuffix(".jpg") }, "\(made)")
    }

    @Test("a path relative to the page (../media/band.jpg from content/aftercare/) finds the photo")
    func pageRelativePath() throws {
        let site = try Self.built.get()
        let picture = try #require(Self.pictures(try site.read("site/aftercare/first-session/index.html")).first { $0.img["alt"] == "A resistance band on the floor" })
        #expect(picture.img["src"]?.hasPrefix("/media/band.") == true, "\(picture.img.attributes)")
        #expect(try Self.file(try #require(picture.img["src"]), in: site).width == 960)
    }
}
