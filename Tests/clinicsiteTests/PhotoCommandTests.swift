import ClinicImagesTestSupport
import ClinicSiteTestSupport
import Foundation
import Testing

extension TemporaryFolder {
    /// The demo clinic with each of its photos replaced by a small generated one carrying what
    /// a phone writes into a photo (GPS position, camera serial number, XMP, IPTC, a comment),
    /// so a build is quick and has something to strip.
    ///
    /// With `turned`, each photo also carries an ICC profile (sRGB) and an EXIF orientation
    /// other than 1, chosen by that seed from 2 to 8.
    static func demoWithPhonePhotos(turned seed: UInt64? = nil) throws -> TemporaryFolder {
        let demo = try TemporaryFolder.demo()
        let media = demo.path("content/media")
        let names = try FileManager.default.contentsOfDirectory(atPath: media).filter { $0.hasSuffix(".jpg") }.sorted()
        var random = seed.map { SplitMix(seed: $0) }
        for (index, name) in names.enumerated() {
            let suffix = random == nil ? ".jpg[Q=85,strip]" : ".jpg[Q=85,profile=srgb]"
            let jpeg = try TestImages.make(width: 900, height: 600, seed: index + 1, suffix: suffix)
            let orientation = random.map { _ in UInt16(2 + random!.next() % 7) } ?? 1
            try Data(PrivateMetadata.added(to: jpeg, orientation: orientation)).write(to: URL(fileURLWithPath: media + "/" + name))
        }
        return demo
    }

    /// Every published photo's path, sorted (`site/media/room.1f3a9c42.960.webp`).
    func publishedPhotos() throws -> [String] {
        try files(under: "site").keys.filter { path in [".jpg", ".webp", ".png"].contains { path.hasSuffix($0) } }.map { "site/" + $0 }.sorted()
    }
}

@Suite("clinicsite build with photos, as a program")
struct PhotoCommandTests {
    static let demoPhotos = ["dune-grass", "green-leaf", "leaf-raindrops", "meadow", "orange-flower", "water-drop", "wood", "yellow-flower"]

    @Test("photos are published resized under names with a hash; the originals and their names are not; the build says how many it processed")
    func publishesResizedCopiesOnly() throws {
        let demo = try TemporaryFolder.demoWithPhonePhotos()
        let result = try Binary.run(["build"], in: demo.root)
        #expect(result.status == 0, "\(result.errors)")
        #expect(result.output.contains("; 8 images, 8 processed\n"), "\(result.output)")
        let photos = try demo.publishedPhotos()
        for name in Self.demoPhotos {
            #expect(!photos.contains("site/media/\(name).jpg"), "the original \(name).jpg was published")
            #expect(photos.contains { $0.hasPrefix("site/media/\(name).") && $0.hasSuffix(".webp") }, "no WebP of \(name)")
        }
        for photo in photos {
            let name = String(photo.split(separator: "/").last!)
            #expect(name.wholeMatch(of: /[a-z-]+\.[0-9a-f]{8}\.[0-9]+(x[0-9]+)?\.(jpg|webp|png)/) != nil, "\(photo)")
        }
        // Files that are not photos are copied as they are.
        #expect(try demo.read("site/media/CREDITS") == (try demo.read("content/media/CREDITS")))
        // The pages name the processed files, never the originals.
        let about = try demo.read("site/about/index.html")
        #expect(about.contains("<picture><source type=\"image/webp\" srcset=\"/media/orange-flower."))
        #expect(!about.contains("orange-flower.jpg\""))
    }

