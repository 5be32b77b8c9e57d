import ClinicBase
import ClinicModel
import ClinicOutput
import ClinicRender
import Synchronization

/// Processed-photo outputs grouped by the photo they are made from, so each photo is read and
/// decoded once for all of its files; groups in a fixed order (by the photo's path).
struct ImageGroups {
    /// Each photo's files, by key.
    let groups: [[(key: String, view: ImageFileView)]]

    init(outputs: [Output]) {
        var bySource: [String: [(key: String, view: ImageFileView)]] = [:]
        for output in outputs {
            if case .image(let view) = output.view { bySource[view.source, default: []].append((output.key, view)) }
        }
        groups = bySource.keys.sorted().map { bySource[$0]!.sorted { $0.key < $1.key } }
    }

    /// Hands every group's files to `sink`, one photo per core at a time; every failure, at
    /// the places that show the photo.
    func publish(images: ProcessedImages, site: Site, parallel: Bool, into sink: any OutputSink) -> [Diagnostic] {
        let failures = Mutex<[Diagnostic]>([])
        let groups = self.groups
        let work: @Sendable (Int) -> Void = { index in
            do throws(ImageFailure) {
                try images.publish(groups[index], into: sink)
            } catch {
                failures.withLock { $0 += error.diagnostics(in: site) }
            }
        }
        if parallel {
            parallelForEach(groups.count, work)
        } else {
            for index in groups.indices { work(index) }
        }
        return failures.withLock { $0 }
    }
}
