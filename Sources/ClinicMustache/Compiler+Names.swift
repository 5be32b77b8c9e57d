extension Compiler {
    /// The positions of an element in a list section (swift-mustache's names for them).
    private static let listPositions: Set<String> = ["first()", "last()", "index()", "even()", "odd()"]

    /// Binds the name of `tag` in `scope`; nil (after reporting why) when it cannot be bound.
    func resolve(_ tag: Tag, _ scope: Scope) -> Bound? {
        let name = tag.name
        if name == "." { return implicit(tag, scope) }
        if Self.listPositions.contains(name) { return listPosition(tag, scope) }
        let segments = name.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard !segments.contains("") else {
            error(tag, "'\(name)' is not a name: a dotted name has no empty parts")
            return nil
        }
        var candidates: [Reader<MustacheValue>] = []
        for frame in scope.frames {
            switch frame.binder.resolve(segments, depth: frame.depth, caches: caches) {
            case .absent: continue
            case .candidate(let read): candidates.append(read)
            case .found(.bound(let bound)): return candidates.isEmpty ? bound : .dynamicFirst(Self.first(candidates), otherwise: bound)
            case .found(let failure):
                report(failure, segments, tag)
                return nil
            }
        }
        if !candidates.isEmpty { return .dynamic(Self.first(candidates)) }
        return unknown(tag, segments, scope)
    }

    private static func first(_ candidates: [Reader<MustacheValue>]) -> Reader<MustacheValue> {
        if candidates.count == 1 { return candidates[0] }
        return { context in
            for candidate in candidates { if let value = candidate(context) { return value } }
            return nil
        }
    }

    private func implicit(_ tag: Tag, _ scope: Scope) -> Bound? {
        let top = scope.frames[0]
        if let bound = top.binder.implicit(depth: top.depth) { return bound }
        let message = "'.' needs a value of its own, and \(top.binder.schemaName) has none; \(describe(top.binder))"
        if options.unknownNameIsError { error(tag, message) } else { warning(tag, message) }
        return options.unknownNameIsError ? nil : .dynamic { _ in nil }
    }

    /// `first()`, `last()`, `index()`, `even()`, `odd()` of the element of the innermost list
    /// section, as swift-mustache has them (only directly inside it: not once another section
    /// has pushed a value). For ``MustacheValue`` data that is known at render time only, and
    /// they are false and empty elsewhere.
    private func listPosition(_ tag: Tag, _ scope: Scope) -> Bound? {
        guard let top = scope.frames.first, top.isListElement || top.binder.isDynamicRun else {
            error(tag, "'\(tag.name)' works only directly inside a section over a list")
            return nil
        }
        let depth = top.depth
        let inList: @Sendable (RenderContext) -> Bool = { $0.slots[depth].count > 0 }
        switch tag.name {
        case "first()": return .bool { inList($0) && $0.slots[depth].index == 0 }
        case "last()": return .bool { inList($0) && $0.slots[depth].index == $0.slots[depth].count - 1 }
        case "even()": return .bool { inList($0) && $0.slots[depth].index & 1 == 0 }
        case "odd()": return .bool { inList($0) && $0.slots[depth].index & 1 == 1 }
        default: return .int { inList($0) ? $0.slots[depth].index : nil }
        }
    }

    private func unknown(_ tag: Tag, _ segments: [String], _ scope: Scope) -> Bound? {
        var seen: Set<ObjectIdentifier> = []
        let binders = scope.frames.map(\.binder).filter { !$0.fieldNames.isEmpty && seen.insert($0.typeID).inserted }
        var message = "unknown variable '\(tag.name)'"
        let known = binders.map(describe).joined(separator: "; ")
        if !known.isEmpty { message += "; " + known }
        if let suggestion = Suggestion.closest(to: segments[0], among: binders.flatMap(\.fieldNames)) {
            message += "; did you mean '\(([suggestion] + segments.dropFirst()).joined(separator: "."))'?"
        }
        if options.unknownNameIsError {
            error(tag, message)
            return nil
        }
        warning(tag, message)
        return .dynamic { _ in nil }
    }

    private func report(_ failure: Binding, _ segments: [String], _ tag: Tag) {
        switch failure {
        case .bound:
            return
        case .unknown(let index, let schema, let fields):
            var message = "unknown variable '\(tag.name)'; \(schema) has \(fields.isEmpty ? "no fields" : fields.joined(separator: ", "))"
            if let suggestion = Suggestion.closest(to: segments[index], among: fields) {
                var corrected = segments
                corrected[index] = suggestion
                message += "; did you mean '\(corrected.joined(separator: "."))'?"
            }
            error(tag, message)
        case .opaque(let index, let kind):
            let head = segments[...index].joined(separator: ".")
            var message = "'\(head)' is \(kind.phrase), which has no fields, so '\(tag.name)' names nothing"
            if kind == .list {
                message += "; to read its elements use a section: {{#\(head)}}{{\(segments[(index + 1)...].joined(separator: "."))}}{{/\(head)}}"
            }
            error(tag, message)
        }
    }

    private func describe(_ binder: any FrameBinder) -> String {
        binder.fieldNames.isEmpty ? "\(binder.schemaName) has no fields" : "\(binder.schemaName) has \(binder.fieldNames.joined(separator: ", "))"
    }
}

/// Suggests a name close to a misspelt one.
enum Suggestion {
    /// The name among `names` nearest to `name` by edit distance (a swap of two neighbours
    /// counts once), if it is close enough to be a likely typo.
    static func closest(to name: String, among names: [String]) -> String? {
        let limit = max(1, min(3, name.count / 3))
        var best: (name: String, distance: Int)?
        for candidate in names where candidate != name {
            let distance = editDistance(Array(name.lowercased()), Array(candidate.lowercased()))
            if distance <= limit, distance < (best?.distance ?? .max) { best = (candidate, distance) }
        }
        return best?.name
    }

    /// Optimal string alignment distance.
    static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        var table = Array(repeating: Array(repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { table[i][0] = i }
        for j in 0...b.count { table[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                table[i][j] = Swift.min(table[i - 1][j] + 1, table[i][j - 1] + 1, table[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    table[i][j] = Swift.min(table[i][j], table[i - 2][j - 2] + 1)
                }
            }
        }
        return table[a.count][b.count]
    }
}
