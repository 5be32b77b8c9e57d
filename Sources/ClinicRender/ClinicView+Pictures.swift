import ClinicBase
import ClinicContent
import ClinicModel

extension Pictures {
    /// `view` with `clinic.yml`'s photos: the hero, the team's and the treatments'.
    func add(to view: ClinicView) -> ClinicView {
        var view = view
        view.image = picture(images.clinic)
        for (index, use) in images.team.enumerated() where index < view.practitioners.count {
            view.practitioners[index].photo = picture(use)
        }
        for (index, use) in images.services.enumerated() where index < view.services.count {
            view.services[index].image = picture(use)
        }
        return view
    }

    /// The display paths of `clinic.yml`'s photos: every page shows them (in `site.*`).
    var clinicPhotoSources: Set<String> {
        Self.sources([images.clinic] + images.team + images.services, in: images)
    }
}
