import ClinicSiteTestSupport
import Foundation
import Testing
@testable import ClinicRender

/// README's list of template variables is made from the models the templates compile against.
@Suite("Template variables in README.md")
struct TemplateVariablesTests {
    static let begin = "<!-- The template variables below are made from the view models (ClinicRender/TemplateVariables.swift); CLINICSITE_UPDATE_README=1 swift test --filter TemplateVariables writes them again. -->\n"
    static let end = "<!-- End of the template variables. -->\n"

    @Test("every variable a template can use has a note, and every note is about a variable that exists")
    func notes() {
        let variables = TemplateVariables.all
        let missing = Set(variables.filter { TemplateVariables.note($0) == nil }.map(\.path)).sorted()
        #expect(missing.isEmpty, "variables without a note in TemplateVariableNotes: \(missing)")
        let keys = Set(variables.flatMap(\.keys))
        let stale = TemplateVariableNotes.notes.keys.filter { !keys.contains($0) }.sorted()
        #expect(stale.isEmpty, "notes about variables that do not exist: \(stale)")
    }

    @Test("README.md lists exactly the variables the templates can use")
    func readme() throws {
        let path = Repository.root + "/README.md"
        let readme = try String(contentsOfFile: path, encoding: .utf8)
        let start = try #require(readme.range(of: Self.begin), "README.md has no template-variables block")
        let stop = try #require(readme.range(of: Self.end, range: start.upperBound..<readme.endIndex))
        let listed = String(readme[start.upperBound..<stop.lowerBound])
        let made = TemplateVariables.markdown
        if ProcessInfo.processInfo.environment["CLINICSITE_UPDATE_README"] == "1", listed != made {
            try (readme[..<start.upperBound] + made + readme[stop.lowerBound...]).write(toFile: path, atomically: true, encoding: .utf8)
            return
        }
        #expect(listed == made, "README's template variables differ from the view models; CLINICSITE_UPDATE_README=1 swift test --filter TemplateVariables writes them")
    }
}