    @Test("exiftool, run over every file of the built site, finds none of what the photos carried: GPS position, serial number, XMP, IPTC, comment, ICC profile, orientation")
    func noMetadataInTheSite() throws {
        let exiftool = try #require(ExifTool.path, "exiftool is not installed (Debian: libimage-exiftool-perl)")
        let seed = TestSeed.value(default: 24)
        let demo = try TemporaryFolder.demoWithPhonePhotos(turned: seed)
        let sources = try ExifTool.tagsOfEveryFile(under: demo.path("content/media"), exiftool: exiftool).filter { $0.key.hasSuffix(".jpg") }
        #expect(sources.count == 8)
        for (name, tags) in sources {
            #expect(tags.keys.contains("EXIF:GPSLatitude") && tags["EXIF:SerialNumber"] == PrivateMetadata.serialNumber, "\(name): \(tags)")
            #expect(tags.keys.contains("XMP:GPSLatitude") && tags["IPTC:City"] != nil && tags["File:Comment"] == PrivateMetadata.comment, "\(name): \(tags)")
            #expect(tags.keys.contains("ICC_Profile:ProfileDescription"), "\(name) has no ICC profile: \(tags)")
            #expect(tags["EXIF:Orientation"] != nil && tags["EXIF:Orientation"] != "Horizontal (normal)", "\(name): \(tags["EXIF:Orientation"] ?? "no orientation")")
        }

        let result = try Binary.run(["build"], in: demo.root)
        #expect(result.status == 0, "\(result.errors)")
        let files = try demo.files(under: "site")
        let read = try ExifTool.tagsOfEveryFile(under: demo.path("site"), exiftool: exiftool)
        // Every file: pages, feed, sitemap, stylesheet, script, CREDITS, the build's marker.
        #expect(Set(read.keys) == Set(files.keys), "exiftool did not read \(Set(files.keys).subtracting(read.keys).sorted())")
        #expect(try demo.publishedPhotos().count >= 40)
        for (path, tags) in read.sorted(by: { $0.key < $1.key }) {
            #expect(ExifTool.photoMetadata(tags).isEmpty, "site/\(path) carries \(ExifTool.photoMetadata(tags)), \(TestSeed.replay(seed))")
            let bytes = try #require(files[path])
            for text in PrivateMetadata.texts {
                #expect(bytes.range(of: Data(text.utf8)) == nil, "site/\(path) holds '\(text)'")
            }
            guard [".jpg", ".webp", ".png"].contains(where: { path.hasSuffix($0) }) else { continue }
            // A published photo: read whole, nothing but its encoding, and no ICC profile
            // (SECURITY.md: none, not even sRGB's), by exiftool and segment by segment.
            #expect(tags["File:Error"] == nil && tags["File:Warning"] == nil, "site/\(path): \(tags)")
            #expect(ExifTool.privateTags(tags).isEmpty, "site/\(path) carries \(ExifTool.privateTags(tags))")
            #expect(!tags.keys.contains { $0.hasPrefix("ICC_Profile:") }, "site/\(path) has an ICC profile")
            #expect(MetadataScan.items(Array(bytes)) == [], "site/\(path)")
        }
    }

    @Test("a second build processes no photo and gives the same bytes; so does a build with the cache removed")
    func cachedAndDeterministic() throws {
        let demo = try TemporaryFolder.demoWithPhonePhotos()
        #expect(try Binary.run(["build"], in: demo.root).status == 0)
        let cold = try demo.files(under: "site")
        #expect(demo.exists(".clinicsite/cache/images/sources.tsv"))

        let warm = try Binary.run(["build"], in: demo.root)
        #expect(warm.output.contains("; 8 images, 0 processed\n"), "\(warm.output)")
        #expect(try demo.files(under: "site") == cold)

        try FileManager.default.removeItem(atPath: demo.path(".clinicsite"))
        let again = try Binary.run(["build"], in: demo.root)
        #expect(again.output.contains("; 8 images, 8 processed\n"), "\(again.output)")
        #expect(try demo.files(under: "site") == cold)
    }

