import Mustache
import Testing
@testable import ClinicBase
@testable import ClinicContent
@testable import ClinicMarkdown
@testable import ClinicModel
@testable import ClinicRender
@testable import ClinicOutput
@testable import ClinicBuild
@testable import ClinicCheck
@testable import ClinicAuthoring

@Suite("Strings in templates")
struct MustacheStringsTests {
    func render(_ template: String, _ values: [String: Any]) throws -> String {
        try MustacheTemplate(string: template).render(values)
    }

    @Test("a string renders as itself, escaped in {{ }} and raw in {{{ }}}")
    func renders() throws {
        let values: [String: Any] = ["text": "Ice & <heat>", "empty": ""]
        #expect(try render("{{text}}|{{{text}}}|{{empty}}|", values) == "Ice &amp; &lt;heat&gt;|Ice & <heat>||")
    }

    @Test("inside a section on a string, names are found below it and nothing is found on it")
    func sectionOnString() throws {
        let values: [String: Any] = ["summary": "Rest", "site": ["name": "Willow"], "empty": ""]
        #expect(try render("{{#summary}}{{.}} at {{site.name}}; {{count}}{{isEmpty}}{{/summary}}", values) == "Rest at Willow; ")
        // An empty string is still a value: its section renders, its inverted section does not.
        #expect(try render("{{#empty}}[{{.}}]{{/empty}}{{^empty}}none{{/empty}}", values) == "[]")
        #expect(try render("{{#missing}}x{{/missing}}{{^missing}}none{{/missing}}", values) == "none")
    }

    @Test("transforms still apply to strings")
    func transforms() throws {
        #expect(try render("{{uppercased(name)}}", ["name": "willow"]) == "WILLOW")
    }
}
