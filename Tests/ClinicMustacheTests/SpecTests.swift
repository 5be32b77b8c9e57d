import ClinicMustache
import Testing

/// The official Mustache spec, every case of every file but the optional lambdas, rendered
/// with ``MustacheValue`` data and ``MustacheOptions/spec``.
@Suite struct SpecTests {
    @Test(arguments: SpecCase.all)
    func rendersAsTheSpecSays(_ spec: SpecCase) {
        let library = MustacheLibrary(spec.sources)
        #expect(library.diagnostics.filter { $0.severity == .error } == [])
        let (template, diagnostics) = library.compile(SpecCase.templateName, for: MustacheValue.self, options: .spec)
        #expect(diagnostics.filter { $0.severity == .error } == [])
        let output = template.map { String(decoding: $0.render(spec.data), as: UTF8.self) }
        #expect(output == spec.expected)
    }

    /// The spec cases swift-mustache 2.1.1 renders differently from the spec (its own test
    /// suite skips the first two); for these the spec alone is the oracle.
    static let swiftMustacheFails: Set<String> = [
        "~inheritance: Intrinsic indentation",
        "~inheritance: Nested block reindentation",
    ]

    @Test(arguments: SpecCase.all.filter { !swiftMustacheFails.contains($0.testDescription) })
    func rendersAsSwiftMustacheDoes(_ spec: SpecCase) {
        let theirs = Oracle.render(spec.sources, SpecCase.templateName, spec.data)
        #expect(theirs == spec.expected, "swift-mustache itself")
        let (template, _) = MustacheLibrary(spec.sources).compile(SpecCase.templateName, for: MustacheValue.self, options: .spec)
        let ours = template.map { String(decoding: $0.render(spec.data), as: UTF8.self) }
        #expect(ours == theirs)
    }

    @Test(arguments: SpecCase.all.filter { swiftMustacheFails.contains($0.testDescription) })
    func swiftMustacheStillFails(_ spec: SpecCase) {
        #expect(Oracle.render(spec.sources, SpecCase.templateName, spec.data) != spec.expected)
    }

    @Test func everySpecFileIsRead() {
        for file in SpecCase.files {
            #expect(SpecCase.load(file).count > 10, "\(file)")
        }
        #expect(SpecCase.all.count == 12 + 14 + 42 + 22 + 12 + 34 + 21 + 27)
    }
}
