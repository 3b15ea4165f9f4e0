import CityPressCore
import CityPressLoad
import CityPressMarkdown
import CityPressSite
import CityPressTemplates

// Field lookup for the templates without reflection: templates ask each value for its fields by
// name. Keep each switch in step with the struct's stored properties (a test checks every field).

extension DeclarationSummaryView: TemplateFields {
    package func field(named name: String) -> TemplateValue? {
        switch name {
        case "title": TemplateValue(self.title)
        case "href": TemplateValue(self.href)
        case "dateText": TemplateValue(self.dateText)
        case "event": TemplateValue(self.event)
        case "location": TemplateValue(self.location)
        case "commitmentCount": TemplateValue(self.commitmentCount)
        case "signatoryCount": TemplateValue(self.signatoryCount)
        case "hasSignatories": TemplateValue(self.hasSignatories)
        case "isDraft": TemplateValue(self.isDraft)
        case "dateISO": TemplateValue(self.dateISO)
        case "commitmentsText": TemplateValue(self.commitmentsText)
        case "signatoriesText": TemplateValue(self.signatoriesText)
        case "headingLevel": TemplateValue(self.headingLevel)
        default: nil
        }
    }
}

extension CommitmentItemView: TemplateFields {
    package func field(named name: String) -> TemplateValue? {
        switch name {
        case "number": TemplateValue(self.number)
        case "anchor": TemplateValue(self.anchor)
        case "html": TemplateValue(self.html)
        case "href": TemplateValue(self.href)
        case "excerpt": TemplateValue(self.excerpt)
        default: nil
        }
    }
}

extension DeclarationView: TemplateFields {
    package func field(named name: String) -> TemplateValue? {
        switch name {
        case "title": TemplateValue(self.title)
        case "event": TemplateValue(self.event)
        case "venue": TemplateValue(self.venue)
        case "location": TemplateValue(self.location)
        case "dateSpan": TemplateValue(self.dateSpan)
        case "adoptedText": TemplateValue(self.adoptedText)
        case "preambleHTML": TemplateValue(self.preambleHTML)
        case "closingHTML": TemplateValue(self.closingHTML)
        case "commitments": TemplateValue(self.commitments)
        case "commitmentCount": TemplateValue(self.commitmentCount)
        case "firstNumber": TemplateValue(self.firstNumber)
        case "href": TemplateValue(self.href)
        case "printHref": TemplateValue(self.printHref)
        case "signatoriesHTML": TemplateValue(self.signatoriesHTML)
        case "signatoryCount": TemplateValue(self.signatoryCount)
        case "hasSignatories": TemplateValue(self.hasSignatories)
        case "asOfText": TemplateValue(self.asOfText)
        case "isDraft": TemplateValue(self.isDraft)
        case "signatoriesText": TemplateValue(self.signatoriesText)
        case "pdfs": TemplateValue(self.pdfs)
        case "titleCSSString": TemplateValue(self.titleCSSString)
        default: nil
        }
    }
}

extension PDFLinkView: TemplateFields {
    package func field(named name: String) -> TemplateValue? {
        switch name {
        case "label": TemplateValue(self.label)
        case "href": TemplateValue(self.href)
        default: nil
        }
    }
}

extension CityLinkView: TemplateFields {
    package func field(named name: String) -> TemplateValue? {
        switch name {
        case "name": TemplateValue(self.name)
        case "href": TemplateValue(self.href)
        case "detail": TemplateValue(self.detail)
        default: nil
        }
    }
}

extension SignatoryGroupView: TemplateFields {
    package func field(named name: String) -> TemplateValue? {
        switch name {
        case "country": TemplateValue(self.country)
        case "countryHref": TemplateValue(self.countryHref)
        case "count": TemplateValue(self.count)
        case "entriesHTML": TemplateValue(self.entriesHTML)
        default: nil
        }
    }
}

extension SignatoriesFragment: TemplateFields {
    package func field(named name: String) -> TemplateValue? {
        switch name {
        case "groups": TemplateValue(self.groups)
        case "count": TemplateValue(self.count)
        default: nil
        }
    }
}

extension NavLinkView: TemplateFields {
    package func field(named name: String) -> TemplateValue? {
        switch name {
        case "label": TemplateValue(self.label)
        case "href": TemplateValue(self.href)
        default: nil
        }
    }
}

