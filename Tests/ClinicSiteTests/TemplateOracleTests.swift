import ClinicMustache
import ClinicSiteTestSupport
import Foundation
import Mustache
import Testing
@testable import ClinicBase
@testable import ClinicContent
@testable import ClinicModel
@testable import ClinicRender
@testable import ClinicOutput
@testable import ClinicBuild

/// The theme rendered from the typed views against two other renderings of the same values:
/// ClinicMustache itself on dynamic data (names looked up at render time), which must give the
/// same bytes; and swift-mustache, a second engine, which must give the same text line by line
/// but for indentation and blank lines, where it departs from the Mustache spec (it indents the
/// lines of interpolated HTML inside an indented partial, leaves out the indentation of the first
/// line of a list's later elements, and keeps the line break after a one-line `{{<parent}}…{{/parent}}`).
@Suite("The theme through a second engine")
struct TemplateOracleTests {
    /// swift-mustache's reading of dynamic data: dictionaries, arrays, strings, numbers, booleans.
    static func plain(_ value: ClinicMustache.MustacheValue) -> Any {
        switch value {
        case .null: return NSNull()
        case .bool(let bool): return bool
        case .number(let number): return number == number.rounded() && abs(number) < 1e15 ? Int(number) as Any : number
        case .string(let string): return string
        case .list(let elements): return elements.map(plain)
        case .object(let members): return members.compactMapValues { $0 == .null ? nil : plain($0) }
        }
    }

    /// The lines of `text` without their leading white space, blank lines left out.
    static func lines(_ text: String) -> [Substring] {
        text.split(separator: "\n").map { $0.drop { $0 == " " } }.filter { !$0.isEmpty }
    }

    @Test("every page of the demo, the paginated demo and the fixture site", arguments: ["demo", "paginated", "basic"])
    func pages(_ name: String) throws {
        let folder = try TemporaryFolder()
        let site = try folder.copySite(name == "basic" ? "basic" : nil)
        if name == "paginated" {
            try folder.write(try folder.read("site-folder/content/clinic.yml") + "\naftercare_per_page: 1\n", to: "site-folder/content/clinic.yml")
        }
        let (state, _) = try SiteBuilder.render(folder: SiteFolder(site), options: BuildOptions(today: Fixtures.today), images: .tests, into: MemorySink())
        let sources = try FileManager.default.subpathsOfDirectory(atPath: site + "/templates").filter { $0.hasSuffix(".mustache") }.map {
            MustacheSource(name: String($0.dropLast(".mustache".count)), path: "templates/" + $0,
                           text: try String(contentsOfFile: site + "/templates/" + $0, encoding: .utf8))
        }
        let library = ClinicMustache.MustacheLibrary(sources)
        var oracle: [String: Mustache.MustacheTemplate] = [:]
        for source in sources { oracle[source.name] = try Mustache.MustacheTemplate(string: source.text) }
        let swiftMustache = Mustache.MustacheLibrary(templates: oracle)
        var compared = 0
        for output in state.views.outputs {
            guard let (template, values) = state.theme.values(of: output), let typed = state.theme.render(output) else { continue }
            let dynamic = try #require(library.compile(template, for: ClinicMustache.MustacheValue.self, options: Theme.options).0)
            #expect(dynamic.render(values) == typed, "\(output.key): typed and dynamic rendering differ")
            let other = try #require(swiftMustache.render(Self.plain(values), withTemplate: template))
            #expect(Self.lines(other) == Self.lines(String(decoding: typed, as: UTF8.self)), "\(output.key): swift-mustache differs")
            compared += 1
        }
        #expect(compared == state.views.pageCount)
    }
}
