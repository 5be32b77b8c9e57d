import ClinicSiteTestSupport
import Foundation
import Testing
@testable import ClinicContent
@testable import ClinicModel
@testable import ClinicRender
@testable import ClinicOutput
@testable import ClinicBuild

@Suite("QR codes kept between builds")
struct QRCodeStoreTests {
    func build(_ demo: TemporaryFolder) throws -> BuildReport {
        let folder = SiteFolder(demo.root)
        return try SiteBuilder.build(folder: folder, output: OutputFolder(nil, site: folder), options: BuildOptions(today: Fixtures.today))
    }

    @Test("codes read back are the codes written, for every size a page address can need")
    func roundTrip() throws {
        let addresses = ["https://a.example/", String(repeating: "https://willowstreet.example/aftercare/x/", count: 6),
                         "https://willowstreet.example/aftercare/why-am-i-sore-after-massage/"]
        let codes = Dictionary(uniqueKeysWithValues: addresses.map { ($0, QRCode(encoding: $0)!) })
        #expect(Set(codes.values.map(\.size)).count == 3)
        #expect(QRCodeStore.decode(QRCodeStore.encode(codes)) == codes)
        #expect(QRCodeStore.encode(codes) == QRCodeStore.encode(codes.reversed().reduce(into: [:]) { $0[$1.key] = $1.value }))
    }

    @Test("a second build encodes no code, and writes the same bytes as the first")
    func secondBuildEncodesNone() throws {
        let demo = try TemporaryFolder.demo()
        let first = try build(demo)
        let printed = try demo.files(under: "site").keys.filter { $0.hasPrefix("aftercare/") && !$0.hasPrefix("aftercare/page/") && $0 != "aftercare/index.html" }
        #expect(first.qrCodesEncoded == printed.count)
        #expect(first.qrCodesEncoded > 0)
        let output = try demo.files(under: "site")
        let kept = QRCodeStore.read(demo.path(QRCodeStore.path))
        #expect(kept.count == first.qrCodesEncoded)

        let second = try build(demo)
        #expect(second.qrCodesEncoded == 0)
        #expect(try demo.files(under: "site") == output)
    }

    @Test("a file that is not ours, cut short or from another libqrencode is ignored, and replaced")
    func badFilesAreIgnored() throws {
        let demo = try TemporaryFolder.demo()
        let cold = try build(demo)
        let output = try demo.files(under: "site")
        let good = try Data(contentsOf: URL(fileURLWithPath: demo.path(QRCodeStore.path)))
        let other = String(decoding: QRCodeStore.header, as: UTF8.self).replacingOccurrences(of: "libqrencode ", with: "libqrencode 0.")
        let variants: [(String, Data)] = [
            ("cut short", good.prefix(good.count - 5)),
            ("another version", Data(other.utf8) + good.dropFirst(QRCodeStore.header.count)),
            ("not ours", Data("hello".utf8)),
        ]
        for (what, bytes) in variants {
            try bytes.write(to: URL(fileURLWithPath: demo.path(QRCodeStore.path)))
            #expect(QRCodeStore.read(demo.path(QRCodeStore.path)).isEmpty, "\(what)")
            let report = try build(demo)
            #expect(report.qrCodesEncoded == cold.qrCodesEncoded, "\(what)")
            #expect(try demo.files(under: "site") == output, "\(what)")
            #expect(try Data(contentsOf: URL(fileURLWithPath: demo.path(QRCodeStore.path))) == good, "\(what)")
        }
    }

    @Test("a page that went takes its code out of the file; a new one adds its own")
    func keepsWhatTheBuildUsed() throws {
        let demo = try TemporaryFolder.demo()
        _ = try build(demo)
        let before = QRCodeStore.read(demo.path(QRCodeStore.path))
        let page = try #require(try FileManager.default.contentsOfDirectory(atPath: demo.path("content/aftercare")).sorted().first { $0.hasSuffix(".md") })
        try FileManager.default.moveItem(atPath: demo.path("content/aftercare/\(page)"), toPath: demo.path("content/aftercare/renamed-\(page)"))
        let report = try build(demo)
        #expect(report.qrCodesEncoded == 1)
        let after = QRCodeStore.read(demo.path(QRCodeStore.path))
        #expect(after.count == before.count)
        #expect(Set(after.keys).subtracting(before.keys).count == 1)
        #expect(Set(after.keys).subtracting(before.keys).first?.contains("renamed-") == true)
    }
}
