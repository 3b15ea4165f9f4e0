/// A template a build renders directly, with the view it receives: where the template checker starts.
package struct TemplateEntry: Sendable {
    /// The template's name (`city` for `Templates/city.mustache`).
    package let template: String
    /// The fields of the view it is rendered with.
    package let schema: TemplateSchema
    /// The view in words, for messages: `a city page`.
    package let description: String
    /// Whether a template folder may lack it: pages some sites never have (reports) are rendered with
    /// such templates, and a folder made before they existed builds as long as the site has none.
    package let isOptional: Bool

    /// The template `template`, rendered with values of `view`, described as `description` in messages;
    /// `optional` when a site without pages of its kind needs no such template.
    package init(_ template: String, view: any TemplateView.Type, as description: String, optional: Bool = false) {
        self.template = template
        schema = view.templateSchema
        self.description = description
        isOptional = optional
    }
}