    @Test("a replaced photo is processed again, alone, and the pages name its new files; the old files leave the cache")
    func replacedPhoto() throws {
        let demo = try TemporaryFolder.demoWithPhonePhotos()
        #expect(try Binary.run(["build"], in: demo.root).status == 0)
        let before = try demo.publishedPhotos().filter { $0.hasPrefix("site/media/orange-flower.") }
        let cachedBefore = try demo.files(under: ".clinicsite/cache").count
        try Data(try TestImages.make(width: 700, height: 700, seed: 99)).write(to: URL(fileURLWithPath: demo.path("content/media/orange-flower.jpg")))

        let result = try Binary.run(["build"], in: demo.root)
        #expect(result.output.contains("; 8 images, 1 processed\n"), "\(result.output)")
        let after = try demo.publishedPhotos().filter { $0.hasPrefix("site/media/orange-flower.") }
        #expect(Set(before).isDisjoint(with: after), "\(before) \(after)")
        let about = try demo.read("site/about/index.html")
        #expect(about.contains("height=\"700\"") || about.contains("height=\"480\""), "the page does not show the new size")
        for old in before { #expect(!about.contains(String(old.dropFirst("site".count)))) }
        #expect(try demo.files(under: ".clinicsite/cache").count == cachedBefore, "the replaced photo's files stayed in the cache")
    }

    @Test("check reads the photos but writes no file and leaves the cache as the last build left it")
    func checkWritesNothing() throws {
        let demo = try TemporaryFolder.demoWithPhonePhotos()
        #expect(try Binary.run(["build"], in: demo.root).status == 0)
        let site = try demo.files(under: "site")
        let cache = try demo.files(under: ".clinicsite")
        try demo.write("---\ntitle: Rooms\n---\n![The room](/media/wood.jpg)\n", to: "content/rooms.md")
        let result = try Binary.run(["check"], in: demo.root)
        #expect(result.status == 0, "\(result.output)\(result.errors)")
        #expect(try demo.files(under: "site") == site)
        #expect(try demo.files(under: ".clinicsite") == cache)
    }

    @Test("check warns about a photo of more than 25 MB, with its size, and not about one just under")
    func largeFileWarning() throws {
        let demo = try TemporaryFolder.demoWithPhonePhotos()
        // Uncompressed PNGs, 3 bytes a pixel: 27 MB and 23.5 MB.
        let over = try TestImages.make(width: 3000, height: 3000, seed: 3, suffix: ".png[compression=0]")
        let under = try TestImages.make(width: 2800, height: 2800, seed: 4, suffix: ".png[compression=0]")
        #expect(over.count > 25_000_000 && under.count < 25_000_000, "\(over.count) and \(under.count) bytes")
        try Data(over).write(to: URL(fileURLWithPath: demo.path("content/media/scan.png")))
        try Data(under).write(to: URL(fileURLWithPath: demo.path("content/media/poster.png")))
        try demo.write("---\ntitle: Rooms\n---\n![The room](/media/scan.png)\n\n![A poster](/media/poster.png)\n", to: "content/rooms.md")
        let result = try Binary.run(["check"], in: demo.root)
        let lines = (result.output + result.errors).split(separator: "\n").map(String.init)
        let megabytes = String(format: "%.1f", Double(over.count) / 1_000_000)
        #expect(lines.contains("content/media/scan.png:1:1: warning: this photo is \(megabytes) MB, over 25 MB: far more than a web page needs (a phone's photo is 2 to 5 MB), and every build that finds it changed reads all of it; save a smaller copy"),
                "\(lines)")
        #expect(lines.filter { $0.contains(" MB") }.count == 1, "\(lines)")
    }

    @Test("a HEIC photo (as an iPhone takes them) shown on a page is published as WebP and JPEG files the page shows")
    func heicPhoto() throws {
        try #require(TestImages.canSaveHEIC, "\(TestImages.cannotSaveHEIC)")
        let demo = try TemporaryFolder.demoWithPhonePhotos()
        let heic = try TestImages.make(width: 1200, height: 900, seed: 8, suffix: ".heic[Q=60,compression=hevc]")
        #expect(heic[4..<12].elementsEqual(Array("ftypheic".utf8)))
        try Data(heic).write(to: URL(fileURLWithPath: demo.path("content/media/garden.heic")))
        try demo.write("---\ntitle: The garden\n---\n![The garden in June](/media/garden.heic)\n", to: "content/garden.md")
        let result = try Binary.run(["build"], in: demo.root)
        #expect(result.status == 0, "\(result.errors)")
        #expect(result.output.contains("; 9 images, 9 processed\n"), "\(result.output)")

        let html = try demo.read("site/garden/index.html")
        let picture = try #require(html.firstMatch(of: /<picture><source type="image\/webp" srcset="([^"]*)" sizes="[^"]*"><img src="([^"]*)" srcset="([^"]*)"[^>]* width="([0-9]+)" height="([0-9]+)" alt="The garden in June"/),
                                   "no <picture> of the photo: \(html)")
        let webp = srcset(String(picture.output.1))
        let jpeg = srcset(String(picture.output.3))
        #expect(webp.map(\.width) == [480, 960, 1200] && jpeg.map(\.width) == [480, 960, 1200])
        for (url, width) in webp + jpeg {
            #expect(url.hasPrefix("/media/garden."), "\(url)")
            let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: demo.path("site" + url))))
            if url.hasSuffix(".webp") {
                #expect(TestImages.format(of: bytes) == "webp", "\(url)")
            } else {
                #expect(url.hasSuffix(".jpg") && TestImages.format(of: bytes) == "jpeg", "\(url)")
            }
            let measured = try TestImages.measure(bytes)
            let expected: [Int] = [width, width * 3 / 4]
            #expect([measured.width, measured.height] == expected, "\(url)")
        }
        #expect(picture.output.2 == jpeg[1].url && picture.output.4 == "960" && picture.output.5 == "720")
        #expect(!demo.exists("site/media/garden.heic"))
    }

    @Test("check warns about a photo shown wider than it is")
    func blurryWarning() throws {
        let demo = try TemporaryFolder.demoWithPhonePhotos()
        let result = try Binary.run(["check"], in: demo.root)
        let lines = (result.output + result.errors).split(separator: "\n").map(String.init)
        // The hero (clinic.yml line 7) is shown up to 1600 pixels wide; the test photos are 900.
        #expect(lines.contains { $0.hasPrefix("content/clinic.yml:7:8: warning: content/media/leaf-raindrops.jpg is 900 pixels wide, but the theme shows it up to ") && $0.contains("it will look blurry") },
                "\(lines)")
    }
}