extension HomePage: TemplateFields {
    package func field(named name: String) -> TemplateValue? {
        switch name {
        case "page": TemplateValue(self.page)
        case "totals": TemplateValue(self.totals)
        case "description": TemplateValue(self.description)
        case "declarations": TemplateValue(self.declarations)
        case "hasDeclarations": TemplateValue(self.hasDeclarations)
        case "declarationCount": TemplateValue(self.declarationCount)
        case "commitmentCount": TemplateValue(self.commitmentCount)
        case "cityCount": TemplateValue(self.cityCount)
        case "countryCount": TemplateValue(self.countryCount)
        default: nil
        }
    }
}

extension DeclarationsIndexPage: TemplateFields {
    package func field(named name: String) -> TemplateValue? {
        switch name {
        case "page": TemplateValue(self.page)
        case "declarations": TemplateValue(self.declarations)
        case "hasDeclarations": TemplateValue(self.hasDeclarations)
        default: nil
        }
    }
}

extension DeclarationPage: TemplateFields {
    package func field(named name: String) -> TemplateValue? {
        switch name {
        case "page": TemplateValue(self.page)
        case "declaration": TemplateValue(self.declaration)
        default: nil
        }
    }
}

extension CommitmentPage: TemplateFields {
    package func field(named name: String) -> TemplateValue? {
        switch name {
        case "page": TemplateValue(self.page)
        case "declaration": TemplateValue(self.declaration)
        case "number": TemplateValue(self.number)
        case "html": TemplateValue(self.html)
        case "declarationAnchorHref": TemplateValue(self.declarationAnchorHref)
        case "previous": TemplateValue(self.previous)
        case "next": TemplateValue(self.next)
        default: nil
        }
    }
}

extension CityEntryView: TemplateFields {
    package func field(named name: String) -> TemplateValue? {
        switch name {
        case "name": TemplateValue(self.name)
        case "href": TemplateValue(self.href)
        case "countryName": TemplateValue(self.countryName)
        case "countryHref": TemplateValue(self.countryHref)
        case "detail": TemplateValue(self.detail)
        default: nil
        }
    }
}

extension LetterGroupView: TemplateFields {
    package func field(named name: String) -> TemplateValue? {
        switch name {
        case "letter": TemplateValue(self.letter)
        case "anchor": TemplateValue(self.anchor)
        case "cities": TemplateValue(self.cities)
        default: nil
        }
    }
}

extension CitiesIndexPage: TemplateFields {
    package func field(named name: String) -> TemplateValue? {
        switch name {
        case "page": TemplateValue(self.page)
        case "placesText": TemplateValue(self.placesText)
        case "letters": TemplateValue(self.letters)
        case "cityCount": TemplateValue(self.cityCount)
        default: nil
        }
    }
}

extension EndorsementView: TemplateFields {
    package func field(named name: String) -> TemplateValue? {
        switch name {
        case "title": TemplateValue(self.title)
        case "dateISO": TemplateValue(self.dateISO)
        case "href": TemplateValue(self.href)
        case "dateText": TemplateValue(self.dateText)
        case "commitments": TemplateValue(self.commitments)
        default: nil
        }
    }
}

extension CityPage: TemplateFields {
    package func field(named name: String) -> TemplateValue? {
        switch name {
        case "page": TemplateValue(self.page)
        case "name": TemplateValue(self.name)
        case "kind": TemplateValue(self.kind)
        case "subdivision": TemplateValue(self.subdivision)
        case "countryName": TemplateValue(self.countryName)
        case "countryHref": TemplateValue(self.countryHref)
        case "endorsementsHTML": TemplateValue(self.endorsementsHTML)
        case "hasEndorsements": TemplateValue(self.hasEndorsements)
        case "endorsementCount": TemplateValue(self.endorsementCount)
        default: nil
        }
    }
}

extension CountryEntryView: TemplateFields {
    package func field(named name: String) -> TemplateValue? {
        switch name {
        case "name": TemplateValue(self.name)
        case "placesText": TemplateValue(self.placesText)
        case "href": TemplateValue(self.href)
        case "cityCount": TemplateValue(self.cityCount)
        default: nil
        }
    }
}

extension CountriesIndexPage: TemplateFields {
    package func field(named name: String) -> TemplateValue? {
        switch name {
        case "page": TemplateValue(self.page)
        case "countriesText": TemplateValue(self.countriesText)
        case "countries": TemplateValue(self.countries)
        case "countryCount": TemplateValue(self.countryCount)
        default: nil
        }
    }
}

extension CountryCityView: TemplateFields {
    package func field(named name: String) -> TemplateValue? {
        switch name {
        case "name": TemplateValue(self.name)
        case "endorsementsText": TemplateValue(self.endorsementsText)
        case "href": TemplateValue(self.href)
        case "detail": TemplateValue(self.detail)
        case "endorsementCount": TemplateValue(self.endorsementCount)
        default: nil
        }
    }
}

