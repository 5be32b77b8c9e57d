import ClinicBase
import ClinicContent
/// The GitHub Actions workflow `clinicsite init` writes to `.github/workflows/pages.yml`: on
/// every push to `main`, once a day and on demand, it installs the released ClinicSite package
/// of the version that wrote it (no Swift, no compiling), checks and builds the site, and
/// publishes `site/` on GitHub Pages.
public enum PagesWorkflow {
    /// Where the workflow goes in a site folder.
    public static let path = ".github/workflows/pages.yml"

    /// The name of the `env:` variable holding the package's download address. CI runs the
    /// workflow's steps with a local `.deb` by setting it to a `file://` address.
    public static let packageVariable = "CLINICSITE_DEB"

    /// The workflow's text for ClinicSite `version`, downloading the package from `packageURL`.
    public static func text(version: String = ClinicSiteVersion.current,
                            packageURL: String = ClinicSiteVersion.debianPackageURL()) -> String {
        """
        # Publishes this clinic's website on GitHub Pages.
        #
        # `clinicsite init` (ClinicSite \(version)) wrote this file. GitHub runs it on its own
        # computers: each time you push to the main branch, once a day (so that notices that
        # depend on the date, such as holiday closures, appear and go on time), and when you
        # press "Run workflow" on your repository's Actions tab. It installs ClinicSite, checks
        # your site, builds it and publishes it. Nothing here needs Swift or compiles anything.
        #
        # To switch it on, once: on GitHub, in your repository's Settings -> Pages, set "Source"
        # to "GitHub Actions". Then set `url` in content/clinic.yml to the address Pages gives:
        #   https://USER.github.io/REPOSITORY/   a project site (note the sub-path)
        #   https://USER.github.io/              a repository named USER.github.io
        #   https://www.yourclinic.ca/           a custom domain set in Settings -> Pages
        # Each run shows on the Actions tab: a red cross means the site was not published, and
        # the failed step says why (`clinicsite check` prints each problem with its file and line).
        name: Publish the site

        on:
          # Every push to the main branch: your changes go live a minute or two later.
          push:
            branches: [main]
          # Every day at 05:17 UTC (just after midnight in eastern North America, early morning
          # in Europe; change the hour to suit your clinic), so that pages and notices that
          # depend on the date change on the right day. GitHub pauses this daily run in a
          # repository that has had no push for 60 days; the Actions tab switches it back on.
          schedule:
            - cron: "17 5 * * *"
          # The "Run workflow" button on the Actions tab.
          workflow_dispatch:

        env:
          # The ClinicSite package this workflow installs: the release that wrote this file.
          # To move to a newer ClinicSite, put its version in this address (in both places).
          \(packageVariable): \(packageURL)
          # The time zone that decides which day "today" is for dates, expiry and closures:
          # your clinic's, such as America/Toronto or Europe/London.
          TZ: UTC

        # What the workflow may do: read this repository and publish to GitHub Pages.
        permissions:
          contents: read
          pages: write
          id-token: write

        # One publication at a time; a newer one waits for the one in progress.
        concurrency:
          group: pages
          cancel-in-progress: false

        jobs:
          build:
            runs-on: ubuntu-24.04
            steps:
              # Your repository's files: content/ and templates/.
              - name: Get the site's files
                uses: actions/checkout@v4

              # ClinicSite's cache (.clinicsite/cache/, such as photos already resized) from the
              # last run, so that a build only redoes what changed. It is saved again after the run.
              - name: Restore ClinicSite's cache
                uses: actions/cache@v4
                with:
                  path: .clinicsite/cache
                  key: clinicsite-cache-${{ github.run_id }}
                  restore-keys: clinicsite-cache-

              # Downloads the ClinicSite package named above and installs it with apt, which
              # also installs the few libraries it needs. Takes a few seconds.
              - name: Install ClinicSite
                run: |
                  curl --fail --silent --show-error --location --output "$RUNNER_TEMP/clinicsite.deb" "$\(packageVariable)"
                  sudo apt-get update -qq
                  sudo apt-get install -y --no-install-recommends "$RUNNER_TEMP/clinicsite.deb"
                  clinicsite --version

              # Broken links, missing details, advice due for review: errors stop the
              # publication here, warnings are listed and the site is still published.
              - name: Check the site
                run: clinicsite check

              # Builds the website into site/.
              - name: Build the site
                run: clinicsite build

              # Hands site/ to GitHub Pages.
              - name: Upload the site
                uses: actions/upload-pages-artifact@v3
                with:
                  path: site

          # Publishes what the build job uploaded, at the address Settings -> Pages shows.
          deploy:
            needs: build
            runs-on: ubuntu-24.04
            environment:
              name: github-pages
              url: ${{ steps.deployment.outputs.page_url }}
            steps:
              # The address of the published site is shown on the run's page.
              - name: Publish on GitHub Pages
                id: deployment
                uses: actions/deploy-pages@v4

        """
    }
}
