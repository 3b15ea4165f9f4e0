/// The kinds of record files a content folder holds, in the order they are loaded and their
/// problems reported. A new folder of records is one entry here (README: Architecture).
package enum ContentKinds {
    /// Every kind `ContentLoader` reads unless it is given others.
    package static let all: [any ContentKind.Type] = [
        CityFile.self,
        DeclarationFile.self,
        ReportFile.self,
        TranslationFile.self,
    ]
}
