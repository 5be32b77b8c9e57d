import ClinicImagesTestSupport
import ClinicImages
import Foundation
import Testing

extension ClinicImagesTests {
    /// The libvips cache keys name, found without loading it.
    @Suite struct LibraryIdentity {
        /// The libvips file this process has mapped (the test process links libvips to make its
        /// photos, and encoding one loads it in any case), resolved through its links.
        static func loadedLibvips() throws -> String {
            _ = try ImageProcessor.encode(try TestImages.make(width: 40, height: 30, seed: 7),
                                          variants: [ImageVariant(width: 20, format: .jpeg)])
            // /proc files say they are empty: read them to the end rather than by their size.
            let handle = try #require(FileHandle(forReadingAtPath: "/proc/self/maps"))
            defer { try? handle.close() }
            let maps = String(decoding: handle.readDataToEndOfFile(), as: UTF8.self)
            let line = try #require(maps.split(separator: "\n").first { $0.contains("/libvips.so") }, "libvips is not mapped")
            let path = String(line[try #require(line.firstIndex(of: "/"))...])
            return URL(fileURLWithPath: path).resolvingSymlinksInPath().path
        }

        @Test(.enabled(if: FileManager.default.fileExists(atPath: "/proc/self/maps")))
        func namesTheFileTheLoaderOpensWithItsSizeAndTime() throws {
            let loaded = try Self.loadedLibvips()
            let attributes = try FileManager.default.attributesOfItem(atPath: loaded)
            let size = try #require(attributes[.size] as? Int)
            let identity = ImageProcessor.libraryIdentity
            #expect(identity.hasPrefix("\(loaded):\(size):"), "\(identity) does not name \(loaded) (\(size) bytes)")
            let modified = try #require(attributes[.modificationDate] as? Date).timeIntervalSince1970
            let seconds = try #require(identity.split(separator: ":").last.flatMap { Double($0) })
            #expect(abs(seconds - modified) < 1, "\(identity): modified at \(modified)")
        }
    }
}
