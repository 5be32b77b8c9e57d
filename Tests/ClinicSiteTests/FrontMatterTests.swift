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

@Suite("Front matter")
struct FrontMatterTests {
    @Test("splits YAML from the body and knows where each starts")
    func split() throws {
        let file = source("---\ntitle: Hello\n---\nBody text\n")
        let matter = try FrontMatter.split(file)
        #expect(matter.yaml == "title: Hello\n")
        #expect(matter.yamlFirstLine == 2)
        #expect(matter.body == "Body text\n")
        #expect(matter.bodyFirstLine == 4)
    }

    @Test("a file without front matter is all body")
    func noFrontMatter() throws {
        let matter = try FrontMatter.split(source("Just text\n---\nmore\n"))
        #expect(matter.yaml == nil)
        #expect(matter.body == "Just text\n---\nmore\n")
    }

    @Test("a missing closing fence is an error at line 1")
    func unclosed() {
        #expect(throws: Diagnostic.self) { try FrontMatter.split(source("---\ntitle: x\nbody\n")) }
        do {
            _ = try FrontMatter.split(source("---\ntitle: x\nbody\n"))
        } catch {
            #expect(error.location == SourceLocation(path: "content/aftercare/test.md", line: 1, column: 1))
            #expect(error.message.contains("no closing '---'"))
        }
    }

    @Test("CRLF line endings and a byte-order mark are accepted")
    func crlfAndBOM() throws {
        let (document, diagnostics) = PageDocument.read(source("\u{FEFF}---\r\ntitle: Windows\r\n---\r\nBody\r\n"), kind: .aftercare)
        #expect(diagnostics.isEmpty)
        #expect(document?.frontMatter.title == "Windows")
        #expect(document?.body == "Body\n")
    }

    @Test("a '---' inside the body's code block is not the closing fence")
    func fenceInBody() throws {
        let text = "---\ntitle: A\n---\n```\n---\n```\n"
        let matter = try FrontMatter.split(source(text))
        #expect(matter.body == "```\n---\n```\n")
    }

    @Test("YAML syntax errors point into the file, not into the front matter block")
    func yamlErrorLocation() {
        // Line 3 of the file holds the bad indentation.
        let text = "---\ntitle: Fine\n  summary: bad: indent\n---\nBody\n"
        let (document, diagnostics) = PageDocument.read(source(text), kind: .aftercare)
        #expect(document == nil)
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.location.line == 3)
        #expect(diagnostics.first?.location.path == "content/aftercare/test.md")
        #expect(diagnostics.first?.description.hasPrefix("content/aftercare/test.md:3:") == true)
    }

    @Test("a tab in the indentation is reported with its line")
    func tabs() {
        let text = "---\ntitle: A\ntags:\n\t- one\n---\n"
        let (_, diagnostics) = PageDocument.read(source(text), kind: .aftercare)
        #expect(diagnostics.first?.location.line == 4)
    }

    @Test("a bad date names the field, the value and the format, at the value's column")
    func badDate() {
        let text = "---\ntitle: A\ndate: 2026-13-45\n---\n"
        let (_, diagnostics) = PageDocument.read(source(text), kind: .aftercare)
        let error = diagnostics.errors.first
        #expect(error?.location == SourceLocation(path: "content/aftercare/test.md", line: 3, column: 7))
        #expect(error?.message.contains("'date' is not a date") == true)
        #expect(error?.message.contains("YYYY-MM-DD") == true)
    }

    @Test("a missing title is an error; an unknown field is a warning at the key")
    func missingAndUnknown() {
        let text = "---\nsumary: typo\n---\nBody\n"
        let (_, diagnostics) = PageDocument.read(source(text), kind: .aftercare)
        #expect(diagnostics.errors.map(\.message) == ["missing required field 'title'"])
        #expect(diagnostics.warnings.first?.location == SourceLocation(path: "content/aftercare/test.md", line: 2, column: 1))
        #expect(diagnostics.warnings.first?.message.contains("unknown field 'sumary'") == true)
    }

    @Test("plain scalars are read as written: NO, yes and 012 stay text")
    func scalarsAsText() {
        let text = "---\ntitle: NO\nsummary: 012\ntreatment: yes\n---\n"
        let (document, diagnostics) = PageDocument.read(source(text), kind: .aftercare)
        #expect(diagnostics.isEmpty)
        #expect(document?.frontMatter.title == "NO")
        #expect(document?.frontMatter.summary == "012")
        #expect(document?.frontMatter.treatment == "yes")
    }

    @Test("a field given twice is an error at the second one")
    func duplicateKey() {
        let text = "---\ntitle: A\ntitle: B\n---\n"
        let (_, diagnostics) = PageDocument.read(source(text), kind: .aftercare)
        #expect(diagnostics.errors.first?.location.line == 3)
    }

    @Test("every problem in a file is reported, not only the first")
    func allProblems() {
        let text = "---\ntitle: A\ndate: soon\nreviewed: later\ndraft: maybe\n---\n"
        let (_, diagnostics) = PageDocument.read(source(text), kind: .aftercare)
        #expect(diagnostics.errors.map(\.location.line).sorted() == [3, 4, 5])
    }
}
