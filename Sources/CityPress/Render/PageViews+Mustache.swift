import Mustache

// Field lookup for the templates without reflection: Mustache asks each value for its
// fields by name, and `Mirror` made that the slowest part of a build. Keep each switch in step with
// the struct's stored properties (a test checks every field against `Mirror`).

extension DeclarationSummaryView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "title": self.title
        case "href": self.href
        case "dateText": self.dateText
        case "event": self.event
        case "location": self.location
        case "commitmentCount": self.commitmentCount
        case "signatoryCount": self.signatoryCount
        case "hasSignatories": self.hasSignatories
        case "isDraft": self.isDraft
        default: nil
        }
    }
}

extension CommitmentItemView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "number": self.number
        case "anchor": self.anchor
        case "html": self.html
        case "href": self.href
        case "excerpt": self.excerpt
        default: nil
        }
    }
}

extension DeclarationView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "title": self.title
        case "event": self.event
        case "venue": self.venue
        case "location": self.location
        case "dateSpan": self.dateSpan
        case "adoptedText": self.adoptedText
        case "preambleHTML": self.preambleHTML
        case "closingHTML": self.closingHTML
        case "commitments": self.commitments
        case "commitmentCount": self.commitmentCount
        case "firstNumber": self.firstNumber
        case "href": self.href
        case "printHref": self.printHref
        case "signatoriesHTML": self.signatoriesHTML
        case "signatoryCount": self.signatoryCount
        case "hasSignatories": self.hasSignatories
        case "asOfText": self.asOfText
        case "isDraft": self.isDraft
        case "pdfs": self.pdfs
        case "titleCSSString": self.titleCSSString
        default: nil
        }
    }
}

extension PDFLinkView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "label": self.label
        case "href": self.href
        default: nil
        }
    }
}

extension CityLinkView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "name": self.name
        case "href": self.href
        case "detail": self.detail
        default: nil
        }
    }
}

extension SignatoryGroupView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "country": self.country
        case "countryHref": self.countryHref
        case "count": self.count
        case "entriesHTML": self.entriesHTML
        default: nil
        }
    }
}

extension SignatoriesFragment: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "groups": self.groups
        case "count": self.count
        default: nil
        }
    }
}

extension NavLinkView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "label": self.label
        case "href": self.href
        default: nil
        }
    }
}

extension HomePage: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "page": self.page
        case "description": self.description
        case "declarations": self.declarations
        case "hasDeclarations": self.hasDeclarations
        case "declarationCount": self.declarationCount
        case "commitmentCount": self.commitmentCount
        case "cityCount": self.cityCount
        case "countryCount": self.countryCount
        default: nil
        }
    }
}

extension DeclarationsIndexPage: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "page": self.page
        case "declarations": self.declarations
        case "hasDeclarations": self.hasDeclarations
        default: nil
        }
    }
}

extension DeclarationPage: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "page": self.page
        case "declaration": self.declaration
        default: nil
        }
    }
}

extension CommitmentPage: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "page": self.page
        case "declaration": self.declaration
        case "number": self.number
        case "html": self.html
        case "declarationAnchorHref": self.declarationAnchorHref
        case "previous": self.previous
        case "next": self.next
        default: nil
        }
    }
}

extension CityEntryView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "name": self.name
        case "href": self.href
        case "countryName": self.countryName
        case "countryHref": self.countryHref
        case "detail": self.detail
        default: nil
        }
    }
}

extension LetterGroupView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "letter": self.letter
        case "anchor": self.anchor
        case "cities": self.cities
        default: nil
        }
    }
}

extension CitiesIndexPage: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "page": self.page
        case "letters": self.letters
        case "cityCount": self.cityCount
        default: nil
        }
    }
}

extension EndorsementView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "title": self.title
        case "href": self.href
        case "dateText": self.dateText
        case "commitments": self.commitments
        default: nil
        }
    }
}

extension CityPage: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "page": self.page
        case "name": self.name
        case "kind": self.kind
        case "subdivision": self.subdivision
        case "countryName": self.countryName
        case "countryHref": self.countryHref
        case "endorsementsHTML": self.endorsementsHTML
        case "hasEndorsements": self.hasEndorsements
        case "endorsementCount": self.endorsementCount
        default: nil
        }
    }
}

extension CountryEntryView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "name": self.name
        case "href": self.href
        case "cityCount": self.cityCount
        default: nil
        }
    }
}

extension CountriesIndexPage: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "page": self.page
        case "countries": self.countries
        case "countryCount": self.countryCount
        default: nil
        }
    }
}

extension CountryCityView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "name": self.name
        case "href": self.href
        case "detail": self.detail
        case "endorsementCount": self.endorsementCount
        default: nil
        }
    }
}

extension CountryPage: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "page": self.page
        case "name": self.name
        case "cities": self.cities
        case "cityCount": self.cityCount
        default: nil
        }
    }
}

extension CommitmentGroupView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "title": self.title
        case "href": self.href
        case "dateText": self.dateText
        case "commitments": self.commitments
        default: nil
        }
    }
}

extension CommitmentsIndexPage: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "page": self.page
        case "declarations": self.declarations
        case "commitmentCount": self.commitmentCount
        default: nil
        }
    }
}

extension NotFoundPage: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "page": self.page
        default: nil
        }
    }
}

extension PrintPage: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "page": self.page
        case "declaration": self.declaration
        case "network": self.network
        case "signatoriesHTML": self.signatoriesHTML
        case "sourceURL": self.sourceURL
        case "editionText": self.editionText
        default: nil
        }
    }
}

extension PageMeta: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "language": self.language
        case "title": self.title
        case "description": self.description
        case "root": self.root
        case "assets": self.assets
        case "siteTitle": self.siteTitle
        case "network": self.network
        case "breadcrumbs": self.breadcrumbs
        case "canonicalURL": self.canonicalURL
        case "inDeclarations": self.inDeclarations
        case "inCities": self.inCities
        case "inCountries": self.inCountries
        case "inCommitments": self.inCommitments
        case "homeHref": self.homeHref
        case "declarationsHref": self.declarationsHref
        case "citiesHref": self.citiesHref
        case "countriesHref": self.countriesHref
        case "commitmentsHref": self.commitmentsHref
        case "headerHTML": self.headerHTML
        case "footerHTML": self.footerHTML
        default: nil
        }
    }
}

extension Chrome.View: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "siteTitle": self.siteTitle
        case "network": self.network
        case "homeHref": self.homeHref
        case "declarationsHref": self.declarationsHref
        case "citiesHref": self.citiesHref
        case "countriesHref": self.countriesHref
        case "commitmentsHref": self.commitmentsHref
        case "inDeclarations": self.inDeclarations
        case "inCities": self.inCities
        case "inCountries": self.inCountries
        case "inCommitments": self.inCommitments
        default: nil
        }
    }
}

extension PageMeta.Crumb: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "label": self.label
        case "href": self.href
        default: nil
        }
    }
}