@Suite("clinicsite build refuses photos it cannot publish")
struct PhotoRefusalTests {
    /// Builds the demo once, adds `file` (bytes) as `content/media/<name>` and a page showing
    /// it, and builds again: the errors, after checking the build failed and left site/ alone.
    private func refused(_ name: String, _ bytes: [UInt8]?, link: String? = nil) throws -> (lines: [String], seconds: Double) {
        try refused(after: { demo in
            if let bytes { try Data(bytes).write(to: URL(fileURLWithPath: demo.path("content/media/" + name))) }
            if let link { try FileManager.default.createSymbolicLink(atPath: demo.path("content/media/" + name), withDestinationPath: link) }
            try demo.write("---\ntitle: Rooms\n---\nOur rooms.\n\n  ![The room](/media/\(name))\n", to: "content/rooms.md")
        })
    }

    /// Builds the demo once, makes `change` to it, and builds again: the errors, after checking
    /// the build failed and left site/ alone.
    private func refused(after change: (TemporaryFolder) throws -> Void) throws -> (lines: [String], seconds: Double) {
        let demo = try TemporaryFolder.demoWithPhonePhotos()
        #expect(try Binary.run(["build"], in: demo.root).status == 0)
        let before = try demo.files(under: "site")
        try change(demo)
        let start = ContinuousClock.now
        let result = try Binary.run(["build"], in: demo.root)
        let elapsed = ContinuousClock.now - start
        #expect(result.status == 1)
        #expect(try demo.files(under: "site") == before, "site/ changed")
        let lines = result.errors.split(separator: "\n").map(String.init)
        #expect(lines.last?.hasPrefix("error: build failed with ") == true && lines.last?.hasSuffix("; site was not changed") == true, "\(lines)")
        return (lines, Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
    }

    @Test("a photo that does not exist: the place of the reference")
    func missing() throws {
        let (lines, _) = try refused("nope.jpg", nil)
        #expect(lines.contains("content/rooms.md:6:3: there is no photo 'media/nope.jpg' in content/ (a photo is a file in content/media/; a symlink is followed only when it stays inside the site folder)"), "\(lines)")
    }

    @Test("a photo clinic.yml's image: names that does not exist: the clinic.yml line that names it")
    func missingFromClinicYAML() throws {
        let (lines, _) = try refused(after: { demo in
            try demo.edit("content/clinic.yml", replacing: "image: media/leaf-raindrops.jpg", with: "image: media/front-desk.jpg")
        })
        #expect(lines.contains("content/clinic.yml:7:8: there is no photo 'media/front-desk.jpg' in content/ (a photo is a file in content/media/; a symlink is followed only when it stays inside the site folder)"), "\(lines)")
    }

    @Test("a damaged photo a page's front matter image: names: the front matter line that names it")
    func corruptFromFrontMatter() throws {
        // A JPEG's start, then noise where its header and pixels should be.
        let seed = TestSeed.value(default: 6)
        var random = SplitMix(seed: seed)
        let jpeg: [UInt8] = [0xFF, 0xD8, 0xFF, 0xE0] + (0..<4000).map { _ in UInt8(truncatingIfNeeded: random.next()) }
        let (lines, _) = try refused(after: { demo in
            try Data(jpeg).write(to: URL(fileURLWithPath: demo.path("content/media/cups.jpg")))
            // Line 9 of the file (the front matter's eighth); the path at column 15.
            try demo.edit("content/aftercare/cupping-aftercare.md", replacing: "image: { src: media/water-drop.jpg,", with: "image: { src: media/cups.jpg,")
        })
        let errors = lines.filter { $0.contains("cups.jpg") }
        #expect(errors.count == 1 && errors.allSatisfy { $0.wholeMatch(of: /content\/aftercare\/cupping-aftercare\.md:9:15: content\/media\/cups\.jpg: the file is damaged or cut short: .+/) != nil },
                "\(lines), \(TestSeed.replay(seed))")
    }

