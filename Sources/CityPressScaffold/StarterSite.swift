import CityPressCore
import CityPressLoad

/// The files of the small working site `citypress init` writes, apart from the templates: `site.yml`, two
/// example cities, one example declaration, a `.gitignore` and a README with the next commands.
///
/// The example records are made up (Exampleland) and say so, so that nobody publishes them by mistake
/// and no real network's text is passed off as a template. They use every kind of field, so that the
/// site shows every kind of page, and they build with no warning.
package struct StarterSite {
    /// The network that publishes the declarations (`Strong Cities Network`).
    package var network: String
    /// The site's title.
    package var title: String
    /// The content's BCP 47 language tag.
    package var language: String

    /// Every file, by path relative to the site's folder, in the order they are written.
    package var files: [(path: String, text: String)] {
        [
            ("Content/site.yml", siteConfig),
            ("Content/cities/northport.yml", northport),
            ("Content/cities/eastvale.yml", eastvale),
            ("Content/declarations/example-declaration.md", declaration),
            (".gitignore", gitignore),
            ("README.md", readme),
        ]
    }

    package var siteConfig: String {
        """
        # The site's settings. Every field is described in CityPress's content format reference
        # (docs/content-format.md in the CityPress repository).

        # Shown in the header of every page and at the end of every page title.
        title: \(YAMLText.scalar(title))
        # The network that publishes the declarations.
        network: \(YAMLText.scalar(network))
        # One or two sentences for the home page and for search engines.
        description: \(YAMLText.scalar("\(network): the joint declarations of its mayors and city leaders, with their commitments and the cities that endorse them."))
        # The language of the content, as a BCP 47 tag: en, en-GB, fr, de.
        language: \(YAMLText.scalar(language))

        # The absolute address the site will be published at. Set it once you know it: CityPress then writes
        # sitemap.xml and canonical links. Until then the site works without it: its links are relative.
        # (`citypress build --base-url URL` sets it for one build.)
        # base_url: https://declarations.example.org/

        """
    }

    package var northport: String {
        """
        # An example city (made up): replace it with a real signatory, or delete it.
        # The file name (northport) is the slug that declarations list under signatories.
        name: Northport
        country: Exampleland
        subdivision: North Province

        """
    }

    package var eastvale: String {
        """
        # An example city (made up): replace it with a real signatory, or delete it.
        name: Eastvale
        country: Exampleland
        kind: city

        """
    }

    package var declaration: String {
        """
        ---
        # An example declaration (made-up text): replace it with a declaration of your network, or delete it.
        # Its commitments are the items of the one numbered list below.
        title: Example Declaration on Open Local Government
        event: Example Mayors Summit
        venue: Northport City Hall
        location: Northport
        start_date: 2025-05-12
        end_date: 2025-05-13
        adopted: 2025-05-13
        signatories_as_of: 2025-05-13
        signatories:
          - northport
          - eastvale
        ---

        *This is example text written by `citypress init`. Replace it with the text of a declaration.*

        We, the mayors and city leaders gathered in Northport, commit to:

        1. Publishing the decisions of our councils where every resident can read them.
        2. Inviting residents to take part before we decide on what affects them.
        3. Reporting every year on how we kept these commitments.

        We invite other cities to join this declaration.

        """
    }

    package var gitignore: String {
        """
        # Public/ is the built site. It is not kept in git because a build makes it again from Content/ and
        # Templates/ at any time: publish it from CI instead (see "Deploying" in CityPress's README). To
        # publish from the repository itself (GitHub Pages "deploy from a branch" serves only the branch's
        # root or its docs/ folder), build with --output docs and commit docs/ after each build.
        /Public/

        # What a build keeps beside Public/ while it runs; left behind only when a build is killed.
        /.*.citypress-staging-*
        /.*.citypress-old-*
        /.*.citypress-discard-*
        /.*.citypress-lock
        # The output a `citypress build --incremental` replaced, kept beside it for the next one.
        /.*.citypress-spare

        # PDFs printed by `citypress pdf`.
        /pdf/

        .DS_Store

        """
    }

    package var readme: String {
        """
        # \(title)

        The declarations of \(network), with their commitments and the cities that endorse them, as a static
        website made with CityPress.

        ## Next steps

        Run these in this folder:

        ```sh
        citypress build          # writes the site into Public/, ready for a web server
        citypress serve --open   # a preview at http://127.0.0.1:8000/ that reloads on every save
        citypress new city "Los Angeles" --country USA   # a new city record to edit
        ```

        To open the site straight from a folder or a USB stick (no server), build it with
        `citypress build --portable`: its links then name each page's `index.html`.

        Then edit:

        - `Content/site.yml`: the site's title, network, description, language and, before you publish, `base_url`.
        - `Content/cities/*.yml`: one file per city (`citypress new city NAME`).
        - `Content/declarations/*.md`: one file per declaration (`citypress new declaration TITLE`); list the
          cities that endorse it under `signatories:` by their file names.
        - `Templates/`: the look (Mustache templates and `assets/`).

        The example cities (Exampleland) and the example declaration are made up: replace them with your
        network's own. `citypress build` reports every problem of the content at once, with the file and line.

        """
    }
}
