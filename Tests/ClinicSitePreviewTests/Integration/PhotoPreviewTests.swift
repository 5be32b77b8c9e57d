import ClinicImagesTestSupport
import ClinicSiteTestSupport
import Foundation
import HummingbirdTesting
import Testing
@testable import ClinicSitePreview

/// A `srcset`'s addresses and width descriptors.
private func srcset(_ value: Substring) -> [(url: String, width: Int)] {
    value.split(separator: ",").map { entry in
        let parts = entry.split(separator: " ")
        return (String(parts[0]), Int(parts[1].dropLast()) ?? -1)
    }
}

@Suite("serve with photos", .serialized, .timeLimit(.minutes(3)))
struct PhotoPreviewTests {
    @Test("a new photo and a new page showing it: the reload comes, the page has the <picture>, and each WebP its srcset names is served as image/webp")
    func newPhotoAndPage() async throws {
        let site = try TemporaryFolder.demo()
        let photo = try TestImages.make(width: 1700, height: 1100, seed: 21)
        try await withPreview(site) { preview in
            let events = try EventStreamClient(port: preview.port)
            _ = try #require(await events.next(named: "hello", timeout: .seconds(20)))
            try Data(photo).write(to: URL(fileURLWithPath: site.path("content/media/treatment-room.jpg")))
            try site.write("---\ntitle: The treatment room\n---\nOur room.\n\n![The treatment room, window open](/media/treatment-room.jpg)\n",
                           to: "content/treatment-room.md")
            // The photo alone changes no output (no page shows it yet): the first reload is the page's.
            let reload = try #require(await events.next(named: "reload", timeout: .seconds(20)))
            let build = try #require(preview.server.site.snapshot?.id)
            #expect(reload.data == "{\"build\":\"\(build)\"}")

            let page = try await preview.request("/treatment-room/")
            #expect(page.status == .ok)
            let html = RunningPreview.text(page)
            let picture = try #require(html.firstMatch(of: /<picture><source type="image\/webp" srcset="([^"]*)" sizes="[^"]*"><img src="\/media\/treatment-room\.[^"]*"[^>]* alt="The treatment room, window open"/),
                                       "the page has no <picture> of the photo: \(html)")
            let webp = srcset(picture.output.1)
            #expect(webp.map(\.width) == [480, 960, 1600])
            // Asked for at once, before the photo's files are made (they are made on a thread of
            // their own after the reload) or after: either way the file, made on the spot if need be.
            for (url, width) in webp {
                #expect(url.hasPrefix("/media/treatment-room.") && url.hasSuffix(".\(width).webp"), "\(url)")
                let response = try await preview.request(url)
                #expect(response.status == .ok, "\(url)")
                #expect(response.headers[.contentType] == "image/webp", "\(url): \(response.headers)")
                let bytes = response.body.map { Array($0.readableBytesView) } ?? []
                #expect(TestImages.format(of: bytes) == "webp", "\(url)")
                #expect(try TestImages.measure(bytes).width == width, "\(url)")
            }
        }
    }

    @Test("a page saved while a large photo is still being made is not held up: its reload comes before serve reports the photo's files made")
    func saveDuringALargePhoto() async throws {
        let site = try TemporaryFolder.demo()
        // An interlaced PNG is decoded whole, whatever size it is published at: 20 megapixels
        // take seconds to make into files (about 3 here), where a text save takes a tenth of one.
        let large = try TestImages.make(width: 5400, height: 3700, seed: 22, suffix: ".png[compression=0,interlace]")
        try await withPreview(site) { preview in
            let events = try EventStreamClient(port: preview.port)
            _ = try #require(await events.next(named: "hello", timeout: .seconds(20)))
            // The demo's own photos are made after the first build: wait for them, so the next
            // report of photo files made can only be the large photo's.
            #expect(await eventually(within: .seconds(60)) { preview.log.imagesMade.count == 1 })

            try Data(large).write(to: URL(fileURLWithPath: site.path("content/media/panorama.png")))
            try site.write("---\ntitle: The view\n---\nFrom the window.\n\n![The view from the window](/media/panorama.png)\n",
                           to: "content/view.md")
            _ = try #require(await events.next(named: "reload", timeout: .seconds(30)))
            #expect(preview.shows("<picture><source type=\"image/webp\" srcset=\"/media/panorama.", at: "view/index.html"))

            try site.edit("content/about.md", replacing: "Willow Street opened", with: "Willow Street first opened")
            let reload = try #require(await events.next(named: "reload", timeout: .seconds(30)))
            // The order of events: the text save's reload first, then the photo's files made.
            #expect(preview.log.imagesMade.count == 1,
                    "serve reported the large photo's files made before the text save's reload: the save waited for the photo")
            let build = try #require(preview.server.site.snapshot?.id)
            #expect(reload.data == "{\"build\":\"\(build)\"}")
            #expect(RunningPreview.text(try await preview.request("/about/")).contains("Willow Street first opened"))
            // A file of the photo asked for before the photo's files are made: made on the spot.
            let page = RunningPreview.text(try await preview.request("/view/"))
            let picture = try #require(page.firstMatch(of: /<source type="image\/webp" srcset="([^"]*)"/), "\(page)")
            let webp = srcset(picture.output.1)
            #expect(webp.map(\.width) == [480, 960, 1600])
            let early = try await preview.request(webp[0].url)
            #expect(early.status == .ok && early.headers[.contentType] == "image/webp", "\(webp[0].url): \(early.status)")
            #expect(try TestImages.measure(early.body.map { Array($0.readableBytesView) } ?? []).width == 480)

            // And the photo's files do come: 480, 960 and 1600 pixels wide, WebP and JPEG.
            #expect(await eventually(within: .seconds(120)) { preview.log.imagesMade.count == 2 })
            let made = try #require(preview.log.imagesMade.last)
            #expect(made.count == 6 && made.failures.isEmpty, "\(made.count) files, \(made.failures)")
            let response = try await preview.request(webp[2].url)
            #expect(response.status == .ok && response.headers[.contentType] == "image/webp", "\(webp[2].url): \(response.status)")
            #expect(try TestImages.measure(response.body.map { Array($0.readableBytesView) } ?? []).width == 1600)
        }
    }
}
