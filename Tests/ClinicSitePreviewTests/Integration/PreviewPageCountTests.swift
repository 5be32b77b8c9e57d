import ClinicBase
import ClinicContent
import ClinicModel
import ClinicOutput
import ClinicBuild
import ClinicSiteTestSupport
import Foundation
import Testing
@testable import ClinicSitePreview

/// The preview counts pages as `build` does (`BuildReport.pageCount`), after a full build
/// and after a save that adds or removes a page of the aftercare index.
@Suite("The preview's page count", .serialized, .timeLimit(.minutes(2)))
struct PreviewPageCountTests {
    func summary(_ log: EventLog) -> BuildSummary? {
        guard case .built(let summary, _) = log.lastBuild?.outcome else { return nil }
        return summary
    }

    @Test("on a paginated site: the first build, a new aftercare page and its deletion")
    func paginated() async throws {
        let site = try TemporaryFolder.demo()
        try site.write(try site.read("content/clinic.yml") + "\naftercare_per_page: 1\n", to: "content/clinic.yml")
        let (_, full) = try SiteBuilder.render(folder: site.folder, options: BuildOptions(fingerprintAssets: false), into: MemorySink())
        #expect(full.pageCount == 13)
        try await withPreview(site) { preview in
            #expect(await eventually(within: .seconds(20)) { preview.log.buildCount == 1 })
            #expect(self.summary(preview.log)?.pageCount == 13)
            // A new aftercare page, and a new page of the index for it.
            try site.write("---\ntitle: Rest after acupressure\ntreatment: Acupressure\n---\nRest.\n", to: "content/aftercare/acupressure-rest.md")
            #expect(await eventually(within: .seconds(20)) { preview.log.buildCount == 2 })
            #expect(self.summary(preview.log)?.pageCount == 15)
            try FileManager.default.removeItem(atPath: site.path("content/aftercare/acupressure-rest.md"))
            #expect(await eventually(within: .seconds(20)) { preview.log.buildCount == 3 })
            #expect(self.summary(preview.log)?.pageCount == 13)
        }
    }
}
