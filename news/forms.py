"""The article editor's form: categories and fields of expertise in the article's language
only (consortium.pages.forms)."""

from consortium.pages.forms import LocalizedChoicesPageForm


class NewsPageForm(LocalizedChoicesPageForm):
    localized_choice_fields = ("category", "expertise_fields")