extension CountryPage: TemplateFields {
    package func field(named name: String) -> TemplateValue? {
        switch name {
        case "page": TemplateValue(self.page)
        case "placesText": TemplateValue(self.placesText)
        case "name": TemplateValue(self.name)
        case "cities": TemplateValue(self.cities)
        case "cityCount": TemplateValue(self.cityCount)
        default: nil
        }
    }
}

extension CommitmentGroupView: TemplateFields {
    package func field(named name: String) -> TemplateValue? {
        switch name {
        case "title": TemplateValue(self.title)
        case "dateISO": TemplateValue(self.dateISO)
        case "href": TemplateValue(self.href)
        case "dateText": TemplateValue(self.dateText)
        case "commitments": TemplateValue(self.commitments)
        default: nil
        }
    }
}

extension CommitmentsIndexPage: TemplateFields {
    package func field(named name: String) -> TemplateValue? {
        switch name {
        case "page": TemplateValue(self.page)
        case "summaryText": TemplateValue(self.summaryText)
        case "declarations": TemplateValue(self.declarations)
        case "commitmentCount": TemplateValue(self.commitmentCount)
        default: nil
        }
    }
}

extension NotFoundPage: TemplateFields {
    package func field(named name: String) -> TemplateValue? {
        switch name {
        case "page": TemplateValue(self.page)
        default: nil
        }
    }
}

extension PrintPage: TemplateFields {
    package func field(named name: String) -> TemplateValue? {
        switch name {
        case "page": TemplateValue(self.page)
        case "declaration": TemplateValue(self.declaration)
        case "network": TemplateValue(self.network)
        case "signatoriesHTML": TemplateValue(self.signatoriesHTML)
        case "sourceURL": TemplateValue(self.sourceURL)
        case "editionText": TemplateValue(self.editionText)
        default: nil
        }
    }
}

extension TotalView: TemplateFields {
    package func field(named name: String) -> TemplateValue? {
        switch name {
        case "label": TemplateValue(self.label)
        case "count": TemplateValue(self.count)
        default: nil
        }
    }
}

extension PageMeta: TemplateFields {
    package func field(named name: String) -> TemplateValue? {
        switch name {
        case "language": TemplateValue(self.language)
        case "title": TemplateValue(self.title)
        case "description": TemplateValue(self.description)
        case "root": TemplateValue(self.root)
        case "assets": TemplateValue(self.assets)
        case "siteTitle": TemplateValue(self.siteTitle)
        case "network": TemplateValue(self.network)
        case "breadcrumbs": TemplateValue(self.breadcrumbs)
        case "hasBreadcrumbs": TemplateValue(self.hasBreadcrumbs)
        case "canonicalURL": TemplateValue(self.canonicalURL)
        case "inDeclarations": TemplateValue(self.inDeclarations)
        case "inCities": TemplateValue(self.inCities)
        case "inCountries": TemplateValue(self.inCountries)
        case "inCommitments": TemplateValue(self.inCommitments)
        case "homeHref": TemplateValue(self.homeHref)
        case "declarationsHref": TemplateValue(self.declarationsHref)
        case "citiesHref": TemplateValue(self.citiesHref)
        case "countriesHref": TemplateValue(self.countriesHref)
        case "commitmentsHref": TemplateValue(self.commitmentsHref)
        case "headerHTML": TemplateValue(self.headerHTML)
        case "footerHTML": TemplateValue(self.footerHTML)
        default: nil
        }
    }
}

extension PageMeta.Crumb: TemplateFields {
    package func field(named name: String) -> TemplateValue? {
        switch name {
        case "label": TemplateValue(self.label)
        case "href": TemplateValue(self.href)
        default: nil
        }
    }
}

extension Chrome.View: TemplateFields {
    package func field(named name: String) -> TemplateValue? {
        switch name {
        case "siteTitle": TemplateValue(self.siteTitle)
        case "network": TemplateValue(self.network)
        case "homeHref": TemplateValue(self.homeHref)
        case "declarationsHref": TemplateValue(self.declarationsHref)
        case "citiesHref": TemplateValue(self.citiesHref)
        case "countriesHref": TemplateValue(self.countriesHref)
        case "commitmentsHref": TemplateValue(self.commitmentsHref)
        case "inDeclarations": TemplateValue(self.inDeclarations)
        case "inCities": TemplateValue(self.inCities)
        case "inCountries": TemplateValue(self.inCountries)
        case "inCommitments": TemplateValue(self.inCommitments)
        default: nil
        }
    }
}