    @Test("a JPEG cut short")
    func truncated() throws {
        let jpeg = try TestImages.make(width: 800, height: 600)
        let (lines, _) = try refused("room.jpg", Array(jpeg.prefix(jpeg.count / 2)))
        #expect(lines.contains { $0.hasPrefix("content/rooms.md:6:3: content/media/room.jpg: the file is damaged or cut short: ") }, "\(lines)")
    }

    @Test("a JPEG whose bytes are damaged")
    func corrupt() throws {
        // A JPEG's start, then noise where its header and pixels should be.
        var random = SplitMix(seed: 19)
        let jpeg: [UInt8] = [0xFF, 0xD8, 0xFF, 0xE0] + (0..<4000).map { _ in UInt8(truncatingIfNeeded: random.next()) }
        let (lines, _) = try refused("room.jpg", jpeg)
        #expect(lines.contains("content/rooms.md:6:3: content/media/room.jpg: the file is damaged or cut short: Premature end of JPEG file"), "\(lines)")
    }

    @Test("a text file named .jpg")
    func notAnImage() throws {
        let (lines, _) = try refused("hours.jpg", Array("Opening hours: 9 to 5\n".utf8))
        #expect(lines.contains("content/rooms.md:6:3: content/media/hours.jpg: not an image (its bytes are not JPEG, PNG, WebP, GIF, TIFF or HEIC)"), "\(lines)")
    }

    @Test("a format ClinicSite does not read (BMP)")
    func unsupported() throws {
        var bmp = Array("BM".utf8) + TestImages.littleEndian(70) + [0, 0, 0, 0] + TestImages.littleEndian(54)
        bmp += TestImages.littleEndian(40) + TestImages.littleEndian(2) + TestImages.littleEndian(2) + [1, 0, 24, 0]
        bmp += [UInt8](repeating: 0, count: 70 - bmp.count)
        let (lines, _) = try refused("scan.bmp", bmp)
        #expect(lines.contains("content/rooms.md:6:3: content/media/scan.bmp: a BMP file, which ClinicSite does not publish as a photo; save it as JPEG, PNG, WebP or HEIC"), "\(lines)")
    }

    @Test("a decompression bomb (a small PNG declaring 50,000 × 50,000 pixels) is refused from its header, quickly")
    func bomb() throws {
        let bomb = TestImages.bombPNG(width: 50_000, height: 50_000)
        #expect(bomb.count < 1000)
        let (lines, seconds) = try refused("bomb.png", bomb)
        #expect(lines.contains("content/rooms.md:6:3: content/media/bomb.png: declares 50000 × 50000 pixels, more than the limit of 100 megapixels; resize it before adding it"), "\(lines)")
        // The whole build of the demo, bomb included (decoding it would take minutes and 7 GB).
        #expect(seconds < 10, "took \(seconds) s")
    }

    @Test("a photo that is a symlink leading out of the site")
    func symlinkOut() throws {
        let outside = try TemporaryFolder()
        try Data(try TestImages.make(width: 800, height: 600)).write(to: URL(fileURLWithPath: outside.path("room.jpg")))
        let (lines, _) = try refused("room.jpg", nil, link: outside.path("room.jpg"))
        #expect(lines.contains("content/rooms.md:6:3: there is no photo 'media/room.jpg' in content/ (a photo is a file in content/media/; a symlink is followed only when it stays inside the site folder)"), "\(lines)")
        #expect(lines.contains("content/media/room.jpg:1:1: this symlink points outside the site folder (to '\(outside.path("room.jpg"))'); ClinicSite does not follow it"), "\(lines)")
    }
}
