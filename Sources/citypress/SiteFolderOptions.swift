import ArgumentParser

/// The options every command that reads a site shares: where its content and templates are, and drafts.
struct SiteFolderOptions: ParsableArguments {
    @Option(help: "The content folder: site.yml, cities/, declarations/.")
    var content = "Content"

    @Option(help: "The templates folder: *.mustache and assets/.")
    var templates = "Templates"

    @Flag(help: "Also include declarations marked draft: true.")
    var drafts = false
}
