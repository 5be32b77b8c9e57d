/// One template, parsed: its nodes and its syntax problems.
struct ParsedTemplate: Sendable {
    var name: String
    var path: String
    var nodes: [Node]
    var diagnostics: [MustacheDiagnostic]

    init(_ source: MustacheSource) {
        let bytes = Array(source.text.utf8)
        let lines = LineTable(bytes)
        var tokenizer = Tokenizer(bytes)
        tokenizer.run()
        let standalone = StandaloneLines(tokenizer.tokens, bytes: bytes)
        var builder = TreeBuilder(bytes: bytes, path: source.path, templateName: source.name, lines: lines)
        self.nodes = builder.build(standalone.tokens, standalone.layouts)
        self.name = source.name
        self.path = source.path
        let syntax = tokenizer.problems.map { problem in
            let (line, column) = lines.position(of: problem.offset)
            return MustacheDiagnostic(path: source.path, line: line, column: column, message: problem.message, severity: .error)
        }
        self.diagnostics = (syntax + builder.diagnostics).sorted { ($0.line, $0.column) < ($1.line, $1.column) }
    }
}
