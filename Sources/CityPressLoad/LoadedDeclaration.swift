/// What one declaration file gives (`DeclarationFile`): its record, or, when the file has errors
/// (already reported), the cities its `signatories:` list names, so that the resolve stage can report
/// the unknown and repeated ones in the same run. A file whose front matter cannot be read gives nothing.
package enum LoadedDeclaration: Sendable, Equatable {
    /// A declaration without errors.
    case declaration(DeclarationRecord)
    /// A file with errors: it is not published, and only its list of cities is checked further.
    case withErrors(signatories: [SignatoryEntry])
}
