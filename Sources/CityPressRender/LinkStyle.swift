import CityPressLoad
import CityPressMarkdown
import CityPressSite
import CityPressTemplates

/// How links name a page of the site.
public enum LinkStyle: String, Sendable, Hashable, CaseIterable {
    /// `cities/amsterdam/`: for a web server, which answers a folder's address with its `index.html`.
    case folders
    /// `cities/amsterdam/index.html`: for a site opened from a local folder or a USB stick
    /// (`file://`), where nothing turns a folder into its `index.html`.
    case indexFiles
}
