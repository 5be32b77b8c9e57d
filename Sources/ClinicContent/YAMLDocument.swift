import ClinicBase
import Yams

/// Stage 2b: YAML text composed into a node tree whose nodes know their place in the file.
///
/// ClinicSite reads fields from the node tree itself (see ``FieldReader``) rather than through
/// `Decodable`, so every error points at the line and column of the value at fault, and
/// plain scalars are read as the text the owner typed (`NO` stays `NO`, `012` stays `012`).
package enum YAMLDocument {
    /// Composing never constructs values; one constructor, never changed, serves every call.
    nonisolated(unsafe) private static let constructor = Constructor.default

    /// Composes `yaml`, which starts at line `firstLine` of `file`. Returns nil for an empty
    /// document. Syntax errors carry the place in `file`, not in the YAML block.
    package static func compose(_ yaml: String, in file: SourceFile, firstLine: Int) throws(Diagnostic) -> Node? {
        do {
            // `.basic`: no implicit tags. ClinicSite reads every scalar as the text typed, so
            // matching each one against Yams' bool/int/float/timestamp patterns is wasted
            // work (a twentieth of a page's build time). The constructor (unused when composing)
            // and the encoding are given rather than left to their defaults, which build a new
            // constructor and read the whole process environment on every call.
            return try Yams.compose(yaml: yaml, .basic, constructor, .utf8)
        } catch let error as YamlError {
            throw diagnostic(for: error, yaml: yaml, file: file, firstLine: firstLine)
        } catch {
            throw Diagnostic(file.location(line: firstLine, column: 1), "could not read YAML: \(error)", stage: .frontMatter)
        }
    }

    private static func diagnostic(for error: YamlError, yaml: String, file: SourceFile, firstLine: Int) -> Diagnostic {
        func place(_ mark: Mark) -> SourceLocation {
            file.location(line: mark.line + firstLine - 1, column: mark.column)
        }
        func describe(_ context: YamlError.Context?, _ problem: String) -> String {
            var message = "YAML: \(problem)"
            if let context {
                message += " (\(context.text) at line \(context.mark.line + firstLine - 1), column \(context.mark.column))"
            }
            if problem.contains("tab") || message.contains("tab") {
                message += "; indent with spaces, not tabs"
            }
            return message
        }
        switch error {
        case let .scanner(context, problem, mark, _):
            return Diagnostic(place(mark), describe(context, problem), stage: .frontMatter)
        case let .parser(context, problem, mark, _):
            return Diagnostic(place(mark), describe(context, problem), stage: .frontMatter)
        case let .composer(context, problem, mark, _):
            return Diagnostic(place(mark), describe(context, problem), stage: .frontMatter)
        case let .reader(problem, offset, _, _):
            var line = 1
            var column = 1
            if let offset {
                for character in yaml.prefix(offset) {
                    if character == "\n" { line += 1; column = 1 } else { column += character.unicodeScalars.count }
                }
            }
            return Diagnostic(file.location(line: line + firstLine - 1, column: column), "YAML: \(problem)", stage: .frontMatter)
        case let .duplicatedKeysInMapping(duplicates, context):
            let key = duplicates.sorted().first ?? ""
            let indent = String(repeating: " ", count: max(0, context.mark.column - 1))
            var seen = 0
            var line = context.mark.line
            for (offset, text) in yaml.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
                where offset + 1 >= context.mark.line {
                let candidates = [indent + key + ":", indent + "\"" + key + "\":", indent + "'" + key + "':"]
                if candidates.contains(where: { text.hasPrefix($0) }) {
                    seen += 1
                    if seen == 2 {
                        line = offset + 1
                        break
                    }
                }
            }
            let column = seen == 2 ? context.mark.column : 1
            return Diagnostic(file.location(line: line + firstLine - 1, column: column),
                              "'\(key)' is given twice; keep one", stage: .frontMatter)
        default:
            return Diagnostic(file.location(line: firstLine, column: 1), "YAML: \(error)", stage: .frontMatter)
        }
    }
}
