import CityPressCore
import CityPressLoad

extension Paper {
    /// The interface text that names a PDF on this paper in a download link (`PDF, A4`).
    var linkLabel: TextKey { self == .a4 ? .pdfA4 : .pdfLetter }
}
