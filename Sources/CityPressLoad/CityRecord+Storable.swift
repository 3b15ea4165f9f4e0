import CityPressCore

extension CityRecord: StorableRecord {
    package func store(into writer: inout RecordWriter) {
        writer.location(source)
        writer.text(slug)
        writer.text(name)
        writer.text(country.value)
        writer.location(country.location, inFile: source.path)
        writer.optionalText(subdivision)
        writer.text(kind.rawValue)
        writer.text(sortKey.folded)
        writer.text(sortKey.initial)
        let compared = sortKey.comparedBytes
        writer.integer(compared.count)
        writer.bytes.append(contentsOf: compared)
        writer.text(countrySlug)
    }

    package static func restore(from reader: inout RecordReader) -> CityRecord? {
        guard let source = reader.location(), let slug = reader.text(), let name = reader.text(), let country = reader.text(),
              let countryLocation = reader.location(inFile: source.path), let subdivision = reader.optionalText(),
              let kind = reader.text().flatMap(CityKind.init(rawValue:)),
              let folded = reader.text(), let initial = reader.text(), let count = reader.integer(),
              let compared = reader.raw(count), let countrySlug = reader.text() else { return nil }
        return CityRecord(slug: slug, name: name, country: Located(country, at: countryLocation), subdivision: subdivision,
                          kind: kind, source: source,
                          sortKey: CollationKey(folded: folded, initial: initial, comparedBytes: Array(compared)),
                          countrySlug: countrySlug)
    }
}
