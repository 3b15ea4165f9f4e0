/// A template a build renders directly, with the view it receives: where the template checker starts.
package struct TemplateEntry: Sendable {
    /// The template's name (`city` for `Templates/city.mustache`).
    package let template: String
    /// The fields of the view it is rendered with.
    package let schema: TemplateSchema
    /// The view in words, for messages: `a city page`.
    package let description: String

    /// The template `template`, rendered with values of `view`, described as `description` in messages.
    package init(_ template: String, view: any TemplateView.Type, as description: String) {
        self.template = template
        schema = view.templateSchema
        self.description = description
    }
}
